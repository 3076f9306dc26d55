package events

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// wtok is what the heuristics know about one token.
type wtok struct {
	low    string
	lemma  string     // verb lemmas lower case, noun lemmas capitalised
	feat   string     // forms.tsv features: 1 2 p r i z a n
	ent    int        // index of the entity covering the token, -1
	tmx    int        // index of the timex covering the token, -1
	cstart int        // first token of the hyphenated compound this token heads
	cl     int        // index of the clause (document-wide), -1
	e      *wordEntry // the model's entry for low (nil if it knows none)
	li     *lemmaInfo // cue kind and triggers of the final lemma (nil: none)
	fi     int32      // index+1 of the token's form in analysis.forms, 0 for none
	// the flags together, so that wtok has no padding (it is streamed
	// through many times per document)
	upper  bool
	punct  bool
	verb   bool
	fin    bool // can be a finite verb
	nonfin bool // can be an infinitive or participle
	inQ    bool // inside a direct quote
	inline bool // a quote mark of a short quote without a verb („Einmannpackungen“)
	paren  bool // inside a parenthesis without a verb
	cpart  bool // left part or hyphen of a hyphenated compound (US - Präsidenten)
	det    bool // article, possessive or kein-
	// role noun (Präsident, Kremlsprecher, Regierung) and adjective-like
	// (can stand inside a noun phrase before its noun): 0 not computed
	// yet, 1 no, 2 yes. Few tokens are ever asked (isRoleNoun, adjLike
	// compute them on first use, from the token's final state)
	roleSt uint8
	adjSt  uint8
}

// cue returns the cue kind of the final lemma (Model.cue).
func (w *wtok) cue() string {
	if w.li == nil {
		return ""
	}
	return w.li.cue
}

// trs returns the triggers of the final lemma (Model.trigs).
func (w *wtok) trs() []trigger {
	if w.li == nil {
		return nil
	}
	return w.li.trs
}

// classes returns the closed classes of the word (words.tsv), none for
// punctuation: what setClasses once copied into the token, read from the
// entry instead (the token stays 24 bytes smaller).
func (w *wtok) classes() []string {
	if w.punct || w.e == nil {
		return nil
	}
	return w.e.cls
}

// hasClass reports whether the word (its lower-case form) is of the class.
func (w *wtok) hasClass(class string) bool {
	if w.e == nil {
		return false
	}
	return hasCls(w.e.cls, class)
}

// classPrefix returns the first class of the word that starts with prefix.
func (w *wtok) classPrefix(prefix string) string {
	if w.e == nil {
		return ""
	}
	return clsWithPrefix(w.e.cls, prefix)
}

// hasBits reports whether the word is of some class of b (cbits): what
// hasClass or classPrefix(...) != "" answer for those classes.
func (w *wtok) hasBits(b uint16) bool {
	return w.e != nil && w.e.cbits&b != 0
}

// clause is a stretch of a sentence with (at most) one finite verb: the
// unit of negation, modality and argument search.
type clause struct {
	start, end int // token indexes [start, end)
	sent       int
	sub        bool   // dependent clause (subordinator, relative pronoun, infinitive)
	intro      string // introducing word (dass, wie, um, ...) in lower case
	fin        int    // token index of the finite verb, -1
	quote      bool   // inside a direct quote
	afterComma bool   // the clause follows a comma of the same sentence
	cand       bool   // some token of the clause outside quotes is a cueToken
}

type analysis struct {
	d       *document.Document
	m       *Model
	t       []wtok
	clauses []clause
	para    []int // paragraph number of each sentence
	stmts   []document.Statement
	lex     *lexicon.Lexicon
	ments   []mentRange // mentions per clause in mentBuf, filled lazily
	mentBuf []mention
	mentScr []mention // mentions' scratch
	stmtScr []stmt    // statements' scratch
	segs    []seg     // segment's scratch, reused sentence by sentence
	merged  []seg
	forms   *forms              // the document's distinct token texts
	evs     []document.Event    // events' scratch
	argScr  []document.Argument // arguments' scratch
	perRuns []entRun            // personRuns, when perDone
	perDone bool
	sink    byte // build's loads of the lemmas' first bytes, kept so that they stay
	// the clauses of each sentence, in token order: sentCl[sentClOff[si]:sentClOff[si+1]]
	sentCl, sentClOff []int
	// the quote marks among the punctuation tokens, in token order, and
	// whether the tokens' sentences run 0, 1, ... without a gap or a
	// token outside them (then quotes needs to read these tokens only)
	qmarks []int32
	qOK    bool
	puncts []int32 // the punctuation tokens, in token order
	zus    []int32 // the tokens whose low is "zu", in token order (hasZu)
	// the tokens markSpans walked for each entity, [entTok[2e], entTok[2e+1])
	entTok []int32
	endsOK bool // the tokens' End offsets do not decrease (markSpans)
	// cueToken of each token (false for punctuation), and whether the
	// clauses' cand flags hold (the sentences do not overlap: each token
	// is in one clause only)
	cueTok  []bool
	candsOK bool
	// the tokens outside punctuation whose lemma has triggers: events
	// reads these flags rather than every token
	trigTok []bool
}

