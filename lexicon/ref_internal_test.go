package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

// testdataDocs returns the testdata articles, tokenised, for the tests
// that compare a fast path with the code it replaced.
func testdataDocs(t *testing.T) []*document.Document {
	t.Helper()
	tok, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata articles")
	}
	var docs []*document.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := document.New(f, f, string(b))
		if err := tok.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// testdataWords returns the word forms of the testdata articles (with
// repeats, in text order) plus caseForms.
func testdataWords(t *testing.T) []string {
	t.Helper()
	words := append([]string(nil), caseForms...)
	for _, d := range testdataDocs(t) {
		for _, tk := range d.Tokens {
			words = append(words, tk.Text)
		}
	}
	return words
}

// verbViewRef is verbView before lowerCase: the reference.
func (l *Lexicon) verbViewRef(form string) readingView {
	v := l.verbs.find(form)
	if v < 0 {
		var buf [64]byte
		if b, changed := appendLower(buf[:0], form); changed {
			v = l.verbs.findBytes(b)
		}
	}
	return l.recordView(v)
}

// verbInfoRef is verbInfo before it built the lower case once and filled
// its result in place: the reference.
func (l *Lexicon) verbInfoRef(form string) verbInfo {
	var vi verbInfo
	rs := l.verbViewRef(form)
	var buf [64]byte
	lower := appendLowerIfNeeded(buf[:0], form)
	if rs.len() == 0 {
		if r, ok := l.guessVerbRef(lower); ok {
			rs, vi.guessed = readingView{rs: []VerbReading{r}, n: 1}, true
		}
	}
	if rs.len() > 0 {
		vi.readings = rs
		vi.best, vi.ok = chooseReading(rs, form)
		w := l.word(lower)
		vi.zus = w.flags&wZus != 0
		vi.homograph = w.homograph
		for k := 0; k < rs.len(); k++ {
			r := rs.form(k)
			vi.strong = vi.strong || strongVerbEvidence(r)
			vi.participle = vi.participle || r.Tense == Participle
		}
	}
	return vi
}

func sameReadings(a, b readingView) bool {
	if a.len() != b.len() {
		return false
	}
	for k := 0; k < a.len(); k++ {
		if a.at(k) != b.at(k) {
			return false
		}
	}
	return true
}

func TestLowerCase(t *testing.T) {
	// Eight bytes and more, with the capital or the non-ASCII byte in each
	// place, and the bytes around A-Z.
	extra := []string{"@@@@@@@@", "[[[[[[[[", "````````", "{{{{{{{{", "abcdefg@[`{", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
	for n := 8; n <= 17; n++ {
		for i := 0; i < n; i++ {
			for _, c := range []string{"A", "Z", "ä", "Ä", "\xff"} {
				w := []byte(strings.Repeat("x", n))
				extra = append(extra, string(w[:i])+c+string(w[i+1:]))
			}
		}
	}
	// Every code point, alone and between ASCII letters, and the lead
	// byte of U+00C0 to U+00FF before every byte.
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		extra = append(extra, string(r), "xyzxyzxY"+string(r)+"c")
	}
	for c := 0; c < 256; c++ {
		extra = append(extra, "\xc3"+string([]byte{byte(c)}), "ab\xc3"+string([]byte{byte(c)})+"\xc3")
	}
	for _, s := range append(testdataWords(t), extra...) {
		var buf [4]byte
		low, changed, upper := lowerCase(buf[:0], s)
		wantLow, wantChanged := appendLower(nil, s)
		if changed != wantChanged || changed && low != string(wantLow) {
			t.Errorf("%q: lower %q %v, want %q %v", s, low, changed, wantLow, wantChanged)
		}
		want := lowerIfNeeded(s)
		if got := s; upper {
			got = low
			if got != want {
				t.Errorf("%q: upper, lower %q, want %q", s, got, want)
			}
		} else if want != s {
			t.Errorf("%q: not upper, want %q", s, want)
		}
	}
}

func TestVerbInfoMatchesRef(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range testdataWords(t) {
		want := l.verbInfoRef(s)
		var got verbInfo
		l.verbInfo(s, &got)
		if !sameReadings(got.readings, want.readings) {
			t.Errorf("%q: readings differ", s)
		}
		if got.best != want.best || got.ok != want.ok || got.guessed != want.guessed || got.zus != want.zus ||
			got.homograph != want.homograph || got.strong != want.strong || got.participle != want.participle {
			t.Errorf("%q: got %+v, want %+v", s, got, want)
		}
		if !sameReadings(l.verbView(s), l.verbViewRef(s)) {
			t.Errorf("%q: verbView differs", s)
		}
	}
}

