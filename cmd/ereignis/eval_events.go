package main

import (
	"fmt"
	"io"
)

func evalEvents(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ereignis eval events: not implemented yet")
	return 2
}
