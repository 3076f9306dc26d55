package timex

import (
	"context"

	"github.com/ereignis/ereignis/document"
)

// Stage is the pipeline stage for time expressions. It reads the sentences
// (for the tense of a clause and the sentence index of each timex) and may
// narrow the DCT, so it provides both timexes and dct.
type Stage struct{ tagger *Tagger }

// NewStage returns the stage around a tagger.
func NewStage(tg *Tagger) *Stage { return &Stage{tagger: tg} }

func (s *Stage) Name() string { return "timex" }

func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerTokens, document.LayerSentences}
}

func (s *Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerTimexes, document.LayerDCT}
}

func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.tagger.Tag(d)
	return nil
}
