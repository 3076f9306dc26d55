package ner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
