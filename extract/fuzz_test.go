package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

var (
	fuzzOnce sync.Once
	fuzzPipe *extract.Pipeline
	fuzzErr  error
)

// FuzzPipeline feeds arbitrary bytes through the input reader and the whole
// default pipeline and checks the invariants every record must keep: no
// panic, no stage error, spans satisfy text[start:end] == mention (byte
// offsets in the Document, code points in the Record), tokens and
// sentences in order and in range, valid JSON out.
func FuzzPipeline(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/bad/*.txt")
	for _, p := range append(files, more...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<16 {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"Am 5. Mai 2025 traf Putin in Moskau ein. „Wir reden“, sagte er.",
		"z. B. am 24.02.2022 um 20:30 Uhr; 1.000,50 € für Berater:innen (ca. 3 Mio.)!",
		"Dr. Müller-Lüdenscheidt (SPÖ) sagte, er werde am Montag nach Brüssel reisen…",
		"\u00a0\u2028»«„“‚‘…–—",
		"A.B.C.D.E. ... !!! ??? 1. 2. 3.",
		"e\u0301\u0308 \U0001F600 ﬁ ẞ",
		"\t\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzOnce.Do(func() { fuzzPipe, fuzzErr = extract.New(extract.Options{}) })
		if fuzzErr != nil {
			t.Fatal(fuzzErr)
		}
		a := corpus.ParseText("fuzz", "fuzz.txt", data)
		if a.Err != nil {
			return
		}
		d := a.Document()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		// A stage that loops forever would stall the fuzzer silently (it
		// reports 0 execs/s); a watchdog turns the hang into a crasher.
		errc := make(chan error, 1)
		go func() { errc <- fuzzPipe.Process(ctx, d) }()
		var err error
		select {
		case err = <-errc:
		case <-time.After(10 * time.Second):
			t.Fatalf("pipeline still running after 10s (a stage ignores its context or loops) on %q", d.Text)
		}
		if err != nil {
			var se *extract.StageError
			if errors.As(err, &se) && se.Panic {
				t.Fatalf("stage %s panicked on %q:\n%v", se.Stage, d.Text, se.Err)
			}
			t.Fatalf("pipeline failed on %q: %v", d.Text, err)
		}
		checkDocument(t, d)
		rec := document.ToRecord(d)
		if bad := rec.CheckSpans(); len(bad) > 0 {
			t.Fatalf("spans break text[start:end] == mention on %q: %s", d.Text, strings.Join(bad, ", "))
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rec); err != nil || !json.Valid(buf.Bytes()) {
			t.Fatalf("record is not valid JSON: %v", err)
		}
	})
}

// checkDocument checks byte offsets on the Go side.
func checkDocument(t *testing.T, d *document.Document) {
	t.Helper()
	n := len(d.Text)
	span := func(what string, s document.Span) {
		if s.Start < 0 || s.End < s.Start || s.End > n || d.Text[s.Start:s.End] != s.Text {
			t.Fatalf("%s [%d,%d) %q does not match the text %q", what, s.Start, s.End, s.Text, d.Text)
		}
	}
	prevEnd := 0
	for i, tok := range d.Tokens {
		span("token", document.Span{Start: tok.Start, End: tok.End, Text: tok.Text})
		if tok.Start < prevEnd || tok.End == tok.Start {
			t.Fatalf("token %d [%d,%d) %q overlaps the previous one or is empty", i, tok.Start, tok.End, tok.Text)
		}
		prevEnd = tok.End
		if tok.Sentence < 0 || (len(d.Sentences) > 0 && tok.Sentence >= len(d.Sentences)) {
			t.Fatalf("token %d in sentence %d of %d", i, tok.Sentence, len(d.Sentences))
		}
	}
	prevEnd, prevTok := 0, 0
	for i, s := range d.Sentences {
		if s.Start < prevEnd || s.End < s.Start || s.End > n {
			t.Fatalf("sentence %d [%d,%d) out of order or range (text %d bytes)", i, s.Start, s.End, n)
		}
		if s.TokStart != prevTok || s.TokEnd < s.TokStart || s.TokEnd > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) do not continue at %d", i, s.TokStart, s.TokEnd, prevTok)
		}
		prevEnd, prevTok = s.End, s.TokEnd
	}
	for _, e := range d.Entities {
		span("entity "+e.ID, e.Span)
	}
	for _, x := range d.Timexes {
		span("timex "+x.ID, x.Span)
	}
	for _, e := range d.Events {
		span("event "+e.ID+" trigger", e.Trigger)
		for _, a := range e.Arguments {
			span("event "+e.ID+" argument "+a.Role, a.Span)
		}
	}
	for _, s := range d.Statements {
		span("statement "+s.ID+" message", s.Message)
	}
}
