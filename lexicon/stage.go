package lexicon

import (
	"context"
	"sync"

	"github.com/ereignis/ereignis/document"
)

// Stage is the pipeline stage "lemma": it sets Token.Lemma and Token.POS
// for the verbs, common nouns and names the lexicon knows, joining
// separable particles into the finite verb's lemma (see Lemmatize).
type Stage struct {
	lex     *Lexicon
	workers sync.Pool // *stageWorker
}

// stageWorker is the per-goroutine scratch space of the stage. Its memo
// outlives documents: a memo cleared per document was measured and saved no
// CPU time, one kept across documents hits on the recurring words.
type stageWorker struct {
	buf  []Analysis
	memo *wordMemo
}

// NewStage returns the lemma stage over lex (use Default() for the
// embedded lexicon). It is safe for concurrent use.
func NewStage(lex *Lexicon) *Stage {
	s := &Stage{lex: lex}
	s.workers.New = func() any { return &stageWorker{buf: make([]Analysis, 0, 64), memo: newWordMemo()} }
	return s
}

func (*Stage) Name() string { return "lemma" }
func (*Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerTokens, document.LayerSentences}
}
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerLemmas} }

// Process lemmatises d sentence by sentence.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	w := s.workers.Get().(*stageWorker)
	defer s.workers.Put(w)
	for si, sent := range d.Sentences {
		if si&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.TokStart < 0 || sent.TokEnd > len(d.Tokens) || sent.TokStart >= sent.TokEnd {
			continue
		}
		toks := d.Tokens[sent.TokStart:sent.TokEnd]
		w.buf = s.lex.lemmatize(toks, w.buf, w.memo)
		for i, a := range w.buf {
			if a.POS != "" {
				toks[i].Lemma, toks[i].POS = a.Lemma, a.POS
			}
		}
	}
	return nil
}
