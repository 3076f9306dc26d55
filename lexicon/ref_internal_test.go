package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

// testdataWords returns the word forms of the testdata articles (with
// repeats, in text order) plus caseForms, for the tests that compare a
// fast path with the code it replaced.
func testdataWords(t *testing.T) []string {
	t.Helper()
	tok, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata articles")
	}
	words := append([]string(nil), caseForms...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := document.New(f, f, string(b))
		if err := tok.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
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
		if r, ok := l.guessVerb(lower); ok {
			rs, vi.guessed = readingView{rs: []VerbReading{r}}, true
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
	for _, s := range testdataWords(t) {
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
