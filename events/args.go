package events

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/ereignis/ereignis/document"
)

// mention is a possible participant inside a clause: a named entity, a
// pronoun resolved to an earlier entity, or a noun phrase headed by a role
// noun (der Kremlsprecher, keinen US-Präsidenten).
type mention struct {
	start, end int    // token range
	ref        string // entity ID (the antecedent's for pronouns)
	kind       byte   // 'e' entity, 'p' pronoun, 'o' possessive, 'n' role noun phrase
	prep       string // role the preposition marks: with, against, agent, between, place, from, other, gen; "" = none
	prepWord   string
	prepAt     int  // token index of the preposition, -1
	host       int  // token the prepositional phrase attaches to when it is a common noun, -1
	loc        bool // the entity is a place
	coordOf    int  // index of the mention this one is coordinated with, -1
}

func entityOK(t string) bool {
	switch t {
	case "PER", "ORG", "LOC", "GPE":
		return true
	}
	return false
}

// adjLike reports lower-case words that can stand between a preposition or
// article and its noun (adjectives, numbers, articles).
// It is computeAdjLike of the token's final state, computed on first use.
func (a *analysis) adjLike(j int) bool {
	if st := a.t[j].adjSt; st != 0 {
		return st == 2
	}
	return a.setAdj(j)
}

// setAdj computes, keeps and returns adjLike(j).
func (a *analysis) setAdj(j int) bool {
	adj := a.computeAdjLike(j)
	a.t[j].adjSt = 1 + uint8(b2i(adj))
	return adj
}

func (a *analysis) computeAdjLike(j int) bool {
	w := &a.t[j]
	if w.cpart {
		return true
	}
	if w.det {
		return true
	}
	if w.ent >= 0 && !w.upper && strings.HasSuffix(a.d.Entities[w.ent].Type, "deriv") {
		return true // russische
	}
	if w.punct || w.upper && w.ent < 0 && !a.isRoleNoun(j) {
		return false
	}
	if a.d.Tokens[j].Kind == document.KindNumber || a.d.Tokens[j].Kind == document.KindOrdinal {
		return true
	}
	if w.upper {
		return a.isRoleNoun(j)
	}
	if w.verb && !strings.Contains(w.feat, "a") || len(w.classes()) > 0 && !a.isBits(j, cbNum) {
		return false // a closed-class word; numerals still inflect like adjectives (mehrere, zahlreiche)
	}
	return adjEnding(w.low)
}

// adjEnding reports whether s ends in an adjective ending: e, en, em, er
// or es (tested on the last two bytes, for every word of an article).
func adjEnding(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	if s[n-1] == 'e' {
		return true
	}
	if n < 2 || s[n-2] != 'e' {
		return false
	}
	switch s[n-1] {
	case 'n', 'm', 'r', 's':
		return true
	}
	return false
}

func (a *analysis) detLike(j int) bool { return a.t[j].det }

func isKein(s string) bool {
	return strings.HasPrefix(s, "kein") && len(s) <= 6
}

// isRoleNoun reports whether token j is a capitalised word that ends in a
// role noun (roleNoun), computed on first use and once per form.
func (a *analysis) isRoleNoun(j int) bool {
	// a word in lower case keeps 0: no (and no punctuation is capitalised)
	w := &a.t[j]
	if w.roleSt == 0 && w.upper {
		a.setRole(j)
	}
	return w.roleSt == 2
}

// setRole computes and keeps isRoleNoun(j) for a capitalised token: what
// setClasses made of its role.
func (a *analysis) setRole(j int) {
	w := &a.t[j]
	role := false
	if f := a.form(j); w.punct {
	} else if f == nil { // a hyphen inside a compound
		role = a.m.roleNoun(w.low)
	} else {
		if !f.roleDone {
			f.role, f.roleDone = a.m.roleNoun(f.low), true
		}
		role = f.role
	}
	w.roleSt = 1 + uint8(b2i(role))
}

// roleNoun reports whether a capitalised word ends in a role noun, also
// inflected (Präsidenten, Sprechers) or as a compound head (Kremlsprecher).
func (m *Model) roleNoun(low string) bool {
	low = strings.TrimRight(low, "s")
	// the word without each of the endings "", n, e, en that it has
	n := len(low)
	if m.roleStem(low) {
		return true
	}
	if n > 0 && low[n-1] == 'n' {
		if m.roleStem(low[:n-1]) {
			return true
		}
		if n > 1 && low[n-2] == 'e' && m.roleStem(low[:n-2]) {
			return true
		}
	} else if n > 0 && low[n-1] == 'e' && m.roleStem(low[:n-1]) {
		return true
	}
	return false
}

// roleStem reports whether b ends in a role noun.
func (m *Model) roleStem(b string) bool {
	if len(b) < 3 {
		return false
	}
	k := b[len(b)-3:]
	if !m.roleF.may(k) {
		return false
	}
	// roleIdx[k] among the role nouns of other keys with the same hash,
	// which do not end b
	h := triHash(k)
	for _, r := range m.roles3[m.roleOff[h]:m.roleOff[h+1]] {
		if strings.HasSuffix(b, r) {
			return true
		}
	}
	return false
}

// mentions lists the participants of clause c in text order (computed
// once per clause; callers must not modify the slice).
//
// The mentions of all clauses lie in one slice of the scratch (mentBuf),
// found by clause in ments; a clause's are built in mentScr, reused.
func (a *analysis) mentions(c *clause) []mention {
	ci := a.t[c.start].cl
	if ci < 0 {
		return a.findMentions(c, nil)
	}
	if len(a.ments) != len(a.clauses) {
		// the scratch's slice past its length is zero (releaseScratch
		// clears what a document used)
		if cap(a.ments) >= len(a.clauses) {
			a.ments = a.ments[:len(a.clauses)]
		} else {
			a.ments = make([]mentRange, len(a.clauses))
		}
	}
	if r := a.ments[ci]; r.done {
		return a.mentBuf[r.lo:r.hi:r.hi]
	}
	ms := a.findMentions(c, a.mentScr[:0])
	lo := len(a.mentBuf)
	a.mentBuf = append(a.mentBuf, ms...)
	clear(ms)
	a.mentScr = ms[:0]
	hi := len(a.mentBuf)
	a.ments[ci] = mentRange{int32(lo), int32(hi), true}
	return a.mentBuf[lo:hi:hi]
}

