package events

import (
	"hash/maphash"
	"strings"
	"testing"
	"unicode"
)

// word must give exactly strings.ToLower and the index entries, whatever
// the input: the output of the stage depends on it byte for byte.
func TestWordMatchesToLower(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	idx := m.index()
	words := []string{"", "und", "Und", "UND", "Präsident", "ÄRGER", "Straße", "İstanbul", "ǅ", "a\xffb", "A\xff", "\ufffd", "Ende\u00a0", "ΣΟΦΙΑ",
		strings.Repeat("Ä", 40), strings.Repeat("x", 64), strings.Repeat("X", 65), strings.Repeat("ab", 31) + "Ü", "sagte", "Sagte", "Kremlsprecher", "Präsidenten", "BERLIN", "Berlin", "Bevorstehenden", "AN", "An"}
	for _, w := range words {
		got, el, et := m.word(w)
		want := strings.ToLower(w)
		if got != want {
			t.Errorf("word(%q) = %q, want %q", w, got, want)
		}
		if el != idx[want] || et != idx[w] {
			t.Errorf("word(%q): entries %p %p, want %p %p", w, el, et, idx[want], idx[w])
		}
	}
}

// Every form the model knows, also capitalised and in capitals.
func TestWordKnownForms(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	idx := m.index()
	for k := range idx {
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			got, el, et := m.word(w)
			want := strings.ToLower(w)
			if got != want || el != idx[want] || et != idx[w] {
				t.Fatalf("word(%q) = %q %p %p, want %q %p %p", w, got, el, et, want, idx[want], idx[w])
			}
		}
	}
}

// The document memo finds the same entries as word, whether it looks the
// lower-case form up at once or on demand.
func TestFormMatchesWord(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	idx := m.index()
	words := []string{"", "und", "Und", "UND", "Präsident", "İstanbul", "a\xffb", "\ufffd", "\ufffdA", "eBay", "Die", "DIE", strings.Repeat("X", 65)}
	for k := range idx {
		words = append(words, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:])
	}
	a := &analysis{m: m}
	for _, w := range words {
		f := &wform{text: w, h: maphash.String(keySeed, w)}
		f.setWord(m, new(forms))
		low, el, et := m.word(w)
		if !f.elDone && el != nil && len(el.cls) > 0 {
			t.Fatalf("form %q: closed classes left out", w)
		}
		if f.low != low || f.et != et || a.formEl(f) != el {
			t.Fatalf("form %q: %q %p %p, word: %q %p %p", w, f.low, f.et, f.el, low, et, el)
		}
	}
}

func TestLowerRune(t *testing.T) {
	for r := rune(0); r < 0x300; r++ {
		if lowerRune(r) != unicode.ToLower(r) {
			t.Errorf("lowerRune(%U) = %U, want %U", r, lowerRune(r), unicode.ToLower(r))
		}
	}
}

func TestLowerHasSuffix(t *testing.T) {
	words := []string{"", "Streik", "Warnstreik", "WARNSTREIK", "streik", "İstanbul", "ISTANBUL", "a\xffb", "\xff", "ÄRGER", "Ärger", "Gipfeltreffen", "Treffen", strings.Repeat("Ä", 20), strings.Repeat("ä", 20)}
	for _, s := range words {
		for _, x := range words {
			if got, want := lowerHasSuffix(s, x), strings.HasSuffix(strings.ToLower(s), strings.ToLower(x)); got != want {
				t.Errorf("lowerHasSuffix(%q, %q) = %v, want %v", s, x, got, want)
			}
		}
	}
}
