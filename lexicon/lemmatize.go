package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// Coarse parts of speech set by Lemmatize (Universal Dependencies names).
const (
	POSVerb     = "VERB"
	POSAux      = "AUX"
	POSNoun     = "NOUN"
	POSPropn    = "PROPN"
	POSParticle = "PART" // detached particle of a separable verb (kündigte … an)
)

// Analysis is what Lemmatize found for one token. Tokens it knows nothing
// about keep the zero value.
type Analysis struct {
	Lemma string // lemma to show: ankündigen for "kündigte … an"
	// Base is the lemma of the word form alone (kündigen for "kündigte"),
	// the lemma convention of the UD treebanks.
	Base string
	POS  string
	// Verb is the chosen reading for verbs (Tense, Mood, Person, ...).
	Verb VerbReading
	// Particle is the index (within the sentence) of the detached particle
	// joined into Lemma, or -1. On the particle itself, Particle points back
	// to the verb.
	Particle int
	// Guessed marks lemmas derived from an unknown form by splitting off a
	// particle (abkassiert → abkassieren) rather than found in the lexicon.
	Guessed bool
}

// Lemmatize analyses the tokens of one sentence: verbs (lemma, tense, mood,
// AUX for auxiliaries and modals, separable particles at the clause end
// joined into the lemma), common nouns and proper names from the lexicon.
// out is reused when it has room. Token indices in the result are relative
// to toks.
func (l *Lexicon) Lemmatize(toks []document.Token, out []Analysis) []Analysis {
	return l.lemmatize(toks, out, false)
}