// mentRange is where a clause's mentions lie in mentBuf.
type mentRange struct {
	lo, hi int32
	done   bool
}

// findMentions appends the mentions of clause c to ms (empty).
func (a *analysis) findMentions(c *clause, ms []mention) []mention {
	d := a.d
	var sref string // the case of a surname keeps its surnameRef here
	for j := c.start; j < c.end; j++ {
		w := &a.t[j]
		if w.punct || w.tmx >= 0 && w.ent < 0 {
			continue
		}
		switch {
		case w.ent >= 0:
			e := &d.Entities[w.ent]
			k := j
			for k+1 < c.end && a.t[k+1].ent == w.ent {
				k++
			}
			// the tokeniser splits hyphenated compounds: join the parts
			// (Saudi-Arabien), or drop a name that only modifies a noun
			// (US-Präsidenten is a role noun phrase, not the USA)
			if a.t[k].cpart {
				h := k
				for h+1 < c.end && a.t[h+1].cpart {
					h++
				}
				h++ // the head
				if h < c.end && a.t[h].ent >= 0 && entityOK(d.Entities[a.t[h].ent].Type) {
					for h+1 < c.end && a.t[h+1].ent == a.t[h].ent {
						h++
					}
					if entityOK(e.Type) {
						ms = append(ms, mention{start: j, end: h + 1, ref: rootID(d, w.ent), kind: 'e', loc: e.Type == "LOC" || e.Type == "GPE"})
					}
					j = h
					continue
				}
				j = k
				continue
			}
			if entityOK(e.Type) {
				end := k + 1
				loc := e.Type == "LOC" || e.Type == "GPE"
				if end < c.end && a.t[end].ent < 0 && a.isRoleNoun(end) && strings.HasSuffix(a.d.Tokens[k].Text, "s") {
					end++ // Syriens Führung: the name heads a role noun phrase
					loc = false
				}
				ms = append(ms, mention{start: j, end: end, ref: rootID(d, w.ent), kind: 'e', loc: loc})
				j = end - 1
				continue
			} else if strings.HasSuffix(e.Type, "part") && a.isRoleNoun(k) && !(k+1 < c.end && a.t[k+1].ent >= 0 && entityOK(d.Entities[a.t[k+1].ent].Type)) {
				st := j
				for st-1 >= c.start && a.adjLike(st-1) && a.t[st-1].ent < 0 && a.t[st-1].tmx < 0 && !a.isYear(st-1) {
					st-- // keinen US-Präsidenten
				}
				ms = append(ms, mention{start: st, end: k + 1, kind: 'n', ref: a.roleRef(st, k)})
			}
			j = k
		case w.upper && !a.isSentenceStart(j) && keep(&sref, a.surnameRef(j)) != "":
			ms = append(ms, mention{start: j, end: j + 1, ref: sref, kind: 'e'}) // (surnameRef(j), asked once)
		case w.hasBits(cbPronM) && !w.upper || w.low == "er" || w.hasBits(cbPossC) && j+1 < c.end:
			poss := w.hasBits(cbPossC)
			if poss && (w.low == "deren" || w.low == "ihre" || w.low == "ihrem" || w.low == "ihren" || w.low == "ihrer" || w.low == "ihres") {
				continue // feminine or plural owners are too often ambiguous
			}
			ref := a.antecedent(j)
			if poss && w.low != "dessen" {
				if r := a.clauseSubjectRef(c, j); r != "" {
					ref = r // sein- refers to the subject of its clause
				}
			}
			if ref != "" {
				k := byte('p')
				if poss {
					k = 'o'
				}
				ms = append(ms, mention{start: j, end: j + 1, ref: ref, kind: k})
			}
		case a.isRoleNoun(j) && !(j+1 < c.end && a.t[j+1].ent >= 0 && entityOK(d.Entities[a.t[j+1].ent].Type)):
			st := j
			for st-1 >= c.start && a.adjLike(st-1) && !a.isRoleNoun(st-1) && (a.t[st-1].ent < 0 || a.t[st-1].cpart || strings.HasSuffix(d.Entities[a.t[st-1].ent].Type, "deriv")) && a.t[st-1].tmx < 0 && !a.isYear(st-1) {
				st--
			}
			ms = append(ms, mention{start: st, end: j + 1, kind: 'n', ref: a.roleRef(st, j)})
		}
	}
	for i := range ms {
		m := &ms[i]
		m.prepAt, m.host, m.coordOf = -1, -1, -1
		if m.kind == 'o' {
			continue // a possessive determines the noun after it
		}
		// walk left over the rest of the noun phrase to its preposition; a
		// determiner opens the phrase, so the walk ends after one
		p := m.start - 1
		art := -1
		if a.detLike(m.start) {
			art = m.start
		} else {
			for p >= c.start && (a.adjLike(p) || a.isRoleNoun(p) || a.t[p].ent >= 0 && a.t[p].ent == a.t[m.start].ent) && a.t[p].tmx < 0 && !a.isYear(p) {
				if a.detLike(p) {
					art = p
					p--
					break
				}
				p--
			}
		}
		if p >= c.start {
			w := &a.t[p]
			if cls := w.classPrefix("prep:"); cls != "" && !w.upper || cls != "" && a.isSentenceStart(p) {
				m.prep, m.prepWord, m.prepAt = strings.TrimPrefix(cls, "prep:"), w.low, p
				if h := p - 1; h >= c.start && a.t[h].upper && a.t[h].ent < 0 && a.t[h].tmx < 0 && !a.isSentenceStart(h) {
					m.host = h
				}
			} else if i > 0 && (w.low == "und" || w.low == "sowie" || w.low == "oder" || w.low == "noch" || w.low == ",") && ms[i-1].end == p {
				m.coordOf = i - 1
				m.prep, m.prepWord, m.prepAt, m.host = ms[i-1].prep, ms[i-1].prepWord, ms[i-1].prepAt, ms[i-1].host
			} else if art >= 0 && (a.t[art].low == "des" || a.t[art].low == "der") && w.upper && w.ent < 0 && !w.punct {
				m.prep, m.host = "gen", p // die Invasion der Ukraine
			} else if q := a.classifierPrep(p, c.start); w.upper && w.ent < 0 && p+1 == m.start && m.kind == 'e' && q >= 0 {
				// "bei Online-Versandhändler Amazon": a name after a common
				// noun that is no event is its apposition and shares its
				// preposition
				cls := a.clsPrefix(q, "prep:")
				m.prep, m.prepWord, m.prepAt = strings.TrimPrefix(cls, "prep:"), a.t[q].low, q
			} else if w.upper && w.ent < 0 && p+1 == m.start && m.kind == 'e' && !a.isSentenceStart(p) && !a.person(m) {
				m.prep, m.host = "gen", p // Übernahme Monsantos (a person after a noun is an apposition)
			}
		}
		if m.end < c.end && (a.t[m.end].low == "zufolge" || a.t[m.end].low == "nach" && a.isNachNoun(m.end-1)) {
			m.prep, m.prepWord = "other", a.t[m.end].low // Reuters zufolge: the source of a report
		}
		if m.prep == "" && i > 0 && m.coordOf < 0 {
			// "Trump und Putin": the conjunction sits right before the mention
			if q := m.start - 1; q >= c.start && (a.t[q].low == "und" || a.t[q].low == "sowie" || a.t[q].low == "noch") && ms[i-1].end == q {
				m.coordOf = i - 1
				m.prep, m.prepWord, m.prepAt, m.host = ms[i-1].prep, ms[i-1].prepWord, ms[i-1].prepAt, ms[i-1].host
			}
		}
	}
	return ms
}

