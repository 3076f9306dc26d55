package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/golden"
)

// TestGolden runs the whole default pipeline over every testdata/*.txt
// article and compares the record with testdata/<name>.golden.json.
// `go test ./... -update` rewrites them; review the diff like code.
func TestGolden(t *testing.T) {
	p, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt articles")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := corpus.ParseText(name, "testdata/"+name, data)
			if a.Err != nil {
				t.Fatalf("%s: %v", f, a.Err)
			}
			d := a.Document()
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			rec := document.ToRecord(d)
			if bad := rec.CheckSpans(); len(bad) > 0 {
				t.Errorf("%s: spans break text[start:end] == mention: %s", f, strings.Join(bad, ", "))
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(f, ".txt")+".golden.json", golden.Pretty(bytes.TrimSpace(buf.Bytes())))
		})
	}
}

// TestGoldenSpans re-reads every golden file as JSON and checks the offset
// invariant in code points, independently of the Go structs that wrote it.
func TestGoldenSpans(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.golden.json")
	if len(files) == 0 {
		t.Skip("no golden files yet")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec document.Record
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if bad := rec.CheckSpans(); len(bad) > 0 {
			t.Errorf("%s: spans break text[start:end] == mention: %s", f, strings.Join(bad, ", "))
		}
	}
}
