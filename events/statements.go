package events

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ereignis/ereignis/document"
)

// Statement kinds.
const (
	KindDirect   = "direct"
	KindIndirect = "indirect"
	KindReported = "reported"
)

func (a *analysis) isNachNoun(j int) bool {
	w := &a.t[j]
	if !w.upper {
		return false
	}
	for _, n := range a.m.nachNouns {
		if strings.HasSuffix(w.low, n) {
			return true
		}
	}
	return false
}

type span2 struct{ start, end int } // token range [start, end)

type stmt struct {
	kind    string
	cue     span2 // empty when start == end
	source  span2
	ref     string
	msg     span2
	sent    int
	rule    string
	hasSrc  bool
	fromCue bool
}

// statements finds direct quotes, indirect and reported speech, their cues
// and sources. Reported speech in Konjunktiv I that goes on after a
// statement in the following sentences of the paragraph is attributed to
// the same source. They are returned in dst's memory when it has room
// (dst[:0] for none: a nil dst stays nil), else in a new slice.
func (a *analysis) statements(dst []document.Statement) []document.Statement {
	d := a.d
	out := a.stmtScr[:0] // the scratch's: res below is what stays
	defer func() {
		clear(out)
		a.stmtScr = out[:0]
	}()
	quotes := a.quotes()
	usedQuote := make([]bool, len(quotes))
	addStmt := func(s stmt) {
		if s.msg.end <= s.msg.start {
			return
		}
		for _, o := range out { // one statement per message
			if o.msg == s.msg {
				return
			}
		}
		out = append(out, s)
	}
	for si := range d.Sentences {
		cls := a.sentenceClauses(si)
		for k, ci := range cls {
			c := &a.clauses[ci]
			if a.candsOK && !c.cand {
				continue // no token of the clause can start a rule below
			}
			for j := c.start; j < c.end; j++ {
				w := &a.t[j]
				// every case below needs a cue kind or "nach": a token
				// build found no cueToken starts none
				if w.punct || w.inQ || !a.cueTok[j] {
					continue
				}
				kind := a.cueKind(j)
				switch {
				case kind == "verb" && w.verb && !w.upper:
					if s, ok := a.verbCue(si, cls, k, j, quotes); ok {
						addStmt(s)
						j = c.end
					}
				case kind == "noun" && w.upper && c.fin >= 0 && c.fin < j && j-c.fin <= 4 && !a.hasCue(c):
					// "ist der Meinung, dass …", "kamen zu dem Ergebnis, dass …":
					// a speech noun as the object of the finite verb
					if s, ok := a.verbCue(si, cls, k, c.fin, quotes); ok && s.rule != "cue:verb-object" && s.kind != KindReported {
						s.cue = span2{c.fin, j + 1}
						s.rule = "cue:noun"
						addStmt(s)
						j = c.end
					}
				case kind == "prep" && (w.low == "laut" || w.low == "gemäß"):
					if s, ok := a.prepCue(si, cls, k, j, true); ok {
						addStmt(s)
					}
				case kind == "prep" && w.low == "zufolge":
					if s, ok := a.prepCue(si, cls, k, j, false); ok {
						addStmt(s)
					}
				case w.low == "nach" && a.nachCue(j, c):
					if s, ok := a.prepCue(si, cls, k, j, true); ok {
						s.rule = "cue:nach"
						addStmt(s)
					}
				case w.low == "nach" && j > c.start && a.isNachNoun(j-1) && (j+1 >= c.end || !a.t[j+1].upper && !a.detLike(j+1)):
					if s, ok := a.prepCue(si, cls, k, j, false); ok {
						s.rule = "cue:nach-postposition"
						addStmt(s)
					}
				case kind == "adv" && j == c.start:
					if s, ok := a.advCue(si, cls, k, j); ok {
						addStmt(s)
					}
				case kind == "so" && (j == c.start && c.afterComma && k == len(cls)-1 || j > c.start && a.d.Tokens[j-1].Text == "," && !a.t[j-1].inQ):
					if s, ok := a.soCue(si, cls, k, j, quotes); ok {
						addStmt(s)
					}
				case kind == "heißen" && j+1 < c.end && a.t[j+1].low == "es" || kind == "heißen" && j > c.start && a.t[j-1].low == "es":
					if s, ok := a.heisstCue(si, cls, k, j); ok {
						addStmt(s)
						j = c.end
					}
				}
			}
		}
	}
	// quotes that no cue claimed: attribute them to the speaker of the
	// closest statement of the paragraph
	for _, s := range out {
		if s.kind == KindDirect {
			for qi, q := range quotes {
				if q[0] >= s.msg.start && q[1] < s.msg.end {
					usedQuote[qi] = true
				}
			}
		}
	}
	for qi, q := range quotes {
		if usedQuote[qi] {
			continue
		}
		si := a.d.Tokens[q[0]].Sentence
		// a quote inside a statement's message is the speaker's own words,
		// unless it is a name or title (every word capitalised: „Der Spiegel“)
		if outer := a.enclosing(out, q); outer != nil {
			if q[1]-q[0]-1 >= 1 && !a.allCapitalised(q[0]+1, q[1]) {
				addStmt(stmt{kind: KindDirect, cue: outer.cue, source: outer.source, ref: outer.ref, hasSrc: outer.hasSrc,
					msg: span2{q[0], q[1] + 1}, sent: si, rule: "quote:nested"})
			}
			continue
		}
		// a quote with no verb is a title or a name (die „Berliner Zeitung“),
		// unless a verb of saying governs it: bezeichnete es als „Wortbruch“
		if q[1]-q[0]-1 < 4 || !a.hasVerb(q[0], q[1]) {
			if q[1]-q[0]-1 >= 1 && !a.allCapitalised(q[0]+1, q[1]) {
				if s, ok := a.quotedObject(q, si); ok {
					addStmt(s)
				}
			}
			continue
		}
		s := stmt{kind: KindDirect, msg: span2{q[0], q[1] + 1}, sent: si, rule: "quote"}
		if p := a.previousSource(out, si); p != nil {
			s.source, s.ref, s.hasSrc = p.source, p.ref, true
			s.rule = "quote:speaker-of-paragraph"
		}
		addStmt(s)
	}
	// reported speech that continues in Konjunktiv
	slices.SortStableFunc(out, func(x, y stmt) int { return cmp.Compare(x.msg.start, y.msg.start) })
	n := len(out)
	for k := 0; k < n; k++ {
		s := out[k]
		if s.kind == KindDirect && !s.fromCue || s.rule == "quote:nested" {
			continue
		}
		// consecutive sentences of one report form one statement, as the
		// free indirect speech they are
		cont := -1
		for si := s.sent + 1; si < len(d.Sentences) && a.para[si] == a.para[s.sent]; si++ {
			if cont < 0 && a.sentenceHasStatement(out, si) || cont >= 0 && a.sentenceHasStatement(out[:n], si) || !a.konjunktivSentence(si) {
				break
			}
			st := d.Sentences[si]
			if cont >= 0 {
				out[cont].msg.end = st.TokEnd
				continue
			}
			out = append(out, stmt{kind: KindIndirect, source: s.source, ref: s.ref, hasSrc: s.hasSrc, msg: span2{st.TokStart, st.TokEnd}, sent: si, rule: "konjunktiv-continuation"})
			cont = len(out) - 1
		}
	}
	// free indirect speech: a main clause in Konjunktiv I reports what
	// someone said even without a cue; its speaker is the closest earlier
	// speaker of the paragraph, if any
	covered := make([]bool, len(d.Sentences))
	for _, s := range out {
		for si := s.sent; si < len(d.Sentences) && d.Sentences[si].TokStart < s.msg.end; si++ {
			covered[si] = true
		}
	}
	last := -1 // index in out of the free statement of the sentence before
	for si := range d.Sentences {
		if covered[si] || !a.konjunktiv1Main(si) && !a.reportiveSollen(si) && !(a.mainSollen(si) && a.previousSource(out, si) != nil) {
			last = -1
			continue
		}
		if last >= 0 && a.para[si] == a.para[si-1] {
			// consecutive sentences of free indirect speech are one report
			out[last].msg.end = d.Sentences[si].TokEnd
			continue
		}
		st := stmt{kind: KindIndirect, msg: span2{d.Sentences[si].TokStart, d.Sentences[si].TokEnd}, sent: si, rule: "konjunktiv-free"}
		if p := a.previousSource(out, si); p != nil {
			st.source, st.ref, st.hasSrc = p.source, p.ref, true
		}
		out = append(out, st)
		last = len(out) - 1
	}
	slices.SortStableFunc(out, func(x, y stmt) int { return cmp.Compare(x.msg.start, y.msg.start) })
	// in dst's memory when it has room (a nil dst stays nil for none)
	res := dst[:0]
	if cap(res) < len(out) {
		res = make([]document.Statement, 0, len(out))
	}
	// the cue and source spans in one allocation, not one each
	nsp := 0
	for _, s := range out {
		nsp += b2i(s.cue.end > s.cue.start) + b2i(s.hasSrc && s.source.end > s.source.start)
	}
	spans := make([]document.Span, nsp)
	for k, s := range out {
		ds := document.Statement{ID: stmtID(k + 1), Kind: s.kind, SourceRef: s.ref, Sentence: s.sent, Rule: s.rule,
			Message: a.tokSpan(s.msg)}
		if s.cue.end > s.cue.start {
			spans[0] = a.tokSpan(s.cue)
			ds.Cue, spans = &spans[0], spans[1:]
		}
		if s.hasSrc && s.source.end > s.source.start {
			spans[0] = a.tokSpan(s.source)
			ds.Source, spans = &spans[0], spans[1:]
		}
		res = append(res, ds)
	}
	a.stmts = res
	return res
}

