package ner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

// testdataDocs returns the testdata articles, tokenised.
func testdataDocs(t *testing.T) []*document.Document {
	t.Helper()
	files, err := filepath.Glob("../testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	tk, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*document.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := corpus.ParseText(f, f, data)
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		d := a.Document()
		if err := tk.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// joinHyphensRef is the loop joinHyphens replaced: the reference of
// TestJoinHyphensMatchesRef.
func joinHyphensRef(text string, toks []document.Token, words []string, first []int) ([]string, []int) {
	for k := 0; k < len(toks); {
		j := k + 1
		for j < len(toks) && toks[j].Start == toks[j-1].End && (isHyphen(toks[j].Text) || isHyphen(toks[j-1].Text)) {
			j++
		}
		first = append(first, k)
		if j == k+1 {
			words = append(words, toks[k].Text)
		} else {
			words = append(words, text[toks[k].Start:toks[j-1].End])
		}
		k = j
	}
	first = append(first, len(toks))
	return words, first
}

// TestJoinHyphensMatchesRef compares joinHyphens with the loop it replaced
// on every sentence of the testdata articles, on the whole articles as one
// sentence, and on slices that already hold words.
func TestJoinHyphensMatchesRef(t *testing.T) {
	joined := 0
	for _, d := range testdataDocs(t) {
		spans := [][2]int{{0, len(d.Tokens)}}
		for _, s := range d.Sentences {
			spans = append(spans, [2]int{s.TokStart, s.TokEnd})
		}
		for _, sp := range spans {
			toks := d.Tokens[sp[0]:sp[1]]
			for _, pre := range [][]string{nil, {"x", "y"}} {
				w0, f0 := slices.Clone(pre), make([]int, len(pre))
				w, f := joinHyphens(d.Text, toks, slices.Clone(w0), slices.Clone(f0))
				rw, rf := joinHyphensRef(d.Text, toks, slices.Clone(w0), slices.Clone(f0))
				if !slices.Equal(w, rw) || !slices.Equal(f, rf) {
					t.Fatalf("%s: joinHyphens = %q %v, want %q %v", d.ID, w, f, rw, rf)
				}
				joined += len(toks) - (len(w) - len(pre))
			}
		}
	}
	if joined == 0 {
		t.Error("no sentence joins a hyphen: the test checks nothing")
	}
}

// nounSuffixRef is Model.nounSuffix over the list, before the endings
// were indexed by their last byte.
func (m *Model) nounSuffixRef(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, s := range m.nounSuf {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// TestSuffixLastBytes checks that a byteSet of last bytes never rules out
// a suffix that ends a word (so the loops it guards find nothing it
// skips), and nounSuffix against its list, over the words of the testdata
// articles, lower-cased, and the suffixes themselves.
func TestSuffixLastBytes(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ws := []string{""}
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text, strings.ToLower(tk.Text))
		}
	}
	lists := map[string]struct {
		suf  []string
		last byteSet
	}{
		"placeSuf":   {m.placeSuf, m.placeSufLast},
		"streetSuf":  {m.streetSuf, m.streetSufLast},
		"apposHeads": {m.apposHeads, m.apposLast},
	}
	for _, l := range lists {
		for _, s := range l.suf {
			ws = append(ws, s, "X"+s, s+"x")
		}
	}
	ws = append(ws, m.nounSuf...)
	for _, w := range ws {
		for name, l := range lists {
			if l.last.mayEnd(w) {
				continue
			}
			for _, s := range l.suf {
				if strings.HasSuffix(w, s) {
					t.Fatalf("%s: %q ends in %q, but its last byte is not in the set", name, w, s)
				}
			}
		}
		for _, x := range []string{w, "Abcdef" + w} {
			if got, want := m.nounSuffix(x), m.nounSuffixRef(x); got != want {
				t.Fatalf("nounSuffix(%q) = %v, want %v", x, got, want)
			}
		}
	}
	if e := lastBytes([]string{"ab", ""}); !e.mayEnd("") || !e.mayEnd("xyz") {
		t.Error("an empty suffix must let every word through")
	}
}

// appendFieldsRef and lastFieldRef are appendFields and lastField as they
// were, over strings.FieldsSeq: the references of TestFieldsMatchRef.
func appendFieldsRef(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}

func lastFieldRef(s string) (int, string) {
	n, last := 0, ""
	for w := range strings.FieldsSeq(s) {
		n, last = n+1, w
	}
	return n, last
}

// TestFieldsMatchRef compares appendFields and lastField with strings'
// splitting over the lines and sentences of the testdata articles and
// strings with every kind of space.
func TestFieldsMatchRef(t *testing.T) {
	ss := []string{"", " ", "a", " a ", "a  b", "\ta\nb\v\fc\rd", "Putin\u00a0Trump", "a\u0085b", "x\u2009y", "x\u3000y", "x\u1680y",
		"x\u202fy ", "München Süd", "\xc2", "\xe2\x80", "a\xffb c", "Saudi-Arabien", " Wladimir  Putin "}
	for _, d := range testdataDocs(t) {
		ss = append(ss, strings.Split(d.Text, "\n")...)
		for _, s := range d.Sentences {
			ss = append(ss, d.Text[s.Start:s.End])
		}
	}
	for _, s := range ss {
		if got, want := appendFields([]string{"x"}, s), appendFieldsRef([]string{"x"}, s); !slices.Equal(got, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
		n, last := lastField(s)
		if rn, rlast := lastFieldRef(s); n != rn || last != rlast {
			t.Fatalf("lastField(%q) = %d, %q, want %d, %q", s, n, last, rn, rlast)
		}
	}
	for c := 0; c < 256; c++ {
		s := "a" + string(rune(c)) + "b"
		if got, want := appendFields(nil, s), appendFieldsRef(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
	for _, r := range []rune{0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff} {
		s := "a" + string(r) + "b"
		if got, want := appendFields(nil, s), appendFieldsRef(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestHasSchFold checks hasSchFold against strings.ToLower: no rune but S,
// C and H lower-cases to s, c or h, and the two agree over the words of
// the testdata articles and crafted strings.
func TestHasSchFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch l := unicode.ToLower(r); l {
		case 's', 'c', 'h':
			if r != l && r != l-'a'+'A' {
				t.Fatalf("ToLower(%U) = %q", r, l)
			}
		}
	}
	ws := []string{"", "s", "sc", "sch", "Sch", "SCH", "sCh", "S\xffch", "Ssch", "Russisch", "RUSSISCH", "Schweizer", "Sachsen", "s\u0130ch", "\u212ach", "ſch"}
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text, strings.ToUpper(tk.Text))
		}
	}
	for _, w := range ws {
		if got, want := hasSchFold(w), strings.Contains(strings.ToLower(w), "sch"); got != want {
			t.Fatalf("hasSchFold(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestApposCompoundMatchesRef checks apposCompound, which skips the
// lower-casing when an ASCII last byte ends no head, against the loop over
// all heads, on the capitalised words of the testdata articles and on
// compounds of the heads themselves.
func TestApposCompoundMatchesRef(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(m, nil)
	var ws []string
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text, strings.ToUpper(tk.Text))
		}
	}
	for _, h := range m.apposHeads {
		ws = append(ws, "Chemie"+h, "CHEMIE"+strings.ToUpper(h), "Chemie"+h+"s", "Xy"+h)
	}
	n := 0
	for _, w := range ws {
		var f form
		r.fill(&f, w)
		x := &run{r: r, t: []tok{{form: &f}}}
		got := x.apposCompound(0)
		want := false
		if f.cap && len(f.s) >= 8 {
			lw := strings.ToLower(f.s)
			for _, h := range m.apposHeads {
				if strings.HasSuffix(lw, h) && len(lw) > len(h)+2 {
					want = true
				}
			}
		}
		if got != want {
			t.Fatalf("apposCompound(%q) = %v, want %v", w, got, want)
		}
		if got {
			n++
		}
	}
	if n == 0 {
		t.Error("no word is an apposition compound: the test checks nothing")
	}
}

// TestWordSets checks every wordSet against its map over the words of the
// testdata articles (as written and lower-cased), the sets' own words and
// words one byte longer or shorter.
func TestWordSets(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]*wordSet{
		"legal": &m.legalSet, "currency": &m.currencySet, "lowerStarts": &m.lowerStartSet,
		"placePreps": &m.placePrepSet, "strongPreps": &m.strongPrepSet, "determiners": &m.determinerSet,
		"nameParticles": &m.nameParticleSet, "articleParticles": &m.articleParticleSet,
		"quoteOpen": &m.quoteOpenSet, "quoteClose": &m.quoteCloseSet,
	}
	ws := []string{"", strings.Repeat("x", 70)}
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text, strings.ToLower(tk.Text))
		}
	}
	for _, s := range sets {
		for w := range s.m {
			ws = append(ws, w, w+"x", strings.ToUpper(w))
			if w != "" {
				ws = append(ws, w[1:], w[:len(w)-1])
			}
		}
	}
	for name, s := range sets {
		if len(s.m) == 0 {
			t.Errorf("%s: empty set", name)
		}
		passed := 0
		for _, w := range ws {
			if got, want := s.has(w), s.m[w]; got != want {
				t.Fatalf("%s.has(%q) = %v, want %v", name, w, got, want)
			}
			if s.lens&(1<<min(len(w), 63)) != 0 && (w == "" || s.first.has(w[0])) {
				passed++
			}
		}
		t.Logf("%s: %d words, %d of %d test words pass the check", name, len(s.m), passed, len(ws))
	}
}

