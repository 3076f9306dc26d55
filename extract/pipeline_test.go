package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

type fakeStage struct {
	name     string
	req, pro []document.Layer
	run      func(ctx context.Context, d *document.Document) error
}

func (f fakeStage) Name() string               { return f.name }
func (f fakeStage) Requires() []document.Layer { return f.req }
func (f fakeStage) Provides() []document.Layer { return f.pro }
func (f fakeStage) Process(ctx context.Context, d *document.Document) error {
	if f.run == nil {
		return nil
	}
	return f.run(ctx, d)
}

// A pipeline whose stage needs a layer nobody provides is rejected when it
// is built, not when it misbehaves on a document.
func TestNewPipelineRejectsMisorder(t *testing.T) {
	tok := fakeStage{name: "tok", pro: []document.Layer{document.LayerTokens}}
	ner := fakeStage{name: "ner", req: []document.Layer{document.LayerTokens}, pro: []document.Layer{document.LayerEntities}}
	if _, err := extract.NewPipeline(ner, tok); err == nil || !strings.Contains(err.Error(), `"ner"`) {
		t.Fatalf("misordered pipeline: err = %v, want one naming stage ner", err)
	}
	if _, err := extract.NewPipeline(tok, ner); err != nil {
		t.Fatal(err)
	}
}

func TestProcessRecoversPanic(t *testing.T) {
	boom := fakeStage{name: "boom", run: func(context.Context, *document.Document) error { panic("index out of range") }}
	p, err := extract.NewPipeline(boom)
	if err != nil {
		t.Fatal(err)
	}
	err = p.Process(context.Background(), document.New("a1", "a1.txt", "Text."))
	var se *extract.StageError
	if !errors.As(err, &se) || !se.Panic || se.Stage != "boom" || se.Doc != "a1" {
		t.Fatalf("err = %#v, want a recovered panic naming stage boom and document a1", err)
	}
}

func TestProcessStopsOnCancel(t *testing.T) {
	ran := false
	s := fakeStage{name: "s", run: func(context.Context, *document.Document) error { ran = true; return nil }}
	p, _ := extract.NewPipeline(s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := p.Process(ctx, document.New("a", "a", "x"))
	if !errors.Is(err, context.Canceled) || ran {
		t.Fatalf("err = %v, ran = %v; want context.Canceled before the stage runs", err, ran)
	}
}

func TestStageErrorNamesStage(t *testing.T) {
	s := fakeStage{name: "timex", run: func(context.Context, *document.Document) error { return errors.New("bad rule") }}
	p, _ := extract.NewPipeline(s)
	err := p.Process(context.Background(), document.New("doc7", "doc7", "x"))
	if err == nil || !strings.Contains(err.Error(), "timex") || !strings.Contains(err.Error(), "doc7") {
		t.Fatalf("err = %v, want it to name stage and document", err)
	}
}
