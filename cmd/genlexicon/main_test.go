package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
)

// TestReproducible regenerates the lexicon files from ../shared/data and
// compares them byte for byte with the committed models/lexicon.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the 200 MB readings dump")
	}
	data := "../../../shared/data"
	if _, err := os.Stat(filepath.Join(data, "lexicon", "german-pos-dict", "verbs.tsv")); err != nil {
		t.Skipf("german-pos-dict not available (%v); it lives in ../shared/data/lexicon", err)
	}
	out := t.TempDir()
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	if len(files) < 6 {
		t.Fatalf("generator wrote %d files", len(files))
	}
	for _, f := range files {
		got, _ := os.ReadFile(f)
		want, err := os.ReadFile(filepath.Join("../../models/lexicon", filepath.Base(f)))
		if err != nil {
			t.Errorf("%s: not committed: %v", filepath.Base(f), err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: run go run ./cmd/genlexicon", filepath.Base(f))
		}
	}
}
