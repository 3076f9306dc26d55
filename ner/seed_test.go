package ner_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/ner"
	"github.com/ereignis/ereignis/tokenize"
)

// TestSeedArticle checks the linking bar on the seed article: the
// named people and places are found with the right type and Wikidata ID,
// and later mentions link to the first one.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../testdata/putin-trump-2025-05.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := corpus.ParseText("seed", "seed", data)
	if a.Err != nil {
		t.Fatal(a.Err)
	}
	d := a.Document()
	tk, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	st, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := tk.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ canonical, typ, qid string }{
		{"Wladimir Putin", "PER", "Q7747"},
		{"Donald Trump", "PER", "Q22686"},
		{"Joe Biden", "PER", "Q6279"},
		{"Dmitri Peskow", "PER", ""},
		{"Russland", "LOC", "Q159"},
		{"Vereinigte Staaten", "LOC", "Q30"},
		{"Ukraine", "LOC", "Q212"},
		{"Saudi-Arabien", "LOC", "Q851"},
		{"Katar", "LOC", "Q846"},
		{"Vereinigte Arabische Emirate", "LOC", "Q878"},
		{"Moskau", "LOC", "Q649"},
		{"Washington, D.C.", "LOC", "Q61"},
		{"Naher Osten", "LOC", "Q7204"},
		{"Axios", "ORG", ""},
		{"US-Außenministerium", "ORG", "Q789915"},
	}
	for _, w := range want {
		found := false
		for _, e := range d.Entities {
			if e.Canonical == w.canonical && e.Type == w.typ && e.QID == w.qid {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %s %q (%s) in the seed article", w.typ, w.canonical, w.qid)
		}
	}
	// Every mention of Putin after the first links to the first one.
	first := ""
	for _, e := range d.Entities {
		if e.Canonical != "Wladimir Putin" {
			continue
		}
		if first == "" {
			first = e.ID
			continue
		}
		if e.LinkedTo != first {
			t.Errorf("%s %q links to %q, want %s", e.ID, e.Span.Text, e.LinkedTo, first)
		}
	}
	for _, e := range d.Entities {
		if d.Text[e.Span.Start:e.Span.End] != e.Span.Text {
			t.Errorf("%s: span %d:%d is not %q", e.ID, e.Span.Start, e.Span.End, e.Span.Text)
		}
		if e.Type == "LOCderiv" && e.Span.Text == "russische" && e.QID != "Q159" {
			t.Errorf("russische links to %q, want Russland Q159", e.QID)
		}
	}
}

// TestRoleLink: a role compound after a definite article links to the
// person the article introduced with that role; an indefinite one does not.
func TestRoleLink(t *testing.T) {
	text := "Kremlsprecher Dmitri Peskow hält das für nötig. Der Kremlsprecher betonte, es gebe keine Pläne. " +
		"Später traf er keinen Kremlsprecher mehr."
	d := document.New("x", "x", text)
	tk, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	st, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	var roles []string
	for _, e := range d.Entities {
		if _, ok := ids[e.Span.Text]; !ok {
			ids[e.Span.Text] = e.ID
		}
		if e.Span.Text == "Kremlsprecher" || e.Span.Text == "US-Präsidenten" {
			roles = append(roles, e.ID+"→"+e.LinkedTo)
		}
	}
	var kreml []string
	for _, e := range d.Entities {
		if e.Span.Text == "Kremlsprecher" {
			kreml = append(kreml, e.LinkedTo)
		}
	}
	// The first is the apposition itself, the second "Der Kremlsprecher"
	// names Peskow, the third "keinen Kremlsprecher" names nobody.
	if len(kreml) != 3 || kreml[1] != ids["Dmitri Peskow"] || kreml[2] != "" {
		t.Errorf("Kremlsprecher links %v, want [_ %s \"\"] (%v)", kreml, ids["Dmitri Peskow"], roles)
	}
}

// TestOddInput runs the stage over inputs that break naive code: empty and
// blank tokens, lone hyphens and quotes, soft hyphens, very long words.
func TestOddInput(t *testing.T) {
	st, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	for _, words := range [][]string{
		{},
		{""},
		{"", "", ""},
		{"-", "-", "-"},
		{"\"", "\"", "„", "“"},
		{"Ber\u00adlin", "und", "Mos\u00adkau"},
		{strings.Repeat("Ä", 500), "GmbH"},
		{"A", "-", "B", "-"},
		{"in", "", "nach"},
		{"Herr", "\u00ad"},
		{"e.V.", "AG", "€"},
	} {
		for _, m := range r.Sentence(words) {
			if m.Start < 0 || m.End > len(words) || m.Start >= m.End {
				t.Errorf("%q: mention %+v out of range", words, m)
			}
		}
	}
	// The stage itself on a document whose tokens include empty ones.
	d := document.New("x", "x", "Berlin  - Moskau")
	d.Tokens = []document.Token{{Start: 0, End: 6, Text: "Berlin"}, {Start: 6, End: 6, Text: ""}, {Start: 8, End: 9, Text: "-"}, {Start: 10, End: 16, Text: "Moskau"}}
	d.Sentences = []document.Sentence{{Start: 0, End: 16, TokStart: 0, TokEnd: 4}}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if d.Text[e.Span.Start:e.Span.End] != e.Span.Text {
			t.Errorf("%s: span %d:%d is not %q", e.ID, e.Span.Start, e.Span.End, e.Span.Text)
		}
	}
}

// FuzzSentence feeds arbitrary words to the recogniser: no panic, and every
// mention stays inside the sentence. `go test -fuzz FuzzSentence ./ner`.
func FuzzSentence(f *testing.F) {
	f.Add("Der russische Präsident Wladimir Putin traf in Saudi-Arabien Donald Trump .")
	f.Add("„ Das Parfum “ von Frau Dr. Kowalczyk , Berliner GmbH & Co. KG , 1. FC Nürnberg")
	f.Add("in Ber\u00adlin - - \" Köln-Porz US- -Präsident")
	st, err := ner.DefaultStage()
	if err != nil {
		f.Fatal(err)
	}
	r := st.Recognizer()
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		for _, m := range r.Sentence(words) {
			if m.Start < 0 || m.End > len(words) || m.Start >= m.End {
				t.Fatalf("%q: mention %+v out of range", words, m)
			}
		}
	})
}
