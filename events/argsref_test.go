package events

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
)

// appendArgumentsRef and routeArgsRef are appendArguments and routeArgs as
// they were, with a map probe of Type.Roles (and Type.Needs) for every
// position they ask about: the reference of ArgumentsMatchRef.
func (a *analysis) appendArgumentsRef(args []document.Argument, i int, c *clause, typ *Type) []document.Argument {
	d := a.d
	ms := a.mentions(c)
	noun := a.t[i].upper
	add := func(generic string, m *mention) {
		role := typ.Roles[generic]
		if role == "" || !a.fits(typ.Needs[generic], m) {
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
		for st < c.fin && (a.is(st, "coord") || a.t[st].punct) {
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
					add("agent", m) // seinem Gipfeltreffen
				}
				continue
			}
			if noun && m.start == i+1 && m.kind == 'e' {
				add("agent", m) // apposition: Vorstandschef Herbert Haas
				continue
			}
			if noun && m.kind == 'e' && a.personRole(typ) && a.appositionOf(m.end, i) {
				add("agent", m) // Klaus Nieding, Vorstand der Nieding+Barth
				continue
			}
			if noun && isSubj(k) && a.personRole(typ) && c.fin >= 0 && c.fin < i && a.copula(c.fin) {
				add("agent", m) // Frank Roselieb ist Direktor des Instituts
				continue
			}
			if noun {
				inPP, _ := a.inPP(i, c)
				if isSubj(k) && !inPP && !a.isSubjectNoun(i, c, ms, subj) && a.supportVerb(c) {
					add("agent", m)
				}
				continue
			}
			if isSubj(k) {
				if passive {
					add("patient", m)
				} else {
					add("agent", m)
				}
			} else if subj >= 0 && m.start > ms[subj].start || subj < 0 {
				if !passive {
					add("patient", m)
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
			if m.loc && typ.Roles["agent"] == "" && typ.Roles["patient"] == "" {
				add("place", m) // das Zugunglück von Bad Aibling
				continue
			}
			switch {
			case m.prepWord == "durch":
				add("agent", m)
			case typ.Roles["von"] != "" && noun:
				add("von", m) // die Übernahme von Monsanto: the acquired
			case noun && a.hasDurch(i, ext) && typ.Roles["patient"] != "":
				add("patient", m)
			default:
				add("agent", m)
			}
		case "gen":
			if noun && m.host == i || noun && belongs(k) && m.coordOf >= 0 {
				if typ.Roles["gen"] != "" {
					add("gen", m) // ein Spin-off der Universität Kiel: the parent
				} else if typ.Roles["patient"] != "" {
					add("patient", m)
				} else {
					add("agent", m)
				}
			}
		case "place":
			if (m.prepWord == "bei" || m.prepWord == "beim") && typ.Roles["bei"] != "" && belongs(k) && !m.loc {
				add("bei", m) // Streik bei der Lufthansa
				continue
			}
			if !m.loc {
				continue
			}
			if noun {
				if belongs(k) && (m.host == i || m.host < 0) {
					add("place", m)
				} else if inPP, _ := a.inPP(i, c); !inPP && m.host < 0 {
					add("place", m)
				}
			} else if belongs(k) || m.host >= 0 && len(a.m.trigs(a.t[m.host].lemma)) == 0 {
				add("place", m) // nahm den Verdächtigen in München fest
			}
		}
	}
	if !noun && c.sub && (c.intro == "um" || c.intro == "zu" || c.intro == "ohne" || c.intro == "statt" || c.intro == "anstatt") && typ.Roles["agent"] != "" {
		has := false
		for _, x := range args {
			if x.Role == typ.Roles["agent"] {
				has = true
			}
		}
		if ci := a.t[i].cl; !has && ci > 0 && a.clauses[ci-1].sent == c.sent {
			// the subject of an infinitive clause is the subject of the
			// clause it depends on (Trump reist, um teilzunehmen)
			prev := &a.clauses[ci-1]
			if m, ok := a.subjectOf(prev); ok {
				add("agent", &m)
			}
		}
	}
	if cs := a.t[i].cstart; cs < i && typ.Roles["modifier"] != "" && a.t[cs].ent >= 0 && !a.compoundEntity(cs, i) {
		// Intel-Chef, Ufo-Chef: the compound names the organisation
		e := cs
		for e+1 < i && a.t[e+1].ent == a.t[cs].ent {
			e++
		}
		add("modifier", &mention{start: cs, end: e + 1, ref: rootID(d, a.t[cs].ent), kind: 'e'})
	} else if cs < i && typ.Roles["modifier"] != "" {
		// a name the entity stage did not type (Ufo-Chef) or only as part of
		// the whole compound (Intel-Chef as ORGpart): the first part names
		// the organisation unless it is a place or a person (US-Präsident)
		if h := a.hyphenBefore(cs, i); h > cs && a.t[cs].upper && !a.placeOrPerson(cs, h) && a.headIsTrigger(h, i) {
			args = append(args, document.Argument{Role: typ.Roles["modifier"], Span: d.SpanOf(d.Tokens[cs].Start, d.Tokens[h-1].End)})
		}
	}
	if r := typ.Roles["victims"]; r != "" {
		args = a.countArgs(i, r, "casualty", args)
	}
	if r := typ.Roles["jobs"]; r != "" {
		args = a.countArgs(i, r, "job", args)
	}
	if typ.Roles["road"] != "" || typ.Roles["fromplace"] != "" || typ.Roles["direction"] != "" {
		args = a.routeArgsRef(i, typ, args)
	}
	for _, near := range []struct{ pos, typ string }{{"nearplace", "LOC"}, {"nearorg", "ORG"}} {
		role := typ.Roles[near.pos]
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
				add(near.pos, &m)
			}
		}
	}
	if typ.Roles["trigger"] != "" {
		args = append(args, document.Argument{Role: typ.Roles["trigger"], Span: d.SpanOf(d.Tokens[a.t[i].cstart].Start, d.Tokens[i].End)})
	}
	if t, ok := a.timeArg(i, c); ok {
		args = append(args, t)
	}
	return args
}

