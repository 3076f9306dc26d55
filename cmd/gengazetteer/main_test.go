package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
)

// TestReproducible regenerates the gazetteer files from ../shared/data and
// compares them byte for byte with the committed ones in models/ner.
func TestReproducible(t *testing.T) {
	data := "../../../shared/data"
	if _, err := os.Stat(filepath.Join(data, "gazetteers")); err != nil {
		t.Skipf("%s not found: ../shared is absent", data)
	}
	if testing.Short() {
		t.Skip("reads the 19 MB lexicon; skipped with -short")
	}
	out := t.TempDir()
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"places.tsv", "demonyms.tsv", "firstnames.txt", "surnames.txt", "function-words.txt", "adjectives.txt"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../models/ner", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("models/ner/%s differs from a fresh `go run ./cmd/gengazetteer`; rerun it and commit", f)
		}
	}
}