// lemmatize is Lemmatize; walkAll makes the particle and auxiliary passes
// walk every token, as they do when a sentence has more verbs than
// verbBuf holds (the tests compare both).
func (l *Lexicon) lemmatize(toks []document.Token, out []Analysis, walkAll bool) []Analysis {
	if cap(out) < len(toks) {
		out = make([]Analysis, len(toks))
	}
	out = out[:len(toks)]
	// One clear and a store per token: assigning a literal to each
	// element copied it with a write barrier each while the collector ran.
	clear(out)
	for i := range out {
		out[i].Particle = -1
	}
	// The tokens that got a verb analysis, or all: every one when there
	// are more than the array holds.
	var verbBuf [32]int32
	verbs, all := verbBuf[:0], walkAll
	for i := range toks {
		t := &toks[i]
		if t.Kind != document.KindWord {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(r) && !l.sentenceInitial(toks, i) {
			l.nominal(t.Text, &out[i])
			continue
		}
		if unicode.IsUpper(r) {
			// Sentence-initial function words (Laut, Dank, Trotz, Während)
			// are prepositions and conjunctions far more often than nouns.
			var buf [64]byte
			w := t.Text
			if low, _, upper := lowerCase(buf[:0], w); upper {
				w = low // as appendLowerIfNeeded (the tests) lowers it
			}
			if l.word(w).flags&wFunctionFirst != 0 {
				continue
			}
			// Sentence-initial: a common noun or name wins over a verb
			// reading (Treffen, Essen, Reise, Frage: bare nouns open
			// headlines, while a finite full verb first is rare in news),
			// but not over a finite auxiliary or modal (War, Kann).
			// The noun and name found here are what nominal would find
			// again.
			lemma, pos := "", ""
			if nl, ok := l.noun(t.Text); ok {
				lemma, pos = nl, POSNoun
			} else if nl, _, ok := l.Name(t.Text); ok {
				lemma, pos = nl, POSPropn
			}
			if pos != "" {
				// A verb-first clause (Kaufen Sie …, Haben wir …) shows itself
				// by the subject pronoun right after the verb.
				v1 := i+1 < len(toks) && l.IsPersonalPronoun(toks[i+1].Text) && l.verbView(t.Text).len() > 0
				if !v1 && !l.auxOnly(t.Text) {
					a := &out[i]
					a.Lemma, a.Base, a.POS = lemma, lemma, pos
					continue
				}
			}
		}
		l.verb(toks, i, &out[i])
		if out[i].POS != "" {
			if len(verbs) < cap(verbs) {
				verbs = append(verbs, int32(i))
			} else {
				all = true
			}
		}
	}
	if !all {
		// Only the tokens verb analysed can join a particle or be an
		// auxiliary, in the same order as a walk over all of them.
		for _, i := range verbs {
			l.joinParticle(toks, out, int(i))
		}
		for _, i := range verbs {
			l.mainVerbAuxAt(toks, out, int(i))
		}
		return out
	}
	l.joinParticles(toks, out)
	l.mainVerbAux(toks, out)
	return out
}

// mainVerbAux retags haben and werden as VERB when their clause has no
// participle or infinitive for them to help (Er hat ein Haus; Er wird
// Präsident), as UD does. sein stays AUX: UD counts the copula as AUX.
func (l *Lexicon) mainVerbAux(toks []document.Token, out []Analysis) {
	for i := range out {
		l.mainVerbAuxAt(toks, out, i)
	}
}

// mainVerbAuxAt is mainVerbAux for token i.
func (l *Lexicon) mainVerbAuxAt(toks []document.Token, out []Analysis, i int) {
	a := &out[i]
	if a.POS != POSAux || a.Verb.Modal || !a.Verb.Aux || a.Base == "sein" {
		return
	}
	if !l.nonFiniteInClause(toks, out, i) {
		a.POS = POSVerb
	}
}

// nonFiniteInClause reports whether the clause around i (between
// punctuation marks) holds a verb that can be a participle or infinitive
// (verkauft is both 3rd person and participle).
func (l *Lexicon) nonFiniteInClause(toks []document.Token, out []Analysis, i int) bool {
	for _, dir := range []int{-1, 1} {
		for j := i + dir; j >= 0 && j < len(toks); j += dir {
			if toks[j].Kind == document.KindPunct {
				switch toks[j].Text {
				case ",", ".", "!", "?", ";", ":":
					goto next
				}
				continue
			}
			if o := out[j]; o.POS == POSVerb || o.POS == POSAux {
				for v, k := l.verbView(toks[j].Text), 0; k < v.len(); k++ {
					switch v.at(k).Tense {
					case Participle, Infinitive, ZuInfinitive:
						return true
					}
				}
				if o.Guessed {
					return true
				}
			}
		}
	next:
	}
	return false
}

// prepositional reports whether function-word tags include a preposition
// or an article (ein).
func prepositional(tags string) bool {
	for t := range strings.SplitSeq(tags, ",") {
		if t == "PRP" || strings.HasPrefix(t, "ART") {
			return true
		}
	}
	return false
}

// functionFirst reports whether function-word tags include a preposition,
// conjunction, adverb, article or pronoun.
func functionFirst(tags string) bool {
	for t := range strings.SplitSeq(tags, ",") {
		switch {
		case t == "PRP", t == "KON", t == "ADV", strings.HasPrefix(t, "ART"), strings.HasPrefix(t, "PRO"):
			return true
		}
	}
	return false
}

// auxOnly reports whether every reading of form is a finite auxiliary or
// modal reading.
func (l *Lexicon) auxOnly(form string) bool {
	rs := l.verbView(form)
	if rs.len() == 0 {
		return false
	}
	for k := 0; k < rs.len(); k++ {
		if r := rs.at(k); !r.Finite() || !(r.Aux || r.Modal) {
			return false
		}
	}
	return true
}

func (l *Lexicon) nominal(form string, a *Analysis) {
	if lemma, ok := l.noun(form); ok {
		a.Lemma, a.Base, a.POS = lemma, lemma, POSNoun
		return
	}
	if lemma, _, ok := l.Name(form); ok {
		a.Lemma, a.Base, a.POS = lemma, lemma, POSPropn
		return
	}
	if lemma, _, ok := l.CompoundHead(form); ok {
		a.Lemma, a.Base, a.POS = lemma, lemma, POSNoun
	}
}

// sentenceInitial reports whether token i starts a sentence or a quoted or
// introduced clause, where capitals say nothing about nouns.
func (l *Lexicon) sentenceInitial(toks []document.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		p := &toks[j]
		if p.Kind != document.KindPunct {
			return false
		}
		switch p.Text {
		case ":", "„", "\"", "»", "«", "“", "‚", "'", "(", "–", "—", ".", "!", "?":
			return true
		case "-":
			// A hyphen inside a compound (Nahost-Reise, US-Präsidenten)
			// touches the word before it; only a free-standing one is a
			// dash.
			return j == 0 || toks[j-1].End < p.Start
		}
		return false
	}
	return true
}

