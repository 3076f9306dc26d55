package stem

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/kljensen/snowball/snowballword"
)

// TestLatin1Lower checks appendLatin1Marked's lower-casing and its choice
// of words (ASCII and U+00C0-U+00FF, two bytes C3 xx) against
// unicode.ToLower and appendLowerMarked, one letter at a time up to U+02FF.
func TestLatin1Lower(t *testing.T) {
	for r := rune(0); r < 0x300; r++ {
		s := string(r)
		bs, _, flags, ok := appendLatin1Marked(nil, s)
		need, changed := flags&fNeed != 0, flags&(fUpper|fNonASCII) != 0
		if ok != (r < 0x80 || 0xC0 <= r && r < 0x100) { // U+0080-U+00BF: no letters but µ, ª, º

			t.Fatalf("%U: ok %v", r, ok)
		}
		if !ok {
			continue
		}
		rs, rneed := appendLowerMarked(nil, s)
		if len(bs) != 1 || len(rs) != 1 || rune(bs[0]) != rs[0] || rs[0] != unicode.ToLower(r) || need != rneed {
			t.Errorf("%U: Latin-1 %x %v, runes %q %v, ToLower %q", r, bs, need, rs, rneed, unicode.ToLower(r))
		}
		if changed != (r >= 0x80 || string(rs) != s) || flags&fNonASCII != 0 != (r >= 0x80) { // the Latin-1 byte is not the text
			t.Errorf("%U: flags %x", r, flags)
		}
	}
	for _, s := range []string{"\xc3", "a\xc3", "\xc3a", "\xc3\xc3", "\xff", "\xc2\xb5", "ä\xc3\x28", "\xe2\x82\xac"} {
		if bs, _, _, ok := appendLatin1Marked([]byte("x"), s); ok || string(bs) != "x" {
			t.Errorf("%q: ok %v, %q", s, ok, bs)
		}
	}
}

// referenceWords returns every distinct word of the testdata articles and
// of the 10kGNAD test split: white-space fields (punctuation and all) and
// letter runs (with hyphens and apostrophes), as they are.
func referenceWords(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../testdata/*.txt")
	files = append(files, "../../shared/data/news-10kgnad/test.csv")
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Skipf("%v (10kGNAD lives in ../shared/data)", err)
		}
		text := string(b)
		for _, w := range strings.Fields(text) {
			add(w)
		}
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			add(w)
		}
	}
	if len(files) < 2 {
		t.Fatal("no testdata articles")
	}
	return words
}

// TestLatin1Agrees compares the stage, whose Latin-1 path (stemLatin1)
// takes nearly every word, with StemWord (the snowballword version) on
// every distinct word of the testdata articles and the 10kGNAD articles,
// as it is, lower-cased, upper-cased and capitalised; and stemLatin1 with
// stemRunes directly on the lower-cased words.
func TestLatin1Agrees(t *testing.T) {
	words := referenceWords(t)
	var all []string
	for _, w := range words {
		all = append(all, w, strings.ToLower(w), strings.ToUpper(w))
		if r, size := utf8.DecodeRuneInString(w); size > 0 {
			all = append(all, string(unicode.ToUpper(r))+w[size:])
		}
	}
	d := document.New("t", "t", strings.Join(all, " "))
	off := 0
	for _, w := range all {
		d.Tokens = append(d.Tokens, document.Token{Start: off, End: off + len(w), Text: w, Kind: document.KindWord})
		off += len(w) + 1
	}
	if err := NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	bad, latin1 := 0, 0
	fail := func() {
		if bad++; bad > 20 {
			t.Fatal("too many differences")
		}
	}
	var sw snowballword.SnowballWord
	for _, tok := range d.Tokens {
		low := strings.ToLower(tok.Text)
		sw.RS = append(sw.RS[:0], []rune(low)...)
		StemWord(&sw)
		if tok.Stem != sw.String() {
			t.Errorf("stage stem of %q = %q, StemWord gives %q", tok.Text, tok.Stem, sw.String())
			fail()
		}
		bs, trans, flags, ok := appendLatin1Marked(nil, low)
		if !ok {
			continue
		}
		need := flags&fNeed != 0
		if flags&fMark != 0 != strings.ContainsAny(string(bs), "UY") {
			t.Errorf("%q: flags %x, marked %q", low, flags, bs)
			fail()
		}
		latin1++
		if !need && len(bs) >= 3 && len(bs) <= 64 {
			r1, r2 := maskRegions(len(bs), trans)
			if w1, w2 := fastRegions(latin1Runes(bs)); r1 != w1 || r2 != w2 {
				t.Errorf("%q: maskRegions %d %d, fastRegions %d %d", low, r1, r2, w1, w2)
				fail()
			}
		}
		st, _ := stemLatin1(bs, nil, trans, need)
		for k, c := range st {
			st[k] = postludeByte(c)
		}
		rst, _ := stemRunes([]rune(low), nil)
		if string(latin1Runes(st)) != string(rst) {
			t.Errorf("stemLatin1(%q) = %q, stemRunes gives %q", low, latin1Runes(st), string(rst))
			fail()
		}
	}
	t.Logf("%d distinct words, %d tokens, %d on the Latin-1 path", len(words), len(all), latin1)
}

// latin1Runes decodes Latin-1 bytes.
func latin1Runes(b []byte) []rune {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return rs
}

// FuzzLatin1 checks the stage on any input against StemWord (run longer
// with go test -fuzz FuzzLatin1 ./stem).
func FuzzLatin1(f *testing.F) {
	for _, s := range []string{"", "a", "Aue", "QUELLE", "Straße", "bedürfnissen", "SYSTEMEN", "Merkel's", "'s", "ueberuyu", "Paketet", "ÉÉÉ", "geordnet", "wandlns", "Ärztinnen", "HEITERKEIT", "lichkeit", "Maße", "×ä", "aÿe", "\x00ue"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := document.New("t", "t", s)
		d.Tokens = []document.Token{{Start: 0, End: len(s), Text: s, Kind: document.KindWord}}
		if err := NewStage().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		sw := snowballword.New(strings.ToLower(s))
		StemWord(sw)
		if d.Tokens[0].Stem != sw.String() {
			t.Errorf("stage stem of %q = %q, StemWord gives %q", s, d.Tokens[0].Stem, sw.String())
		}
	})
}