// seg is a stretch of a sentence between clause boundaries.
type seg struct {
	start, end int
	comma      bool
}

// scratch is the per-document memory of an analysis, reused through a
// sync.Pool because the stage runs on many goroutines at once.
type scratch struct {
	t       []wtok
	clauses []clause
	para    []int
	segs    []seg
	merged  []seg
	forms   forms
	sentCl  []int
	sentOff []int
	evs     []document.Event
	args    []document.Argument
	qmarks  []int32
	ments   []mentRange
	mentBuf []mention
	mentScr []mention
	perRuns []entRun
	stmts   []stmt
	puncts  []int32
	zus     []int32
	entTok  []int32
	cueTok  []bool
	trigTok []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens keeps a freak document from pinning its memory in the
// pool.
const maxPooledTokens = 1 << 16

// useScratch takes the analysis' slices from the pool; they come zeroed.
func (a *analysis) useScratch() *scratch {
	sc := scratchPool.Get().(*scratch)
	n := len(a.d.Tokens)
	if cap(sc.t) >= n {
		a.t = sc.t[:n]
	} else {
		// room for the longer articles to come: the pool's slice would
		// otherwise grow with nearly every new longest one
		c := 1024
		for c < n {
			c *= 2
		}
		a.t = make([]wtok, n, c)
	}
	a.clauses, a.para, a.segs, a.merged = sc.clauses[:0], sc.para[:0], sc.segs[:0], sc.merged[:0]
	a.forms = &sc.forms
	a.sentCl, a.sentClOff = sc.sentCl[:0], sc.sentOff[:0]
	a.evs = sc.evs[:0]
	a.argScr = sc.args[:0]
	a.qmarks = sc.qmarks[:0]
	a.ments, a.mentBuf, a.mentScr = sc.ments[:0], sc.mentBuf[:0], sc.mentScr[:0]
	a.perRuns = sc.perRuns[:0]
	a.stmtScr = sc.stmts[:0]
	a.puncts, a.zus, a.entTok = sc.puncts[:0], sc.zus[:0], sc.entTok[:0]
	a.cueTok, a.trigTok = sc.cueTok[:0], sc.trigTok[:0]
	return sc
}

// releaseScratch zeroes the slices (no document stays reachable from the
// pool) and returns them to the pool. a must not be used afterwards.
func (a *analysis) releaseScratch(sc *scratch) {
	if cap(a.t) > maxPooledTokens {
		return
	}
	clear(a.t)
	clear(a.clauses)
	clear(sc.forms.list)
	sc.forms.list = sc.forms.list[:0]
	sc.t, sc.clauses, sc.para, sc.segs, sc.merged = a.t[:0], a.clauses[:0], a.para[:0], a.segs[:0], a.merged[:0]
	sc.sentCl, sc.sentOff = a.sentCl[:0], a.sentClOff[:0]
	// events cleared what it used of evs (the rest of it is still zero)
	sc.evs = a.evs[:0]
	clear(a.argScr[:cap(a.argScr)]) // (arguments copies what it made)
	sc.args = a.argScr[:0]
	sc.qmarks = a.qmarks[:0]
	clear(a.ments)
	clear(a.mentBuf)
	sc.ments, sc.mentBuf, sc.mentScr = a.ments[:0], a.mentBuf[:0], a.mentScr[:0]
	sc.perRuns = a.perRuns[:0]
	sc.stmts = a.stmtScr[:0] // statements cleared what it used
	sc.puncts, sc.zus, sc.entTok = a.puncts[:0], a.zus[:0], a.entTok[:0]
	clear(a.cueTok)
	clear(a.trigTok)
	sc.cueTok, sc.trigTok = a.cueTok[:0], a.trigTok[:0]
	a.t, a.clauses, a.para, a.segs, a.merged, a.forms = nil, nil, nil, nil, nil, nil
	scratchPool.Put(sc)
}

// lookup resolves a token to lemma and features: the lemma stage's lemma if
// it ran, else forms.tsv, else an adjective ending or a compound head.
// f is the form of the token text; w.low and w.e come from it. The result
// depends on the form, start and the token's POS and lemma only, so it is
// kept in f for the next token of the same form and context.
//
// fresh tells that w has nothing yet but what f gives it (w.upper ==
// f.upper && w.lemma == "" && w.feat == "" && !w.verb && !w.fin &&
// !w.nonfin): only then is the result kept, or taken from f.
func (a *analysis) lookup(tok *document.Token, w *wtok, f *wform, start, fresh bool) {
	// field by field, here and below: a struct compare is a call, and a
	// struct copy with pointers takes the bulk write barrier while the
	// GC marks
	k := &f.lk
	if fresh && f.lkDone && k.start == start && k.pos == tok.POS && k.lemma == tok.Lemma {
		o := &f.lkOut
		w.lemma, w.feat, w.verb, w.fin, w.nonfin = o.lemma, o.feat, o.verb, o.fin, o.nonfin
		return
	}
	a.lookupForm(tok, w, f, start)
	if fresh {
		k.start, k.pos, k.lemma, f.lkDone = start, tok.POS, tok.Lemma, true
		o := &f.lkOut
		o.lemma, o.feat, o.verb, o.fin, o.nonfin = w.lemma, w.feat, w.verb, w.fin, w.nonfin
	}
}

func (a *analysis) lookupForm(tok *document.Token, w *wtok, fm *wform, start bool) {
	m := a.m
	text := tok.Text
	et := fm.et
	known := -1 // whether the lemma is known, -1 when not looked up
	if et != nil && len(et.forms) > 0 && (w.upper || a.lex == nil || !a.funcWord(fm) || tok.POS == "VERB" || tok.POS == "AUX") {
		fs := et.forms
		w.lemma, w.feat = fs[0].lemma, et.feats
		known = b2i(fs[0].known)
	} else if w.upper && start && tok.POS != "NOUN" && tok.POS != "PROPN" && a.verbForms(fm) && (a.lex == nil || !a.funcWord(fm)) {
		// a verb capitalised at the start of a sentence (Sagte er …)
		el := fm.el
		w.lemma, w.feat = el.forms[0].lemma, el.forms[0].feat
		known = b2i(el.forms[0].known)
	}
	if tok.Lemma != "" && w.lemma == "" {
		w.lemma = tok.Lemma
		known = -1
	}
	if w.lemma == "" && !w.upper {
		if el := a.formEl(fm); el != nil && el.adjLem != "" && m.known(el.adjLem) {
			// inflected adjectives: bevorstehenden → bevorstehend, insolventen → insolvent
			w.lemma = el.adjLem
			known = -1
		}
	}
	if !w.upper {
		if el := a.formEl(fm); el != nil && el.kj1 && (a.lex == nil || !a.funcWord(fm)) {
			w.feat += "1"
			w.verb, w.fin = true, true
		}
	}
	if w.upper && (w.lemma == "" || known == 0 || known < 0 && !a.m.known(w.lemma)) {
		// the lemma stage knows Warnstreik, the triggers know Streik
		if h := a.formHead(fm); h != "" {
			w.lemma = h
		}
	}
	if w.lemma == "" {
		if w.upper {
			w.lemma = text
		} else {
			w.lemma = w.low
		}
	}
	if !w.upper && tok.POS == "VERB" && len(w.low) == len(tok.Lemma)+2 && zuInfix(w.low, tok.Lemma) && !strings.Contains(w.feat, "z") {
		// a zu-infinitive of a separable verb the word lists do not know
		// (einzuleiten → einleiten)
		w.feat += "z"
	}
	// strings.ContainsAny(w.feat, "12pr") and (w.feat, "iza"), in one pass
	var fin, nonfin bool
	for i := 0; i < len(w.feat); i++ {
		switch w.feat[i] {
		case '1', '2', 'p', 'r':
			fin = true
		case 'i', 'z', 'a':
			nonfin = true
		}
	}
	if fin {
		w.verb, w.fin = true, true
	}
	if nonfin {
		w.verb, w.nonfin = true, true
	}
	if tok.POS == "VERB" || tok.POS == "AUX" {
		w.verb = true
		if !w.fin && !w.nonfin {
			w.fin = true
		}
	}
}

// closedClass reports a capitalised function word (Dennoch, Nun, Zudem)
// by the lexicon.
func (a *analysis) closedClass(j int) bool {
	return a.lex != nil && a.lex.FunctionWord(a.t[j].low) != ""
}

// is reports whether token j belongs to the closed class.
func (a *analysis) is(j int, class string) bool {
	for _, c := range a.t[j].classes() {
		if c == class {
			return true
		}
	}
	return false
}

// isBits reports whether token j is of some class of b (cbits): what is
// or clsPrefix(...) != "" answer for those classes (none for punctuation).
func (a *analysis) isBits(j int, b uint16) bool {
	w := &a.t[j]
	return !w.punct && w.e != nil && w.e.cbits&b != 0
}

// clsPrefix returns the first class of token j that starts with prefix.
func (a *analysis) clsPrefix(j int, prefix string) string {
	for _, c := range a.t[j].classes() {
		if strings.HasPrefix(c, prefix) {
			return c
		}
	}
	return ""
}

// compoundHead finds a noun trigger or cue at the end of a compound
// (Gipfeltreffen → Treffen, Luftangriff → Angriff, US-Präsident stays).
func (a *analysis) compoundHead(text string) string {
	// (IndexByte first: most words have no hyphen, and LastIndexByte
	// reads them byte by byte)
	if strings.IndexByte(text, '-') >= 0 {
		if i := strings.LastIndexByte(text, '-'); i > 0 && i < len(text)-2 {
			part := text[i+1:]
			if fs := a.m.formsOf(part); len(fs) > 0 {
				return fs[0].lemma
			}
			if r, n := utf8.DecodeRuneInString(part); unicode.IsLower(r) {
				up := string(unicode.ToUpper(r)) + part[n:]
				if fs := a.m.formsOf(up); len(fs) > 0 {
					return fs[0].lemma
				}
			}
		}
	}
	if len(text) < 6 {
		return ""
	}
	if !a.m.headF.may(text[len(text)-3:]) {
		return ""
	}
	// headIdx[text[len(text)-3:]] in its order, among the forms of other
	// keys with the same hash, which do not end the text
	th := triHash(text[len(text)-3:])
	for _, h := range a.m.heads3[a.m.headOff[th]:a.m.headOff[th+1]] {
		// (text[len(text)-4], which len(text) >= 6 makes valid, first: most
		// forms of the key differ there)
		if len(text) >= len(h.low)+3 && (h.b4 < 0 || int16(text[len(text)-4]) == h.b4) && strings.HasSuffix(text, h.low) {
			mod := strings.ToLower(text[:len(text)-len(h.low)])
			if a.m.hasClass(mod, "prefix") {
				continue // Auswahl, Vortrag: a prefixed word, not a compound
			}
			if a.lex != nil {
				// the lexicon's head is longer: Kaufpreise ends in Preise,
				// not Reise; Strukturbereinigung in Bereinigung
				if cl, lh, ok := a.lex.CompoundHead(text); ok && len(cl)-len(lh) < len(text)-len(h.low) {
					continue
				}
			}
			return h.lemma
		}
	}
	return ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isPunct(tok *document.Token) bool {
	return tok.Kind == document.KindPunct || tok.Kind == document.KindSymbol && len(tok.Text) <= 3
}

func (a *analysis) build() {
	d := a.d
	if a.t == nil {
		a.t = make([]wtok, len(d.Tokens))
	}
	if a.forms == nil {
		a.forms = new(forms)
	}
	a.forms.reset(len(d.Tokens))
	if cap(a.cueTok) >= len(d.Tokens) && cap(a.trigTok) >= len(d.Tokens) {
		// zero: releaseScratch cleared them
		a.cueTok, a.trigTok = a.cueTok[:len(d.Tokens)], a.trigTok[:len(d.Tokens)]
	} else {
		a.cueTok, a.trigTok = make([]bool, len(d.Tokens)), make([]bool, len(d.Tokens))
	}
	// the forms, and the first byte of every lemma the lemma stage set:
	// the lemmas point into the lexicon's tables, one cache miss each, and
	// the stage reads them one by one deep inside dependent work
	// (Model.known, the trigger and cue filters); loads without
	// dependencies let the CPU wait for many misses at once. One pass for
	// both (it was two): an article's tokens, 96 bytes each, often fill
	// more than the L1 cache.
	//
	// Measured and dropped (Round 7): the lemma bytes read after
	// forms.init, and only for tokens whose form the model has no forms
	// for (the others never read tok.Lemma's bytes). The cycles this line
	// shows in pprof are the misses of the token stream itself: a 512 KB
	// cache simulation (cachegrind) gave the same misses for both, and
	// interleaved BenchmarkEventStage runs were within the noise.
	var x byte
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		if l := tok.Lemma; l != "" {
			x ^= l[0]
		}
		a.t[i].fi = a.forms.add(tok.Text) + 1
	}
	a.sink = x
	a.forms.init(a.m)
	a.qOK, a.endsOK = true, true
	prevSent, prevPunct := 0, false
	for i := range d.Tokens {
		var f *wform
		f, prevPunct = a.buildToken(i, &prevSent, prevPunct)
		// the token's det class, while its form is at hand (role and
		// adjLike are computed on first use, once build is done)
		w := &a.t[i]
		a.setDet(i, f)
		if w.low == "zu" {
			a.zus = append(a.zus, int32(i))
		}
		// left parts of compounds are not words of their own for the heuristics
		if w.cpart && w.lemma != "" && !w.punct {
			w.verb, w.fin, w.nonfin = false, false, false
		}
		// the lemma is final unless joinParticles joins it (then it sets li
		// again); statements and events ask for every token
		if f == nil {
			w.li = a.m.lemmaInfo(w.lemma)
		} else {
			if !f.lemmaDone || f.lemma != w.lemma {
				f.lemma, f.lemmaLI, f.lemmaDone = w.lemma, a.m.lemmaInfo(w.lemma), true
				f.cueDone = false
			}
			w.li = f.lemmaLI
		}
		// whether the token can be a cue of statements' rules: the same
		// for the form and its lemma, unless a compound changed its case
		if w.punct {
			continue
		}
		a.trigTok[i] = w.li != nil && len(w.li.trs) > 0
		if f != nil && w.upper == f.upper {
			if !f.cueDone {
				f.cue, f.cueDone = a.cueToken(i), true
			}
			a.cueTok[i] = f.cue
		} else {
			a.cueTok[i] = a.cueToken(i)
		}
	}
	a.markSpans()
	a.markQuotes()
	a.paragraphs()
	// sentences in token order, none overlapping another, keep their
	// clauses to themselves: then the clauses of each sentence are the
	// ones its segment call made, and sentenceClauseLists' pass over the
	// tokens is not needed
	ordered, maxEnd := true, 0
	for _, s := range d.Sentences {
		if s.TokStart < maxEnd {
			ordered = false
		}
		maxEnd = max(maxEnd, s.TokEnd)
	}
	off := a.sentClOff[:0]
	for si := range d.Sentences {
		off = append(off, len(a.clauses))
		a.segment(si)
	}
	a.joinParticles()
	a.candsOK = ordered
	if ordered {
		a.sentClOff = append(off, len(a.clauses))
		a.sentCl = a.sentCl[:0]
		for ci := range a.clauses {
			a.sentCl = append(a.sentCl, ci)
		}
	} else {
		a.sentClOff = off
		a.sentenceClauseLists()
	}
}

// buildToken fills in token i from its form: punctuation, compound
// parts, lemma and features (build's first pass; prevSent is the last
// sentence number seen, for qOK, and prevPunct isPunct of token i-1).
// It returns the token's form (a.form(i)) and isPunct of the token.
func (a *analysis) buildToken(i int, prevSent *int, prevPunct bool) (f *wform, punct bool) {
	d := a.d
	tok := &d.Tokens[i]
	w := &a.t[i]
	w.ent, w.tmx, w.cl, w.cstart = -1, -1, -1, i
	punct = isPunct(tok)
	w.punct = punct
	if i > 0 && tok.End < d.Tokens[i-1].End {
		a.endsOK = false
	}
	if s := tok.Sentence; s < *prevSent || s >= len(d.Sentences) {
		a.qOK = false
	} else {
		*prevSent = s
	}
	if w.punct && quoteMark(tok.Text) {
		a.qmarks = append(a.qmarks, int32(i))
	}
	// the tokeniser splits hyphenated compounds (US-Präsidenten); a hyphen
	// attached on both sides joins them back into one word here
	if w.punct && (tok.Text == "-" || tok.Text == "‐") && i > 0 && i+1 < len(d.Tokens) &&
		d.Tokens[i-1].End == tok.Start && tok.End == d.Tokens[i+1].Start && !isPunct(&d.Tokens[i-1]) && !isPunct(&d.Tokens[i+1]) {
		w.punct, w.cpart, w.low, w.fi = false, true, "-", 0
		w.e = a.m.entryOf(w.low)
		// the word before is the left part of a compound now (build has
		// made its verb flags: what they become for a part)
		p := &a.t[i-1]
		p.cpart = true
		if p.lemma != "" && !p.punct {
			p.verb, p.fin, p.nonfin = false, false, false
		}
		return nil, punct
	}
	f = &a.forms.list[w.fi-1]
	if w.punct {
		a.puncts = append(a.puncts, int32(i))
		w.low = tok.Text
		w.e = f.et
		return f, punct
	}
	w.low, w.e, w.upper = f.low, f.el, f.upper
	fresh := true // w is zero but for f's fields (the scratch comes zeroed)
	if i >= 2 && a.t[i-1].cpart {
		w.cstart = a.t[i-2].cstart
		if cs := w.cstart; cs < i {
			full := d.Text[d.Tokens[cs].Start:tok.End]
			r0, _ := utf8.DecodeRuneInString(full)
			if unicode.IsUpper(r0) {
				w.upper = true
			}
			if fs := a.m.formsOf(full); len(fs) > 0 {
				w.lemma, w.feat = fs[0].lemma, fs[0].feat
			} else if h := a.compoundHead(full); h != "" {
				w.lemma, w.feat = h, "n"
			}
			if w.lemma != "" {
				return f, punct
			}
			fresh = w.upper == f.upper && w.feat == ""
		}
	}
	a.lookup(tok, w, f, i == 0 || d.Tokens[i-1].Sentence != tok.Sentence || prevPunct, fresh)
	return f, punct
}

// setDet sets det of token i (setClasses' det; role is isRoleNoun's).
// f is the token's form (a.form(i)).
func (a *analysis) setDet(i int, f *wform) {
	w := &a.t[i]
	if w.punct {
		return
	}
	if f == nil { // a hyphen inside a compound
		w.det = a.isBits(i, cbArt|cbPoss) || isKein(w.low)
		return
	}
	if !f.detDone {
		// w's classes are w.e's (entries know their art and poss classes)
		f.det, f.detDone = w.e != nil && w.e.det || isKein(f.low), true
	}
	w.det = f.det
}

// markSpans records which entity and which timex covers each token.
//
// The first token of a span is the first one from the previous span's on
// that ends after the span starts; when the tokens' ends do not decrease
// (build checked it: endsOK) a binary search finds it without reading
// every token before it.
func (a *analysis) markSpans() {
	d := a.d
	after := func(ti, start int) int {
		if a.endsOK {
			return ti + sort.Search(len(d.Tokens)-ti, func(k int) bool { return d.Tokens[ti+k].End > start })
		}
		for ti < len(d.Tokens) && d.Tokens[ti].End <= start {
			ti++
		}
		return ti
	}
	ti := 0
	a.entTok = a.entTok[:0]
	for ei, e := range d.Entities {
		ti = after(ti, e.Span.Start)
		j := ti
		for ; j < len(d.Tokens) && d.Tokens[j].Start < e.Span.End; j++ {
			if a.t[j].ent < 0 {
				a.t[j].ent = ei // (adjLike, which reads it, is computed later)
			}
		}
		a.entTok = append(a.entTok, int32(ti), int32(j))
	}
	ti = 0
	for xi, x := range d.Timexes {
		ti = after(ti, x.Span.Start)
		for j := ti; j < len(d.Tokens) && d.Tokens[j].Start < x.Span.End; j++ {
			if a.t[j].tmx < 0 {
				a.t[j].tmx = xi
			}
		}
	}
}

func quoteKind(s string) (open, close, toggle bool) {
	switch s {
	case "„", "»", "‚":
		return true, false, false
	case "“", "«", "‘":
		return false, true, false
	case "”":
		return false, true, false
	case "\"":
		return false, false, true
	}
	return
}

// quoteMark reports the texts that quotes pairs: those quoteKind knows.
func quoteMark(s string) bool {
	o, c, tg := quoteKind(s)
	return o || c || tg
}

// quotes returns the token ranges [open, close] of direct quotes, paired
// within a paragraph; an unclosed quote ends with its paragraph.
//
// Only the quote marks change the pairing, and the paragraph of the
// tokens only ever grows when their sentences do (0 ≤ Sentence, never
// decreasing: build checked it, qOK): then the paragraph changes between
// two quote marks exactly when theirs differ, and the marks alone give
// quotesRef's answer without streaming through every token.
func (a *analysis) quotes() [][2]int {
	if !a.qOK {
		return a.quotesRef()
	}
	d := a.d
	var out [][2]int
	open := -1
	para := -1
	for _, qi := range a.qmarks {
		i := int(qi)
		tok := &d.Tokens[i]
		p := -1
		if tok.Sentence < len(a.para) {
			p = a.para[tok.Sentence]
		}
		if p != para {
			open, para = -1, p
		}
		out, open = a.quoteStep(out, open, i)
	}
	return out
}

// quotesRef is quotes over every token (the reference, and the way for
// documents whose tokens' sentences do not run in order).
func (a *analysis) quotesRef() [][2]int {
	d := a.d
	var out [][2]int
	open := -1
	para := -1
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		p := -1
		if tok.Sentence >= 0 && tok.Sentence < len(a.para) {
			p = a.para[tok.Sentence]
		}
		if p != para {
			open, para = -1, p
		}
		if !a.t[i].punct {
			continue
		}
		out, open = a.quoteStep(out, open, i)
	}
	return out
}

