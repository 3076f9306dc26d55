package corpus_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	_ "github.com/ereignis/ereignis/internal/golden"
)

func TestParseTextDatePrefix(t *testing.T) {
	a := corpus.ParseText("seed", "seed.txt", []byte(" date 2025-05 Der russische Präsident"))
	if a.Err != nil || a.Text != "Der russische Präsident" || a.DCT.Value() != "2025-05" || a.DCT.Origin != "metadata" {
		t.Fatalf("got %+v", a)
	}
	a = corpus.ParseText("x", "x.txt", []byte("date 2025-13-45\nText."))
	if a.Err != nil || a.Text != "Text." || a.DCT.Known() || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "malformed date") {
		t.Fatalf("malformed date: got %+v", a)
	}
	a = corpus.ParseText("x", "x.txt", []byte("date night in Berlin"))
	if a.Text != "date night in Berlin" || a.DCT.Known() {
		t.Fatalf("prose starting with 'date' must stay text: %+v", a)
	}
}

func TestParseJSONLine(t *testing.T) {
	cases := []struct {
		line             string
		id, text, date   string
		stage, errSubstr string
	}{
		{line: `{"id":"a1","date":"2025-05-05","title":"T","text":"Hallo Welt."}`, id: "a1", text: "Hallo Welt.", date: "2025-05-05"},
		{line: `{"id":17,"text":"Zahl als id."}`, id: "17", text: "Zahl als id."},
		{line: `{"text":"ohne id","date":"2025-05-05T10:00:00Z"}`, id: "f.jsonl:3", text: "ohne id", date: "2025-05-05"},
		{line: `{"id":"x","text":`, stage: "parse", errSubstr: "malformed JSON"},
		{line: `{"id":"x"}`, stage: "parse", errSubstr: `no "text"`},
		{line: `{"id":"x","text":42}`, stage: "parse", errSubstr: "must be a string, not a number"},
		{line: `{"id":{"a":1},"text":"t"}`, stage: "parse", errSubstr: "an object"},
		{line: `{"id":"x","text":"  \n "}`, stage: "decode", errSubstr: "empty"},
		{line: "{\"id\":\"x\",\"text\":\"M\xfcnchen\"}", stage: "decode", errSubstr: "invalid UTF-8"},
		{line: `[1,2,3]`, stage: "parse", errSubstr: "malformed JSON"},
		{line: `null`, stage: "parse", errSubstr: "want an object"},
		{line: `{"TEXT":"Groß geschrieben"}`, stage: "parse", errSubstr: `no "text" field`},
		{line: strings.Repeat("[", 20000) + strings.Repeat("]", 20000), stage: "parse", errSubstr: "malformed JSON"},
	}
	for _, c := range cases {
		a := corpus.ParseJSONLine("f.jsonl:3", []byte(c.line))
		if c.stage != "" {
			if a.Err == nil || a.ErrStage != c.stage || !strings.Contains(a.Err.Error(), c.errSubstr) {
				t.Errorf("%.60s: want %s error with %q, got stage %q err %v", c.line, c.stage, c.errSubstr, a.ErrStage, a.Err)
			}
			if a.Source != "f.jsonl:3" {
				t.Errorf("error article must name file:line, got %q", a.Source)
			}
			continue
		}
		if a.Err != nil || a.ID != c.id || a.Text != c.text || a.DCT.Value() != c.date {
			t.Errorf("%s: got id %q text %q date %q err %v", c.line, a.ID, a.Text, a.DCT.Value(), a.Err)
		}
	}
	bad := corpus.ParseJSONLine("f:1", []byte(`{"text":"t","date":"gestern"}`))
	if bad.Err != nil || bad.DCT.Known() || len(bad.Warnings) != 1 {
		t.Errorf("malformed JSON date must be a warning: %+v", bad)
	}
}

func TestSplitCSVLine(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		err  string
	}{
		{in: `Web;'Ein ''Zitat'' hier; mit Semikolon'`, want: []string{"Web", "Ein 'Zitat' hier; mit Semikolon"}},
		{in: `Kultur;'Rock ''n'' Roll'`, want: []string{"Kultur", "Rock 'n' Roll"}},
		{in: `Sport;ohne Quotes`, want: []string{"Sport", "ohne Quotes"}},
		{in: `Sport;''`, want: []string{"Sport", ""}},
		{in: `Sport;'offen`, err: "never closed"},
		{in: `Sport;'zu'viel`, err: "after the closing quote"},
	}
	for _, c := range cases {
		got, err := corpus.SplitCSVLine([]byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: want error %q, got %v %q", c.in, c.err, err, got)
			}
			continue
		}
		if err != nil || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q %v, want %q", c.in, got, err, c.want)
		}
	}
	a := corpus.ParseCSVLine("t.csv:1", []byte(`Web;'Text.'`))
	if a.Err != nil || a.Label != "Web" || a.Text != "Text." || a.ID != "t.csv:1" {
		t.Errorf("ParseCSVLine: %+v", a)
	}
	a = corpus.ParseCSVLine("t.csv:2", []byte(`Web;'a';'b'`))
	if a.Err == nil || a.ErrStage != "parse" {
		t.Errorf("three fields must fail: %+v", a)
	}
}

// TestReadCSV10kGNAD reads the real test split: 1,028 rows, all articles.
func TestReadCSV10kGNAD(t *testing.T) {
	f, err := os.Open("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		t.Skip("../shared/data/news-10kgnad absent:", err)
	}
	defer f.Close()
	n, labels := 0, map[string]int{}
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err != nil {
			t.Errorf("%s: %v", a.Source, a.Err)
		}
		if a.Seq != n {
			t.Errorf("seq %d at row %d", a.Seq, n)
		}
		labels[a.Label]++
		n++
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1028 || len(labels) != 9 {
		t.Fatalf("got %d articles with %d labels, want 1028 and 9", n, len(labels))
	}
}

func TestForceDate(t *testing.T) {
	flag, _ := corpus.ParseDateFlag("2024-01-02")
	fill := corpus.Options{Date: flag}
	a := fill.ParseText("x", "x", []byte("date 2025-05 Text"))
	if a.DCT.Origin != "metadata" {
		t.Errorf("--date must only fill: %+v", a.DCT)
	}
	a = fill.ParseText("x", "x", []byte("Text"))
	if a.DCT.Origin != "flag" || a.DCT.Value() != "2024-01-02" {
		t.Errorf("--date must fill: %+v", a.DCT)
	}
	force := corpus.Options{Date: flag, ForceDate: true}
	a = force.ParseText("x", "x", []byte("date 2025-05 Text"))
	if a.DCT.Origin != "flag" || a.DCT.Precision != document.PrecisionDay {
		t.Errorf("--force-date must override: %+v", a.DCT)
	}
}
