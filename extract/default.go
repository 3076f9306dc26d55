package extract

import (
	"context"
	"fmt"

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
	var stages []document.Stage
	for _, mk := range defaultStages {
		s, err := mk()
		if err != nil {
			return nil, err
		}
		stages = append(stages, s)
		if opts.Upto != "" && s.Name() == opts.Upto {
			return NewPipeline(stages...)
		}
	}
	if opts.Upto != "" {
		return nil, fmt.Errorf("extract: unknown stage %q in Options.Upto (stages: tokenize, stem, lemma, ner, timex, events)", opts.Upto)
	}
	return NewPipeline(stages...)
}

// defaultStages lists the stage constructors in pipeline order. Wiring is
// explicit (no init-time registration), so reading this list tells what runs.
// Each constructor lives in its own file (stage_<name>.go).
var defaultStages = []func() (document.Stage, error){
	tokenizeStage,
	stemStage,
	lemmaStage,
	nerStage,
	timexStage,
	eventsStage,
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