// cueKind is the cue kind the statement rules give token j: its final
// lemma's, else its lower-case form's, else that of its lemma without
// "weiter" ("sagte weiter": weiter is an adverb here, not the particle of
// a verb weitersagen).
func (a *analysis) cueKind(j int) string {
	w := &a.t[j]
	kind := w.cue()
	if kind == "" && w.lemma != w.low {
		kind = a.cueOfLow(j)
	}
	if kind == "" && strings.HasPrefix(w.lemma, "weiter") && !w.upper {
		kind = a.m.cue(strings.TrimPrefix(w.lemma, "weiter"))
	}
	return kind
}

// cueToken reports whether a rule of statements' loop can start at token
// j (outside punctuation and quotes): a cue kind, or "nach".
func (a *analysis) cueToken(j int) bool {
	return a.t[j].low == "nach" || a.cueKind(j) != ""
}

// extendNP extends a noun phrase ending at end (exclusive) over its
// attributes: genitives (der Direktor der IAEO), von-phrases (der
// Bürgermeister von New Orleans), a parenthesis (IAEO) and a name in
// apposition (Ein Sprecher der Polizei, Lars Beringer); limit bounds it.
func (a *analysis) extendNP(end, limit int) int {
	for end < limit {
		w := &a.t[end]
		switch {
		case w.low == "des" || w.low == "der" || w.low == "von" || w.low == "vom" || w.low == "aus" || w.low == "für":
			e := a.nounPhrase(end+1, limit)
			if e == end+1 {
				return end
			}
			end = e
		case w.low == "(":
			e := end + 1
			for e < limit && e <= end+6 && a.t[e].low != ")" {
				e++
			}
			if e >= limit || a.t[e].low != ")" {
				return end
			}
			end = e + 1
		case isOpenQuote(a.d.Tokens[end].Text):
			// a name in quotes: des Magazins „Der Spiegel“
			e := end + 1
			for e < limit && e <= end+6 && !a.closingQuote(e) {
				e++
			}
			if e >= limit || e == end+1 || !a.closingQuote(e) || !a.allCapitalised(end+1, e) {
				return end
			}
			end = e + 1
		case (w.low == "und" || w.low == "sowie") && end+1 < limit && (a.t[end+1].ent >= 0 || a.t[end+1].det):
			// coordinated speakers: der Presseagenturen dpa und AFP
			e := a.nounPhrase(end+1, limit)
			if e == end+1 || e < limit && a.t[e].verb && !a.t[e].upper {
				return end
			}
			end = e
		case w.ent >= 0 && end > 0 && a.t[end-1].ent != w.ent && a.t[end-1].upper && a.t[end-1].ent < 0:
			// a name in apposition to its noun: die japanische Zeitung Sankei Shimbun
			if t := a.d.Entities[w.ent].Type; t != "PER" && t != "ORG" {
				return end
			}
			e := end
			for e < limit && a.t[e].ent == w.ent {
				e++
			}
			end = e
		case w.low == "," && end+1 < limit && a.t[end+1].ent >= 0 && a.d.Entities[a.t[end+1].ent].Type == "PER":
			e := end + 1
			for e < limit && a.t[e].ent == a.t[end+1].ent {
				e++
			}
			end = e
		default:
			return end
		}
	}
	return end
}