// keep stores s in *p and returns it (for a value a switch case computes
// and its body uses).
func keep(p *string, s string) string {
	*p = s
	return s
}

// surnameRef links a bare surname (Peskow) to the earlier person entity
// whose name ends with it (Dmitri Peskow) when no stage linked it.
func (a *analysis) surnameRef(j int) string {
	w := &a.t[j]
	if len(w.low) < 3 || a.t[j].cpart || w.lemma != a.d.Tokens[j].Text && w.lemma != "" && a.m.trigs(w.lemma) != nil {
		return ""
	}
	text := a.d.Tokens[j].Text
	// the closest person before j whose name ends in " "+text
	runs := a.personRuns()
	r := sort.Search(len(runs), func(r int) bool { return runs[r].start >= j })
	for r--; r >= 0; r-- {
		e := runs[r].ent
		name := a.d.Entities[e].Span.Text
		if n := len(name) - len(text); n > 0 && name[n-1] == ' ' && name[n:] == text {
			return rootID(a.d, e)
		}
	}
	return ""
}

// entRun is a stretch of tokens that one entity covers.
type entRun struct{ start, ent int }

// personRuns lists, in text order, the runs of tokens covered by one PER
// entity (w.ent), once per document: surnameRef asks for the persons
// before many capitalised words.
//
// A token has entity e only among the tokens markSpans walked for e
// (entTok): the runs are found there, not in a pass over every token.
func (a *analysis) personRuns() []entRun {
	if a.perDone {
		return a.perRuns
	}
	a.perDone = true
	d := a.d
	if len(a.entTok) != 2*len(d.Entities) {
		return a.personRunsScan()
	}
	sorted := true
	for e := range d.Entities {
		if d.Entities[e].Type != "PER" {
			continue
		}
		for j := int(a.entTok[2*e]); j < int(a.entTok[2*e+1]); j++ {
			// a run starts where the token before has another entity
			if a.t[j].ent == e && (j == 0 || a.t[j-1].ent != e) {
				if n := len(a.perRuns); n > 0 && a.perRuns[n-1].start > j {
					sorted = false
				}
				a.perRuns = append(a.perRuns, entRun{j, e})
			}
		}
	}
	if !sorted {
		slices.SortFunc(a.perRuns, func(x, y entRun) int { return cmp.Compare(x.start, y.start) })
	}
	return a.perRuns
}

// personRunsScan is personRuns by a pass over every token.
func (a *analysis) personRunsScan() []entRun {
	last := -1
	for k := range a.t {
		e := a.t[k].ent
		if e == last {
			continue
		}
		last = e
		if e >= 0 && a.d.Entities[e].Type == "PER" {
			a.perRuns = append(a.perRuns, entRun{k, e})
		}
	}
	return a.perRuns
}

// subjectOf returns the subject mention of clause c by word order.
func (a *analysis) subjectOf(c *clause) (mention, bool) {
	ms := a.mentions(c)
	var core []int
	for k := range ms {
		if ms[k].prep == "" && ms[k].kind != 'o' {
			core = append(core, k)
		}
	}
	if len(core) == 0 {
		return mention{}, false
	}
	if c.sub || c.fin < 0 {
		return ms[core[0]], true
	}
	for _, k := range core {
		if ms[k].end <= c.fin && a.firstConstituent(c, ms[k].start) || ms[k].start > c.fin {
			return ms[k], true
		}
	}
	return mention{}, false
}

