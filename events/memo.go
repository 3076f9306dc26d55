package events

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// wform is what the stage derives from one distinct token text of a
// document. An article repeats most of its word forms, and inside the
// pipeline the model's and the lexicon's big maps are cold in the CPU
// caches: a form of a few hundred entries, found by its text in a small
// table, answers the repeats from L1/L2 instead of probing them again.
//
// Measured and dropped (Round 7, cachegrind of BenchmarkEventStage): the
// fields build reads for every token first and the once-per-form ones
// last (200 instead of 232 bytes, the per-token ones in 152): L1 read
// misses +0.4 %, instructions +0.9 %.
type wform struct {
	text   string
	low    string     // strings.ToLower(text)
	el, et *wordEntry // the model's entries for low and for text
	upper  bool       // text starts with an upper-case letter
	h      uint64     // maphash.String(keySeed, text)
	// el is looked up (else it has no closed classes, and formEl
	// looks it up when its forms are asked for)
	elDone bool

	// computed on first use (the *Done flags say whether they are)
	fw, fwDone     bool // the lexicon knows low as a function word
	head           string
	headDone       bool // head = compoundHead(text)
	role, roleDone bool // role = Model.roleNoun(low)
	lowLI          *lemmaInfo
	lowLIDone      bool // lowLI = Model.lemmaInfo(low) (its cue is Model.cue(low))
	det, detDone   bool
	lemma          string     // the last final lemma seen on the form
	lemmaLI        *lemmaInfo // and its cue kind and triggers
	lemmaDone      bool
	cue, cueDone   bool      // cueToken of a token of the form with that lemma and the form's case
	lk             lookupKey // the inputs of the last lookup on the form
	lkOut          lookupOut // and its result
	lkDone         bool
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
//
// Measured and dropped (round 4, cachegrind of BenchmarkPipelineStages and
// interleaved runs): keeping the table from one document to the next (up
// to 2,048 or 8,192 forms, as the NER stage's memo does) saves 31 % or
// 51 % of the setWord calls but made the stage slower, since the list
// grows past the L2 cache and every token reads its form; a separate
// cross-document memo of setWord's answers (64-byte slots holding the key)
// missed the cache more than the model's table it spared (the model has
// 16k entries, and the frequent words' are cached anyway); loops touching
// the table slots and entries of all forms before setWord (overlapping the
// misses) were within the noise in 12 interleaved rounds; int32 indexes
// in wtok (96 instead of 112 bytes) cost more instructions than the write
// misses they saved.
//
// Measured and dropped (round 7, cachegrind of BenchmarkEventStage over
// 300 10kGNAD articles, and interleaved runs): a one-entry memo of
// lemmaInfo in the analysis, primed by lookupForm with a lemma info kept
// in each model form, and lowInfo's answer taken from build when a form's
// lemma is its lower-case form (−1.5M instructions in Model.lemmaInfo,
// +1.9M in the memo and the inlining it changed); the form texts in a
// dense array of their own for add's compare (+1M instructions, +7.5k L1
// misses: the list is not what misses); build in chunks of 128 tokens so
// that a chunk's tokens and wtoks stay in L1 from pass to pass (−13.6 %
// L1 read misses, +0.5 % instructions, but slower in 3 of 4 interleaved
// BenchmarkEventStage pairs and 5 of 6 BenchmarkPipelineStages pairs:
// forms.init overlaps fewer misses per batch).
type forms struct {
	slots []int32
	list  []wform
	// arena holds the lower-case forms that the model does not know (one
	// allocation for many, kept from one document to the next): bytes are
	// only appended, and a full arena is left to its strings for a new
	// one, so the strings stay valid
	arena []byte
	sink  uint64 // init's loads, kept so that they stay
}

// str returns b as a string in the arena.
func (t *forms) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cap(t.arena)-len(t.arena) {
		n := min(max(2*cap(t.arena), 512), 8192)
		t.arena = make([]byte, 0, max(n, len(b)))
	}
	off := len(t.arena)
	t.arena = append(t.arena, b...)
	return unsafe.String(&t.arena[off], len(b))
}

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

