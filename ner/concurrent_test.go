package ner_test

import (
	"context"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/ner"
	"github.com/ereignis/ereignis/tokenize"
)

// TestStageConcurrent runs one stage from several goroutines on the seed
// article: every run, whatever scratch state the pool hands it, must give
// the entities of the first run.
func TestStageConcurrent(t *testing.T) {
	data, err := os.ReadFile("../testdata/putin-trump-2025-05.txt")
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	newDoc := func() *document.Document {
		a := corpus.ParseText("seed", "seed", data)
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		d := a.Document()
		if err := tk.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	fresh, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	want := newDoc()
	if err := fresh.Process(ctx, want); err != nil {
		t.Fatal(err)
	}
	if len(want.Entities) == 0 {
		t.Fatal("no entities in the seed article")
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 5 {
				d := newDoc()
				if err := fresh.Process(ctx, d); err != nil {
					t.Error(err)
					return
				}
				if !reflect.DeepEqual(d.Entities, want.Entities) {
					t.Errorf("goroutine %d run %d: entities differ from the first run", g, k)
					return
				}
			}
		})
	}
	wg.Wait()
}