// obliqueDet: determiners that cannot open a nominative phrase.
func obliqueDet(w string) bool {
	switch w {
	case "den", "dem", "des", "einen", "einem", "eines", "diesen", "diesem", "dieses":
		return true
	}
	return false
}

// nominal reports whether [st, end) is a noun phrase: articles,
// adjectives, names and nouns (at least one), no verb and no time.
func (a *analysis) nominal(st, end int) bool {
	if end <= st || end-st > 12 {
		return false
	}
	noun := false
	for j := st; j < end; j++ {
		w := &a.t[j]
		switch {
		case w.tmx >= 0 || w.verb && !w.upper:
			return false
		case a.isBits(j, cbPrep|cbSub):
			return false // Laut dem Portal, Während des Wahlkampfs
		case w.det:
		case w.upper || w.ent >= 0:
			pos := a.d.Tokens[j].POS
			if pos == "" && a.closedClass(j) {
				return false // a capitalised adverb at the sentence start (Dennoch)
			}
			if pos == "NOUN" || pos == "PROPN" || pos == "" || w.ent >= 0 {
				noun = true
			}
		case a.adjLike(j) || w.cpart || w.low == "(" || w.low == ")" || w.low == "," || w.low == "von" || w.low == "der" || w.low == "des" || w.low == "und" || w.low == "sowie" || w.low == "oder":
		case w.inline || a.touchingHyphen(j):
			// a quoted name (Das „National Hurricane Centre“) or a
			// hyphenated one the tokeniser split (Papua-Neuguineas)
		default:
			return false
		}
	}
	return noun && !a.t[end-1].punct
}

// nounPhrase returns the end of the noun phrase starting at j: articles
// and adjectives, then capitalised words and names.
func (a *analysis) nounPhrase(j, limit int) int {
	e := j
	for e < limit && (a.adjLike(e) && !a.t[e].upper || a.t[e].cpart) && !a.t[e].punct {
		e++
	}
	// an attribute with its own phrase between article and noun: einer am
	// Dienstag veröffentlichten Pressemitteilung
	if e > j && a.t[j].det && e < limit && !a.t[e].upper {
		for k := e + 1; k < limit && k <= e+6; k++ {
			if a.t[k].punct {
				break
			}
			if k+1 < limit && !a.t[k].upper && (a.adjLike(k) || a.t[k].verb && strings.HasSuffix(a.t[k].low, "en")) && a.t[k+1].upper {
				e = k + 1
				break
			}
		}
	}
	h := e
	for e < limit && (a.t[e].upper || a.t[e].ent >= 0 || a.t[e].cpart || a.d.Tokens[e].Kind == document.KindURL || a.d.Tokens[e].Kind == document.KindHandle) && !a.t[e].punct && !(a.t[e].verb && !a.t[e].upper) && a.t[e].tmx < 0 {
		e++
	}
	if e == h {
		return j
	}
	return e
}

// refIn is the first named entity inside the token range, skipping names
// that only modify a compound (the US of US-Außenministerium).
func (a *analysis) refIn(r span2) string {
	// a person speaks for the organisation named beside it (der Direktor
	// der IAEO, Mohammed el-Baradei)
	for _, want := range []string{"PER", ""} {
		for q := r.start; q < r.end; q++ {
			if x := a.t[q].ent; x >= 0 && !a.t[q].cpart && entityOK(a.d.Entities[x].Type) && (want == "" || a.d.Entities[x].Type == want) {
				return rootID(a.d, x)
			}
		}
	}
	return ""
}

func (a *analysis) tokSpan(r span2) document.Span {
	return a.d.SpanOf(a.d.Tokens[r.start].Start, a.d.Tokens[r.end-1].End)
}

// sentenceClauses returns the clauses of sentence si in token order
// (callers must not modify the slice).
func (a *analysis) sentenceClauses(si int) []int {
	if a.sentClOff == nil {
		a.sentenceClauseLists()
	}
	return a.sentCl[a.sentClOff[si]:a.sentClOff[si+1]]
}

// sentenceClauseLists lists the clauses of every sentence once, when
// build has made them: the statement rules ask for them sentence by
// sentence, several times each.
func (a *analysis) sentenceClauseLists() {
	out, off := a.sentCl[:0], append(a.sentClOff[:0], 0)
	for _, s := range a.d.Sentences {
		last := -1
		for j := s.TokStart; j < s.TokEnd; j++ {
			if c := a.t[j].cl; c >= 0 && c != last {
				out = append(out, c)
				last = c
			}
		}
		off = append(off, len(out))
	}
	a.sentCl, a.sentClOff = out, off
}

func (a *analysis) enclosing(out []stmt, q [2]int) *stmt {
	for k := range out {
		s := &out[k]
		if s.kind != KindDirect && s.msg.start <= q[0] && q[1] < s.msg.end {
			return s
		}
	}
	return nil
}

func (a *analysis) clauseHas(c *clause, lemma string) bool {
	for j := c.start; j < c.end; j++ {
		if a.t[j].lemma == lemma && a.t[j].verb {
			return true
		}
	}
	return false
}

func (a *analysis) allCapitalised(from, to int) bool {
	for j := from; j < to; j++ {
		if !a.t[j].punct && !a.t[j].upper && a.d.Tokens[j].Kind == document.KindWord && !a.isBits(j, cbArt) {
			return false
		}
	}
	return true
}

func (a *analysis) hasVerb(from, to int) bool {
	for j := from; j < to; j++ {
		if a.t[j].verb && !a.t[j].upper {
			return true
		}
	}
	return false
}

// nachCue: "nach Angaben der Polizei", "nach einer norwegischen Studie".
func (a *analysis) nachCue(j int, c *clause) bool {
	for k := j + 1; k < c.end && k <= j+4; k++ {
		if a.isNachNoun(k) {
			return true
		}
		if !a.adjLike(k) {
			return false
		}
	}
	return false
}

// advCue: "Demnach …", "…, wonach …": the message is the rest of the sentence.
func (a *analysis) advCue(si int, cls []int, k, j int) (stmt, bool) {
	sent := a.d.Sentences[si]
	end := sent.TokEnd
	for end > j+1 && a.t[end-1].punct && !a.closingQuote(end-1) {
		end--
	}
	if end-(j+1) < 3 {
		return stmt{}, false
	}
	s := stmt{kind: KindIndirect, cue: span2{j, j + 1}, msg: span2{j + 1, end}, sent: si, rule: "cue:" + a.t[j].low, fromCue: true}
	switch a.t[j].low {
	case "demnach":
		// the adverb stands for the report it refers back to (SpkAtt
		// annotates it as cue and source at once)
		s.source, s.hasSrc = span2{j, j + 1}, true
	case "wonach":
		// "die Befunde des Amts, wonach …": the noun phrase the relative
		// adverb hangs on is what reports it
		if st := a.npBefore(j - 1); st >= 0 {
			s.source, s.hasSrc = span2{st, j - 1}, true
			s.ref = a.refIn(s.source)
		}
	}
	return s, true
}

