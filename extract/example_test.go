package extract_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

// Build the pipeline once (it loads the embedded models), then process
// articles from as many goroutines as you like.
func Example() {
	p, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	dct := document.DCT{Time: time.Date(2025, 5, 5, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay, Origin: "flag"}
	d, err := p.ExtractText(context.Background(), "a1",
		"Kremlsprecher Dmitri Peskow sagte am Montag, Wladimir Putin werde im Juni nach Katar reisen.", dct)
	if err != nil {
		panic(err)
	}
	for _, e := range d.Entities {
		fmt.Printf("%s %q → %s", e.Type, e.Span.Text, e.Canonical)
		if e.QID != "" {
			fmt.Print(" (", e.QID, ")")
		}
		fmt.Println()
	}
	for _, t := range d.Timexes {
		fmt.Printf("%s %q = %s\n", t.Type, t.Span.Text, t.Value)
	}
	for _, ev := range d.Events {
		if ev.Type == "Travel" {
			fmt.Printf("%s %q %s %s\n", ev.Type, ev.Trigger.Text, ev.Polarity, ev.Modality)
		}
	}
	// Output:
	// ORGpart "Kremlsprecher" → Kreml
	// PER "Dmitri Peskow" → Dmitri Peskow
	// PER "Wladimir Putin" → Wladimir Putin (Q7747)
	// LOC "Katar" → Katar (Q846)
	// DATE "Montag" = 2025-05-05
	// DATE "Juni" = 2025-06
	// Travel "reisen" positive planned
}

// Records are written with code point offsets, so that text[start:end]
// equals the mention in Python and for spaCy or brat.
func Example_codePointOffsets() {
	p, _ := extract.New(extract.Options{Upto: "tokenize"})
	d, _ := p.ExtractText(context.Background(), "a2", "Berater:innen über „Öl“.", document.DCT{})
	rec := document.ToRecord(d)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, t := range rec.Tokens {
		enc.Encode([]any{t.Start, t.End, t.Text})
	}
	// Output:
	// [0,13,"Berater:innen"]
	// [14,18,"über"]
	// [19,20,"„"]
	// [20,22,"Öl"]
	// [22,23,"“"]
	// [23,24,"."]
}