// clauseSubjectRef is the entity of the subject of clause c when it is a
// person (or a pronoun for one) standing before token j.
func (a *analysis) clauseSubjectRef(c *clause, j int) string {
	for k := c.start; k < j; k++ {
		w := &a.t[k]
		if w.ent >= 0 && a.d.Entities[w.ent].Type == "PER" {
			return rootID(a.d, w.ent)
		}
		if w.low == "er" {
			return a.antecedent(k)
		}
		if w.hasBits(cbPrep) {
			return ""
		}
	}
	return ""
}

// roleRef resolves a definite role noun phrase (der Kremlsprecher, des
// US-Präsidenten) to the person an earlier apposition named with the same
// role noun (Kremlsprecher Dmitri Peskow, US-Präsident Donald Trump).
func (a *analysis) roleRef(st, head int) string {
	if w := a.t[st].low; w != "der" && w != "die" && w != "des" && w != "dem" && w != "den" {
		return ""
	}
	for j := st + 1; j < head; j++ {
		if w := a.t[j].low; strings.HasPrefix(w, "beid") || w == "alle" || w == "zwei" || a.d.Tokens[j].Kind == document.KindNumber {
			return "" // die beiden Präsidenten: more than one person
		}
	}
	var kb, jb [64]byte // roleKey(head) and roleKey(j), built without allocating
	key := a.appendRoleKey(kb[:0], head)
	for j := head - 1; j >= 0; j-- {
		if j+1 >= len(a.t) {
			continue
		}
		// the person after j first (few tokens have one), then whether j
		// is a role noun: isRoleNoun computes it for a token not yet asked
		if e := a.t[j+1].ent; e >= 0 && a.d.Entities[e].Type == "PER" && a.isRoleNoun(j) && bytes.Equal(a.appendRoleKey(jb[:0], j), key) {
			return rootID(a.d, e)
		}
	}
	return ""
}

// appendRoleKey appends roleKey(j) to b.
func (a *analysis) appendRoleKey(b []byte, j int) []byte {
	k := a.d.Tokens[j].Lemma
	if k == "" {
		k = strings.TrimSuffix(strings.TrimSuffix(a.t[j].low, "en"), "s")
	}
	if cs := a.t[j].cstart; cs < j {
		b, _ = appendLower(b, a.d.Text[a.d.Tokens[cs].Start:a.d.Tokens[j].Start])
	}
	b, _ = appendLower(b, k)
	return b
}

// roleKey is the lemma of a role noun with its compound modifier (the
// lemma stage's lemma when there is one, Präsidenten → Präsident): the
// reference of appendRoleKey, which roleRef uses.
func (a *analysis) roleKey(j int) string {
	k := a.d.Tokens[j].Lemma
	if k == "" {
		k = strings.TrimSuffix(strings.TrimSuffix(a.t[j].low, "en"), "s")
	}
	k = strings.ToLower(k)
	if cs := a.t[j].cstart; cs < j {
		k = strings.ToLower(a.d.Text[a.d.Tokens[cs].Start:a.d.Tokens[j].Start]) + k
	}
	return k
}

// person reports whether the mention names a person.
func (a *analysis) person(m *mention) bool {
	e := a.t[m.start].ent
	return m.kind == 'p' || m.kind == 'o' || e >= 0 && a.d.Entities[e].Type == "PER"
}

// fits reports whether the mention satisfies a role's entity types.
func (a *analysis) fits(need []string, m *mention) bool {
	if len(need) == 0 {
		return true
	}
	typ := ""
	switch {
	case m.kind == 'p' || m.kind == 'o':
		typ = "PER"
	case m.ref != "":
		if e := a.t[m.start].ent; e >= 0 {
			typ = a.d.Entities[e].Type
		} else if x := a.entityByID(m.ref); x != nil {
			typ = x.Type
		}
	}
	for _, n := range need {
		if n == typ {
			return true
		}
	}
	return false
}

// nearestEntity is the named entity of that type closest to token i in its
// sentence.
func (a *analysis) nearestEntity(i int, typ string) (mention, bool) {
	si := a.d.Tokens[i].Sentence
	if si < 0 || si >= len(a.d.Sentences) {
		return mention{}, false
	}
	s := a.d.Sentences[si]
	best, dist := -1, 1<<30
	for j := s.TokStart; j < s.TokEnd; j++ {
		e := a.t[j].ent
		if e < 0 || a.t[j].cpart || a.d.Entities[e].Type != typ || j > 0 && a.t[j-1].ent == e || j > 0 && a.direction(j-1) {
			continue
		}
		dd := j - i
		if dd < 0 {
			dd = -dd
		}
		if dd < dist {
			best, dist = j, dd
		}
	}
	if best < 0 {
		return mention{}, false
	}
	e := best
	for e+1 < s.TokEnd && a.t[e+1].ent == a.t[best].ent {
		e++
	}
	return mention{start: best, end: e + 1, ref: rootID(a.d, a.t[best].ent), kind: 'e', loc: typ == "LOC"}, true
}

// antecedent resolves a third-person masculine pronoun or possessive to the
// closest earlier person entity within three sentences.
func (a *analysis) antecedent(j int) string {
	d := a.d
	sent := d.Tokens[j].Sentence
	for k := j - 1; k >= 0; k-- {
		if d.Tokens[k].Sentence < sent-3 {
			break
		}
		if e := a.t[k].ent; e >= 0 && d.Entities[e].Type == "PER" {
			return rootID(d, e)
		}
	}
	return ""
}

// rootID follows LinkedTo to the first mention of the entity.
func rootID(d *document.Document, e int) string {
	id := d.Entities[e].ID
	if l := d.Entities[e].LinkedTo; l != "" {
		return l
	}
	return id
}

// extent returns the end of the noun phrase that a noun trigger at i heads:
// its genitive and prepositional attributes up to a verb, punctuation or a
// new determiner phrase.
func (a *analysis) extent(i int, c *clause) int {
	j := i + 1
	for ; j < c.end; j++ {
		w := &a.t[j]
		if w.punct || w.verb && !w.upper || isKein(w.low) {
			break
		}
		if w.upper || w.ent >= 0 || w.tmx >= 0 || a.adjLike(j) || w.hasBits(cbPrep) || w.low == "und" || w.low == "sowie" {
			continue
		}
		break
	}
	return j
}