// quoteStep pairs punctuation token i with the open quote mark (-1 for
// none): it returns out with the quote it closes and the new open mark.
func (a *analysis) quoteStep(out [][2]int, open, i int) ([][2]int, int) {
	d := a.d
	tok := &d.Tokens[i]
	o, c, tg := quoteKind(tok.Text)
	if tg {
		if open >= 0 && d.Tokens[open].Text == "\"" {
			c = true
		} else if open < 0 {
			o = true
		}
	}
	if tok.Text == "“" && open < 0 {
		o, c = true, false // English opening quote
	}
	switch {
	case c && open >= 0:
		out = append(out, [2]int{open, i})
		open = -1
	case o && open < 0:
		open = i
	}
	return out, open
}

func (a *analysis) markQuotes() {
	for _, q := range a.quotes() {
		verb := false
		for j := q[0]; j <= q[1]; j++ {
			a.t[j].inQ = true
			if a.t[j].verb && !a.t[j].upper {
				verb = true
			}
		}
		if !verb && q[1]-q[0] <= 6 && a.d.Tokens[q[0]].Sentence == a.d.Tokens[q[1]].Sentence {
			a.t[q[0]].inline, a.t[q[1]].inline = true, true
		}
	}
}

// paragraphs numbers the sentences by paragraph: a blank line (or a line
// break before a short heading) separates them.
func (a *analysis) paragraphs() {
	d := a.d
	if cap(a.para) >= len(d.Sentences) {
		a.para = a.para[:len(d.Sentences)]
	} else {
		a.para = make([]int, len(d.Sentences))
	}
	p := 0
	for i := range d.Sentences {
		if i > 0 {
			gap := d.Text[d.Sentences[i-1].End:d.Sentences[i].Start]
			if strings.Count(gap, "\n") >= 2 || strings.Contains(gap, "\n") && !sentenceFinal(d.Text[d.Sentences[i-1].Start:d.Sentences[i-1].End]) {
				p++
			}
		}
		a.para[i] = p
	}
}