// isBoundary reports whether token i ends a clause for the purpose of
// finding a verb-final element: punctuation, the end of the sentence, or a
// coordinating conjunction.
func isBoundary(toks []document.Token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := &toks[i]
	switch t.Kind {
	case document.KindPunct:
		return true
	case document.KindWord:
		switch t.Text {
		case "und", "oder", "aber", "sondern", "denn", "sowie":
			return true
		}
	}
	return false
}

// closedClass reports whether a verb homograph is also an article,
// pronoun, preposition, conjunction, negation or numeral (einen, sein,
// meinen): those are verbs only in clause-final position (or before an
// auxiliary or their pronoun subject).
func closedClass(classes string) bool {
	for c := range strings.SplitSeq(classes, ",") {
		switch c {
		case "ART", "PRO", "PRP", "KON", "NEG", "ZAL", "INJ", "ABK":
			return true
		}
	}
	return false
}

// verbInfo is what verb needs to know about a form regardless of context.
type verbInfo struct {
	best       VerbReading
	ok         bool // a verb reading was chosen
	guessed    bool
	zus        bool   // Morphy calls the form a verb particle
	homograph  string // other word classes of the form
	strong     bool   // 3rd person indicative or infinitive reading
	participle bool   // a past participle reading
	readings   readingView
}

// verbInfo fills vi, which is zero, for form. (Filled in place: returned,
// the struct was copied twice per word.)
func (l *Lexicon) verbInfo(form string, vi *verbInfo) {
	// The lower-case form is only looked up, so a stack buffer holds it;
	// it is built once for the verb table's second probe (verbView's) and
	// the word lists' (appendLowerIfNeeded's), which differ only for forms
	// with title-case letters or upper-case ones without a lower case.
	var buf [64]byte
	low, changed, upper := lowerCase(buf[:0], form)
	v, key := -1, ""
	if !changed || !l.verbsLower {
		v, key = l.verbs.find(form), form // a changed form is no key (verbsLower)
	}
	if v < 0 && changed {
		v, key = l.verbs.find(low), low
	}
	rs := l.recordView(v)
	lower := form
	if upper {
		lower = low
	}
	if rs.len() == 0 {
		if r, ok := l.guessVerb(lower); ok {
			rs, vi.guessed = readingView{rs: []VerbReading{r}, n: 1}, true
		}
	}
	if rs.len() > 0 {
		vi.readings = rs
		// The word lists are asked only when the verb record says that
		// its form is in them (and the form is the one they are asked
		// for): most verb forms are not.
		if v < 0 || key != lower || l.hasWord(v) {
			w := l.word(lower)
			vi.zus = w.flags&wZus != 0
			vi.homograph = w.homograph
		}
		if rs.rs == nil {
			// One pass over the codes for the choice and the evidence.
			vi.best, vi.ok, vi.strong, vi.participle = l.choosePacked(rs.packed, form)
			return
		}
		vi.best, vi.ok = chooseReading(rs, form)
		for k := 0; k < rs.len(); k++ {
			r := rs.form(k)
			vi.strong = vi.strong || strongVerbEvidence(r)
			vi.participle = vi.participle || r.Tense == Participle
		}
	}
}