// TestNamedMatchesFill checks the lazy named against what fill computed
// before: a capitalised first name or surname, or else, when the word is
// no function word and no common noun, a lexicon name.
func TestNamedMatchesFill(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	n := 0
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			for _, w := range []string{tk.Text, strings.ToUpper(tk.Text), strings.ToLower(tk.Text)} {
				var f form
				r.fill(&f, w)
				want := false
				if f.cap {
					want = f.first || f.surname
					if !want && !f.fw && !r.lex.IsCommonNoun(f.s) {
						want = r.lex.IsName(f.s)
					}
				}
				x := &run{r: r, t: []tok{{form: &f}}}
				if got := x.named(&f); got != want {
					t.Fatalf("named(%q) = %v, want %v", w, got, want)
				}
				if want {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Error("no word is named: the test checks nothing")
	}
}

// TestMemoLookup checks the memo against a map: over
// the words of the testdata articles, their prefixes and words that differ
// in one byte, through the table's growths and a new generation, each word
// finds the form made for it and no other.
func TestMemoLookup(t *testing.T) {
	var ws []string
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			w := tk.Text
			ws = append(ws, w)
			for k := 0; k < len(w); k++ {
				b := []byte(w)
				b[k] ^= 1
				ws = append(ws, w[:k], string(b))
			}
		}
	}
	var m memo
	for gen := 0; gen < 2; gen++ {
		m.reset()
		ref := map[string]*form{}
		for round := 0; round < 2; round++ {
			for _, w := range ws {
				f, fresh := m.lookup(w)
				if g, ok := ref[w]; ok {
					if fresh || f != g {
						t.Fatalf("lookup(%q) = %p, fresh %v; want %p", w, f, fresh, g)
					}
					continue
				}
				if !fresh || f.s != w {
					t.Fatalf("lookup(%q) = form of %q, fresh %v; want a fresh form", w, f.s, fresh)
				}
				ref[w] = f
			}
		}
		if m.n != len(ref) {
			t.Fatalf("memo holds %d forms, want %d", m.n, len(ref))
		}
	}
}