// sentenceFinal reports whether a sentence ends like running text (a
// period, question or exclamation mark, also before a closing quote or
// bracket), not like a heading.
func sentenceFinal(s string) bool {
	s = strings.TrimRight(s, " “”\"«»')")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

func hardBoundary(s string) bool {
	switch s {
	case ";", ":", "(", ")", "[", "]", "–", "—", "-", "„", "“", "”", "\"", "»", "«":
		return true
	}
	return false
}

// segment splits sentence si into clauses. Commas separate clauses unless
// the stretch after the comma is an apposition or enumeration (no verb) or
// the rest of a verbal bracket (only non-finite verbs after a clause that
// has only its finite verb: "wird Trump nach X, Y und Z reisen").
func (a *analysis) segment(si int) {
	d := a.d
	s := d.Sentences[si]
	segs := a.segs[:0]
	st := s.TokStart
	comma := false
	// the sentence's punctuation tokens (build listed them in order): the
	// loops below act on punctuation only
	pl := sort.Search(len(a.puncts), func(k int) bool { return int(a.puncts[k]) >= s.TokStart })
	ph := pl + sort.Search(len(a.puncts)-pl, func(k int) bool { return int(a.puncts[pl+k]) >= s.TokEnd })
	puncts := a.puncts[pl:ph]
	// a parenthesis without a verb (Bericht Nr. 14 (Az. III 2 – 2024)) is
	// an insertion: the clause goes on after it
	for _, p := range puncts {
		i := int(p)
		if d.Tokens[i].Text != "(" {
			continue
		}
		for k := i + 1; k < s.TokEnd && k <= i+12; k++ {
			if a.t[k].verb && !a.t[k].upper {
				break
			}
			if d.Tokens[k].Text == ")" {
				for x := i; x <= k; x++ {
					a.t[x].paren = true
				}
				break
			}
		}
	}
	for _, p := range puncts {
		i := int(p)
		txt := d.Tokens[i].Text
		if a.t[i].inline || a.t[i].paren {
			continue // the marks of a quoted word or title, a parenthesis inside a clause
		}
		if txt == "," || hardBoundary(txt) {
			if i > st {
				segs = append(segs, seg{st, i, comma})
			}
			st = i + 1
			comma = txt == ","
		}
	}
	if st < s.TokEnd {
		segs = append(segs, seg{st, s.TokEnd, comma})
	}
	// merge
	merged := a.merged[:0]
	for _, g := range segs {
		if len(merged) > 0 && g.comma {
			prev := &merged[len(merged)-1]
			fw := &a.t[g.start]
			first := fw.low
			intro := fw.hasBits(cbSub|cbInf) ||
				first == "so" && g.start+1 < g.end && (a.t[g.start+1].upper || a.isBits(g.start+1, cbArt)) // "…, so das Ergebnis einer Studie"

			var hasVerb, hasFin, prevFin, prevNon bool
			for j := g.start; j < g.end; j++ {
				if a.t[j].verb {
					hasVerb = true
					if a.t[j].fin && !a.t[j].nonfin || a.t[j].fin && j == g.start {
						hasFin = true
					}
				}
			}
			for j := prev.start; j < prev.end; j++ {
				if a.t[j].verb {
					if a.t[j].fin {
						prevFin = true
					}
					if a.t[j].nonfin && !a.t[j].fin {
						prevNon = true
					}
				}
			}
			if a.t[g.start].inQ != a.t[prev.end-1].inQ && !a.t[g.start].inline && !a.t[prev.end-1].inline {
				merged = append(merged, g)
				continue
			}
			if !intro && (!hasVerb || !hasFin && prevFin && !prevNon && !a.segHasFeat(g.start, g.end, 'z') && !a.hasZu(g.start, g.end)) {
				prev.end = g.end
				continue
			}
		}
		merged = append(merged, g)
	}
	for _, g := range merged {
		c := clause{start: g.start, end: g.end, sent: si, fin: -1, afterComma: g.comma, quote: a.t[g.start].inQ && !a.t[g.start].inline}
		fw := &a.t[g.start]
		first := fw.low
		// während, seit, bis are prepositions too: "Während des Wahlkampfs"
		prepUse := fw.hasBits(cbPrep) && g.start+1 < g.end && (a.detLike(g.start+1) || a.t[g.start+1].upper)
		if fw.hasBits(cbSub|cbInf) && !prepUse || g.comma && fw.hasBits(cbRel) && a.relative(g.start, g.end) {
			c.sub, c.intro = true, first
		} else if a.hasZu(g.start, g.end) {
			c.sub, c.intro = true, "zu"
		}
		// the finite verb: first finite-capable verb in a main clause, the
		// last one in a verb-final dependent clause
		// (one pass over the clause's tokens for the finite verb, the
		// tokens' clause and the cand flag)
		ci, sub, fin, cand := len(a.clauses), c.sub, -1, false
		cue := a.cueTok[g.start:g.end]
		for k := range cue {
			j := g.start + k
			w := &a.t[j]
			w.cl = ci
			if w.fin && (sub || fin < 0) {
				fin = j
			}
			if cue[k] && !w.inQ {
				cand = true
			}
		}
		c.fin, c.cand = fin, cand
		a.clauses = append(a.clauses, c)
	}
	a.segs, a.merged = segs[:0], merged[:0]
}

// relative tells a relative pronoun (", die gestern kam") from an article
// (", die Union benötige"): an article is followed by its noun.
func (a *analysis) relative(j, end int) bool {
	k := j + 1
	for k < end && !a.t[k].upper && !a.t[k].punct && !a.t[k].verb && a.adjLike(k) && !a.detLike(k) {
		k++
	}
	return !(k < end && a.t[k].upper)
}

// segHasFeat reports whether some token of the range has the feature
// (without concatenating the features).
func (a *analysis) segHasFeat(start, end int, f byte) bool {
	for j := start; j < end; j++ {
		if strings.IndexByte(a.t[j].feat, f) >= 0 {
			return true
		}
	}
	return false
}

// hasZu reports an infinitive with zu ("zu sprechen") in the range.
// build listed the tokens that can start one (zus): most ranges have none.
func (a *analysis) hasZu(start, end int) bool {
	zus := a.zus
	if len(zus) > 8 {
		zus = zus[sort.Search(len(zus), func(k int) bool { return int(zus[k]) >= start }):]
	}
	for _, z := range zus {
		j := int(z)
		if j < start {
			continue
		}
		if j+1 >= end {
			break
		}
		if a.t[j+1].verb && a.t[j+1].nonfin {
			return true
		}
	}
	return false
}

// joinParticles resolves separable verbs whose particle stands at the end
// of the clause: "kündigte ... an" → ankündigen, "fügte hinzu" → hinzufügen.
func (a *analysis) joinParticles() {
	for ci := range a.clauses {
		c := &a.clauses[ci]
		if c.fin < 0 || c.sub {
			continue
		}
		last := c.end - 1
		for last > c.fin && a.t[last].punct {
			last--
		}
		if last <= c.fin || !a.isBits(last, cbParticle) {
			continue
		}
		// the particle makes another verb even when no list names it
		// (sprach sich … aus is aussprechen, not sprechen)
		a.t[c.fin].lemma = a.joined(a.t[last].low, a.t[c.fin].lemma)
		a.t[last].lemma = "" // the particle is part of the verb now
		a.t[c.fin].li, a.t[last].li = a.m.lemmaInfo(a.t[c.fin].lemma), a.m.lemmaInfo("")
		a.cueTok[c.fin], a.cueTok[last] = a.cueToken(c.fin), a.cueToken(last)
		for _, j := range [2]int{c.fin, last} {
			a.trigTok[j] = !a.t[j].punct && a.t[j].li != nil && len(a.t[j].li.trs) > 0
		}
		if a.cueTok[c.fin] && !a.t[c.fin].inQ {
			c.cand = true // (a flag that is true for nothing only costs time)
		}
	}
}

// joined returns particle + lemma: the model's string when the model
// knows the lemma (no allocation), else a new one.
func (a *analysis) joined(particle, lemma string) string {
	var buf [64]byte
	if len(particle)+len(lemma) <= len(buf) {
		b := append(append(buf[:0], particle...), lemma...)
		if li := a.m.lemmaInfoBytes(b); li != nil {
			return li.lemma
		}
	}
	return particle + lemma
}

// zuInfix reports whether word is lemma with "zu" after its separable
// prefix (einzuleiten, einleiten), without allocating.
func zuInfix(word, lemma string) bool {
	i := strings.Index(word, "zu")
	return i > 0 && word[:i] == lemma[:i] && word[i+2:] == lemma[i:]
}