// npBefore returns the start of the noun phrase that ends at the comma at
// token c (a noun, with its article, adjectives and genitives), or -1.
func (a *analysis) npBefore(c int) int {
	if c < 1 || a.d.Tokens[c].Text != "," || !a.t[c-1].upper && a.t[c-1].ent < 0 {
		return -1
	}
	st := c
	for k := c - 1; k >= 0 && c-k <= 10; k-- {
		w := &a.t[k]
		if w.punct || w.verb && !w.upper || w.tmx >= 0 || a.isBits(k, cbSub|cbPrep) {
			break
		}
		if !(w.upper || w.ent >= 0 || w.det || a.adjLike(k)) {
			break
		}
		st = k
	}
	if st == c || a.d.Tokens[st].Sentence != a.d.Tokens[c].Sentence {
		return -1
	}
	return st
}

func (a *analysis) sentenceHasStatement(out []stmt, si int) bool {
	for _, s := range out {
		if s.sent == si {
			return true
		}
	}
	return false
}

func (a *analysis) previousSource(out []stmt, si int) *stmt {
	var best *stmt
	for k := range out {
		s := &out[k]
		if s.hasSrc && s.sent <= si && s.sent >= si-2 && a.para[s.sent] == a.para[si] {
			if best == nil || s.sent > best.sent {
				best = s
			}
		}
	}
	return best
}

// konjunktiv1Main reports a main clause of sentence si whose finite verb
// is in Konjunktiv I proper (not a Konjunktiv II standing in for it).
func (a *analysis) konjunktiv1Main(si int) bool {
	c := a.firstMainClause(si)
	return c != nil && strings.Contains(a.t[c.fin].feat, "1") && !a.t[c.fin].inQ
}

// quotedObject makes a direct statement of a short quote inside a clause
// whose verb of saying quotes it (nannte das „sehr respektabel“).
func (a *analysis) quotedObject(q [2]int, si int) (stmt, bool) {
	ci := a.t[q[0]].cl
	if q[0] > 0 && (ci < 0 || a.clauses[ci].quote) {
		ci = a.t[q[0]-1].cl
	}
	if ci < 0 || ci >= len(a.clauses) {
		return stmt{}, false
	}
	c := &a.clauses[ci]
	for j := c.start; j < c.end; j++ {
		w := &a.t[j]
		if w.inQ || !(w.cue() == "verb" && w.verb && !w.upper) {
			continue
		}
		s := stmt{kind: KindDirect, cue: span2{j, j + 1}, msg: span2{q[0], q[1] + 1}, sent: si, rule: "quote:object"}
		s.source, s.ref, s.hasSrc = a.sourceOf(c, j)
		return s, true
	}
	return stmt{}, false
}

// cutCoordinatedMain ends a message before "und" + an indicative finite
// verb, a main clause coordinated with the speaker's (…, dass es regnet,
// und warnte vor …); the segmenter does not cut there.
func (a *analysis) cutCoordinatedMain(start, end int) int {
	for k := start + 1; k+1 < end; k++ {
		if a.t[k].inQ {
			continue
		}
		if (a.t[k].low == "und" || a.t[k].low == "sowie") && a.t[k+1].fin && !a.t[k+1].upper && !strings.Contains(a.t[k+1].feat, "1") && !strings.Contains(a.t[k+1].feat, "2") && a.t[k+1].lemma != "sein" && a.t[k+1].lemma != "haben" && a.t[k+1].lemma != "werden" {
			e := k
			for e > start && a.t[e-1].punct && !a.closingQuote(e-1) {
				e--
			}
			return e
		}
	}
	return end
}

// reportiveSollen reports a main clause of sentence si whose finite verb
// is sollen with a perfect infinitive: "Er soll Reichtümer angesammelt
// haben" passes on what others say, like a Konjunktiv I.
func (a *analysis) reportiveSollen(si int) bool {
	c := a.firstMainClause(si)
	return c != nil && a.t[c.fin].lemma == "sollen" && !a.t[c.fin].inQ && a.perfectInfinitive(c)
}

// mainSollen reports a main clause of sentence si whose finite verb is
// sollen: after a speaker it mostly passes on what was said or planned
// (Jeder Schüler soll um 16 Uhr entlassen werden).
func (a *analysis) mainSollen(si int) bool {
	c := a.firstMainClause(si)
	return c != nil && a.t[c.fin].lemma == "sollen" && !a.t[c.fin].inQ && !strings.Contains(a.t[c.fin].feat, "2")
}

// konjunktivSentence reports whether the main verb of sentence si is in
// Konjunktiv I (or a Konjunktiv II standing in for it in the plural).
func (a *analysis) konjunktivSentence(si int) bool {
	for _, ci := range a.sentenceClauses(si) {
		c := &a.clauses[ci]
		if c.quote {
			continue
		}
		if c.fin < 0 {
			continue
		}
		w := &a.t[c.fin]
		if strings.Contains(w.feat, "1") {
			return true
		}
		if strings.Contains(w.feat, "2") && !strings.Contains(w.feat, "p") {
			return true
		}
		switch w.low {
		case "würden", "sollten", "hätten", "wären", "könnten", "müssten", "dürften":
			return true
		}
		if !c.sub {
			return false
		}
	}
	return false
}

