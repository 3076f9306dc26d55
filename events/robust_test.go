package events_test

import (
	"context"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/extract"
)

// TestRealArticlesSpans runs the pipeline over 10kGNAD articles and over
// random cuts of them (broken sentences, unclosed quotes) and checks that
// every event and statement span is sound and the stage never fails.
func TestRealArticlesSpans(t *testing.T) {
	f, err := os.Open(gnadFile)
	if err != nil {
		t.Skipf("10kGNAD not available (%v): ../shared is absent", err)
	}
	defer f.Close()
	n := 150
	if testing.Short() {
		n = 20
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	var texts []string
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err == nil {
			texts = append(texts, a.Text)
		}
		return len(texts) < n
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(name, text string) {
		d, err := p.ExtractText(context.Background(), name, text, document.DCT{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rec := document.ToRecord(d)
		if bad := rec.CheckSpans(); len(bad) > 0 {
			t.Errorf("%s: bad spans %s", name, strings.Join(bad, ", "))
		}
		ids := map[string]bool{}
		for _, e := range d.Events {
			if ids[e.ID] || e.Polarity == "" || e.Modality == "" {
				t.Errorf("%s: event %s duplicate or without polarity/modality", name, e.ID)
			}
			ids[e.ID] = true
		}
		for _, s := range d.Statements {
			if s.Message.End <= s.Message.Start {
				t.Errorf("%s: statement %s with an empty message", name, s.ID)
			}
		}
	}
	for i, text := range texts {
		check("gnad", text)
		// a random cut, kept on a rune boundary
		cut := rng.Intn(len(text) + 1)
		for cut > 0 && !utf8.RuneStart(text[cut%len(text)]) {
			cut--
		}
		check("gnad-cut", text[:cut])
		if i%10 == 0 {
			check("gnad-quotes", strings.ReplaceAll(text, ".", " „"))
		}
	}
}

// TestEmptyAndTokenless: documents without tokens or sentences pass through.
func TestEmptyAndTokenless(t *testing.T) {
	st, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*document.Document{document.New("a", "a", ""), document.New("b", "b", "Text ohne Tokens.")} {
		if err := st.Process(context.Background(), d); err != nil || len(d.Events) != 0 {
			t.Errorf("%s: err %v, %d events", d.ID, err, len(d.Events))
		}
	}
}