// inPP reports whether the noun at i is governed by a preposition.
func (a *analysis) inPP(i int, c *clause) (bool, string) {
	p := i - 1
	for p >= c.start && (a.adjLike(p) || a.t[p].tmx >= 0) {
		p--
	}
	if p >= c.start {
		if cls := a.clsPrefix(p, "prep:"); cls != "" {
			return true, a.t[p].low
		}
	}
	return false, ""
}

// arguments fills the participants, place and time of the event at i:
// appendArguments in the analysis' scratch, then in a slice of exact size
// (nil for none), rather than in one that appends grow from nil (three
// allocations for a typical event's four arguments).
func (a *analysis) arguments(i int, c *clause, typ *Type) []document.Argument {
	args := a.appendArguments(a.argScr[:0], i, c, typ)
	a.argScr = args[:0]
	if len(args) == 0 {
		return nil
	}
	return append([]document.Argument(nil), args...)
}

// appendArguments appends the participants, place and time of the event
// at i to args.
func (a *analysis) appendArguments(args []document.Argument, i int, c *clause, typ *Type) []document.Argument {
	d := a.d
	ms := a.mentions(c)
	noun := a.t[i].upper
	put := func(role string, need []string, m *mention) {
		if role == "" || !a.fits(need, m) {
			return
		}
		sp := d.SpanOf(d.Tokens[m.start].Start, d.Tokens[m.end-1].End)
		for _, x := range args {
			if x.Role == role && (x.Ref != "" && x.Ref == m.ref || x.Span == sp) {
				return
			}
		}
		args = append(args, document.Argument{Role: role, Ref: m.ref, Span: sp})
	}
	add := func(generic string, m *mention) { put(typ.Roles[generic], typ.Needs[generic], m) }
	addAt := func(pos int, m *mention) { put(typ.roles[pos], typ.needs[pos], m) }
	ext := i + 1
	if noun {
		ext = a.extent(i, c)
	}
	passive := false
	if !noun && strings.Contains(a.t[i].feat, "a") {
		for j := c.start; j < c.end; j++ {
			if a.t[j].lemma == "werden" && j != i {
				passive = true
			}
		}
	}
	// which mentions belong to this trigger
	belongs := func(k int) bool {
		m := &ms[k]
		if m.start <= i && i < m.end {
			return false
		}
		if noun {
			if m.start > i && m.start < ext {
				return true
			}
			return m.kind == 'o' && m.start < i && m.start >= i-3 && a.between(m.end, i)
		}
		return m.host < 0 && !(m.start > 0 && m.coordOf < 0 && m.prep == "gen")
	}
	// core (unmarked) mentions: subject and object by word order
	var core []int
	for k := range ms {
		if ms[k].prep == "" && ms[k].kind != 'o' && !(ms[k].start <= i && i < ms[k].end) {
			core = append(core, k)
		}
	}
	// a nominal first constituent that is no entity or role noun is still
	// the subject (Die syrische Opposition und der Westen werfen … vor),
	// unless a person or organisation follows the verb (Neue Smartphones
	// verkündet Apple)
	inverted := len(core) > 0 && ms[core[0]].start == c.fin+1 && a.t[c.fin+1].ent >= 0 &&
		(a.d.Entities[a.t[c.fin+1].ent].Type == "PER" || a.d.Entities[a.t[c.fin+1].ent].Type == "ORG")
	if !c.sub && c.fin > c.start && !inverted && (len(core) == 0 || ms[core[0]].start > c.fin) {
		st := c.start
		for st < c.fin && (a.isBits(st, cbCoord) || a.t[st].punct) {
			st++
		}
		if st < c.fin && a.nominal(st, c.fin) && !obliqueDet(a.t[st].low) && !(st <= i && i < c.fin) {
			ms = append([]mention{{start: st, end: c.fin, kind: 'n', prepAt: -1, host: -1, coordOf: -1}}, ms...)
			for k := range ms[1:] {
				if ms[k+1].coordOf >= 0 {
					ms[k+1].coordOf++
				}
			}
			for k := range core {
				core[k]++
			}
			core = append([]int{0}, core...)
		}
	}
	subj := -1
	if len(core) > 0 {
		subj = core[0]
		if !c.sub && c.fin >= 0 {
			// V2: the subject is the first constituent or follows the finite verb
			first := core[0]
			if ms[first].start > c.fin {
				subj = first
			} else if !a.firstConstituent(c, ms[first].start) {
				subj = -1
				for _, k := range core {
					if ms[k].start > c.fin {
						subj = k
						break
					}
				}
			}
		}
	}
	isSubj := func(k int) bool {
		for k >= 0 {
			if k == subj {
				return true
			}
			k = ms[k].coordOf
		}
		return false
	}
	for k := range ms {
		m := &ms[k]
		if m.start <= i && i < m.end {
			continue
		}
		switch m.prep {
		case "":
			if m.kind == 'o' {
				if noun && m.start < i && m.start >= i-3 && a.between(m.end, i) {
					addAt(posAgent, m) // seinem Gipfeltreffen
				}
				continue
			}
			if noun && m.start == i+1 && m.kind == 'e' {
				addAt(posAgent, m) // apposition: Vorstandschef Herbert Haas
				continue
			}
			if noun && m.kind == 'e' && a.personRole(typ) && a.appositionOf(m.end, i) {
				addAt(posAgent, m) // Klaus Nieding, Vorstand der Nieding+Barth
				continue
			}
			if noun && isSubj(k) && a.personRole(typ) && c.fin >= 0 && c.fin < i && a.copula(c.fin) {
				addAt(posAgent, m) // Frank Roselieb ist Direktor des Instituts
				continue
			}
			if noun {
				inPP, _ := a.inPP(i, c)
				if isSubj(k) && !inPP && !a.isSubjectNoun(i, c, ms, subj) && a.supportVerb(c) {
					addAt(posAgent, m)
				}
				continue
			}
			if isSubj(k) {
				if passive {
					addAt(posPatient, m)
				} else {
					addAt(posAgent, m)
				}
			} else if subj >= 0 && m.start > ms[subj].start || subj < 0 {
				if !passive {
					addAt(posPatient, m)
				}
			}
		case "with", "against", "between":
			if belongs(k) {
				add(m.prep, m)
			}
		case "agent":
			if !belongs(k) {
				continue
			}
			if m.loc && typ.roles[posAgent] == "" && typ.roles[posPatient] == "" {
				addAt(posPlace, m) // das Zugunglück von Bad Aibling
				continue
			}
			switch {
			case m.prepWord == "durch":
				addAt(posAgent, m)
			case typ.roles[posVon] != "" && noun:
				addAt(posVon, m) // die Übernahme von Monsanto: the acquired
			case noun && a.hasDurch(i, ext) && typ.roles[posPatient] != "":
				addAt(posPatient, m)
			default:
				addAt(posAgent, m)
			}
		case "gen":
			if noun && m.host == i || noun && belongs(k) && m.coordOf >= 0 {
				if typ.roles[posGen] != "" {
					addAt(posGen, m) // ein Spin-off der Universität Kiel: the parent
				} else if typ.roles[posPatient] != "" {
					addAt(posPatient, m)
				} else {
					addAt(posAgent, m)
				}
			}
		case "place":
			if (m.prepWord == "bei" || m.prepWord == "beim") && typ.roles[posBei] != "" && belongs(k) && !m.loc {
				addAt(posBei, m) // Streik bei der Lufthansa
				continue
			}
			if !m.loc {
				continue
			}
			if noun {
				if belongs(k) && (m.host == i || m.host < 0) {
					addAt(posPlace, m)
				} else if inPP, _ := a.inPP(i, c); !inPP && m.host < 0 {
					addAt(posPlace, m)
				}
			} else if belongs(k) || m.host >= 0 && len(a.m.trigs(a.t[m.host].lemma)) == 0 {
				addAt(posPlace, m) // nahm den Verdächtigen in München fest
			}
		}
	}
	if !noun && c.sub && (c.intro == "um" || c.intro == "zu" || c.intro == "ohne" || c.intro == "statt" || c.intro == "anstatt") && typ.roles[posAgent] != "" {
		has := false
		for _, x := range args {
			if x.Role == typ.roles[posAgent] {
				has = true
			}
		}
		if ci := a.t[i].cl; !has && ci > 0 && a.clauses[ci-1].sent == c.sent {
			// the subject of an infinitive clause is the subject of the
			// clause it depends on (Trump reist, um teilzunehmen)
			prev := &a.clauses[ci-1]
			if m, ok := a.subjectOf(prev); ok {
				addAt(posAgent, &m)
			}
		}
	}
	if cs := a.t[i].cstart; cs < i && typ.roles[posModifier] != "" && a.t[cs].ent >= 0 && !a.compoundEntity(cs, i) {
		// Intel-Chef, Ufo-Chef: the compound names the organisation
		e := cs
		for e+1 < i && a.t[e+1].ent == a.t[cs].ent {
			e++
		}
		addAt(posModifier, &mention{start: cs, end: e + 1, ref: rootID(d, a.t[cs].ent), kind: 'e'})
	} else if cs < i && typ.roles[posModifier] != "" {
		// a name the entity stage did not type (Ufo-Chef) or only as part of
		// the whole compound (Intel-Chef as ORGpart): the first part names
		// the organisation unless it is a place or a person (US-Präsident)
		if h := a.hyphenBefore(cs, i); h > cs && a.t[cs].upper && !a.placeOrPerson(cs, h) && a.headIsTrigger(h, i) {
			args = append(args, document.Argument{Role: typ.roles[posModifier], Span: d.SpanOf(d.Tokens[cs].Start, d.Tokens[h-1].End)})
		}
	}
	if r := typ.roles[posVictims]; r != "" {
		args = a.countArgs(i, r, "casualty", args)
	}
	if r := typ.roles[posJobs]; r != "" {
		args = a.countArgs(i, r, "job", args)
	}
	if typ.roles[posRoad] != "" || typ.roles[posFromplace] != "" || typ.roles[posDirection] != "" {
		args = a.routeArgs(i, typ, args)
	}
	for _, near := range [...]struct {
		pos int
		typ string
	}{{posNearplace, "LOC"}, {posNearorg, "ORG"}} {
		role := typ.roles[near.pos]
		if role == "" {
			continue
		}
		has := false
		for _, x := range args {
			if x.Role == role {
				has = true
			}
		}
		if !has {
			if m, ok := a.nearestEntity(i, near.typ); ok {
				addAt(near.pos, &m)
			}
		}
	}
	if typ.roles[posTrigger] != "" {
		args = append(args, document.Argument{Role: typ.roles[posTrigger], Span: d.SpanOf(d.Tokens[a.t[i].cstart].Start, d.Tokens[i].End)})
	}
	if t, ok := a.timeArg(i, c); ok {
		args = append(args, t)
	}
	return args
}

