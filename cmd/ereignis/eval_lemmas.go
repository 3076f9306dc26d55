package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/lexicon"
)

// evalLemmas scores the lemma stage on a UD CoNLL-U file, using the gold
// words as input: verb and AUX lemma accuracy, separable-particle joins,
// noun lemmas, and VERB/AUX tagging P/R/F1.
func evalLemmas(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval lemmas", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", defaultUD, "UD CoNLL-U file with gold lemmas and UPOS")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	errs := fs.Int("errors", 0, "list the N most frequent verb lemma errors (on stderr)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval lemmas:", err)
		return 1
	}
	ev, err := eval.ScoreLemmasFile(*ud, lex, *errs)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval lemmas:", err)
		return 1
	}
	for _, e := range ev.Errors {
		fmt.Fprintln(stderr, e)
	}
	if err := ev.Report(*ud).Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, "ereignis eval lemmas:", err)
		return 1
	}
	return 0
}
