package extract

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/ereignis/ereignis/document"
)

// Options choose which stages the default pipeline runs.
type Options struct {
	// Upto stops the pipeline after the named stage ("tokenize", "stem",
	// "lemma", "ner", "timex", "events"); empty runs all stages.
	Upto string
}

// New builds the default German pipeline: tokenise and split sentences,
// stem, find named entities, find and normalise time expressions, extract
// events and statements. Building loads the embedded models once; the
// returned Pipeline is safe for concurrent use.
func New(opts Options) (*Pipeline, error) {
	n := len(defaultStages)
	if opts.Upto != "" {
		n = slices.IndexFunc(defaultStages, func(c stageCtor) bool { return c.name == opts.Upto }) + 1
		if n == 0 {
			return nil, fmt.Errorf("extract: unknown stage %q in Options.Upto (stages: tokenize, stem, lemma, ner, timex, events)", opts.Upto)
		}
	}
	// The stages load their models at the same time: loading is the serial
	// start of every batch run, so with more than one core a parallel load
	// shortens every run (-j 2's speed-up over -j 1 depends on it). Models
	// that several stages share (the lexicon) load once behind a sync.Once,
	// and a stage that needs one waits for it there.
	stages := make([]document.Stage, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, c := range defaultStages[:n] {
		wg.Go(func() { stages[i], errs[i] = c.mk() })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, s := range stages {
		if s.Name() != defaultStages[i].name {
			return nil, fmt.Errorf("extract: stage %d is %q, listed as %q", i, s.Name(), defaultStages[i].name)
		}
	}
	return NewPipeline(stages...)
}

// stageCtor is one entry of defaultStages: the stage's name, known before
// its models load (so Options.Upto loads no model it does not need), and
// its constructor.
type stageCtor struct {
	name string
	mk   func() (document.Stage, error)
}

// defaultStages lists the stage constructors in pipeline order. Wiring is
// explicit (no init-time registration), so reading this list tells what runs.
// Each constructor lives in its own file (stage_<name>.go).
var defaultStages = []stageCtor{
	{"tokenize", tokenizeStage},
	{"stem", stemStage},
	{"lemma", lemmaStage},
	{"ner", nerStage},
	{"timex", timexStage},
	{"events", eventsStage},
}

// ExtractText runs the pipeline over one text and returns the enriched
// document. dct may be the zero DCT when the date is unknown.
func (p *Pipeline) ExtractText(ctx context.Context, id, text string, dct document.DCT) (*document.Document, error) {
	d := document.New(id, id, text)
	d.DCT = dct
	if err := p.Process(ctx, d); err != nil {
		return d, err
	}
	return d, nil
}
