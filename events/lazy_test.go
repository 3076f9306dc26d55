package events

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// compoundHeadRef is compoundHead as it was: the head forms from the
// headIdx map, the hyphen found by LastIndexByte alone.
func (a *analysis) compoundHeadRef(text string) string {
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
	if len(text) < 6 {
		return ""
	}
	if !a.m.headF.may(text[len(text)-3:]) {
		return ""
	}
	for _, h := range a.m.headIdx[text[len(text)-3:]] {
		if len(text) >= len(h.low)+3 && strings.HasSuffix(text, h.low) {
			mod := strings.ToLower(text[:len(text)-len(h.low)])
			if a.m.hasClass(mod, "prefix") {
				continue
			}
			if a.lex != nil {
				if cl, lh, ok := a.lex.CompoundHead(text); ok && len(cl)-len(lh) < len(text)-len(h.low) {
					continue
				}
			}
			return h.lemma
		}
	}
	return ""
}

// roleStemRef is roleStem over the roleIdx map.
func (m *Model) roleStemRef(b string) bool {
	if len(b) < 3 {
		return false
	}
	k := b[len(b)-3:]
	if !m.roleF.may(k) {
		return false
	}
	for _, r := range m.roleIdx[k] {
		if strings.HasSuffix(b, r) {
			return true
		}
	}
	return false
}

// compoundHead and roleStem over the hashed lists must answer as over the
// maps: for every head form and role noun with prefixes and in other
// case, and every token text of the test texts and its endings.
func TestHashListsMatchMaps(t *testing.T) {
	m, docs := tokenizedDocs(t, "Der Gipfeltreffen-Teilnehmer, die Luftangriffe, der US-Präsident, Kaufpreise und Strukturbereinigung.")
	var words []string
	for _, b := range m.headIdx {
		for _, h := range b {
			words = append(words, h.low, "Kauf"+h.low, "Vor"+h.low, "US-"+h.low, strings.ToUpper(h.low[:1])+h.low[1:], "x"+h.low[1:])
		}
	}
	for _, b := range m.roleIdx {
		for _, r := range b {
			words = append(words, r, "kreml"+r, r[1:], r+"n", "ab"+r[:len(r)-1])
		}
	}
	for _, td := range docs {
		for _, tok := range td.d.Tokens {
			for k := 0; k < len(tok.Text) && k < 4; k++ {
				words = append(words, tok.Text[k:])
			}
		}
	}
	a := &analysis{m: m}
	for _, w := range words {
		if got, want := a.compoundHead(w), a.compoundHeadRef(w); got != want {
			t.Fatalf("compoundHead(%q) = %q, want %q", w, got, want)
		}
		if got, want := m.roleStem(w), m.roleStemRef(w); got != want {
			t.Fatalf("roleStem(%q) = %v, want %v", w, got, want)
		}
	}
}

// setClassesRef is what build set for every token before role and
// adjLike were computed on first use: role in setClasses, adj right
// after it, then again for the left part of a compound and for the tokens
// markSpans put in an entity. It returns both flags of every token of a
// built analysis, from a second build with the old order.
func eagerRoleAdj(m *Model, d *document.Document) (role, adj []bool) {
	a := &analysis{d: d, m: m}
	a.build()
	n := len(a.t)
	role, adj = make([]bool, n), make([]bool, n)
	// the token states build's loop saw: no entity yet, no compound part
	// made by the next token
	ents, cparts := make([]int, n), make([]bool, n)
	for i := range a.t {
		ents[i], cparts[i] = a.t[i].ent, a.t[i].cpart
	}
	for i := range a.t {
		w := &a.t[i]
		f := a.form(i)
		switch {
		case w.punct:
		case f == nil:
			role[i] = w.upper && m.roleNoun(w.low)
		case w.upper:
			role[i] = m.roleNoun(f.low)
		}
		w.roleSt = 1 + uint8(b2i(role[i]))
	}
	for i := range a.t {
		w := &a.t[i]
		hyphen := a.form(i) == nil
		w.ent = -1
		w.cpart = hyphen
		adj[i] = a.computeAdjLike(i)
		w.ent, w.cpart = ents[i], cparts[i]
	}
	for i := range a.t {
		if a.form(i) == nil && i > 0 {
			adj[i-1] = true
		}
	}
	for i := range a.t {
		if a.t[i].ent >= 0 {
			adj[i] = a.computeAdjLike(i)
		}
	}
	return role, adj
}