func (l *Lexicon) verb(toks []document.Token, i int, a *Analysis) {
	var vi verbInfo
	l.verbInfo(toks[i].Text, &vi)
	if !vi.ok {
		return
	}
	if vi.zus && !vi.strong && isBoundary(toks, i+1) {
		// A clause-final particle (lädt … ein) belongs to its verb; verb
		// forms Morphy also lists as particles (bleiben, stehen) stay verbs.
		return
	}
	if l.attributive(toks, i) {
		return
	}
	if h := vi.homograph; h != "" {
		if closedClass(h) {
			// sein, einen, meinen: verbs at the end of a clause, before an
			// auxiliary or modal (möglich sein kann), or before their
			// pronoun subject (Damit meine ich …).
			pron := i+1 < len(toks) && l.IsPersonalPronoun(toks[i+1].Text) &&
				!strings.Contains(h, "ART") && !strings.Contains(h, "KON") && !strings.Contains(h, "PRP")
			if !isBoundary(toks, i+1) && !l.auxNext(toks, i) && !pron {
				return
			}
		} else if strings.Contains(h, "ADV") {
			// Adverb homographs (schon, mehr, recht: rechen) need a 3rd
			// person or infinitive reading and the verb's place at the
			// end of the clause or before an auxiliary.
			if !vi.strong || (!isBoundary(toks, i+1) && !l.auxNext(toks, i)) {
				return
			}
		} else if !vi.strong && !(vi.participle && l.habenInClause(toks, i)) {
			// Adjective homographs (lange, bekannt) are verbs only when a
			// 3rd person indicative or infinitive reading exists: a
			// participle that is also an adjective (bekannt, of bekennen)
			// is the adjective far more often (ist bekannt), unless a form
			// of haben makes it a perfect (hat … geschickt).
			return
		}
	}
	best := vi.best
	if vi.guessed && best.Tense == Infinitive && !isBoundary(toks, i+1) && !l.auxNext(toks, i) {
		return // a guessed infinitive away from the verb's place: einfachen Menschen
	}
	// Only a finite reading has a person to correct.
	if best.Finite() {
		if p, n := personFromPronoun(toks, i); p != 0 && best.Person != p {
			for k := 0; k < vi.readings.len(); k++ {
				if r := vi.readings.at(k); r.Lemma == best.Lemma && r.Person == p && r.Number == n && !r.Joined {
					r.Aux, r.Modal = best.Aux, best.Modal
					best = r
					break
				}
			}
		}
	}
	a.Verb = best
	a.Lemma, a.Base = best.Lemma, best.Lemma
	a.Guessed = vi.guessed
	a.POS = POSVerb
	if best.Aux || (best.Modal && best.Lemma != "lassen") {
		// UD tags the modal verbs as AUX but lassen as VERB.
		a.POS = POSAux
	}
}

// habenInClause reports whether a form of haben stands in the clause
// around i (between punctuation marks).
func (l *Lexicon) habenInClause(toks []document.Token, i int) bool {
	for _, dir := range []int{-1, 1} {
		for j := i + dir; j >= 0 && j < len(toks); j += dir {
			if toks[j].Kind == document.KindPunct {
				switch toks[j].Text {
				case ",", ".", "!", "?", ";", ":":
					goto next
				}
				continue
			}
			// Forms of haben are lower case but at the start of a sentence;
			// skipping the capitalised nouns saves look-ups.
			if r, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.IsUpper(r) && j > 0 {
				continue
			}
			for v, k := l.verbView(toks[j].Text), 0; k < v.len(); k++ {
				if r := v.at(k); r.Aux && r.Lemma == "haben" {
					return true
				}
			}
		}
	next:
	}
	return false
}

// personFromPronoun returns the person and number of a first or second
// person pronoun right before or after the verb at i (ich habe, habe ich).
func personFromPronoun(toks []document.Token, i int) (int8, Number) {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		// No letter of ich, wir, du has a case-fold partner outside
		// ASCII, so only a word of their length in bytes can match.
		switch w := toks[j].Text; {
		case len(w) == 3 && strings.EqualFold(w, "ich"):
			return 1, Singular
		case len(w) == 3 && strings.EqualFold(w, "wir"):
			return 1, Plural
		case len(w) == 2 && strings.EqualFold(w, "du"):
			return 2, Singular
		}
	}
	return 0, 0
}

// auxNext reports whether the word after i can be an auxiliary or modal.
func (l *Lexicon) auxNext(toks []document.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Kind != document.KindWord {
		return false
	}
	for v, k := l.verbView(toks[i+1].Text), 0; k < v.len(); k++ {
		if r := v.at(k); r.Aux || r.Modal {
			return true
		}
	}
	return false
}

