package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordMemo remembers the context-free facts of words (case, list flags,
// lexicon noun and name, the weak-noun test) for one scratch, across
// sentences and documents. Those facts cost several look-ups in tables that
// do not fit the CPU cache, and news text repeats its words (38 % of an
// article's words), so a small map asked first saves most of them. The keys
// are copies, so that the memo keeps no document text alive, and the memo is
// cleared when it grows past wordMemoLimit.
type wordMemo struct {
	idx     map[string]int32 // capitalised words only
	entries []memoEntry
}

type memoEntry struct {
	tok tok // s is the key; initial, lw and mi are not used
	// the closed-compound test of part, once computed
	partSet bool
	partEnt *Entry // nil: no closed name compound
	// deriv's demonym or inhabitant entry, and its place adjective entry
	derivSet, placeSet bool
	derivEnt, placeEnt *Entry
}

const wordMemoLimit = 1 << 14

// reserve clears a full memo. It is called before a sentence, never inside
// one, so the entry indices of the sentence's tokens stay valid.
func (m *wordMemo) reserve() {
	if m.idx == nil {
		m.idx = make(map[string]int32, 1024)
	}
	if len(m.entries) >= wordMemoLimit {
		clear(m.idx)
		clear(m.entries)
		m.entries = m.entries[:0]
	}
}

func (m *wordMemo) add(w string, t tok) int32 {
	t.s = strings.Clone(w)
	i := int32(len(m.entries))
	m.idx[t.s] = i
	m.entries = append(m.entries, memoEntry{tok: t})
	return i
}

// wordTok computes the context-free fields of the token of word w.
func (r *Recognizer) wordTok(w string) tok {
	t := tok{s: w}
	c, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(c):
		t.cap = true
		t.acr = isAcronym(w)
	case unicode.IsLower(c):
		t.low = true
	}
	if t.cap {
		f := r.m.capInfo[w]
		t.info = f
		t.fw, t.first, t.surname, t.adj = f&capFunction != 0, f&capFirst != 0, f&capSurname != 0, f&capAdjective != 0
		t.named = t.first || t.surname
		if !t.named && !t.fw && r.lex != nil { // Die, Nach: no lexicon lookup needed
			// The lexicon's nouns have no name reading, so a noun
			// needs no IsName lookup.
			if t.noun = r.lex.IsCommonNoun(w); !t.noun {
				t.named = r.lex.IsName(w)
			}
		}
	}
	return t
}
