package events

import (
	"hash/maphash"
	"unicode"
	"unicode/utf8"
)

// wform is what the stage derives from one distinct token text of a
// document. An article repeats most of its word forms, and inside the
// pipeline the model's and the lexicon's big maps are cold in the CPU
// caches: a form of a few hundred entries, found by its text in a small
// table, answers the repeats from L1/L2 instead of probing them again.
type wform struct {
	text   string
	low    string     // strings.ToLower(text)
	el, et *wordEntry // the model's entries for low and for text
	upper  bool       // text starts with an upper-case letter

	// computed on first use (the *Done flags say whether they are)
	fw, fwDone      bool // the lexicon knows low as a function word
	head            string
	headDone        bool // head = compoundHead(text)
	role, roleDone  bool // role = Model.roleNoun(low)
	cueLow          string
	cueLowDone      bool // cueLow = Model.cue(low)
	det, detDone    bool
	lemma, lemmaCue string // the last final lemma seen on the form and its cue
	lemmaTrs        []trigger
	lemmaDone       bool
	lk              lookupKey // the inputs of the last lookup on the form
	lkOut           lookupOut // and its result
	lkDone          bool
}

// lookupKey is what (*analysis).lookup reads from a token beyond its text.
type lookupKey struct {
	start      bool
	pos, lemma string
}

type lookupOut struct {
	lemma, feat       string
	verb, fin, nonfin bool
}

// forms is a per-document table of wforms: open addressing over slots
// that hold an index into list plus one.
type forms struct {
	slots []int32
	list  []wform
}

var formSeed = maphash.MakeSeed()

// reset empties the table and sizes it for a document of n tokens.
func (t *forms) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]int32, size)
	}
	clear(t.list)
	t.list = t.list[:0]
}

// get returns the index of text's form, adding it (through the model) when
// the document has not had it yet.
func (t *forms) get(m *Model, text string) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := maphash.String(formSeed, text) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.list = append(t.list, wform{text: text})
			f := &t.list[len(t.list)-1]
			f.low, f.el, f.et = m.word(text)
			r, _ := utf8.DecodeRuneInString(text)
			f.upper = unicode.IsUpper(r)
			t.slots[i] = int32(len(t.list))
			return int32(len(t.list) - 1)
		}
		if t.list[s-1].text == text {
			return s - 1
		}
	}
}

// form returns the form of token j, or nil when build left it without
// one (the hyphen inside a compound). Of punctuation only the text and et
// are used.
func (a *analysis) form(j int) *wform {
	if fi := a.t[j].fi; fi > 0 {
		return &a.forms.list[fi-1]
	}
	return nil
}

// funcWord reports whether the lexicon knows the form's lower-case form as
// a function word.
func (a *analysis) funcWord(f *wform) bool {
	if !f.fwDone {
		f.fw, f.fwDone = a.lex.FunctionWord(f.low) != "", true
	}
	return f.fw
}

// formHead is compoundHead(f.text), once per form.
func (a *analysis) formHead(f *wform) string {
	if !f.headDone {
		f.head, f.headDone = a.compoundHead(f.text), true
	}
	return f.head
}

// tokHead is compoundHead of token j's text.
func (a *analysis) tokHead(j int) string {
	if f := a.form(j); f != nil {
		return a.formHead(f)
	}
	return a.compoundHead(a.d.Tokens[j].Text)
}

// cueOfLow is Model.cue of token j's lower-case form.
func (a *analysis) cueOfLow(j int) string {
	f := a.form(j)
	if f == nil || a.t[j].punct {
		return a.m.cue(a.t[j].low)
	}
	if !f.cueLowDone {
		f.cueLow, f.cueLowDone = a.m.cue(f.low), true
	}
	return f.cueLow
}