func (a *analysis) routeArgsRef(i int, typ *Type, args []document.Argument) []document.Argument {
	d := a.d
	si := d.Tokens[i].Sentence
	if si < 0 || si >= len(d.Sentences) {
		return args
	}
	s := d.Sentences[si]
	span := func(st, end int) document.Span { return d.SpanOf(d.Tokens[st].Start, d.Tokens[end-1].End) }
	road, from, dir := -1, -1, -1
	for j := s.TokStart; j < s.TokEnd; j++ {
		if e := a.roadAt(j, s.TokEnd); e > j && road < 0 && typ.Roles["road"] != "" {
			args = append(args, document.Argument{Role: typ.Roles["road"], Span: span(j, e)})
			road = j
			continue
		}
		if a.t[j].low == "zwischen" && from < 0 && typ.Roles["fromplace"] != "" {
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
					args = append(args, document.Argument{Role: typ.Roles["fromplace"], Span: span(st, e)},
						document.Argument{Role: typ.Roles["toplace"], Span: span(st2, e2)})
					from = j
				}
			}
			continue
		}
		if a.direction(j) && dir < 0 && typ.Roles["direction"] != "" {
			if e := a.nameRun(j+1, s.TokEnd); e > j+1 {
				args = append(args, document.Argument{Role: typ.Roles["direction"], Span: span(j+1, e)})
				dir = j
			}
		}
	}
	return args
}

// The positions' roles and needs must be what Roles and Needs give for
// their names, for every type of the model and for a type whose maps lack
// some of them.
func TestPositionsMatchMaps(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	types := append([]*Type(nil), m.Types...)
	odd := &Type{Roles: map[string]string{"agent": "x", "road": "r"}, Needs: map[string][]string{"patient": {"ORG"}}}
	odd.setPositions()
	types = append(types, odd)
	set := 0
	for _, typ := range types {
		for k, name := range posNames {
			if typ.roles[k] != typ.Roles[name] || !reflect.DeepEqual(typ.needs[k], typ.Needs[name]) {
				t.Errorf("%s: position %s: %q %v, want %q %v", typ.Name, name, typ.roles[k], typ.needs[k], typ.Roles[name], typ.Needs[name])
			}
			if typ.roles[k] != "" {
				set++
			}
		}
	}
	if set < len(m.Types) {
		t.Fatalf("only %d positions set", set)
	}
}