func (a *analysis) isYear(j int) bool {
	t := a.d.Tokens[j].Text
	return a.d.Tokens[j].Kind == document.KindNumber && len(t) == 4 && (t[0] == '1' || t[0] == '2')
}

// between reports whether only adjectives stand in [from, to).
func (a *analysis) between(from, to int) bool {
	for j := from; j < to; j++ {
		if !a.adjLike(j) {
			return false
		}
	}
	return true
}

func (a *analysis) hasDurch(i, ext int) bool {
	for j := i + 1; j < ext; j++ {
		if a.t[j].low == "durch" {
			return true
		}
	}
	return false
}

// supportVerb reports whether the clause's verb makes its subject the
// agent of an event noun it governs (Trump erwägt ein Treffen, die EU
// verhängt Sanktionen) — unlike "hält ein Treffen für notwendig".
func (a *analysis) supportVerb(c *clause) bool {
	for j := c.start; j < c.end; j++ {
		if a.t[j].verb && !a.t[j].upper && a.m.support[a.t[j].lemma] {
			return true
		}
	}
	return false
}

// isSubjectNoun reports whether the noun trigger at i is itself the subject
// of its clause (then the clause subject is not its agent).
func (a *analysis) isSubjectNoun(i int, c *clause, ms []mention, subj int) bool {
	if subj < 0 {
		return false
	}
	return ms[subj].start > i
}

