package events

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

func newDoc(text string) *document.Document { return document.New("t", "t", text) }

// testDoc is a tokenised text for the tests that hold a fast path to its
// reference: a text the test gives (named by its index) or an article of
// ../testdata (named by its path).
type testDoc struct {
	name string
	d    *document.Document
}

// tokenizedDocs loads the model and tokenises extra and the testdata
// articles; texts without tokens are left out. It skips the test when
// there is no text at all.
func tokenizedDocs(t *testing.T, extra ...string) (*Model, []testDoc) {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	var docs []testDoc
	add := func(name, text string) {
		d := newDoc(text)
		if err := tok.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Tokens) > 0 {
			docs = append(docs, testDoc{name, d})
		}
	}
	for i, text := range extra {
		add("text "+strconv.Itoa(i), text)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(f, string(b))
	}
	if len(docs) == 0 {
		t.Skip("no test texts")
	}
	return m, docs
}

// index returns the model's entries by their words, from the slabs (the
// tests' view of tab).
func (m *Model) index() map[string]*wordEntry {
	idx := map[string]*wordEntry{}
	for k := range m.slabs {
		for i := range m.slabs[k] {
			e := &m.slabs[k][i]
			idx[e.word] = e
		}
	}
	return idx
}
