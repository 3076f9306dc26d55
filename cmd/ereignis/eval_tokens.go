package main

import (
	"fmt"
	"io"
)

func evalTokens(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ereignis eval tokens: not implemented yet")
	return 2
}