// firstConstituent reports whether token j starts the clause's first
// constituent (only conjunctions, adverbs like "nun" or a fronted
// prepositional phrase would stand before a non-subject).
func (a *analysis) firstConstituent(c *clause, j int) bool {
	for k := c.start; k < j; k++ {
		w := &a.t[k]
		if w.low == "und" || w.low == "aber" || w.low == "doch" || w.low == "denn" || w.low == "oder" || w.low == "weder" || w.low == "sowohl" || w.low == "entweder" {
			continue
		}
		if focusParticle(w.low) {
			continue // Auch der Schiedsrichter Urs Meier kritisierte
		}
		if a.adjLike(k) {
			continue
		}
		return false
	}
	return true
}

// timeArg picks the time of the event: the closest time expression of the
// clause, else of the sentence, else the article date when the clause is in
// the present tense.
func (a *analysis) timeArg(i int, c *clause) (document.Argument, bool) {
	d := a.d
	best, bestDist := -1, 1<<30
	pick := func(from, to int, durations bool) {
		for j := from; j < to; j++ {
			x := a.t[j].tmx
			if x < 0 {
				continue
			}
			if t := d.Timexes[x].Type; t == "SET" || t == "DURATION" && !durations {
				continue
			}
			dist := j - i
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = x, dist
			}
		}
	}
	pick(c.start, c.end, true)
	if best < 0 {
		s := d.Sentences[c.sent]
		pick(s.TokStart, s.TokEnd, false)
	}
	if best >= 0 {
		x := &d.Timexes[best]
		return document.Argument{Role: "time", Ref: x.ID, Span: x.Span}, true
	}
	if !d.DCT.Known() || c.fin < 0 || c.sub {
		return document.Argument{}, false
	}
	if a.t[i].upper {
		if in, _ := a.inPP(i, c); in {
			return document.Argument{}, false
		}
	}
	f := a.t[c.fin].feat
	if strings.Contains(f, "r") && !strings.ContainsAny(f, "p2") && a.t[c.fin].lemma != "werden" && !a.hasParticiple(c) {
		return document.Argument{Role: "time", Ref: "dct", Span: d.SpanOf(d.Tokens[c.fin].Start, d.Tokens[c.fin].End)}, true
	}
	return document.Argument{}, false
}

func (a *analysis) hasParticiple(c *clause) bool {
	for j := c.start; j < c.end; j++ {
		if j != c.fin && a.t[j].verb && strings.ContainsAny(a.t[j].feat, "aiz") && !a.t[j].upper {
			return true
		}
	}
	return false
}

// compoundEntity reports whether token cs starts an entity that covers the
// whole compound up to token i (Intel-Chef tagged ORGpart as one name).
func (a *analysis) compoundEntity(cs, i int) bool {
	e := a.t[cs].ent
	return e >= 0 && a.d.Entities[e].Span.End >= a.d.Tokens[i].End
}

// hyphenBefore returns the last hyphen token in (cs, i), or -1.
func (a *analysis) hyphenBefore(cs, i int) int {
	for h := i - 1; h > cs; h-- {
		if a.d.Tokens[h].Text == "-" {
			return h
		}
	}
	return -1
}

// placeOrPerson reports whether a token in [st, end) belongs to a place or
// person entity (also as part of a compound: LOCpart, PERderiv).
func (a *analysis) placeOrPerson(st, end int) bool {
	for j := st; j < end; j++ {
		if e := a.t[j].ent; e >= 0 {
			t := a.d.Entities[e].Type
			if strings.HasPrefix(t, "LOC") || strings.HasPrefix(t, "PER") {
				return true
			}
		}
	}
	return false
}

// routeArgs adds the road, the section (zwischen X und Y) and the
// direction (Richtung X) of the trigger's sentence, as traffic reports give
// them: "Unfall auf der A7 Richtung Kassel zwischen dem Dreieck
// Hannover-Süd und Hildesheim".
func (a *analysis) routeArgs(i int, typ *Type, args []document.Argument) []document.Argument {
	d := a.d
	si := d.Tokens[i].Sentence
	if si < 0 || si >= len(d.Sentences) {
		return args
	}
	s := d.Sentences[si]
	span := func(st, end int) document.Span { return d.SpanOf(d.Tokens[st].Start, d.Tokens[end-1].End) }
	road, from, dir := -1, -1, -1
	for j := s.TokStart; j < s.TokEnd; j++ {
		if e := a.roadAt(j, s.TokEnd); e > j && road < 0 && typ.roles[posRoad] != "" {
			args = append(args, document.Argument{Role: typ.roles[posRoad], Span: span(j, e)})
			road = j
			continue
		}
		if a.t[j].low == "zwischen" && from < 0 && typ.roles[posFromplace] != "" {
			st := j + 1
			if st < s.TokEnd && a.t[st].det {
				st++
			}
			e := a.nameRun(st, s.TokEnd)
			if e > st && e < s.TokEnd && a.t[e].low == "und" {
				st2 := e + 1
				if st2 < s.TokEnd && a.t[st2].det {
					st2++
				}
				if e2 := a.nameRun(st2, s.TokEnd); e2 > st2 {
					args = append(args, document.Argument{Role: typ.roles[posFromplace], Span: span(st, e)},
						document.Argument{Role: typ.roles[posToplace], Span: span(st2, e2)})
					from = j
				}
			}
			continue
		}
		if a.direction(j) && dir < 0 && typ.roles[posDirection] != "" {
			if e := a.nameRun(j+1, s.TokEnd); e > j+1 {
				args = append(args, document.Argument{Role: typ.roles[posDirection], Span: span(j+1, e)})
				dir = j
			}
		}
	}
	return args
}

