package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/extract"
)

const defaultSmartData = "../shared/data/smartdata/v3_20200302_dev.json.gz"

// evalEvents scores the events of the whole pipeline against the SmartData
// dev split: document-level type detection and arguments for the news
// types, one line per type, traffic types apart.
func evalEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("smartdata", defaultSmartData, "SmartData v3 JSON export (.json or .json.gz)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	docs, err := eval.ReadSmartDataFile(*file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval events:", err)
		return 1
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval events:", err)
		return 1
	}
	rep, err := eval.Events(context.Background(), p, docs, *file)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval events:", err)
		return 1
	}
	if err := rep.Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, "ereignis eval events:", err)
		return 1
	}
	return 0
}
