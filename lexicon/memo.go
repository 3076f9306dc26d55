package lexicon

import "strings"

// wordMemo remembers, for one worker, the context-free analyses of word
// forms (verbInfo, nominal). The big tables do not fit the CPU cache, and a
// news article repeats about 38 % of its words, so asking a small map first
// saves the cache misses of several table look-ups per repeated word. It
// outlives documents (function words and frequent verbs recur across
// articles) but is cleared when it grows past memoLimit, to bound memory.
// The keys are copies: a key that sliced a document's text would keep the
// whole text alive.
type wordMemo struct {
	idx     map[string]int32
	entries []memoEntry
}

type memoEntry struct {
	vi       verbInfo
	viDone   bool
	nomDone  bool
	nomLemma string
	nomPOS   string
}

const memoLimit = 1 << 14

func newWordMemo() *wordMemo {
	return &wordMemo{idx: make(map[string]int32, 1024)}
}

// entry returns the entry of form, adding an empty one when absent.
func (m *wordMemo) entry(form string) *memoEntry {
	if i, ok := m.idx[form]; ok {
		return &m.entries[i]
	}
	if len(m.entries) >= memoLimit {
		clear(m.idx)
		clear(m.entries)
		m.entries = m.entries[:0]
	}
	m.idx[strings.Clone(form)] = int32(len(m.entries))
	m.entries = append(m.entries, memoEntry{})
	return &m.entries[len(m.entries)-1]
}

// verbInfo is l.verbInfo(form) through the memo m (nil: no memo).
func (l *Lexicon) memoVerbInfo(m *wordMemo, form string) verbInfo {
	if m == nil {
		return l.verbInfo(form)
	}
	e := m.entry(form)
	if !e.viDone {
		e.vi, e.viDone = l.verbInfo(form), true
	}
	return e.vi
}

// memoNominal is l.nominal(form, a) through the memo m (nil: no memo).
func (l *Lexicon) memoNominal(m *wordMemo, form string, a *Analysis) {
	if m == nil {
		l.nominal(form, a)
		return
	}
	e := m.entry(form)
	if !e.nomDone {
		var t Analysis
		l.nominal(form, &t)
		e.nomLemma, e.nomPOS, e.nomDone = t.Lemma, t.POS, true
	}
	if e.nomPOS != "" {
		a.Lemma, a.Base, a.POS = e.nomLemma, e.nomLemma, e.nomPOS
	}
}