// sourceOf finds the speaker of clause c: the subject of the cue verb at j
// (the first constituent or the noun phrase after the finite verb).
func (a *analysis) sourceOf(c *clause, j int) (span2, string, bool) {
	ms := a.mentions(c)
	var cands []int
	passive := strings.Contains(a.t[j].feat, "a") && a.clauseHas(c, "werden")
	for k := range ms {
		if passive && ms[k].prep == "agent" && ms[k].prepWord != "durch" {
			// wurde von X als unrealistisch bezeichnet
			return span2{ms[k].start, ms[k].end}, ms[k].ref, true
		}
		if ms[k].prep == "" && ms[k].kind != 'o' {
			cands = append(cands, k)
		}
	}
	pick := -1
	fin := c.fin
	if fin < 0 {
		fin = j
	}
	if c.sub || fin == c.start || a.t[c.start].punct {
		for _, k := range cands {
			if ms[k].start != fin {
				pick = k
				break
			}
		}
	} else {
		for _, k := range cands {
			if ms[k].end <= fin && a.firstConstituent(c, ms[k].start) {
				pick = k
				break
			}
		}
		if pick < 0 {
			// a lone pronoun before the verb is the subject (Er sagte, Diese
			// erklärte); das/dies/es there are objects (Das sagte er)
			st := c.start
			for st < fin && (a.isBits(st, cbCoord) || a.t[st].punct || focusParticle(a.t[st].low)) {
				st++
			}
			if st == fin-1 && (a.isBits(st, cbPers) || demonstrativeSubject(a.t[st].low)) {
				return span2{st, fin}, "", true
			}
		}
		if pick < 0 && fin+1 < c.end {
			// a name right after the verb is the subject when the first
			// constituent has none (Neue Smartphones verkündet Apple …)
			for _, k := range cands {
				if ms[k].start == fin+1 && ms[k].kind == 'e' && a.t[fin+1].ent >= 0 {
					if t := a.d.Entities[a.t[fin+1].ent].Type; t == "PER" || t == "ORG" {
						pick = k
					}
				}
			}
		}
		if pick < 0 && fin > c.start {
			// a nominal first constituent in the nominative is the subject
			// (Die syrische Opposition und der Westen werfen … vor)
			st := c.start
			for st < fin && (a.isBits(st, cbCoord) || a.t[st].punct || focusParticle(a.t[st].low)) {
				st++
			}
			if a.nominal(st, fin) && !obliqueDet(a.t[st].low) {
				return span2{st, fin}, a.refIn(span2{st, fin}), true
			}
		}
		if pick < 0 {
			for _, k := range cands {
				if ms[k].start > fin {
					pick = k
					break
				}
			}
		}
	}
	if pick < 0 {
		// no entity or role noun: a plain noun phrase or pronoun subject
		// (Das Gericht, Der NDR; sagte sie)
		if !c.sub && fin > c.start {
			st := c.start
			for st < fin && (a.isBits(st, cbCoord) || a.t[st].punct || focusParticle(a.t[st].low)) {
				st++
			}
			if a.nominal(st, fin) {
				return span2{st, fin}, "", true
			}
		}
		from := fin + 1
		if c.sub {
			from = c.start + 1
		}
		if from < c.end && a.isBits(from, cbPers) {
			return span2{from, from + 1}, "", true
		}
		if e := a.nounPhrase(from, c.end); e > from {
			return span2{from, a.extendNP(e, c.end)}, "", true
		}
		return span2{}, "", false
	}
	m := ms[pick]
	st, end := m.start, m.end
	if !c.sub && c.fin >= 0 && m.end <= c.fin && a.firstConstituent(c, m.start) {
		// the whole first constituent is the speaker (Die US-Botschaft in Riad)
		st = c.start
		for st < m.start && (a.isBits(st, cbCoord) || a.t[st].punct || focusParticle(a.t[st].low)) {
			st++
		}
		return span2{st, c.fin}, m.ref, true
	}
	// the role noun before a name (Kremlsprecher Dmitri Peskow) and the
	// article before it belong to the source
	for st-1 >= c.start && (a.isRoleNoun(st-1) || a.adjLike(st-1) && a.t[st-1].low != "und") && !a.isBits(st-1, cbSub) {
		st--
	}
	for k := pick + 1; k < len(ms); k++ {
		if ms[k].coordOf == k-1 && ms[k].prep == ms[pick].prep {
			end = ms[k].end
			continue
		}
		break
	}
	end = a.extendNP(end, c.end)
	ref := m.ref
	if ref == "" {
		ref = a.refIn(span2{st, end}) // die Chefin der Staatsholding, Martha Oberndorfer
	}
	return span2{st, end}, ref, true
}