// roadAt returns the end of a road designation starting at token j (A 7,
// A81, B 312, Autobahn 33), or j.
func (a *analysis) roadAt(j, limit int) int {
	t := a.d.Tokens[j].Text
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return j
	}
	k := 0
	for k < len(t) && (t[k] >= 'A' && t[k] <= 'Z' || t[k] >= 'a' && t[k] <= 'z' || t[k] >= 0x80) {
		k++
	}
	prefix := strings.ToLower(t[:k])
	if !a.m.hasClass(prefix, "road") {
		return j
	}
	if k < len(t) {
		if digits(t[k:]) && len(t)-k <= 3 {
			return j + 1
		}
		return j
	}
	if j+1 < limit && digits(a.d.Tokens[j+1].Text) && len(a.d.Tokens[j+1].Text) <= 3 {
		return j + 2
	}
	return j
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// direction reports "Richtung" or a compound ending in it (Fahrtrichtung).
func (a *analysis) direction(j int) bool {
	return strings.HasSuffix(a.t[j].low, "richtung") && a.t[j].upper
}

// nameRun returns the end of the capitalised words (names joined by
// hyphens: Wunstorf-Luthe, Dreieck Hannover-Süd) from st, or st.
func (a *analysis) nameRun(st, limit int) int {
	e := st
	for e < limit && e-st < 5 {
		tx := a.d.Tokens[e].Text
		switch {
		case a.t[e].upper && !a.t[e].punct && a.t[e].tmx < 0 && !a.direction(e) && len(a.t[e].classes()) == 0 && len(a.m.trigs(a.t[e].lemma)) == 0 && a.tokHead(e) == "":
			e++
		case tx == "-" && e > st && e+1 < limit && a.d.Tokens[e-1].End == a.d.Tokens[e].Start && a.d.Tokens[e].End == a.d.Tokens[e+1].Start:
			e++
		default:
			return e
		}
	}
	return e
}

// personRole reports a type whose agent must be a person (positions).
func (a *analysis) personRole(typ *Type) bool {
	for _, n := range typ.needs[posAgent] {
		if n == "PER" {
			return true
		}
	}
	return false
}

// appositionOf reports a comma (and maybe an article) between the end of a
// name and the noun at i: "Klaus Nieding, (der) Vorstand der …".
func (a *analysis) appositionOf(end, i int) bool {
	if end >= i || a.d.Tokens[end].Text != "," {
		return false
	}
	return end+1 == i || end+2 == i && a.t[end+1].det
}

// copula reports a form of sein or bleiben.
func (a *analysis) copula(j int) bool {
	return a.t[j].lemma == "sein" || a.t[j].lemma == "bleiben"
}

// headIsTrigger reports whether the part of a hyphenated compound after
// the hyphen at h is a trigger on its own (Ufo-Chef: Chef; not Spin-Off).
func (a *analysis) headIsTrigger(h, i int) bool {
	if h+1 > i {
		return false
	}
	head := a.d.Text[a.d.Tokens[h+1].Start:a.d.Tokens[i].End]
	if len(a.m.trigs(head)) > 0 {
		return true
	}
	return a.compoundHead(head) != ""
}

// countArgs adds the numbers the trigger's sentence gives before a noun of
// the class: dead and injured (mit elf Toten, hunderte Verletzte), jobs
// (streicht 12.000 Stellen).
func (a *analysis) countArgs(i int, role, class string, args []document.Argument) []document.Argument {
	d := a.d
	si := d.Tokens[i].Sentence
	if si < 0 || si >= len(d.Sentences) {
		return args
	}
	s := d.Sentences[si]
	for j := s.TokStart; j+1 < s.TokEnd; j++ {
		if !a.number(j) {
			continue
		}
		k := j + 1
		if k+1 < s.TokEnd && a.adjLike(k) && !a.t[k].upper {
			k++ // elf schwer Verletzte
		}
		if a.t[k].upper && a.is(k, class) {
			args = append(args, document.Argument{Role: role, Span: d.SpanOf(d.Tokens[j].Start, d.Tokens[j].End)})
		}
	}
	return args
}

// number reports a cardinal in digits (30, 1.200) or words (elf, hunderte).
func (a *analysis) number(j int) bool {
	t := a.d.Tokens[j].Text
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		for k := 0; k < len(t); k++ {
			if (t[k] < '0' || t[k] > '9') && t[k] != '.' {
				return false
			}
		}
		return true
	}
	return a.isBits(j, cbNum)
}

// classifierPrep returns the preposition before the common noun at p when
// that noun is no event (Versandhändler, not Übernahme), walking left over
// its article, adjectives and a hyphenated first part; else -1.
func (a *analysis) classifierPrep(p, start int) int {
	if len(a.m.trigs(a.t[p].lemma)) > 0 || a.tokHead(p) != "" {
		return -1
	}
	q := p - 1
	for q >= start && p-q <= 5 {
		switch {
		case a.touchingHyphen(q):
			q -= 2
			continue
		case a.detLike(q) || a.adjLike(q) && !a.t[q].upper:
			q--
			continue
		}
		break
	}
	if q < start || a.t[q].upper || !a.isBits(q, cbPrep) {
		return -1
	}
	return q
}