// attributive reports whether the verb-looking form at i stands between a
// determiner and a common noun, where German has adjectives and inflected
// participles (die bestellten Waren, keine veröffentlichten Zahlen).
// After a sentence-initial determiner, which may be a pronoun subject
// (Das betrifft Millionen Menschen), only inflected forms count.
func (l *Lexicon) attributive(toks []document.Token, i int) bool {
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	prev, next := &toks[i-1], &toks[i+1]
	if prev.Kind != document.KindWord || next.Kind != document.KindWord {
		return false
	}
	// The capital first: most verbs stand before a lower-case word, and
	// the test costs no look-up.
	if r, _ := utf8.DecodeRuneInString(next.Text); !unicode.IsUpper(r) || !l.IsDeterminer(prev.Text) {
		return false
	}
	if !l.IsCommonNoun(next.Text) {
		if _, _, ok := l.CompoundHead(next.Text); !ok {
			return false
		}
	}
	if l.sentenceInitial(toks, i-1) {
		f := toks[i].Text
		for _, end := range []string{"e", "en", "er", "es", "em"} {
			if strings.HasSuffix(f, end) {
				return true
			}
		}
		return false
	}
	return true
}

// strongVerbEvidence reports whether r is a 3rd person indicative or an
// infinitive reading.
func strongVerbEvidence(r VerbReading) bool {
	return r.Mood == Indicative && r.Person == 3 || r.Tense == Infinitive || r.Tense == ZuInfinitive
}

// chooseReading picks one reading. Present participles alone (treffend)
// are adjectives in use and are not taken. Among several lemmas the one
// with a finite or participle reading wins, then a strong or irregular
// verb (dachte: denken, not dachen; gefällt: gefallen, not fällen: the
// irregular form is the marked, usual one), then the one with most
// readings, then the alphabetically first for stability. Before the strong
// verb come a lemma with indicative or non-finite readings over one known
// only in Konjunktiv, and the lemma that is the form itself (führen:
// führen, not the Konjunktiv II of fahren).
func chooseReading(rs readingView, form string) (VerbReading, bool) {
	if rs.rs == nil {
		r, ok, _, _ := rs.l.choosePacked(rs.packed, form)
		return r, ok
	}
	return chooseByReadings(rs, form)
}

// chooseByReadings is chooseReading over the readings themselves (any
// view, packed or not): the way for a guessed verb's single reading, and
// the reference choosePacked is tested against.
func chooseByReadings(rs readingView, form string) (VerbReading, bool) {
	// A fixed array keeps the candidates on the stack: the choice runs for
	// every verb token, and forms with more than eight lemmas do not exist.
	var arr [8]candidate
	cs := arr[:0]
	for i := 0; i < rs.len(); i++ {
		r := rs.at(i)
		if r.Tense == PresentParticiple {
			continue
		}
		k := -1
		for j := range cs {
			if cs[j].r.Lemma == r.Lemma {
				k = j
				break
			}
		}
		if k < 0 {
			if len(cs) == len(arr) {
				continue
			}
			cs = append(cs, candidate{r: r})
			k = len(cs) - 1
		}
		c := &cs[k]
		c.nRead++
		if better(r, c.r) {
			aux, modal := c.r.Aux || r.Aux, c.r.Modal || r.Modal
			c.r = r
			c.r.Aux, c.r.Modal = aux, modal
		} else {
			c.r.Aux = c.r.Aux || r.Aux
			c.r.Modal = c.r.Modal || r.Modal
		}
		if r.Finite() && !r.Joined || r.Tense == Participle {
			c.finite = true
		}
		c.strong = c.strong || r.Strong
		c.indic = c.indic || r.Mood == Indicative || r.Mood == NoMood
		c.third = c.third || r.Person == 3 || !r.Finite()
		c.same = c.same || r.Tense == Infinitive && equalLower(r.Lemma, form)
	}
	if len(cs) == 0 {
		return VerbReading{}, false
	}
	best := 0
	for i := 1; i < len(cs); i++ {
		if cs[i].before(&cs[best]) {
			best = i
		}
	}
	return cs[best].r, true
}