// verbCue builds a statement from a verb of saying at token j of clause
// cls[k] of sentence si.
func (a *analysis) verbCue(si int, cls []int, k, j int, quotes [][2]int) (stmt, bool) {
	c := &a.clauses[cls[k]]
	if c.fin < 0 && strings.Contains(a.t[j].feat, "a") && !strings.ContainsAny(a.t[j].feat, "12pr") {
		// a participle in a clause without finite verb is an attribute
		// ("…, auch der Eiserne genannt, galt er …"), not a report
		return stmt{}, false
	}
	s := stmt{cue: span2{j, j + 1}, sent: si, fromCue: true}
	// the particle belongs to the cue when only a reflexive or a pronominal
	// adverb stands between (geht davon aus, äußerte sich dazu)
	for e := j + 1; e < c.end; e++ {
		w := a.t[e].low
		if w == "sich" || w == "es" || strings.HasPrefix(w, "da") && len(w) <= 7 && !a.t[e].upper {
			continue
		}
		if a.isBits(e, cbParticle) && a.t[e].lemma == "" && a.t[e].low != "weiter" {
			s.cue.end = e + 1
		}
		break
	}
	// the auxiliary next to the verb is part of the cue (hat angekündigt,
	// wurde bekannt gegeben, mitgeteilt hatte); a cue span cannot skip
	// words, so only an adjacent one
	if j > c.start && a.aux(j-1) && a.t[j-1].fin {
		s.cue.start = j - 1
	} else if j > c.start+1 && a.aux(j-2) && a.t[j-2].fin && a.t[j-1].low == "bekannt" {
		s.cue.start = j - 2
	}
	if c.sub && s.cue.end == j+1 {
		e := j + 1
		for e < c.end && a.aux(e) && e-j <= 2 {
			e++
		}
		if e > j+1 && a.t[e-1].fin {
			s.cue.end = e
		}
	}
	src, ref, ok := a.sourceOf(c, j)
	if !ok && strings.Contains(a.t[j].feat, "a") && a.clauseHas(c, "werden") {
		// "In einem Bericht der Zeitung wurde vermutet, dass …": a passive
		// cue without agent reports the document it appears in
		src, ok = a.documentPP(c)
		ref = a.refIn(src)
	}
	s.source, s.ref, s.hasSrc = src, ref, ok
	sent := a.d.Sentences[si]
	first := c.start
	for first < c.end && (a.isBits(first, cbCoord) || a.t[first].punct) {
		first++
	}
	v1 := j == first || c.fin == first && c.fin >= 0
	elided := v1 && c.intro != "wie" && !(ok && src.start > j)
	if elided {
		if src, ok := a.displacedSubject(cls, k); ok {
			// "Der Direktor des Hilfswerks, Anthony Lake, sagte": the
			// apposition's commas cut the first constituent off its verb
			s.source, s.ref, s.hasSrc = src, a.refIn(src), true
			elided, v1 = false, false
		} else {
			// "…, betont jedoch …", "und fügte hinzu, dass …": the subject of
			// the coordinated clause before is the speaker
			s.source, s.ref, s.hasSrc = a.inheritedSource(si, cls, k)
		}
	}
	// message before the cue: "…", sagte X. / MSG, wie X mitteilte.
	after := c.afterComma || c.start > 0 && a.closingQuote(c.start-1)
	if (v1 && !elided && after || c.intro == "wie") && k > 0 {
		start := sent.TokStart
		end := a.clauses[cls[k-1]].end
		// "Mittlerweile ist das bestätigt: Novomatic habe …, teilte X mit":
		// the message starts after the colon
		for q := end - 1; q > start; q-- {
			if a.t[q].punct && !a.t[q].inQ && a.d.Tokens[q].Text == ":" {
				start = q + 1
				break
			}
		}
		if end < len(a.t) && a.closingQuote(end) {
			end++
		}
		for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
			end--
		}
		if end > start && a.closingQuote(end-1) {
			if q := a.quoteEndingAt(quotes, end-1); q >= 0 {
				start = q
			}
		}
		if end > start {
			s.msg = span2{start, end}
			s.kind = KindIndirect
			s.rule = "cue:verb-after-message"
			if a.t[start].inQ || a.closingQuote(end-1) {
				s.kind = KindDirect
				s.rule = "cue:verb-after-quote"
			}
			return s, true
		}
	}
	// message after the cue: X sagte, (dass) …; wie X mitteilte, …; X sagte: „…“
	// appositions and parentheses between the cue and its complement
	// belong to the speaker: erklärte der Direktor der IAEO (IAEO),
	// Mohammed el-Baradei, Nordkorea besitze …
	for k+1 < len(cls) {
		nx := &a.clauses[cls[k+1]]
		if nx.end-nx.start > 6 || a.hasVerb(nx.start, nx.end) || nx.quote || nx.sub {
			break
		}
		if s.hasSrc && s.source.end >= c.end-1 {
			s.source.end = nx.end
		}
		k++
		c = nx
	}
	if k+1 < len(cls) {
		nx := &a.clauses[cls[k+1]]
		// "X sagte, er kommt morgen": a main clause right after a cue clause
		// that has nothing but its speaker is the message, in any mood
		bare := !nx.sub && nx.fin >= 0 && nx.afterComma && (!s.hasSrc || s.source.end >= c.end-1 || s.source.end <= j) && c.end-j <= 1+(s.source.end-s.source.start)
		// "kündigte an, … zurückzutreten": a zu-infinitive is the content
		// of announcements and claims (not um/ohne/statt … zu)
		zuInf := nx.intro == "zu" || nx.fin < 0 && (nx.intro == "" || !nx.sub) && a.segHasFeat(nx.start, nx.end, 'z')
		ok := nx.intro == "dass" || nx.intro == "ob" || nx.quote || a.konjunktivClause(nx) || c.intro == "wie" && k == 0 || bare || zuInf
		if ok {
			start := nx.start
			if nx.quote && start > sent.TokStart && a.t[start-1].punct && a.t[start-1].inQ {
				start-- // the opening quote mark
			}
			end := nx.end
			if nx.quote {
				if q := a.quoteStartingAt(quotes, start); q >= 0 {
					end = q + 1
				}
			} else {
				// dependent clauses after the complement belong to it; a main
				// clause with its verb first ("…, sei ein solches Treffen …")
				// does not
				for m := k + 2; m < len(cls); m++ {
					cm := &a.clauses[cls[m]]
					// a quote inside the complement goes on with it (er sei
					// „äußerst erschüttert“); one after a colon is a new message
					inline := cm.quote && !cm.afterComma && cm.start > 0 && !a.afterColon(cm.start)
					if inline {
						end = cm.end
						if q := a.quoteStartingAt(quotes, cm.start-1); q >= 0 && q+1 > end {
							end = q + 1
						}
						continue
					}
					// a cue in a dependent or Konjunktiv clause is part of the
					// message (er verstehe nicht, wie X behaupten konnte); a
					// verbless piece after a dash or bracket continues it
					if cm.quote || !cm.sub && (cm.fin == cm.start || cm.fin < 0 && !a.konjunktivClause(cm) && cm.afterComma) || a.hasCue(cm) && !cm.sub && !a.konjunktivClause(cm) {
						break
					}
					end = cm.end
				}
				end = a.cutCoordinatedMain(start, end)
				for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
					end--
				}
			}
			s.msg = span2{start, end}
			s.kind = KindIndirect
			s.rule = "cue:verb-before-message"
			if nx.quote {
				s.kind = KindDirect
				s.rule = "cue:verb-before-quote"
			}
			return s, end > start
		}
	}
	// no clause complement: a speech act reported with its content as an
	// object (sprach von einem Erfolg, betonte die Notwendigkeit …); the
	// whole sentence is the report, as in the Redewiedergabe conventions
	if c.sub || c.fin != j || !s.hasSrc || c.end-j < 4 {
		return s, false
	}
	s.msg = span2{sent.TokStart, sent.TokEnd}
	s.kind = KindReported
	s.rule = "cue:verb-object"
	return s, true
}

// afterColon reports whether a colon (maybe with an opening quote mark)
// stands right before token j.
func (a *analysis) afterColon(j int) bool {
	for k := j - 1; k >= 0 && j-k <= 2; k-- {
		switch a.d.Tokens[k].Text {
		case ":":
			return true
		case "„", "\"", "»", "«", "“":
			continue
		}
		return false
	}
	return false
}

// aux reports a form of haben, sein or werden.
func (a *analysis) aux(j int) bool {
	switch a.t[j].lemma {
	case "haben", "sein", "werden":
		return a.t[j].verb && !a.t[j].upper
	}
	return false
}

// demonstrativeSubject: demonstratives that stand alone for a speaker in
// the nominative (dieser, diese, jener); das and dies are rather objects.
func demonstrativeSubject(w string) bool {
	switch w {
	case "dieser", "diese", "jener", "jene", "letzterer", "letztere", "ersterer", "erstere":
		return true
	}
	return false
}

