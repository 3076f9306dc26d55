package events

import (
	"strings"
	"testing"
)

// lower must give exactly strings.ToLower, whatever the input: the output
// of the stage depends on it byte for byte.
func TestLowerMatchesToLower(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "und", "Und", "UND", "Präsident", "ÄRGER", "Straße", "İstanbul", "ǅ", "a\xffb", "A\xff", "\ufffd", "Ende\u00a0", "ΣΟΦΙΑ",
		strings.Repeat("Ä", 40), strings.Repeat("x", 64), strings.Repeat("X", 65), strings.Repeat("ab", 31) + "Ü", "sagte", "Sagte", "Kremlsprecher"}
	for _, w := range words {
		got, e := m.lower(w)
		want := strings.ToLower(w)
		if got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
		if e != m.idx[want] {
			t.Errorf("lower(%q): entry %p, want %p", w, e, m.idx[want])
		}
	}
}
