package corpus_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ereignis/ereignis/corpus"
)

// addBadSeeds adds every file of testdata/bad (and the seed article) to a
// fuzz corpus, so the fuzzers start from the documented bad inputs.
func addBadSeeds(f *testing.F) {
	files, _ := filepath.Glob("../testdata/bad/*")
	files = append(files, "../testdata/putin-trump-2025-05.txt")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<16 {
			f.Add(data)
		}
	}
}

// checkArticle holds for every Article any reader returns.
func checkArticle(t *testing.T, a corpus.Article, source string) {
	t.Helper()
	if a.Source != source {
		t.Fatalf("source %q, want %q", a.Source, source)
	}
	if a.Err != nil {
		if a.ErrStage == "" || a.Text != "" {
			t.Fatalf("error article with stage %q and text %q", a.ErrStage, a.Text)
		}
		if rec := a.ErrorRecord(); !strings.HasPrefix(rec.Error.Message, source) {
			t.Fatalf("error record does not name its source: %q", rec.Error.Message)
		}
		if _, err := json.Marshal(a.ErrorRecord()); err != nil {
			t.Fatal(err)
		}
		return
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Fatalf("article without error has no text: %+v", a)
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.ID) || !utf8.ValidString(a.Title) {
		t.Fatalf("article text is not valid UTF-8: %q", a.Text)
	}
	if a.DCT.Known() && a.DCT.Value() == "" {
		t.Fatalf("known DCT without value: %+v", a.DCT)
	}
}

func FuzzParseText(f *testing.F) {
	addBadSeeds(f)
	f.Add([]byte(" date 2025-05 Der russische Präsident"))
	f.Add([]byte("date\t2025-05-05\r\n\r\nText"))
	f.Add([]byte("date 2025\n"))
	f.Add([]byte("\xff\xfe\x00\xd8A\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := corpus.ParseText("id", "f.txt", data)
		checkArticle(t, a, "f.txt")
		if a.Err == nil && utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			// Without re-encoding, Text is a suffix of the input: offsets
			// into Text are offsets into the file after the metadata prefix.
			if !strings.HasSuffix(string(data), a.Text) {
				t.Fatalf("text %q is not a suffix of the input %q", a.Text, data)
			}
		}
		l := corpus.Options{Latin1: true}.ParseText("id", "f.txt", data)
		checkArticle(t, l, "f.txt")
		if a.Err == nil && l.Text != a.Text {
			t.Fatalf("--latin1 changed a UTF-8 article: %q vs %q", l.Text, a.Text)
		}
	})
}

func FuzzParseJSONLine(f *testing.F) {
	addBadSeeds(f)
	for _, l := range bytes.Split(mustRead("../testdata/bad/malformed.jsonl"), []byte("\n")) {
		f.Add(l)
	}
	f.Add([]byte(`{"id":"a","date":"2025-05","title":"T","label":"L","text":"Hallo"}`))
	f.Add([]byte(`{"id":1e400,"text":"x"}`))
	f.Add([]byte(`{"text":"\ud800 lone surrogate"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		a := corpus.ParseJSONLine("f.jsonl:1", line)
		checkArticle(t, a, "f.jsonl:1")
		if a.Err != nil {
			return
		}
		// An independent decode agrees on the text.
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("accepted a line encoding/json rejects: %v", err)
		}
		if m["text"] != a.Text {
			t.Fatalf("text %q, encoding/json says %q", a.Text, m["text"])
		}
		// The stream reader gives the same article for the line.
		if bytes.ContainsAny(line, "\n\r") {
			return
		}
		var got []corpus.Article
		err := corpus.Options{}.ReadJSONLines(context.Background(), bytes.NewReader(line), "f.jsonl", func(b corpus.Article) bool {
			got = append(got, b)
			return true
		})
		if err != nil || len(got) != 1 || got[0].Text != a.Text || got[0].ID != a.ID {
			t.Fatalf("stream reader: %v %+v", err, got)
		}
	})
}

// FuzzCSV checks the 10kGNAD line parser: no panic, fields survive a
// quote/split round trip, and the stream reader yields one article per
// non-blank line.
func FuzzCSV(f *testing.F) {
	for _, l := range bytes.Split(mustRead("../testdata/bad/broken.csv"), []byte("\n")) {
		f.Add(l)
	}
	f.Add([]byte(`Web;'Hebb''schem Prinzip; ''n'' Roll'`))
	f.Add([]byte(`;;;`))
	f.Add([]byte(`'`))
	f.Add([]byte("a;'b'\n\nc;'d\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, line := range bytes.Split(data, []byte("\n")) {
			fields, err := corpus.SplitCSVLine(line)
			if err == nil {
				quoted := make([]string, len(fields))
				for i, fl := range fields {
					quoted[i] = "'" + strings.ReplaceAll(fl, "'", "''") + "'"
				}
				again, err := corpus.SplitCSVLine([]byte(strings.Join(quoted, ";")))
				if err != nil || strings.Join(again, "\x00") != strings.Join(fields, "\x00") {
					t.Fatalf("round trip of %q: %q, %v", fields, again, err)
				}
			}
			checkArticle(t, corpus.ParseCSVLine("f.csv:1", line), "f.csv:1")
		}
		want := 0
		for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
			if len(bytes.TrimSpace([]byte(l))) > 0 {
				want++
			}
		}
		n := 0
		err := corpus.Options{MaxSize: 64}.ReadCSV(context.Background(), bytes.NewReader(data), "f.csv", func(a corpus.Article) bool {
			if a.Seq != n {
				t.Fatalf("seq %d for article %d", a.Seq, n)
			}
			n++
			return true
		})
		if err != nil || n != want {
			t.Fatalf("%d articles for %d non-blank lines (err %v)", n, want, err)
		}
	})
}

func mustRead(p string) []byte {
	b, _ := os.ReadFile(p)
	return b
}