// displacedSubject finds the first constituent of a sentence that commas
// cut off its verb-first clause cls[k]: the sentence opens with a verbless
// noun phrase (or "wie" + noun phrase) whose apposition or relative clause
// ends right before the verb (Günther Platter, der Verteidigungsminister
// Österreichs, der …, sagte; Wie der Bevollmächtigte, Gerald Braun, in
// Luxemburg mitteilte).
func (a *analysis) displacedSubject(cls []int, k int) (span2, bool) {
	if k == 0 {
		return span2{}, false
	}
	first := &a.clauses[cls[0]]
	if first.quote || first.fin >= 0 || first.sub && first.intro != "wie" {
		return span2{}, false
	}
	for m := 1; m < k; m++ {
		c := &a.clauses[cls[m]]
		if c.quote || !c.sub && c.fin >= 0 {
			return span2{}, false
		}
	}
	st := first.start
	for st < first.end && (a.isBits(st, cbCoord) || a.t[st].punct || a.t[st].low == "wie" || a.t[st].low == "auch") {
		st++
	}
	end := first.end
	for end > st && a.t[end-1].punct && !a.closingQuote(end-1) {
		end--
	}
	// the apposition after the name (a verbless clause) belongs to it
	for m := 1; m < k; m++ {
		c := &a.clauses[cls[m]]
		if c.sub || c.fin >= 0 {
			break
		}
		e := c.end
		for e > c.start && a.t[e-1].punct && !a.closingQuote(e-1) {
			e--
		}
		end = e
	}
	if end <= st || end-st > 25 || a.isBits(st, cbPrep) || a.t[st].tmx >= 0 || !a.t[st].upper && !a.t[st].det && a.t[st].ent < 0 {
		return span2{}, false
	}
	return span2{st, end}, true
}

// inheritedSource is the subject of the closest clause before cls[k] in the
// sentence that has one (coordinated clauses share their subject).
func (a *analysis) inheritedSource(si int, cls []int, k int) (span2, string, bool) {
	for m := k - 1; m >= 0; m-- {
		c := &a.clauses[cls[m]]
		if c.quote || c.fin < 0 {
			continue
		}
		if src, ref, ok := a.sourceOf(c, c.fin); ok {
			return src, ref, true
		}
	}
	return span2{}, "", false
}

func (a *analysis) hasCue(c *clause) bool {
	for j := c.start; j < c.end; j++ {
		if a.t[j].cue() == "verb" && a.t[j].verb && !a.t[j].upper {
			return true
		}
	}
	return false
}

func (a *analysis) quoteEndingAt(quotes [][2]int, j int) int {
	for _, q := range quotes {
		if q[1] == j {
			return q[0]
		}
	}
	return -1
}

func (a *analysis) quoteStartingAt(quotes [][2]int, j int) int {
	for _, q := range quotes {
		if q[0] == j {
			return q[1]
		}
	}
	return -1
}

func (a *analysis) closingQuote(j int) bool {
	if j < 0 || !a.t[j].punct || !a.t[j].inQ {
		return false
	}
	_, c, tg := quoteKind(a.d.Tokens[j].Text)
	return c || tg || a.d.Tokens[j].Text == "“"
}

// konjunktivClause: a V2 clause in Konjunktiv I after a comma (er erwäge
// …), or in a Konjunktiv II that stands in for it (sie müssten …).
func (a *analysis) konjunktivClause(c *clause) bool {
	if c.sub || c.fin < 0 {
		return false
	}
	f := a.t[c.fin].feat
	return strings.Contains(f, "1") || strings.Contains(f, "2") && !strings.Contains(f, "p")
}

// prepCue handles laut X / gemäß X (after = true: the source follows the
// preposition) and X zufolge (the source precedes it), and nach Angaben X.
func (a *analysis) prepCue(si int, cls []int, k, j int, after bool) (stmt, bool) {
	c := &a.clauses[cls[k]]
	s := stmt{cue: span2{j, j + 1}, sent: si, kind: KindIndirect, rule: "cue:" + a.t[j].low}
	var src span2
	if after {
		e := a.nounPhrase(j+1, c.end)
		if e == j+1 {
			return s, false
		}
		// a name after the phrase head: laut dem Nachrichtenportal Axios
		e = a.extendNP(e, c.end)
		// an apposition between commas: nach Angaben des Sponsors, dem
		// Getränkehersteller Pepsi, werde …
		if e+1 < c.end && a.d.Tokens[e].Text == "," && (a.t[e+1].det || a.t[e+1].upper) {
			if e2 := a.extendNP(a.nounPhrase(e+1, c.end), c.end); e2 > e+1 && e2 < c.end && a.d.Tokens[e2].Text == "," {
				e = e2
			}
		}
		src = span2{j + 1, e}
	} else {
		b := j
		for b-1 >= c.start && (a.adjLike(b-1) || a.t[b-1].upper || a.t[b-1].ent >= 0) && !a.t[b-1].punct {
			b--
		}
		if b == j {
			return s, false
		}
		src = span2{b, j}
	}
	s.source, s.hasSrc = src, true
	s.ref = a.refIn(src)
	// the message: the rest of the sentence, from the first token after
	// the cue phrase (sentence-initial) or the whole sentence around it
	sent := a.d.Sentences[si]
	start, end := sent.TokStart, sent.TokEnd
	for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
		end--
	}
	lo, hi := min(j, src.start), max(j+1, src.end)
	initial := lo == start || lo-1 >= start && a.t[lo-1].punct && a.clauseStartsAt(lo)
	switch {
	case initial:
		start = hi
		for start < end && a.t[start].punct {
			start++
		}
	case c.sub && c.fin >= 0:
		// a cue inside a dependent clause reports that clause (die nach
		// Angaben X für die Morde verantwortlich sein dürften)
		start, end = c.start, c.end
		for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
			end--
		}
	}
	if end-start < 2 {
		return s, false
	}
	s.msg = span2{start, end}
	return s, true
}

func (a *analysis) clauseStartsAt(j int) bool {
	c := a.t[j].cl
	return c >= 0 && a.clauses[c].start == j
}

