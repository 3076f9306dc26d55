package events

import (
	"strings"
	"testing"
)

// word must give exactly strings.ToLower and the index entries, whatever
// the input: the output of the stage depends on it byte for byte.
func TestWordMatchesToLower(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "und", "Und", "UND", "Präsident", "ÄRGER", "Straße", "İstanbul", "ǅ", "a\xffb", "A\xff", "\ufffd", "Ende\u00a0", "ΣΟΦΙΑ",
		strings.Repeat("Ä", 40), strings.Repeat("x", 64), strings.Repeat("X", 65), strings.Repeat("ab", 31) + "Ü", "sagte", "Sagte", "Kremlsprecher", "Präsidenten", "BERLIN", "Berlin", "Bevorstehenden", "AN", "An"}
	for _, w := range words {
		got, el, et := m.word(w)
		want := strings.ToLower(w)
		if got != want {
			t.Errorf("word(%q) = %q, want %q", w, got, want)
		}
		if el != m.idx[want] || et != m.idx[w] {
			t.Errorf("word(%q): entries %p %p, want %p %p", w, el, et, m.idx[want], m.idx[w])
		}
	}
}

// Every form the model knows, also capitalised and in capitals.
func TestWordKnownForms(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for k := range m.idx {
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			got, el, et := m.word(w)
			want := strings.ToLower(w)
			if got != want || el != m.idx[want] || et != m.idx[w] {
				t.Fatalf("word(%q) = %q %p %p, want %q %p %p", w, got, el, et, want, m.idx[want], m.idx[w])
			}
		}
	}
}