func TestLazyRoleAdjMatchEager(t *testing.T) {
	m, docs := tokenizedDocs(t, "Der US-Präsident traf die Kremlsprecherin und keinen russischen Regierungschef.")
	roles, adjs := 0, 0
	for _, td := range docs {
		d := td.d
		wantRole, wantAdj := eagerRoleAdj(m, d)
		a := &analysis{d: d, m: m}
		a.build()
		for j := range a.t {
			if got := a.isRoleNoun(j); got != wantRole[j] {
				t.Fatalf("%s: token %d %q: isRoleNoun %v, want %v", td.name, j, d.Tokens[j].Text, got, wantRole[j])
			}
			if got := a.adjLike(j); got != wantAdj[j] {
				t.Fatalf("%s: token %d %q: adjLike %v, want %v", td.name, j, d.Tokens[j].Text, got, wantAdj[j])
			}
			roles += b2i(wantRole[j])
			adjs += b2i(wantAdj[j])
		}
	}
	if roles == 0 || adjs == 0 {
		t.Errorf("%d role nouns, %d adjective-like tokens in the test texts", roles, adjs)
	}
}

// markerRef is marker as it was, over the modality map.
func (a *analysis) markerRef(j int) (modal, bool) {
	w := &a.t[j]
	if w.punct {
		return modal{}, false
	}
	if w.lemma == "werden" {
		return modal{}, false
	}
	if w.verb && !w.upper {
		if mm, ok := a.m.modality[w.lemma]; ok {
			return mm, true
		}
	}
	if mm, ok := a.m.modality[w.low]; ok {
		return mm, true
	}
	mm, ok := a.m.modality[w.lemma]
	return mm, ok
}

// The lemma table must answer as the maps: lemmaInfo as lemInfo, cue as
// cues, trigs as triggers, known as lemmas, for every lemma, cue, trigger
// and modal word, their variants, and every token text and lemma of the
// test texts; every token's li is its final lemma's info, and marker
// answers as over the modality map.
func TestLemmaTableMatchesMaps(t *testing.T) {
	m, docs := tokenizedDocs(t, "Er soll angeblich geplant haben, das Treffen abzusagen; sie kündigte an, dass sie kommen könnte.")
	var words []string
	for l := range m.lemmas {
		words = append(words, l, l+"e", strings.ToUpper(l), l[1:], "weiter"+l)
	}
	for l := range m.modality {
		words = append(words, l)
	}
	words = append(words, "", "a", "nach")
	marks := 0
	for _, td := range docs {
		a := &analysis{d: td.d, m: m}
		a.build()
		for j := range a.t {
			w := &a.t[j]
			words = append(words, w.low, w.lemma, td.d.Tokens[j].Text)
			if li := m.lemmaInfo(w.lemma); w.li != li {
				t.Fatalf("%s: token %d %q: li %v, lemmaInfo(%q) %v", td.name, j, td.d.Tokens[j].Text, w.li, w.lemma, li)
			}
			gm, gok := a.marker(j)
			wm, wok := a.markerRef(j)
			if gm != wm || gok != wok {
				t.Fatalf("%s: token %d %q: marker %v %v, want %v %v", td.name, j, td.d.Tokens[j].Text, gm, gok, wm, wok)
			}
			marks += b2i(wok)
		}
	}
	if marks == 0 {
		t.Error("no modal marker in the test texts")
	}
	for _, w := range words {
		if got, want := m.lemmaInfo(w), m.lemInfo[w]; got != want {
			t.Fatalf("lemmaInfo(%q) = %p, want %p", w, got, want)
		}
		if got, want := m.cue(w), m.cues[w]; got != want {
			t.Fatalf("cue(%q) = %q, want %q", w, got, want)
		}
		if got, want := m.trigs(w), m.triggers[w]; len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
			t.Fatalf("trigs(%q) = %v, want %v", w, got, want)
		}
		if got, want := m.known(w), m.lemmas[w]; got != want {
			t.Fatalf("known(%q) = %v, want %v", w, got, want)
		}
	}
}

// hasZuRef is hasZu over every token of the range, as it was.
func (a *analysis) hasZuRef(start, end int) bool {
	for j := start; j+1 < end; j++ {
		if a.t[j].low == "zu" && a.t[j+1].verb && a.t[j+1].nonfin {
			return true
		}
	}
	return false
}

// hasZu over build's list of zu tokens must answer as over the tokens,
// for every range of up to 40 tokens of the test texts.
func TestHasZuMatchesRef(t *testing.T) {
	m, docs := tokenizedDocs(t, "Er versprach, zu kommen, um zu helfen, und zu spät zu sein; zu Hause zu bleiben, ohne zu zögern, statt zu arbeiten, anstatt zu ruhen, zu viel.")
	found := 0
	for _, td := range docs {
		a := &analysis{d: td.d, m: m}
		a.build()
		for st := 0; st < len(a.t); st++ {
			for end := st; end <= len(a.t) && end <= st+40; end++ {
				got, want := a.hasZu(st, end), a.hasZuRef(st, end)
				if got != want {
					t.Fatalf("%s: hasZu(%d, %d) = %v, want %v", td.name, st, end, got, want)
				}
				found += b2i(want)
			}
		}
	}
	if found == 0 {
		t.Error("no zu-infinitive in the test texts")
	}
}

