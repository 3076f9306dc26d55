package extract_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	_, err := extract.NewPipeline(ner, tok)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"ner"`)
	_, err = extract.NewPipeline(tok, ner)
	require.NoError(t, err)
}

func TestProcessRecoversPanic(t *testing.T) {
	boom := fakeStage{name: "boom", run: func(context.Context, *document.Document) error { panic("index out of range") }}
	p, err := extract.NewPipeline(boom)
	require.NoError(t, err)
	err = p.Process(context.Background(), document.New("a1", "a1.txt", "Text."))
	var se *extract.StageError
	require.ErrorAs(t, err, &se)
	assert.True(t, se.Panic)
	assert.Equal(t, "boom", se.Stage)
	assert.Equal(t, "a1", se.Doc)
}

func TestProcessStopsOnCancel(t *testing.T) {
	ran := false
	s := fakeStage{name: "s", run: func(context.Context, *document.Document) error { ran = true; return nil }}
	p, err := extract.NewPipeline(s)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = p.Process(ctx, document.New("a", "a", "x"))
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, ran, "the stage ran although the context was already done")
}

func TestStageErrorNamesStage(t *testing.T) {
	s := fakeStage{name: "timex", run: func(context.Context, *document.Document) error { return errors.New("bad rule") }}
	p, err := extract.NewPipeline(s)
	require.NoError(t, err)
	err = p.Process(context.Background(), document.New("doc7", "doc7", "x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "timex")
	assert.Contains(t, err.Error(), "doc7")
}

// Every stage of the default pipeline is built, in order, and an unknown
// Upto name is an error rather than a silently full pipeline.
func TestDefaultPipeline(t *testing.T) {
	p, err := extract.New(extract.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"tokenize", "stem", "lemma", "ner", "timex", "events"}, p.Stages())
	p, err = extract.New(extract.Options{Upto: "ner"})
	require.NoError(t, err)
	assert.Equal(t, []string{"tokenize", "stem", "lemma", "ner"}, p.Stages())
	_, err = extract.New(extract.Options{Upto: "nope"})
	assert.Error(t, err)
}
