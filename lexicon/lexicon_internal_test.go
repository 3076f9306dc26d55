package lexicon

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerIfNeeded returns s in lower case when it has an upper-case letter,
// else s itself: the reference for appendLowerIfNeeded.
func lowerIfNeeded(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) {
					return strings.ToLower(s)
				}
			}
			return s
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// titleIfCaps turns an all-caps word of three or more letters into title
// case (PRÄSIDENT → Präsident); anything else is returned unchanged. It is
// the reference for appendTitleIfCaps.
func titleIfCaps(s string) string {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return s
		}
		n++
	}
	if n < 3 {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(r) + strings.ToLower(s[size:])
}

var caseForms = []string{
	"", "A", "AB", "ABC", "PRÄSIDENT", "Präsident", "präsident", "ÄÖÜ", "ÄÖü",
	"USA", "US-PRÄSIDENT", "ǅEMAL", "ǄEMAL", "ΣΟΦΙΑ", "İSTANBUL", "ẞSS", "Die",
	"die", "Über", "ÜBER", "ǅ", "aǅb", "\xffABC", "AB\xff", "WHO2",
}

func TestAppendTitleIfCaps(t *testing.T) {
	for _, s := range caseForms {
		want := titleIfCaps(s)
		b, changed := appendTitleIfCaps(nil, s)
		if changed != (want != s) || changed && string(b) != want {
			t.Errorf("%q: got %q %v, want %q", s, b, changed, want)
		}
	}
}

func TestAppendLowerIfNeeded(t *testing.T) {
	for _, s := range caseForms {
		var buf [4]byte
		if got, want := appendLowerIfNeeded(buf[:0], s), lowerIfNeeded(s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// TestCompoundHeadLemma checks the compound lemmas that are prefixes of
// the form against the concatenation they replace.
func TestCompoundHeadLemma(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"Wirtschaftsministers", "Gipfeltreffen", "US-Präsidenten", "Bürgerhäuser", "Außenministerin", "Bergmann"} {
		lemma, head, ok := l.CompoundHead(f)
		if !ok {
			t.Errorf("%s: no head", f)
			continue
		}
		hr, hs := utf8.DecodeRuneInString(head)
		i := strings.LastIndex(strings.ToLower(f), strings.ToLower(head[:hs])+head[hs:])
		if strings.Contains(f, "-") || i < 0 {
			continue
		}
		if want := f[:i] + string(unicode.ToLower(hr)) + head[hs:]; lemma != want {
			t.Errorf("%s: lemma %q, want %q", f, lemma, want)
		}
	}
}