type candidate struct {
	r      VerbReading
	nRead  int
	finite bool
	strong bool
	indic  bool // has an indicative or non-finite reading
	third  bool // has a 3rd person or non-finite reading
	same   bool // the lemma is the form itself (führen: führen, not fahren)
}

// The auxiliary and modal bits of a packed reading code (see
// packReading).
const (
	codeAux   = 1 << 10
	codeModal = 1 << 11
)

// packedCandidate is a candidate of choosePacked: the reading as its
// code and lemma reference, better's rank of the code, and the facts of
// candidate as cf bits.
type packedCandidate struct {
	code  uint16
	rank  int8
	flags uint8
	nRead int32
	ref   uint32
}

// Facts of a reading code (codeFacts) and of a packedCandidate.
const (
	cfSkip       = 1 << iota // a present participle, not a candidate
	cfEvidence               // strongVerbEvidence
	cfParticiple             // a past participle
	cfInfinitive
	cfFinite                // candidate.finite: finite and not joined, or a participle
	cfStrong                // candidate.strong
	cfIndic                 // candidate.indic
	cfThird                 // candidate.third
	cfSame   = cfInfinitive // on a candidate: candidate.same
)

// codeFacts holds, for every reading code, the cf facts and better's
// rank that choosePacked would otherwise work out per reading, indexed by
// factIndex: the facts depend on tense, mood, person, strong and joined
// only, so the table is 2 KB (a table of all 14-bit codes, 32 KB, missed
// the cache on 40k look-ups per pass in the pipeline, cachegrind).
var codeFacts = func() (t [1 << 10]struct {
	flags uint8
	rank  int8
}) {
	for x := range t {
		t[x].flags, t[x].rank = readingFacts(unpackReading(uint16(x&0xFF | x>>8<<12)))
	}
	return t
}()

// readingFacts returns the cf facts and the rank of a reading.
func readingFacts(r VerbReading) (uint8, int8) {
	f := uint8(0)
	if r.Tense == PresentParticiple {
		f |= cfSkip
	}
	if strongVerbEvidence(r) {
		f |= cfEvidence
	}
	if r.Tense == Participle {
		f |= cfParticiple
	}
	if r.Tense == Infinitive {
		f |= cfInfinitive
	}
	if r.Finite() && !r.Joined || r.Tense == Participle {
		f |= cfFinite
	}
	if r.Strong {
		f |= cfStrong
	}
	if r.Mood == Indicative || r.Mood == NoMood {
		f |= cfIndic
	}
	if r.Person == 3 || !r.Finite() {
		f |= cfThird
	}
	return f, int8(readingRank(r))
}

// factIndex is the index of a reading code in codeFacts: its tense, mood
// and person (bits 0-7) and, as bits 8 and 9, strong and joined (bits 12
// and 13).
func factIndex(code uint16) uint16 { return code&0xFF | code>>12&3<<8 }

// choosePacked is chooseReading over the packed readings of a verb
// record: the same choice from the codes (their facts from codeFacts) and
// lemma references, with a lemma's string read only for the form test and
// the last tie-break (a lemma has one reference, so equal references are
// equal lemmas). It also reports whether any reading is
// strongVerbEvidence and whether any is a past participle, for verbInfo.
func (l *Lexicon) choosePacked(packed, form string) (r VerbReading, ok, strong, participle bool) {
	var arr [8]packedCandidate
	cs := arr[:0]
	var all uint8
	for ; len(packed) >= 6; packed = packed[6:] {
		p := packed[:6]
		code := uint16(p[0]) | uint16(p[1])<<8
		f := codeFacts[factIndex(code)]
		all |= f.flags
		if f.flags&cfSkip != 0 {
			continue
		}
		ref := uint32(p[2]) | uint32(p[3])<<8 | uint32(p[4])<<16 | uint32(p[5])<<24
		k := -1
		for j := range cs {
			if cs[j].ref == ref {
				k = j
				break
			}
		}
		if k < 0 {
			if len(cs) == len(arr) {
				continue
			}
			cs = append(cs, packedCandidate{code: code, ref: ref, rank: f.rank})
			k = len(cs) - 1
		}
		c := &cs[k]
		c.nRead++
		if f.rank > c.rank {
			c.code, c.rank = code|c.code&(codeAux|codeModal), f.rank
		} else {
			c.code |= code & (codeAux | codeModal)
		}
		c.flags |= f.flags & (cfFinite | cfStrong | cfIndic | cfThird)
		if f.flags&cfInfinitive != 0 && c.flags&cfSame == 0 && equalLower(l.lemmaAt(ref), form) {
			c.flags |= cfSame
		}
	}
	strong, participle = all&cfEvidence != 0, all&cfParticiple != 0
	if len(cs) == 0 {
		return VerbReading{}, false, strong, participle
	}
	best := 0
	for i := 1; i < len(cs); i++ {
		if l.packedBefore(&cs[i], &cs[best]) {
			best = i
		}
	}
	r = unpackReading(cs[best].code)
	r.Lemma = l.lemmaAt(cs[best].ref)
	return r, true, strong, participle
}