// TestIsSeparablePrefixFirstByte checks the first-byte test against the
// word table alone.
func TestIsSeparablePrefixFirstByte(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range testdataWords(t) {
		if got, want := l.IsSeparablePrefix(s), l.word(s).flags&wParticle != 0; got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// guessVerbRef is guessVerb before it asked the trie first: the reference.
func (l *Lexicon) guessVerbRef(form string) (VerbReading, bool) {
	if len(form) < 6 || l.word(form).function != "" {
		return VerbReading{}, false
	}
	var arr [16]int
	ns := l.particleTrie.prefixesRef(form, min(l.maxParticle, len(form)-4), arr[:0])
	return l.guessAfterParticles(form, ns)
}

// prefixesRef is prefixes before the root table: the reference.
func (t *particleTrie) prefixesRef(s string, max int, ns []int) []int {
	if len(t.nodes) == 0 {
		return ns
	}
	cur := int32(0)
	for i := 0; i < len(s) && i < max; i++ {
		nd := &t.nodes[cur]
		next := int32(-1)
		for _, e := range t.edges[nd.first : nd.first+nd.n] {
			if e.b == s[i] {
				next = e.to
				break
			}
		}
		if next < 0 {
			break
		}
		cur = next
		if t.nodes[cur].flags&wParticle != 0 {
			ns = append(ns, i+1)
		}
	}
	return ns
}

func TestGuessVerbMatchesRef(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := testdataWords(t)
	// Particle verbs the lexicon lacks, so that the guess succeeds too.
	words = append(words, "abkassiert", "abzukassieren", "leergemacht", "wachsenden", "aufgeschrieben", "überarbeitete")
	for _, s := range words {
		for _, f := range []string{s, strings.ToLower(s)} {
			r, ok := l.guessVerb(f)
			wr, wok := l.guessVerbRef(f)
			if r != wr || ok != wok {
				t.Errorf("%q: %+v %v, want %+v %v", f, r, ok, wr, wok)
			}
			for max := -1; max <= len(f)+1; max++ {
				if got, want := l.particleTrie.prefixes(f, max, nil), l.particleTrie.prefixesRef(f, max, nil); !slices.Equal(got, want) {
					t.Errorf("%q, %d: prefixes %v, want %v", f, max, got, want)
				}
			}
		}
	}
}

// TestHasCapitalised compares the head filter asked without the key with
// the filter asked with it, for every split of the testdata words.
func TestHasCapitalised(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n, yes := 0, 0
	for _, s := range append(testdataWords(t), "Wirtschaftsministers", "Außenministerin", "Gipfeltreffen", "Übergangsregierung") {
		for i := range s {
			r, size := utf8.DecodeRuneInString(s[i:])
			tail := s[i+size:]
			if len(tail) < 2 {
				break
			}
			for _, up := range []rune{r, unicode.ToUpper(r), 'Ä', 'ẞ', utf8.RuneError} {
				key := string(utf8.AppendRune(nil, up)) + tail
				want := l.heads.has(key)
				if got := l.heads.hasCapitalised(up, tail); got != want {
					t.Errorf("%q: %v, want %v", key, got, want)
				}
				n++
				if want {
					yes++
				}
			}
		}
	}
	if yes == 0 || yes == n {
		t.Errorf("%d of %d heads pass: the test does not tell", yes, n)
	}
}

// TestChoosePackedMatchesRef compares the packed choice with the reference
// for every form of the verb table, as it stands and capitalised.
func TestChoosePackedMatchesRef(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b := l.verbs.blob
	forms := 0
	for off := 0; off < len(b); forms++ {
		k := int(b[off])
		key := b[off+1 : off+1+k]
		v := off + 1 + k
		rv := l.recordView(v)
		off = v + 5 + 6*int(b[v])
		for _, f := range []string{key, strings.ToUpper(key[:1]) + key[1:]} {
			got, ok := chooseReading(rv, f)
			want, wok := chooseByReadings(rv, f)
			if got != want || ok != wok {
				t.Fatalf("%q: %+v %v, want %+v %v", f, got, ok, want, wok)
			}
		}
	}
	if forms != l.verbs.n {
		t.Errorf("walked %d forms, want %d", forms, l.verbs.n)
	}
}

// TestLemmatizeVerbList compares Lemmatize, whose particle and auxiliary
// passes visit the verbs only, with the passes over every token, on the
// testdata articles' sentences.
func TestLemmatizeVerbList(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences, verbs := 0, 0
	for _, d := range testdataDocs(t) {
		f := d.ID
		for _, s := range d.Sentences {
			toks := d.Tokens[s.TokStart:s.TokEnd]
			got := l.lemmatize(toks, nil, false)
			want := l.lemmatize(toks, nil, true)
			if !slices.Equal(got, want) {
				t.Errorf("%s: sentence at %d: %+v, want %+v", f, s.Start, got, want)
			}
			sentences++
			for _, a := range got {
				if a.POS == POSVerb || a.POS == POSAux {
					verbs++
				}
			}
		}
	}
	if sentences == 0 || verbs == 0 {
		t.Fatalf("%d sentences, %d verbs", sentences, verbs)
	}
}

// TestCodeFacts checks the facts table for every 14-bit reading code.
func TestCodeFacts(t *testing.T) {
	for c := 0; c < 1<<14; c++ {
		f, rank := readingFacts(unpackReading(uint16(c)))
		if got := codeFacts[factIndex(uint16(c))]; got.flags != f || got.rank != rank {
			t.Fatalf("code %#x: %+v, want %d %d", c, got, f, rank)
		}
	}
}

// TestEqualKey compares equalKey with == for keys of 0 to 40 bytes that
// differ in one byte at each place, or not at all.
func TestEqualKey(t *testing.T) {
	for n := 0; n <= 40; n++ {
		a := strings.Repeat("ä", n)[:n]
		if !equalKey(a, strings.Clone(a)) {
			t.Errorf("%d: equal keys differ", n)
		}
		for i := 0; i < n; i++ {
			b := []byte(a)
			b[i] ^= 1
			if equalKey(a, string(b)) {
				t.Errorf("%d: keys differing at %d are equal", n, i)
			}
		}
	}
}

// verbReadingsRef is VerbReadings before verbsLower: the reference.
func (l *Lexicon) verbReadingsRef(form string) []VerbReading {
	if v := l.verbs.find(form); v >= 0 {
		return l.verbRecord(v)
	}
	var buf [64]byte
	if b, changed := appendLower(buf[:0], form); changed {
		return l.verbRecord(l.verbs.findBytes(b))
	}
	return nil
}

// TestVerbsLower checks verbsLower against every verb form and the
// look-ups that rely on it against their references.
func TestVerbsLower(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lower := true
	b := l.verbs.blob
	for off := 0; off < len(b); {
		k := int(b[off])
		key := b[off+1 : off+1+k]
		if _, changed, _ := lowerCase(nil, key); changed {
			lower = false
		}
		v := off + 1 + k
		off = v + 5 + 6*int(b[v])
	}
	if lower != l.verbsLower {
		t.Errorf("verbsLower %v, want %v", l.verbsLower, lower)
	}
	for _, s := range append(testdataWords(t), "Traf", "TRAF", "Kündigte", "KÜNDIGTE", "ǅemal") {
		if got, want := l.VerbReadings(s), l.verbReadingsRef(s); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestWordMarks checks every verb record's word mark against the word
// table and its reading index (whose last byte holds the mark) against
// its packed readings.
func TestWordMarks(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b := l.verbs.blob
	marked := 0
	for off := 0; off < len(b); {
		k := int(b[off])
		key := b[off+1 : off+1+k]
		v := off + 1 + k
		off = v + 5 + 6*int(b[v])
		if got, want := l.hasWord(v), l.words.find(key) >= 0; got != want {
			t.Errorf("%q: mark %v, want %v", key, got, want)
		}
		if l.hasWord(v) {
			marked++
		}
		rs, rv := l.verbRecord(v), l.recordView(v)
		if len(rs) != rv.len() {
			t.Fatalf("%q: %d readings, packed %d", key, len(rs), rv.len())
		}
		for i, r := range rs {
			if r != rv.at(i) {
				t.Fatalf("%q: reading %d: %+v, packed %+v", key, i, r, rv.at(i))
			}
		}
	}
	if marked == 0 {
		t.Error("no verb form is marked")
	}
}

// The lower-casing that lowerCase replaced, now the references of the
// tests only.

// appendLower appends s in lower case to b and reports whether anything
// changed.
func appendLower(b []byte, s string) ([]byte, bool) {
	// Most forms are ASCII, where unicode.ToLower changes A-Z only.
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendLowerRunes(b, s)
		}
		changed = changed || 'A' <= c && c <= 'Z'
	}
	if !changed {
		return append(b, s...), false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

func appendLowerRunes(b []byte, s string) ([]byte, bool) {
	changed := false
	for _, r := range s {
		lr := unicode.ToLower(r)
		changed = changed || lr != r
		b = utf8.AppendRune(b, lr)
	}
	return b, changed
}

// appendLowerIfNeeded appends s in lower case to b when s has an
// upper-case letter and returns the result as a string in b's memory, or
// returns s itself (lowerIfNeeded in the tests is the reference).
func appendLowerIfNeeded(b []byte, s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) {
					b, _ = appendLowerRunes(b, s)
					return unsafe.String(unsafe.SliceData(b), len(b))
				}
			}
			return s
		}
		if 'A' <= c && c <= 'Z' {
			b, _ = appendLower(b, s)
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
	}
	return s
}