// personRuns from markSpans' token ranges must list the runs the pass over
// every token finds, for entities in and out of order and overlapping.
func TestPersonRunsMatchScan(t *testing.T) {
	m, docs := tokenizedDocs(t)
	runs := 0
	for _, td := range docs {
		d := td.d
		if len(d.Tokens) < 10 {
			continue
		}
		for k := 0; k+3 < len(d.Tokens); k += 5 {
			typ := "PER"
			if k%3 == 0 {
				typ = "ORG"
			}
			st, end := d.Tokens[k].Start, d.Tokens[k+1+k%3].End
			if k%7 == 0 {
				st++ // inside a token
			}
			d.Entities = append(d.Entities, document.Entity{Type: typ, Span: d.SpanOf(st, end)})
		}
		d.Entities = append(d.Entities, d.Entities[3], d.Entities[0], document.Entity{Type: "PER", Span: d.SpanOf(d.Tokens[0].Start, d.Tokens[9].End)})
		for _, rev := range []bool{false, true} {
			if rev {
				slices.Reverse(d.Entities)
			}
			a := &analysis{d: d, m: m}
			a.build()
			got := slices.Clone(a.personRuns())
			a.perRuns, a.perDone = nil, false
			want := a.personRunsScan()
			if !slices.Equal(got, want) {
				t.Fatalf("%s: personRuns %v, want %v", td.name, got, want)
			}
			runs += len(want)
		}
	}
	if runs == 0 {
		t.Error("no person runs")
	}
}

// appendLowerRef is appendLower as it was: bytes up to the first non-ASCII
// one, then the rest rune by rune.
func appendLowerRef(b []byte, s string) (_ []byte, changed bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				l := lowerRune(r)
				if l != r || r == utf8.RuneError {
					changed = true
				}
				b = utf8.AppendRune(b, l)
			}
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			changed = true
		}
		b = append(b, c)
	}
	return b, changed
}

// appendLower must give the bytes and the changed flag of the reference:
// every token of the test texts and in capitals, every code point up to
// U+2FFF in a word, and every byte pair at every position of short strings
// (invalid and cut sequences among them).
func TestAppendLowerMatchesRef(t *testing.T) {
	_, docs := tokenizedDocs(t)
	var words []string
	for _, td := range docs {
		for _, tok := range td.d.Tokens {
			words = append(words, tok.Text, strings.ToUpper(tok.Text))
		}
		words = append(words, td.d.Text[:min(len(td.d.Text), 400)])
	}
	for r := rune(0); r < 0x3000; r++ {
		words = append(words, "Ab"+string(r)+"cD", string(r))
	}
	for n := 1; n <= 5; n++ {
		for p := 0; p+1 < n+1; p++ {
			for c := 0; c < 256; c++ {
				for _, c2 := range []byte{0x00, 0x41, 0x7f, 0x80, 0x84, 0x96, 0x97, 0x9f, 0xa0, 0xbf, 0xc0, 0xc3, 0xff} {
					b := []byte(strings.Repeat("xY", n)[:n])
					b[p] = byte(c)
					if p+1 < n {
						b[p+1] = c2
					}
					words = append(words, string(b))
				}
			}
		}
	}
	words = append(words, "ÄRGER über STRASSE-Ü", "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ", "\xc3", "a\xc3", "\xc3\xc3\x84")
	for _, w := range words {
		got, gc := appendLower([]byte("x"), w)
		want, wc := appendLowerRef([]byte("x"), w)
		if string(got) != string(want) || gc != wc {
			t.Fatalf("appendLower(%q) = %q %v, want %q %v", w, got, gc, want, wc)
		}
		if ref := strings.ToLower(w); string(got[1:]) != ref {
			t.Fatalf("appendLower(%q) = %q, strings.ToLower %q", w, got[1:], ref)
		}
	}
}

// statements skips the tokens whose cueTok is false: it must be cueToken
// of every token outside punctuation, after build and joinParticles.
func TestCueTokMatchesCueToken(t *testing.T) {
	m, docs := tokenizedDocs(t, "Er kündigte an, dass er kommt. Sie sagte weiter, nach Angaben der Polizei sei es so. Laut Bericht heißt es, zufolge dem Sprecher.")
	cues := 0
	for _, td := range docs {
		a := &analysis{d: td.d, m: m}
		a.build()
		for j := range a.t {
			if a.t[j].punct {
				continue
			}
			if got, want := a.cueTok[j], a.cueToken(j); got != want {
				t.Fatalf("%s: token %d %q: cueTok %v, cueToken %v", td.name, j, td.d.Tokens[j].Text, got, want)
			}
			cues += b2i(a.cueTok[j])
		}
	}
	if cues == 0 {
		t.Error("no cue token in the test texts")
	}
}
