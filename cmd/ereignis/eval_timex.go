package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/ereignis/ereignis/tokenize"
	"io"
	"path/filepath"
	"strings"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/timex"
)

// evalTimex scores the time-expression stage on TimeML (.tml, KRAUTS) and
// TIMEX2 (.key.xml, WikiWarsDE) files: the tokenizer and the timex stage
// run over the text of each file with its DCT (none for TIMEX2, whose date
// is the download date).
func evalTimex(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval timex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	peer := fs.String("peer", "", "folder with another system's .tml output of the same files (e.g. HeidelTime's), scored side by side")
	verbose := fs.Bool("verbose", false, "list misses, wrong values and false alarms on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ereignis eval timex [--json] [--peer DIR] [--verbose] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	tag, err := newTimexTagger()
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval timex:", err)
		return 1
	}
	files, err := eval.TimexFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval timex:", err)
		return 1
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "ereignis eval timex: no .tml or .key.xml files")
		return 1
	}
	ours, peerEval, err := eval.EvalTimex(files, fs.Args(), *peer, tag)
	if err != nil {
		fmt.Fprintln(stderr, "ereignis eval timex:", err)
		return 1
	}
	if *verbose {
		for _, l := range append(ours.Total.Misses, ours.Total.FalseAlarm...) {
			fmt.Fprintln(stderr, l)
		}
	}
	dataset := strings.Join(fs.Args(), " ")
	rep := ours.Report(dataset)
	addRecallNotes(rep)
	if peerEval == nil {
		if err := rep.Write(stdout, *asJSON); err != nil {
			return 1
		}
		return 0
	}
	prep := peerEval.Report(*peer)
	if *asJSON {
		b, err := json.Marshal(map[string]*eval.Report{"ours": rep, "peer": prep})
		if err != nil {
			return 1
		}
		fmt.Fprintln(stdout, string(b))
		return 0
	}
	if err := eval.WriteTimexSideBySide(stdout, rep, prep, filepath.Base(filepath.Clean(*peer))); err != nil {
		return 1
	}
	return 0
}

func addRecallNotes(r *eval.Report) {
	for _, t := range []string{"SET", "DURATION"} {
		c := r.Score(t)
		if c.TP+c.FN > 0 {
			r.Notes = append(r.Notes, fmt.Sprintf("%s recall %.4f (%d of %d)", t, c.Recall(), c.TP, c.TP+c.FN))
		}
	}
}

// newTimexTagger runs the tokenizer and the timex stage over one text.
func newTimexTagger() (eval.TimexTagger, error) {
	tok, err := tokenize.NewStage()
	if err != nil {
		return nil, err
	}
	tg, err := timex.Default()
	if err != nil {
		return nil, err
	}
	p, err := extract.NewPipeline(tok, timex.NewStage(tg))
	if err != nil {
		return nil, err
	}
	return eval.PipelineTagger(p), nil
}
