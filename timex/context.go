package timex

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// A notbefore pattern asks whether the text before a match ends with
// something; as written (X$) the regexp engine tries every start in the
// window, forty unanchored attempts for one answer. The same question
// asked of the reversed window with the reversed pattern (^X') is one
// anchored attempt that fails on the first rune in the common case.

// reverseRegexp returns a regexp matching the reversal of every string re
// matches: concatenations and literals reversed, text and line anchors
// swapped; word boundaries look at both sides and stay.
func reverseRegexp(re *syntax.Regexp) *syntax.Regexp {
	out := *re
	out.Sub = nil
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			out.Sub[i] = reverseRegexp(s)
		}
		if re.Op == syntax.OpConcat {
			slices.Reverse(out.Sub)
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		out.Rune = slices.Clone(re.Rune)
		slices.Reverse(out.Rune)
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	case syntax.OpBeginLine:
		out.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		out.Op = syntax.OpBeginLine
	}
	return &out
}

// reverseRunes appends the runes of s in reverse order, decoded as the
// regexp engine decodes them (an invalid byte is one U+FFFD).
func reverseRunes(dst []byte, s string) []byte {
	n := len(dst)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		dst = utf8.AppendRune(dst, r)
		i += size
	}
	// Reverse the encoded runes: reverse all bytes, then each rune's bytes.
	b := dst[n:]
	slices.Reverse(b)
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		j := i + 1
		for j < len(b) && !utf8.RuneStart(b[j-1]) {
			j++
		}
		slices.Reverse(b[i:j])
		i = j
	}
	return dst
}
