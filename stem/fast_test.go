package stem

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/kljensen/snowball/snowballword"
)

func checkFast(t *testing.T, w string) bool {
	t.Helper()
	sw := snowballword.New(w)
	StemWord(sw)
	st, _ := stemRunes([]rune(w), nil)
	if got := string(st); got != sw.String() {
		t.Errorf("stemRunes(%q) = %q, StemWord gives %q", w, got, sw.String())
		return false
	}
	return true
}

// TestFastAgrees compares stemRunes with StemWord on the official
// vocabulary and every lower-cased white-space word of the 10kGNAD test
// split (punctuation and all, which the pipeline never gives the stemmer).
func TestFastAgrees(t *testing.T) {
	var words []string
	for _, f := range []string{"../../shared/data/snowball-german/voc.txt", "../../shared/data/news-10kgnad/test.csv"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Skipf("%v (it lives in ../shared/data)", err)
		}
		words = append(words, strings.Fields(strings.ToLower(string(b)))...)
	}
	bad := 0
	for _, w := range words {
		if !checkFast(t, w) {
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d words", len(words))
}

// TestStageAgrees runs the stage over every white-space word of the
// 10kGNAD test split, as it is and capitalised, with invalid UTF-8 mixed
// in, and compares each stem with StemWord of the lower-cased word.
func TestStageAgrees(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		t.Skipf("%v (it lives in ../shared/data)", err)
	}
	words := strings.Fields(string(b))
	for i, w := range words {
		switch i % 7 {
		case 1:
			words[i] = strings.ToUpper(w)
		case 2:
			words[i] = w + "\xff"
		case 3:
			words[i] = "\xc3" + w
		}
	}
	text := strings.Join(words, " ")
	d := document.New("t", "t", text)
	off := 0
	for _, w := range words {
		d.Tokens = append(d.Tokens, document.Token{Start: off, End: off + len(w), Text: w, Kind: document.KindWord})
		off += len(w) + 1
	}
	if err := NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, tok := range d.Tokens {
		sw := snowballword.New(strings.ToLower(tok.Text))
		StemWord(sw)
		if tok.Stem != sw.String() {
			t.Errorf("stage stem of %q = %q, StemWord gives %q", tok.Text, tok.Stem, sw.String())
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// FuzzFast checks stemRunes against StemWord on any input (run longer with
// go test -fuzz FuzzFast ./stem).
func FuzzFast(f *testing.F) {
	for _, s := range []string{"", "a", "aue", "quelle", "straße", "bedürfnissen", "systemen", "merkel's", "'s", "ueberuyu", "paketet", "ééé", "geordnet", "wandeln", "wandlns", "erinnen", "ärztinnen", "heiterkeit", "lichkeit", "richtigkeit", "schönheitlich"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			checkFast(t, s)
		}
	})
}

// BenchmarkWordsFast stems the white-space words of 10kGNAD with stemRunes
// and with StemWord, both on reused buffers.
func BenchmarkWordsFast(b *testing.B) {
	data, err := os.ReadFile("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		b.Skip(err)
	}
	words := strings.Fields(strings.ToLower(string(data)))
	rws := make([][]rune, len(words))
	for i, w := range words {
		rws[i] = []rune(w)
	}
	b.Run("stemRunes", func(b *testing.B) {
		var rs, alt []rune
		for b.Loop() {
			for _, w := range rws {
				rs = append(rs[:0], w...)
				_, alt = stemRunes(rs, alt)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(rws)), "ns/word")
	})
	b.Run("StemWord", func(b *testing.B) {
		var sw snowballword.SnowballWord
		for b.Loop() {
			for _, w := range rws {
				sw.RS = append(sw.RS[:0], w...)
				StemWord(&sw)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(rws)), "ns/word")
	})
}
