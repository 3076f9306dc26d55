package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/ner"
)

const defaultGermEval = "../shared/data/germeval2014/NER-de-dev.tsv"

// evalNER scores the NER stage on a GermEval 2014 file: strict span+type
// F1 on outer chunks over the 12 labels ("outer"), merged to 4 types
// ("outer4"), the official metric M1 ("m1") and one score per label. The
// stage runs on the file's own tokens.
func evalNER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("germeval", defaultGermEval, "GermEval 2014 NER TSV file")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	errs := fs.Int("errors", 0, "list the N most frequent error kinds (on stderr)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	sents, err := eval.ReadGermEvalFile(*file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval ner:", err)
		return 1
	}
	st, err := ner.DefaultStage()
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval ner:", err)
		return 1
	}
	rep, err := eval.NER(context.Background(), st, sents, *file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval ner:", err)
		return 1
	}
	if *errs > 0 {
		lines, err := eval.NERConfusion(context.Background(), st, sents)
		if err != nil {
			fmt.Fprintln(stderr, "ereignis eval ner:", err)
			return 1
		}
		for i, l := range lines {
			if i >= *errs {
				break
			}
			fmt.Fprintln(stderr, l)
		}
	}
	if err := rep.Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, "ereignis eval ner:", err)
		return 1
	}
	return 0
}
