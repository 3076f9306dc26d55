package stem_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/stem"
)

// articles reads the texts of the 10kGNAD test split (rows `label;'text'`).
func articles(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		tb.Skipf("10kGNAD not available (%v); it lives in ../shared/data/news-10kgnad", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		_, text, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		out = append(out, strings.Trim(text, "'"))
	}
	return out
}

// simpleTokens splits text into letter runs (words), digit runs and single
// punctuation marks: enough to feed the stage without the tokenizer.
func simpleTokens(text string) []document.Token {
	var toks []document.Token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		kind := document.KindPunct
		switch {
		case unicode.IsLetter(r):
			kind = document.KindWord
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && r2 != '-' {
					break
				}
				j += s2
			}
		case unicode.IsDigit(r):
			kind = document.KindNumber
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsDigit(r2) {
					break
				}
				j += s2
			}
		}
		toks = append(toks, document.Token{Start: i, End: j, Text: text[i:j], Kind: kind})
		i = j
	}
	return toks
}

func TestStage(t *testing.T) {
	text := "Der US-Präsident traf Putin 2021 in Genf; die Straße war gesperrt, Dr. Müller's Treffen fand statt."
	d := document.New("t", "t", text)
	d.Tokens = simpleTokens(text)
	d.Tokens = append(d.Tokens, document.Token{Text: "Dr.", Kind: document.KindAbbreviation})
	s := stem.NewStage()
	for range 2 { // the second run reuses the pooled worker and its arena
		for i := range d.Tokens {
			d.Tokens[i].Stem = ""
		}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkStems(t, d)
	}
}

func checkStems(t *testing.T, d *document.Document) {
	t.Helper()
	want := map[string]string{"Der": "der", "US-Präsident": "us-prasident", "traf": "traf", "Straße": "strass", "gesperrt": "gesperrt", "Treffen": "treff", "fand": "fand"}
	for _, tok := range d.Tokens {
		if w, ok := want[tok.Text]; ok && tok.Stem != w {
			t.Errorf("stem of %q = %q, want %q", tok.Text, tok.Stem, w)
		}
		if tok.Kind != document.KindWord && tok.Stem != "" {
			t.Errorf("%s token %q got stem %q", tok.Kind, tok.Text, tok.Stem)
		}
		if tok.Kind == document.KindWord && tok.Stem != stem.Stem(strings.ToLower(tok.Text)) {
			t.Errorf("stage stem of %q = %q, Stem gives %q", tok.Text, tok.Stem, stem.Stem(strings.ToLower(tok.Text)))
		}
	}
}

func TestStageCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := document.New("t", "t", "Wort")
	d.Tokens = simpleTokens(d.Text)
	if err := stem.NewStage().Process(ctx, d); err == nil {
		t.Error("no error on a cancelled context")
	}
}

type corpus struct {
	docs  []*document.Document
	bytes int64
	words []string // lower-cased word tokens in text order
}

func loadCorpus(b *testing.B) corpus {
	var c corpus
	for _, a := range articles(b) {
		d := document.New("", "", a)
		d.Tokens = simpleTokens(a)
		c.docs = append(c.docs, d)
		c.bytes += int64(len(a))
		for _, t := range d.Tokens {
			if t.Kind == document.KindWord {
				c.words = append(c.words, strings.ToLower(t.Text))
			}
		}
	}
	return c
}

// BenchmarkStage runs a stem stage over the 1,028 articles of 10kGNAD on
// one goroutine. Every iteration builds a new stage, as a worker would over
// a fresh batch.
func BenchmarkStage(b *testing.B) {
	c := loadCorpus(b)
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, iters := benchdata.CPUTime(), 0
	for b.Loop() {
		iters++
		s := stem.NewStage()
		for _, d := range c.docs {
			if err := s.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(c.bytes)*float64(iters)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}

// The word benchmarks stem the same lower-cased word tokens with each
// implementation; bytes are the words' bytes, ns/op is per corpus.
func benchWords(b *testing.B, f func(string) string) {
	c := loadCorpus(b)
	var n int64
	for _, w := range c.words {
		n += int64(len(w))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, iters := benchdata.CPUTime(), 0
	for b.Loop() {
		iters++
		for _, w := range c.words {
			f(w)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(iters)/cpu.Seconds()/1e6, "cpuMB/s")
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(iters)/float64(len(c.words)), "cpu-ns/word")
	}
}

func BenchmarkWordsSnowballword(b *testing.B) { benchWords(b, stem.Stem) }
func BenchmarkWordsGenerated(b *testing.B)    { benchWords(b, stem.Generated) }

func BenchmarkWordsEnv(b *testing.B) { benchWords(b, stem.StemEnv) }

// TestImplementationsAgree stems every distinct word of the 10kGNAD
// articles with both implementations of the current algorithm.
func TestImplementationsAgree(t *testing.T) {
	seen := map[string]bool{}
	bad := 0
	for _, a := range articles(t) {
		for _, tok := range simpleTokens(a) {
			w := strings.ToLower(tok.Text)
			if tok.Kind != document.KindWord || seen[w] {
				continue
			}
			seen[w] = true
			if x, y := stem.Stem(w), stem.StemEnv(w); x != y {
				bad++
				if bad <= 10 {
					t.Errorf("%q: Stem %q, StemEnv %q", w, x, y)
				}
			}
		}
	}
	t.Logf("%d distinct words, %d disagreements", len(seen), bad)
}

// FuzzAgree checks that the two implementations agree on any input and
// never panic (run longer with go test -fuzz FuzzAgree ./stem).
func FuzzAgree(f *testing.F) {
	for _, s := range []string{"", "a", "aue", "quelle", "straße", "bedürfnissen", "systemen", "merkel's", "'s", "ueberuyu", "paketet", "\xff\xfe", "ééé", "geordnet"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if x, y := stem.Stem(s), stem.StemEnv(s); x != y {
			t.Errorf("%q: Stem %q, StemEnv %q", s, x, y)
		}
	})
}

// TestStageConcurrent runs one stage from several goroutines (go test
// -race finds shared state).
func TestStageConcurrent(t *testing.T) {
	s := stem.NewStage()
	text := "Die Präsidenten trafen sich zuletzt in Genf; die Gespräche über Sanktionen dauerten Stunden."
	done := make(chan string)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 100; n++ {
				d := document.New("t", "t", text)
				d.Tokens = simpleTokens(text)
				if err := s.Process(context.Background(), d); err != nil {
					done <- err.Error()
					return
				}
				for _, tok := range d.Tokens {
					if tok.Kind == document.KindWord && tok.Stem != stem.Stem(strings.ToLower(tok.Text)) {
						done <- tok.Text + ": " + tok.Stem
						return
					}
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