// packedBefore is before for packed candidates.
func (l *Lexicon) packedBefore(c, o *packedCandidate) bool {
	for _, bit := range [...]uint8{cfFinite, cfIndic, cfSame, cfThird, cfStrong} {
		if d := (c.flags ^ o.flags) & bit; d != 0 {
			return c.flags&bit != 0
		}
	}
	if c.nRead != o.nRead {
		return c.nRead > o.nRead
	}
	return l.lemmaAt(c.ref) < l.lemmaAt(o.ref)
}

// before orders the lemma candidates of chooseReading.
func (c *candidate) before(o *candidate) bool {
	switch {
	case c.finite != o.finite:
		return c.finite
	case c.indic != o.indic:
		return c.indic
	case c.same != o.same:
		return c.same
	case c.third != o.third:
		return c.third // schaltet: schalten (3rd), not schelten (2nd plural)
	case c.strong != o.strong:
		return c.strong
	case c.nRead != o.nRead:
		return c.nRead > o.nRead
	}
	return c.r.Lemma < o.r.Lemma
}

// equalLower reports whether lemma equals form lower-cased, without
// allocating.
func equalLower(lemma, form string) bool {
	if len(lemma) != len(form) {
		return strings.EqualFold(lemma, form) && lemma == strings.ToLower(form)
	}
	for i := 0; i < len(form); i++ {
		c := form[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lemma[i] {
			return strings.EqualFold(lemma, form) && lemma == strings.ToLower(form)
		}
	}
	return true
}

// better orders the readings of one lemma: 3rd person first (news report
// about others: "er habe" is Konjunktiv I far more often than "ich habe"
// is quoted), then indicative before Konjunktiv before imperative, and
// main-clause forms before joined ones. A first or second person pronoun
// next to the verb overrides the person (see personFromPronoun).
func better(a, b VerbReading) bool { return readingRank(a) > readingRank(b) }

// readingRank is better's rank of a reading.
func readingRank(r VerbReading) int {
	n := 0
	switch r.Mood {
	case Indicative:
		n += 40
	case Subjunctive1, Subjunctive2:
		n += 30
	case NoMood:
		n += 20
	}
	if r.Person == 3 {
		n += 15
	}
	if r.Joined {
		n -= 10
	}
	return n
}

// guessVerb analyses an unknown lower-case form as particle + known verb
// form (abkassiert → ab + kassiert → abkassieren; abzukassieren). Particles
// are tried longest first by looking up the form's prefixes, which costs a
// few map lookups instead of a scan of every particle.
func (l *Lexicon) guessVerb(form string) (VerbReading, bool) {
	if len(form) < 6 {
		return VerbReading{}, false
	}
	var arr [16]int
	ns := l.particleTrie.prefixes(form, min(l.maxParticle, len(form)-4), arr[:0])
	// Most words start with no particle: the function-word probe only
	// for those that do.
	if len(ns) == 0 || l.word(form).function != "" {
		return VerbReading{}, false
	}
	return l.guessAfterParticles(form, ns)
}

// guessAfterParticles tries the particles that start form (their lengths
// ns, shortest first) from the longest down.
func (l *Lexicon) guessAfterParticles(form string, ns []int) (VerbReading, bool) {
	for k := len(ns) - 1; k >= 0; k-- {
		n := ns[k]
		if n < 2 || !utf8.RuneStart(form[n]) {
			continue
		}
		w := l.word(form[:n])
		p, rest := form[:n], form[n:]
		// Rare particles only before a past participle (leergemacht):
		// wach + senden, ernst + haften are adjectives (wachsenden,
		// ernsthaften), not particle verbs.
		productive := w.flags&wProductive != 0
		if productive && strings.HasPrefix(rest, "zu") {
			for v, k := l.recordView(l.verbs.find(rest[2:])), 0; k < v.len(); k++ {
				r := v.at(k)
				if r.Tense == Infinitive {
					r.Lemma, r.Tense = p+r.Lemma, ZuInfinitive
					return r, true
				}
			}
		}
		for v, k := l.recordView(l.verbs.find(rest)), 0; k < v.len(); k++ {
			r := v.at(k)
			if r.Tense == Participle || productive && (r.Tense == Infinitive || r.Joined) {
				r.Lemma, r.Joined = p+r.Lemma, false
				return r, true
			}
		}
	}
	return VerbReading{}, false
}

// joinParticles finds, for every finite verb, a separable particle at the
// end of its clause (kündigte gestern an, nimmt am Gipfel teil) and joins it
// into the verb's lemma. The clause runs to the next . ! ? ; or : — commas
// may separate enumerations or an inserted clause (wählt der Gast, wenn er
// möchte, seinen Wein aus) — and ends early at another finite verb, unless
// that verb stands right before a comma, as the last word of an inserted
// clause. Participles and infinitives do not end it (kam mir gefasst vor).
func (l *Lexicon) joinParticles(toks []document.Token, out []Analysis) {
	for i := range out {
		l.joinParticle(toks, out, i)
	}
}

// joinParticle is joinParticles for the verb at i.
func (l *Lexicon) joinParticle(toks []document.Token, out []Analysis, i int) {
	a := &out[i]
	if a.Base == "" || (a.POS != POSVerb && a.POS != POSAux) || !a.Verb.Finite() || a.Verb.Joined {
		return
	}
	commas := 0
scan:
	for j := i + 1; j < len(toks); j++ {
		t := &toks[j]
		if t.Kind == document.KindPunct {
			switch t.Text {
			case ".", "!", "?", ";", ":":
				break scan
			case ",":
				commas++
			}
			continue
		}
		if t.Kind != document.KindWord {
			continue
		}
		// The cheap tests first: most words do not end a clause. A
		// particle right before a comma after an odd number of commas
		// closes an inserted clause or apposition (Stifte, die … auf,),
		// whose own verb it belongs to.
		if isBoundary(toks, j+1) && !(commas%2 == 1 && j+1 < len(toks) && toks[j+1].Text == ",") && l.IsSeparablePrefix(t.Text) {
			lemma, guessed := l.SeparableLemma(t.Text, a.Base), false
			if f := l.word(t.Text).flags; lemma == "" && a.POS == POSVerb && f&wProductive != 0 && f&wPrepositional != 0 {
				// Morphy lacks common particle verbs (mitkommen,
				// beisteuern); a productive particle that is also a
				// preposition (an, mit, bei, zu, ...) at the clause end of
				// a full verb forms one all the same. Adverb particles
				// (hieß es weiter, kam zurück) join only where listed.
				lemma, guessed = t.Text+a.Base, true
			}
			if lemma != "" {
				a.Lemma = lemma
				a.Guessed = a.Guessed || guessed
				a.POS = POSVerb
				a.Particle = j
				out[j] = Analysis{Lemma: t.Text, Base: t.Text, POS: POSParticle, Particle: i}
				break
			}
		}
		// Finite first: only verbs have a mood, and it is one byte.
		if o := &out[j]; o.Verb.Finite() && (o.POS == POSVerb || o.POS == POSAux) {
			if j+1 < len(toks) && toks[j+1].Text == "," {
				continue
			}
			break
		}
	}
}
