package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// evalCommands maps a stage name to its eval subcommand. Each lives in its
// own file (eval_tokens.go, eval_ner.go, ...) and parses its own flags; all
// print an eval.Report as a table or, with --json, as one JSON object.
var evalCommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"tokens":      evalTokens,
	"ner":         evalNER,
	"timex":       evalTimex,
	"events":      evalEvents,
	"attribution": evalAttribution,
	"lemmas":      evalLemmas,
}

func runEval(args []string, stdout, stderr io.Writer) int {
	names := make([]string, 0, len(evalCommands))
	for n := range evalCommands {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 {
		fmt.Fprintf(stderr, "usage: ereignis eval STAGE [flags] (stages: %s)\n", strings.Join(names, ", "))
		return 2
	}
	cmd, ok := evalCommands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "ereignis eval: unknown stage %q (stages: %s)\n", args[0], strings.Join(names, ", "))
		return 2
	}
	return cmd(args[1:], stdout, stderr)
}
