package main

import (
	"fmt"
	"io"
)

func evalNER(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ereignis eval ner: not implemented yet")
	return 2
}
