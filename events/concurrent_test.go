package events_test

import (
	"context"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/extract"
)

// TestConcurrentSameOutput runs one stage on many goroutines over real
// articles of different lengths (the pooled scratch memory changes hands
// between documents) and wants exactly the output of a sequential run.
// Run it with -race.
func TestConcurrentSameOutput(t *testing.T) {
	var texts []string
	if seed, err := os.ReadFile("../testdata/putin-trump-2025-05.txt"); err == nil {
		texts = append(texts, string(seed))
	}
	if f, err := os.Open(gnadFile); err == nil {
		_ = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
			if a.Err == nil {
				texts = append(texts, a.Text)
			}
			return len(texts) < 40
		})
		f.Close()
	}
	if len(texts) == 0 {
		t.Skip("no article text: ../shared and testdata are absent")
	}
	pre, err := extract.New(extract.Options{Upto: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	prep := func() []*document.Document {
		docs := make([]*document.Document, len(texts))
		for i, s := range texts {
			docs[i] = document.New("", "", s)
			if err := pre.Process(context.Background(), docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		return docs
	}
	out := func(d *document.Document) string {
		b, err := json.Marshal([]any{d.Events, d.Statements})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want := make([]string, len(texts))
	for i, d := range prep() {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		want[i] = out(d)
	}
	docs := prep()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range docs {
				i := (k*7 + g*11) % len(docs)
				c := *docs[i] // the earlier layers are shared read-only
				c.Events, c.Statements = nil, nil
				d := &c
				if err := st.Process(context.Background(), d); err != nil {
					t.Error(err)
					return
				}
				if got := out(d); got != want[i] {
					t.Errorf("goroutine %d, article %d: concurrent output differs from the sequential one", g, i)
				}
			}
		}(g)
	}
	wg.Wait()
}
