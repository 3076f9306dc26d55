package main

import (
	"fmt"
	"io"
)

func evalAttribution(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ereignis eval attribution: not implemented yet")
	return 2
}
