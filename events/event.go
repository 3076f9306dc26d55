package events

import (
	"bytes"
	"strings"

	"github.com/ereignis/ereignis/document"
)

var modRank = map[string]int{"demanded": 5, "planned": 4, "possible": 3, "hypothetical": 2, "reported": 1}

func stronger(a, b string) string {
	if modRank[b] > modRank[a] {
		return b
	}
	return a
}

// event builds the event triggered at token i, or reports false when the
// trigger's conditions (e.g. an organisation for "übernehmen") fail.
func (a *analysis) event(i int, tr trigger) (document.Event, bool) {
	d := a.d
	c := &a.clauses[a.t[i].cl]
	ev := document.Event{
		Type:     tr.typ.Name,
		CAMEO:    tr.typ.CAMEO,
		Trigger:  d.SpanOf(d.Tokens[a.t[i].cstart].Start, d.Tokens[i].End),
		Lemma:    a.t[i].lemma,
		Sentence: c.sent,
	}
	// the checks that need no arguments first; Rule is made for an event
	// that passes them all
	if tr.norefl && a.clauseHasWord(c, "sich") {
		return ev, false // sich einen Streit liefern
	}
	if a.t[i].verb && !a.t[i].upper && a.d.Tokens[i].POS != "VERB" && a.closedClass(i) && !strings.Contains(a.t[i].feat, "a") {
		return ev, false // einige (some) is no form of einigen
	}
	// company names are often typed PER by the entity stage (Dupont), so
	// any organisation or person name counts
	if tr.orgctx && !a.sentenceHasType(i, "ORG") && !a.sentenceHasType(i, "PER") {
		return ev, false
	}
	ev.Arguments = a.arguments(i, c, tr.typ)
	if tr.ent {
		ok := false
		for _, x := range ev.Arguments {
			if x.Ref != "" && x.Role != "time" {
				ok = true
			}
		}
		if !ok {
			return ev, false
		}
	}
	for _, need := range []struct {
		on  bool
		typ string
	}{{tr.org, "ORG"}, {tr.per, "PER"}} {
		if !need.on {
			continue
		}
		ok := false
		for _, x := range ev.Arguments {
			if x.Ref != "" && x.Role != "time" {
				if e := a.entityByID(x.Ref); e != nil && e.Type == need.typ {
					ok = true
				}
			}
		}
		if !ok {
			return ev, false
		}
	}
	ev.Rule = a.t[i].li.rule // li is the lemma's (events asks for triggers only)
	if a.t[i].lemma != d.Tokens[i].Text && a.t[i].upper && !strings.EqualFold(a.t[i].lemma, d.Tokens[i].Text) && lowerHasSuffix(d.Tokens[i].Text, a.t[i].lemma) {
		ev.Rule = a.t[i].li.headRule
	}
	ev.Polarity = a.polarity(i, c)
	ev.Modality = a.modality(i, c)
	if st := a.statementAt(d.Tokens[i].Start, i); st != nil {
		ev.Attribution = &document.Attribution{Source: st.Source, SourceRef: st.SourceRef, Statement: st.ID}
		if st.Cue != nil {
			ev.Attribution.Cue = *st.Cue
		}
		if ev.Modality == "asserted" && st.Kind != "direct" {
			ev.Modality = "reported"
		}
	}
	return ev, true
}

func (a *analysis) entityByID(id string) *document.Entity {
	for k := range a.d.Entities {
		if a.d.Entities[k].ID == id {
			return &a.d.Entities[k]
		}
	}
	return nil
}

// polarity is negative when the trigger's clause holds a negation; a noun
// trigger inside a prepositional phrase is negated only by its own kein-.
func (a *analysis) polarity(i int, c *clause) string {
	noun := a.t[i].upper
	if noun {
		// kein- right before the noun (adjectives may stand between)
		for p := i - 1; p >= c.start && p >= i-4; p-- {
			if isKein(a.t[p].low) {
				return "negative"
			}
			if !a.adjLike(p) {
				break
			}
		}
		if in, _ := a.inPP(i, c); in {
			return "positive"
		}
	}
	for j := c.start; j < c.end; j++ {
		w := &a.t[j]
		if w.hasBits(cbNeg) || isKein(w.low) && j != i {
			if noun && isKein(w.low) && j > i {
				continue // "kein-" after a noun trigger determines another noun
			}
			return "negative"
		}
	}
	return "positive"
}

// modality collects the markers of the trigger's own clause; only when it
// has none does a governing word of the clause before apply (er plant, ...
// zu reisen; angekündigt, ... zu beenden).
func (a *analysis) modality(i int, c *clause) string {
	mod := a.clauseModality(i, c, true)
	inPP := false
	if a.t[i].upper {
		inPP, _ = a.inPP(i, c)
	}
	if mod == "" && a.t[i].cl > 0 {
		prev := &a.clauses[a.t[i].cl-1]
		if prev.sent == c.sent && (c.sub || c.afterComma && a.konjunktivClause(c) && a.hasCue(prev)) {
			if c.intro == "um" || c.intro == "zu" {
				// an infinitive clause shares its main clause's modality
				// (wird reisen, um an einem Gipfeltreffen teilzunehmen)
				mod = a.clauseModality(-1, prev, false)
			} else if !inPP {
				for j := prev.start; j < prev.end; j++ {
					if mm, ok := a.marker(j); ok && mm.scope == "gov" {
						mod = stronger(mod, mm.mod)
					}
				}
			}
		}
	}
	if mod == "" {
		return "asserted"
	}
	return mod
}

