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

// stageWorker is the per-goroutine scratch space of the stage. (A
// per-document memo of word analyses was measured and dropped: it saved
// allocations but no CPU time. A per-worker memo kept across documents,
// 16k words, was measured too: 8 alternating runs of BenchmarkLemmaStage
// gave a median of 17.7 cpuMB/s with it and 19.6 without: common words
// are in the CPU cache anyway, and rare ones miss in the memo as well.
// A simulated direct-mapped memo of 1k, 4k, 16k forms would answer 57,
// 65, 73 % of the stage's 759k probes per pass, the frequent ones. Also
// dropped: a per-sentence array of each token's lexicon answers, filled
// on first use, which the neighbour rules (auxNext, attributive,
// habenInClause, nonFiniteInClause, joinParticles) and the
// sentence-initial ones read instead of probing again: it saved 9 % of
// the probes' instructions but no cache miss (a token's second probe finds
// its lines cached) and cost more than it saved, +3 % instructions in the
// lexicon code under cachegrind, no gain in BenchmarkLemmaStage.)
type stageWorker struct {
	buf []Analysis
}

// NewStage returns the lemma stage over lex (use Default() for the
// embedded lexicon). It is safe for concurrent use.
func NewStage(lex *Lexicon) *Stage {
	s := &Stage{lex: lex}
	s.workers.New = func() any { return &stageWorker{buf: make([]Analysis, 0, 64)} }
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
		w.buf = s.lex.Lemmatize(toks, w.buf)
		for i := range w.buf {
			// By pointer: a copy of each Analysis cost more than the test.
			if a := &w.buf[i]; a.POS != "" {
				toks[i].Lemma, toks[i].POS = a.Lemma, a.POS
			}
		}
	}
	return nil
}
