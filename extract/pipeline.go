// Package extract is the library entry point of ereignis: it composes the
// stages (tokenise → stem → named entities → time expressions → events) into
// a Pipeline that is built once and is safe for concurrent use.
package extract

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/ereignis/ereignis/document"
)

// Pipeline runs its stages in order over a Document. It holds no mutable
// state after New returns, so one Pipeline may serve many goroutines.
type Pipeline struct {
	stages []document.Stage
}

// StageError says which stage failed on which document.
type StageError struct {
	Stage string
	Doc   string
	Err   error
	Panic bool
}

func (e *StageError) Error() string {
	if e.Panic {
		return fmt.Sprintf("%s: stage %s panicked: %v", e.Doc, e.Stage, e.Err)
	}
	return fmt.Sprintf("%s: stage %s: %v", e.Doc, e.Stage, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }

// NewPipeline composes stages in the given order. It fails when a stage
// requires a layer that no earlier stage provides.
func NewPipeline(stages ...document.Stage) (*Pipeline, error) {
	have := map[document.Layer]bool{}
	for _, s := range stages {
		for _, l := range s.Requires() {
			if !have[l] {
				return nil, fmt.Errorf("extract: stage %q requires layer %q, which no earlier stage provides", s.Name(), l)
			}
		}
		for _, l := range s.Provides() {
			have[l] = true
		}
	}
	return &Pipeline{stages: append([]document.Stage(nil), stages...)}, nil
}

// Stages returns the names of the stages in order.
func (p *Pipeline) Stages() []string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = s.Name()
	}
	return names
}

// Process runs every stage over d. A panic inside a stage is recovered and
// returned as a *StageError, so no panic escapes the library. When ctx ends
// between stages, Process returns a *StageError wrapping ctx.Err().
func (p *Pipeline) Process(ctx context.Context, d *document.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return &StageError{Stage: s.Name(), Doc: d.ID, Err: err}
		}
		if err := runStage(ctx, s, d); err != nil {
			return err
		}
	}
	return nil
}

func runStage(ctx context.Context, s document.Stage, d *document.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &StageError{Stage: s.Name(), Doc: d.ID, Err: fmt.Errorf("%v\n%s", r, debug.Stack()), Panic: true}
		}
	}()
	if e := s.Process(ctx, d); e != nil {
		var se *StageError
		if errors.As(e, &se) {
			return e
		}
		return &StageError{Stage: s.Name(), Doc: d.ID, Err: e}
	}
	return nil
}
