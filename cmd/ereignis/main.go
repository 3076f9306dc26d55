// Command ereignis extracts events, entities and time expressions from
// German news articles and evaluates each stage against gold data.
//
//	ereignis extract [flags] PATH...   one JSON record per article (JSON Lines)
//	ereignis eval STAGE [flags] ...    score a stage: tokens, ner, timex, events, attribution
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage:
  ereignis extract [flags] PATH...     write one JSON record per article (JSON Lines)
  ereignis eval STAGE [flags] ...      score a stage against gold data
                                       (stages: tokens, ner, timex, events, attribution)
run "ereignis extract -h" or "ereignis eval STAGE -h" for flags`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without os.Exit, so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "ereignis: unknown command %q\n%s\n", args[0], usage)
	return 2
}
