package tokenize

import (
	"context"

	"github.com/ereignis/ereignis/document"
)

// Stage is the pipeline stage that fills Document.Tokens and
// Document.Sentences.
type Stage struct {
	t *Tokenizer
}

// NewStage builds the tokenize stage with the embedded word lists.
func NewStage() (*Stage, error) {
	t, err := New()
	if err != nil {
		return nil, err
	}
	return &Stage{t: t}, nil
}

// Tokenizer returns the stage's tokeniser.
func (s *Stage) Tokenizer() *Tokenizer { return s.t }

func (s *Stage) Name() string               { return "tokenize" }
func (s *Stage) Requires() []document.Layer { return nil }
func (s *Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerTokens, document.LayerSentences}
}

// Process replaces d's tokens and sentences with those of d.Text. A new
// document gets the slices of one handed to document.Recycle when there is
// one large enough.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.Tokens == nil {
		document.TakeRecycled(d, tokenEstimate(len(d.Text)))
	}
	d.Tokens = s.t.AppendTokens(d.Tokens[:0], d.Text)
	sents := d.Sentences[:0]
	if sents == nil {
		// News runs at 15-20 tokens a sentence; a tenth rarely has to grow.
		sents = make([]document.Sentence, 0, len(d.Tokens)/10+4)
	}
	d.Sentences = s.t.Sentences(d.Text, d.Tokens, sents)
	return nil
}