// add returns the index of text's form, adding it when the document has
// not had it yet; init fills the new forms in.
//
// Measured and dropped (Round 7, cachegrind of BenchmarkEventStage): the
// slots probed by a cheap inlined hash of the length and the first and
// last 8 bytes, maphash only for a new form: +3 % instructions in the
// stage. The maphash instructions fell by a third only (most adds are of
// a new form), and add itself grew by more than that.
func (t *forms) add(text string) int32 {
	h := maphash.String(keySeed, text)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			// the slice past its length is zero (reset clears what a
			// document used): no 256-byte literal to build and copy
			n := len(t.list)
			if n < cap(t.list) {
				t.list = t.list[:n+1]
			} else {
				t.list = append(t.list, wform{})
			}
			f := &t.list[n]
			f.text, f.h = text, h
			t.slots[i] = int32(n + 1)
			return int32(n)
		}
		if t.list[s-1].text == text {
			return s - 1
		}
	}
}

// init looks the forms up in the model. The words of an article are
// mostly in lower case, and idxF is cold in the pipeline: its words for
// all forms are read first, in a loop of independent loads, so that the
// CPU waits for the cache misses together rather than one by one.
func (t *forms) init(m *Model) {
	var x uint64
	for i := range t.list {
		f := &t.list[i]
		if len(f.text) > 0 && (f.text[0] < 'A' || f.text[0] > 'Z' && f.text[0] < utf8.RuneSelf) {
			x ^= m.idxF[f.h>>52]
		}
	}
	for i := range t.list {
		f := &t.list[i]
		f.setWord(m, t)
		r, _ := utf8.DecodeRuneInString(f.text)
		f.upper = unicode.IsUpper(r)
	}
	// the entries found, likewise (build reads their forms and classes)
	for i := range t.list {
		f := &t.list[i]
		if f.et != nil {
			x ^= uint64(len(f.et.forms))
		}
		if f.el != nil {
			x ^= uint64(len(f.el.cls))
		}
	}
	t.sink = x
}

// setWord sets low, et and el as Model.word does, except that a word with
// capitals whose lower-case form has no closed classes leaves el to
// formEl: most such words are names and nouns the model does not know,
// and the index lookup is a cache miss in the pipeline.
func (f *wform) setWord(m *Model, t *forms) {
	s := f.text
	var buf [64]byte
	if len(s) > len(buf) {
		f.low, f.el, f.et = m.word(s)
		f.elDone = true
		return
	}
	if lowerASCII(s) { // most words: no copy, s is its own lower-case form
		e := m.entryHash(s, f.h)
		f.low, f.el, f.et, f.elDone = s, e, e, true
		return
	}
	b, changed := appendLower(buf[:0], s)
	if changed && string(b) == s {
		changed = false // U+FFFD itself
	}
	if !changed {
		e := m.entryHash(s, f.h)
		f.low, f.el, f.et, f.elDone = s, e, e, true
		return
	}
	// s is not in lower case: tab holds it only among the upF keys
	if m.upF.mayHash(f.h) {
		if et := m.tab.find(s, f.h); et != nil {
			f.low, f.el, f.et, f.elDone = et.lowW, et.lowE, et, true
			return
		}
	}
	if len(b) > m.clsMax { // (clsF's no without the hash)
		f.low = t.str(b)
		return
	}
	hb := maphash.Bytes(keySeed, b)
	if !m.clsF.mayHash(hb) {
		f.low = t.str(b)
		return
	}
	f.elDone = true
	// b is the stack buffer; find keeps nothing of the string
	if e := m.entryHash(unsafe.String(&b[0], len(b)), hb); e != nil {
		f.low, f.el = e.word, e
		return
	}
	f.low = t.str(b)
}

// lowerASCII reports whether s has no upper-case ASCII letter and no
// other byte than ASCII (strings.ToLower(s) == s, found without copying).
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// formEl returns the model's entry for the form's lower-case form.
func (a *analysis) formEl(f *wform) *wordEntry {
	if !f.elDone {
		f.el, f.elDone = a.m.entryOf(f.low), true
	}
	return f.el
}

// verbForms reports whether the form's lower-case form has forms and the
// first is no noun (a verb capitalised at the start of a sentence).
func (a *analysis) verbForms(f *wform) bool {
	el := a.formEl(f)
	return el != nil && len(el.forms) > 0 && !strings.Contains(el.forms[0].feat, "n")
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
	if li := a.lowInfo(j); li != nil {
		return li.cue // (every cue is a lemma)
	}
	return ""
}

// lowInfo is Model.lemmaInfo of token j's lower-case form, once per form.
func (a *analysis) lowInfo(j int) *lemmaInfo {
	f := a.form(j)
	if f == nil || a.t[j].punct {
		return a.m.lemmaInfo(a.t[j].low)
	}
	if !f.lowLIDone {
		f.lowLI, f.lowLIDone = a.m.lemmaInfo(f.low), true
	}
	return f.lowLI
}
