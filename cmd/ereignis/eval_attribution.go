package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/extract"
)

const defaultSpkAtt = "../shared/data/spkatt2023-news/spkatt2023_task2_train.jsonl.gz"

// evalAttribution scores the statements of the whole pipeline (up to the
// events stage) against GermEval 2023 SpkAtt task 2 gold: Cue, Source and
// Message by token overlap after pairing messages, and joint.
func evalAttribution(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval attribution", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("spkatt", defaultSpkAtt, "SpkAtt 2023 task 2 JSON Lines file (.jsonl or .jsonl.gz)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	docs, err := eval.ReadSpkAttFile(*file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval attribution:", err)
		return 1
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval attribution:", err)
		return 1
	}
	rep, err := eval.Attribution(context.Background(), p, docs, *file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval attribution:", err)
		return 1
	}
	if err := rep.Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, "ereignis eval attribution:", err)
		return 1
	}
	return 0
}