// partOfRef is partOf before the names' last two bytes were compared: the
// reference of TestPartOfMatchesRef.
func (x *run) partOfRef(f *form) {
	if strings.Contains(f.s, "-") {
		x.partOf(f) // the hyphen branch did not change
		return
	}
	w := f.s
	if x.r.lex == nil || len(w) < 7 || f.noun {
		return
	}
	for _, v := range x.prefix(f).lens {
		k := int(uint32(v))
		if k >= len(w) || !utf8.RuneStart(w[k]) {
			continue
		}
		rest := w[k:]
		if utf8.RuneCountInString(rest) < x.r.m.partMin {
			continue
		}
		e := x.single(w[:k])
		if e == nil || e.Amb || e.Kind == "city" || e.Kind == "state" && k < 5 || utf8.RuneCountInString(w[:k]) < 3 || e.Kind != "curated" && x.r.lex.IsCommonNoun(w[:k]) {
			continue
		}
		r, size := utf8.DecodeRuneInString(rest)
		head := string(unicode.ToUpper(r)) + rest[size:]
		if x.r.lex.IsCommonNoun(head) || x.linkedNoun(rest) {
			f.partTyp, f.partE = partType(e.Type), e
			return
		}
	}
}

// TestPartOfMatchesRef compares partOf with partOfRef on the capitalised
// words of the testdata articles and on compounds of the lists' names with
// common nouns.
func TestPartOfMatchesRef(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	var ws []string
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text)
		}
	}
	k := 0
	for w := range r.m.names.root {
		if k++; k%7 == 0 {
			for _, head := range []string{"reise", "sprecher", "spolitik", "regierung", "er"} {
				ws = append(ws, w+head)
			}
		}
	}
	found := 0
	for _, w := range ws {
		var a, b form
		r.fill(&a, w)
		r.fill(&b, w)
		x := &run{r: r}
		x.partOf(&a)
		x.partOfRef(&b)
		if a.partTyp != b.partTyp || a.partE != b.partE {
			t.Fatalf("partOf(%q) = %v %p, want %v %p", w, a.partTyp, a.partE, b.partTyp, b.partE)
		}
		if a.partTyp != noType {
			found++
		}
	}
	if found == 0 {
		t.Error("no compound with a name: the test checks nothing")
	}
	t.Logf("%d words, %d compounds with a name", len(ws), found)
}
