package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/tokenize"
)

const defaultUD = "../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"

// evalTokens scores the tokeniser and sentence splitter on a UD CoNLL-U
// file: token P/R/F1 against the gold surface tokens, and sentence-boundary
// P/R/F1 over the sentences' texts joined with one space. With -prose it
// prints prose v2's scores on the same data as a second report.
func evalTokens(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval tokens", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", defaultUD, "UD CoNLL-U file with gold tokens and sentences")
	asJSON := fs.Bool("json", false, "print one JSON object per report instead of a table")
	withProse := fs.Bool("prose", false, "also score github.com/jdkato/prose/v2 (the English baseline)")
	errs := fs.Int("errors", 0, "list up to N sentences whose tokens differ from the gold (on stderr)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	sents, err := eval.ReadUD(*ud)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval tokens:", err)
		return 1
	}
	tk, err := tokenize.New()
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval tokens:", err)
		return 1
	}
	ev := eval.ScoreTokens(sents, eval.TokenizerSegmenter(tk), *errs)
	for _, e := range ev.Errors {
		fmt.Fprintln(stderr, e)
	}
	rep := ev.Report(*ud)
	if err := rep.Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, "ereignis eval tokens:", err)
		return 1
	}
	if *withProse {
		pv := eval.ScoreTokens(sents, eval.ProseSegmenter(), 0)
		pr := pv.Report(*ud + " (prose v2)")
		pr.Stage = "tokens-prose"
		if !*asJSON {
			fmt.Fprintln(stdout)
		}
		if err := pr.Write(stdout, *asJSON); err != nil {
			fmt.Fprintln(stderr, "ereignis eval tokens:", err)
			return 1
		}
	}
	return 0
}