func (a *analysis) marker(j int) (modal, bool) {
	w := &a.t[j]
	if w.punct {
		return modal{}, false
	}
	if w.lemma == "werden" {
		return modal{}, false // handled by tense below
	}
	// modality[w.lemma] is w.li's (every modal word is a lemma, and li is
	// the lemma's info), modality[w.low] low's info's
	if w.verb && !w.upper {
		if li := w.li; li != nil && li.hasMod {
			return li.mod, true // geplant habe: the verb planen, not the adjective
		}
	}
	if li := a.lowInfo(j); li != nil && li.hasMod {
		return li.mod, true
	}
	if li := w.li; li != nil && li.hasMod {
		return li.mod, true
	}
	return modal{}, false
}

func (a *analysis) clauseModality(i int, c *clause, own bool) string {
	mod := ""
	reported := false
	noun := i >= 0 && a.t[i].upper
	hasInf, hasPart := false, false
	for j := c.start; j < c.end; j++ {
		if a.t[j].verb && !a.t[j].upper {
			if strings.ContainsAny(a.t[j].feat, "iz") {
				hasInf = true
			}
			if strings.Contains(a.t[j].feat, "a") && !strings.Contains(a.t[j].feat, "i") {
				hasPart = true
			}
		}
	}
	for j := c.start; j < c.end; j++ {
		if j == i {
			continue
		}
		w := &a.t[j]
		if w.lemma == "werden" && w.verb {
			switch {
			case strings.Contains(w.feat, "2") && !strings.Contains(w.feat, "p"):
				mod = stronger(mod, "hypothetical")
			case strings.ContainsAny(w.feat, "r1") && hasInf && !hasPart:
				mod = stronger(mod, "planned")
			}
			continue
		}
		if (w.lemma == "sein" || w.lemma == "haben") && strings.Contains(w.feat, "2") && !strings.Contains(w.feat, "p") {
			mod = stronger(mod, "hypothetical")
			continue
		}
		mm, ok := a.marker(j)
		if !ok {
			continue
		}
		if w.lemma == "sollen" && hasPart && a.perfectInfinitive(c) {
			// "X soll Insolvenz angemeldet haben": sollen with a perfect
			// infinitive reports, it does not demand
			reported = true
			continue
		}
		switch mm.scope {
		case "clause":
			if noun {
				if in, _ := a.inPP(i, c); in {
					continue // "die Verantwortlichen für Angriffe … ausfindig machen soll"
				}
			}
			mod = stronger(mod, mm.mod)
		case "gov":
			if i < 0 || !noun {
				mod = stronger(mod, mm.mod)
			} else if in, _ := a.inPP(i, c); !in && (c.sub || c.fin < 0 || i > c.fin) {
				mod = stronger(mod, mm.mod) // the event noun is the object (erwägt ein Treffen)
			}
		case "np":
			if i >= 0 && noun && j < i && i-j <= 4 {
				mod = stronger(mod, mm.mod)
			}
		}
	}
	if mod == "" && reported {
		return "reported"
	}
	return mod
}

// perfectInfinitive reports a participle followed by an infinitive of
// haben or sein in the clause (angemeldet haben, gewesen sein).
func (a *analysis) perfectInfinitive(c *clause) bool {
	for j := c.start; j+1 < c.end; j++ {
		if (strings.Contains(a.t[j].feat, "a") || a.d.Tokens[j].POS == "VERB" && strings.Contains(a.t[j].low, "ge")) && !a.t[j].upper {
			n := a.t[j+1]
			if (n.lemma == "haben" || n.lemma == "sein") && strings.Contains(n.feat, "i") {
				return true
			}
		}
	}
	return false
}

func (a *analysis) clauseHasWord(c *clause, w string) bool {
	for j := c.start; j < c.end; j++ {
		if a.t[j].low == w {
			return true
		}
	}
	return false
}

// sentenceHasType reports a named entity of that type (also as part of a
// compound: ORGpart) in the sentence of token i.
func (a *analysis) sentenceHasType(i int, typ string) bool {
	si := a.d.Tokens[i].Sentence
	for k := range a.d.Entities {
		if e := &a.d.Entities[k]; e.Sentence == si && strings.HasPrefix(e.Type, typ) {
			return true
		}
	}
	return false
}

// lowerHasSuffix is strings.HasSuffix(strings.ToLower(s), strings.ToLower(suffix)),
// in stack buffers for words.
func lowerHasSuffix(s, suffix string) bool {
	var b1, b2 [64]byte
	if len(s) > len(b1)/2 || len(suffix) > len(b2)/2 {
		return strings.HasSuffix(strings.ToLower(s), strings.ToLower(suffix))
	}
	l1, _ := appendLower(b1[:0], s)
	l2, _ := appendLower(b2[:0], suffix)
	return bytes.HasSuffix(l1, l2)
}
