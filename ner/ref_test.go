package ner

import (
	"strings"
	"testing"

	"github.com/ereignis/ereignis/internal/benchdata"
)

// containsSchRef is what sch and demonym called before hasSch: the
// reference of TestHasSchMatchesRef and FuzzHasSch.
func containsSchRef(w string) bool { return strings.Contains(w, "sch") }

// schEdgeCases are words around the three bytes: too short, split,
// at either end, in other cases, inside multi-byte runes.
var schEdgeCases = []string{"", "s", "sc", "ch", "sch", "Sch", "SCH", "sCh", "scH", "ssch", "schh", "xsc", "xch",
	"s\xffch", "sc\x00h", "Russisch", "russische", "Schweizer", "Sachsen", "Tschechien", "tsch", "äsch", "schä",
	"Deutsch-Französisch", "deutsch-israelische", "s\u00adch", "sc\u00adh", "scsch", "shc", "csh"}

// TestHasSchMatchesRef compares hasSch with strings.Contains on every word
// the recogniser sees in the 10kGNAD articles (tokens and hyphen-joined
// words), their lower-case forms, and edge cases.
func TestHasSchMatchesRef(t *testing.T) {
	check := func(w string) {
		if got, want := hasSch(w), containsSchRef(w); got != want {
			t.Fatalf("hasSch(%q) = %v, want %v", w, got, want)
		}
	}
	for _, w := range schEdgeCases {
		check(w)
		check(strings.ToLower(w))
	}
	docs, _ := benchdata.Tokenized(t)
	n, hits := 0, 0
	var words []string
	var first []int
	for _, d := range docs {
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			for _, w := range words {
				check(w)
				check(strings.ToLower(w))
				n++
				if containsSchRef(w) {
					hits++
				}
			}
		}
	}
	if n == 0 || hits == 0 {
		t.Fatalf("%d words, %d with sch: the test compared nothing", n, hits)
	}
}

func FuzzHasSch(f *testing.F) {
	for _, w := range schEdgeCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasSch(w), containsSchRef(w); got != want {
			t.Fatalf("hasSch(%q) = %v, want %v", w, got, want)
		}
	})
}
