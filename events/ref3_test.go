package events_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// cloneLayers returns a copy of d whose layer slices are its own (the
// stage writes the events and statements layers, and reads the others).
func cloneLayers(d *document.Document) *document.Document {
	c := *d
	c.Tokens = append([]document.Token(nil), d.Tokens...)
	c.Sentences = append([]document.Sentence(nil), d.Sentences...)
	c.Entities = append([]document.Entity(nil), d.Entities...)
	c.Timexes = append([]document.Timex(nil), d.Timexes...)
	c.Events, c.Statements = nil, nil
	return &c
}

// Process must give every 10kGNAD article the events and statements that
// ProcessRef gives it (both layers made in new slices, then copied): on a fresh document, and on a recycled one whose layer
// slices hold another article's layers, with room and without.
func TestProcessMatchesRef(t *testing.T) {
	arts, _ := benchdata.Articles(t)
	if testing.Short() {
		arts = arts[:100]
	}
	pre, err := extract.New(extract.Options{Upto: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var prevEv []document.Event
	var prevSt []document.Statement
	nev, nst := 0, 0
	for k, art := range arts {
		d := art.Document()
		if err := pre.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		type variant struct {
			name string
			ev   []document.Event
			st   []document.Statement
		}
		vs := []variant{
			{"fresh", nil, nil},
			{"recycled", append(make([]document.Event, 0, 64), prevEv...), append(make([]document.Statement, 0, 64), prevSt...)},
			{"small", make([]document.Event, 1, 1), make([]document.Statement, 0, 1)},
			{"empty", []document.Event{}, []document.Statement{}},
		}
		for _, v := range vs {
			want, got := cloneLayers(d), cloneLayers(d)
			// the same length and room as got's, in memory of its own
			if v.ev != nil {
				want.Events = append(make([]document.Event, 0, cap(v.ev)), v.ev...)
			}
			if v.st != nil {
				want.Statements = append(make([]document.Statement, 0, cap(v.st)), v.st...)
			}
			got.Events, got.Statements = v.ev, v.st
			if err := st.ProcessRef(ctx, want); err != nil {
				t.Fatal(err)
			}
			if err := st.Process(ctx, got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Events, want.Events) || (got.Events == nil) != (want.Events == nil) {
				t.Fatalf("article %d (%s): events\n%+v\nwant\n%+v", k, v.name, got.Events, want.Events)
			}
			if !reflect.DeepEqual(got.Statements, want.Statements) || (got.Statements == nil) != (want.Statements == nil) {
				t.Fatalf("article %d (%s): statements\n%+v\nwant\n%+v", k, v.name, got.Statements, want.Statements)
			}
			if v.name == "fresh" {
				nev += len(got.Events)
				nst += len(got.Statements)
				prevEv, prevSt = got.Events, got.Statements
			}
		}
	}
	if nev == 0 || nst == 0 {
		t.Fatalf("%d events, %d statements: nothing compared", nev, nst)
	}
	t.Logf("%d articles, %d events, %d statements", len(arts), nev, nst)
}

// arguments (in the scratch, then copied) must give every trigger of the
// 10kGNAD articles the arguments that grow from nil give it.
func TestArgumentsMatchRef(t *testing.T) {
	arts, _ := benchdata.Articles(t)
	if testing.Short() {
		arts = arts[:100]
	}
	pre, err := extract.New(extract.Options{Upto: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for k, art := range arts {
		d := art.Document()
		if err := pre.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		n, err := st.ArgumentsMatchRef(d)
		if err != nil {
			t.Fatalf("article %d: %v", k, err)
		}
		total += n
	}
	if total == 0 {
		t.Fatal("no trigger compared")
	}
	t.Logf("%d articles, %d calls", len(arts), total)
}

// The class tests by bits must answer as those by name for every token of
// the 10kGNAD articles.
func TestClassBitsGNAD(t *testing.T) {
	arts, _ := benchdata.Articles(t)
	if testing.Short() {
		arts = arts[:100]
	}
	pre, err := extract.New(extract.Options{Upto: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for k, art := range arts {
		d := art.Document()
		if err := pre.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		n, err := st.ClassBitsMatch(d)
		if err != nil {
			t.Fatalf("article %d: %v", k, err)
		}
		total += n
	}
	if total == 0 {
		t.Fatal("no token of any class")
	}
	t.Logf("%d articles, %d class answers", len(arts), total)
}