// soCue: "…, so Peskow." — the source follows "so" at the end of the sentence.
func (a *analysis) soCue(si int, cls []int, k, j int, quotes [][2]int) (stmt, bool) {
	c := &a.clauses[cls[k]]
	sent := a.d.Sentences[si]
	// the speaker runs to the next comma or the end of the sentence and has
	// no verb: "…, so der britische Fernsehsender." / "…, so das Ergebnis
	// einer Studie, in der …" (not "so dass", "so spät wie nie")
	if j == c.start {
		e := c.end
		for e > j+1 && a.t[e-1].punct {
			e--
		}
		if e == j+1 || !a.t[j+1].upper && !a.detLike(j+1) && !(j+2 < len(a.t) && a.touchingHyphen(j+2)) {
			return stmt{}, false
		}
		return a.soStatement(si, j, span2{j + 1, e}, a.clauses[cls[k-1]].end, quotes)
	}
	e := j + 1
	upper := false
	for e < sent.TokEnd && !soStop(a.d.Tokens[e].Text) && !(a.t[e].punct && a.t[e].inQ != a.t[j].inQ) {
		if a.t[e].verb && !a.t[e].upper || a.isBits(e, cbSub) {
			return stmt{}, false
		}
		upper = upper || a.t[e].upper || a.t[e].ent >= 0
		e++
	}
	if e < sent.TokEnd && !soStop(a.d.Tokens[e].Text) {
		return stmt{}, false
	}
	for e > j+1 && a.t[e-1].punct && !a.closingQuote(e-1) && a.t[e-1].low != ")" {
		e--
	}
	for e > j+1 && a.t[e-1].low == "weiter" {
		e-- // so Elshorst weiter
	}
	if e == j+1 || !upper || !a.t[j+1].upper && !a.detLike(j+1) && !(j+2 < len(a.t) && a.touchingHyphen(j+2)) {
		return stmt{}, false
	}
	return a.soStatement(si, j, span2{j + 1, a.extendNP(e, sent.TokEnd)}, j-1, quotes)
}

// soStatement builds the statement of "…, so X": the message is the
// sentence up to end (exclusive), or the quote that ends there.
func (a *analysis) soStatement(si, j int, src span2, end int, quotes [][2]int) (stmt, bool) {
	sent := a.d.Sentences[si]
	ref := a.refIn(src)
	start := sent.TokStart
	if end < len(a.t) && a.closingQuote(end) {
		end++
	}
	for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
		end--
	}
	if end > start && a.closingQuote(end-1) {
		if q := a.quoteEndingAt(quotes, end-1); q >= 0 {
			start = q
		}
	}
	if end-start < 3 {
		return stmt{}, false
	}
	s := stmt{cue: span2{j, j + 1}, source: src, ref: ref, hasSrc: true, msg: span2{start, end}, sent: si, kind: KindIndirect, rule: "cue:so", fromCue: true}
	if a.t[start].inQ {
		s.kind = KindDirect
	}
	return s, true
}

// heisstCue: "hieß es aus dem Außenministerium, dass …" / "…, heißt es in
// dem Bericht."
func (a *analysis) heisstCue(si int, cls []int, k, j int) (stmt, bool) {
	c := &a.clauses[cls[k]]
	cs, ce := j, j+1
	if j+1 < c.end && a.t[j+1].low == "es" {
		ce = j + 2
	} else {
		cs = j - 1
	}
	s := stmt{cue: span2{cs, ce}, sent: si, kind: KindIndirect, rule: "cue:heißt-es", fromCue: true}
	for p := ce; p < c.end; p++ {
		if w := a.t[p].low; w == "aus" || w == "in" || w == "im" || w == "bei" || w == "beim" || w == "von" || w == "vom" {
			e := p + 1
			for e < c.end && (a.adjLike(e) || a.t[e].upper || a.t[e].ent >= 0) {
				e++
			}
			if e > p+1 {
				s.source, s.hasSrc = span2{p + 1, e}, true
				s.ref = a.refIn(s.source)
			}
			break
		}
	}
	if !s.hasSrc {
		// "Im Bericht heißt es", "In dieser Resolution, die …, heißt es": the
		// fronted prepositional phrase names the source
		from, to := c.start, cs
		if c.start == cs && k > 0 {
			from, to = a.clauses[cls[0]].start, a.clauses[cls[0]].end
		}
		if from < to {
			switch a.t[from].low {
			case "in", "im", "aus", "bei", "beim", "von", "vom":
				e := a.nounPhrase(from+1, to)
				if e > from+1 {
					e = a.extendNP(e, to)
					s.source, s.hasSrc = span2{from + 1, e}, true
					s.ref = a.refIn(s.source)
				}
			}
		}
	}
	sent := a.d.Sentences[si]
	if k+1 < len(cls) {
		start := a.clauses[cls[k+1]].start
		end := sent.TokEnd
		for end > start && a.t[end-1].punct && !a.closingQuote(end-1) {
			end--
		}
		s.msg = span2{start, end}
		return s, end > start
	}
	if k > 0 {
		end := a.clauses[cls[k-1]].end
		for end > sent.TokStart && a.t[end-1].punct && !a.closingQuote(end-1) {
			end--
		}
		s.msg = span2{sent.TokStart, end}
		return s, end > sent.TokStart
	}
	return s, false
}

// statementAt returns the innermost statement whose message holds byte
// offset off, other than one whose cue is token i itself.
func (a *analysis) statementAt(off, i int) *document.Statement {
	var best *document.Statement
	for k := range a.stmts {
		s := &a.stmts[k]
		if off < s.Message.Start || off >= s.Message.End {
			continue
		}
		if s.Cue != nil && s.Cue.Start == a.d.Tokens[i].Start {
			continue
		}
		if best == nil || s.Message.End-s.Message.Start < best.Message.End-best.Message.Start {
			best = s
		}
	}
	return best
}

func isOpenQuote(s string) bool {
	switch s {
	case "„", "»", "\"":
		return true
	}
	return false
}

// touchingHyphen reports a hyphen token written without spaces between
// two words (Papua-Neuguineas).
func (a *analysis) touchingHyphen(j int) bool {
	t := a.d.Tokens
	return t[j].Text == "-" && j > 0 && j+1 < len(t) && t[j-1].End == t[j].Start && t[j].End == t[j+1].Start
}

func focusParticle(w string) bool {
	switch w {
	case "auch", "sogar", "selbst", "nur", "insbesondere", "ebenfalls", "gerade":
		return true
	}
	return false
}

// documentPP finds "in/im" + a noun phrase headed by a report noun (Bericht,
// Pressemitteilung, Studie) in clause c and returns the noun phrase.
func (a *analysis) documentPP(c *clause) (span2, bool) {
	for p := c.start; p+1 < c.end; p++ {
		if w := a.t[p].low; w != "in" && w != "im" {
			continue
		}
		e := a.nounPhrase(p+1, c.end)
		if e > p+1 && a.isNachNoun(e-1) {
			return span2{p + 1, a.extendNP(e, c.end)}, true
		}
	}
	return span2{}, false
}

func soStop(t string) bool {
	switch t {
	case ",", ".", ":", ";", "!", "?", "–", "—":
		return true
	}
	return false
}

// firstMainClause returns the first clause of sentence si that is a main
// clause with a finite verb outside a direct quote, or nil.
func (a *analysis) firstMainClause(si int) *clause {
	for _, ci := range a.sentenceClauses(si) {
		if c := &a.clauses[ci]; !c.quote && !c.sub && c.fin >= 0 {
			return c
		}
	}
	return nil
}
