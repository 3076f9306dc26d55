package main

import (
	"fmt"
	"io"
)

func evalTimex(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ereignis eval timex: not implemented yet")
	return 2
}
