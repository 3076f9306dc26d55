package stem

import (
	"math/bits"
	"slices"
	"unicode/utf8"
)

// The Latin-1 path: stemRunes for words whose letters all lie below U+0100
// (nearly every German word), one byte a letter. ä, ö, ü and ß are single
// bytes there with the same values as the runes (0xE4, 0xF6, 0xFC, 0xDF),
// and every letter the algorithm tests lies below 256, so the steps are the
// rune steps letter for letter, without the []rune conversion, and written
// as plain byte compares of the word's tail with constant suffixes.

// appendLatin1Marked is a table-driven automaton. Its state is what the
// prelude needs of the two letters before: the kind of the letter before
// (after its marking) and whether the one before that is a vowel. An entry
// of latin1Trans, for a state and a Latin-1 letter (either case), holds the
// letter lower-cased (bits 16-23), the next state (pre-shifted, bits 8-11)
// and what the letter decides: the letter before is a u or y between
// vowels (tMark); the word needs fastRewrite (tNeed: ß, or e after an
// unmarked a, o, u); the letter before is a non-vowel after a vowel
// (tTrans, see trans); the letter is upper-case ASCII (fUpper).
const (
	tTrans = 1 << 0
	tNeed  = 1 << 1
	tMark  = 1 << 2
)

// The flags of appendLatin1Marked.
const (
	fNeed     = tNeed
	fMark     = tMark
	fUpper    = 1 << 5
	fNonASCII = 1 << 6
)

// Letter kinds for latin1Trans.
const (
	kindOther = iota // a non-vowel (or before the start, or marked)
	kindAO           // a or o
	kindU            // u
	kindY            // y
	kindVowel        // another vowel
)

func latin1Kind(c int) int {
	switch c {
	case 'a', 'o':
		return kindAO
	case 'u':
		return kindU
	case 'y':
		return kindY
	}
	if vowels[c] {
		return kindVowel
	}
	return kindOther
}

// latin1Lower is unicode.ToLower below U+0100 (TestLatin1Lower).
func latin1Lower(c int) int {
	if 'A' <= c && c <= 'Z' || 0xC0 <= c && c <= 0xDE && c != 0xD7 {
		return c + 'a' - 'A'
	}
	return c
}

var latin1Trans = func() (t [16 << 8]uint32) {
	for k1 := kindOther; k1 <= kindVowel; k1++ {
		for v2 := 0; v2 < 2; v2++ {
			st := k1<<1 | v2
			for c := 0; c < 256; c++ {
				lc := latin1Lower(c)
				kc := latin1Kind(lc)
				var x int
				if 'A' <= c && c <= 'Z' {
					x |= fUpper
				}
				if (k1 == kindU || k1 == kindY) && v2 == 1 && kc != kindOther {
					x |= tMark
				}
				p1 := k1
				if x&tMark != 0 {
					p1 = kindOther
				}
				if lc == 0xDF || (lc == 'e' && (p1 == kindAO || p1 == kindU)) {
					x |= tNeed
				}
				v1 := 0
				if p1 != kindOther {
					v1 = 1
				}
				if v2 == 1 && v1 == 0 {
					x |= tTrans
				}
				x |= (kc<<1|v1)<<8 | lc<<16
				t[st<<8|c] = uint32(x)
			}
		}
	}
	return t
}()

// appendLatin1Marked is appendLowerMarked for words whose letters all lie
// below U+0100, stored one byte each; ok is false, and bs unchanged, for
// any other word (and for invalid UTF-8), which then goes the rune way.
// Lower-casing is unicode.ToLower's: A-Z and U+00C0-U+00DE but U+00D7 move
// up by 0x20, the rest stays. flags tells what the word has: fNeed (it
// needs fastRewrite), fMark (a marked U or Y), fUpper (an upper-case ASCII
// letter), fNonASCII (a letter of two bytes in the text).
//
// trans has a bit for each letter j of the word, bit len-1-j (for words of
// up to 64 letters), set where the letter is a non-vowel after a vowel,
// the places where R1 and R2 start (after them): maskRegions gets the
// regions from it without a second pass over the word. It is for the word
// as marked here, so not for one that needs the rewrite.
//
// One load from latin1Trans a letter, no branch on the letters but for
// non-ASCII ones and the rare marking.
func appendLatin1Marked(bs []byte, text string) (out []byte, trans uint64, flags uint32, ok bool) {
	base := len(bs)
	bs = slices.Grow(bs, len(text))[:base+len(text)]
	w := bs[base:]
	var st, acc uint32 // the state, shifted; the flags seen
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			if c != 0xC3 || i+1 >= len(text) {
				return bs[:base], 0, 0, false
			}
			d := text[i+1]
			if d < 0x80 || d > 0xBF {
				return bs[:base], 0, 0, false
			}
			i++
			c = d + 0x40 // U+00C0-U+00FF
			acc |= fNonASCII
		}
		x := latin1Trans[(st|uint32(c))&(16<<8-1)]
		if x&tMark != 0 {
			w[n-1] -= 'a' - 'A' // U, Y: consonants
		}
		w[n] = byte(x >> 16)
		n++
		acc |= x
		trans = trans<<1 | uint64(x&tTrans)
		st = x & 0xF00
	}
	// The last letter is final: a non-vowel after a vowel? (0 is no vowel.)
	trans = trans<<1 | uint64(latin1Trans[st&(16<<8-1)]&tTrans)
	return bs[:base+n], trans, acc & (fNeed | fMark | fUpper | fNonASCII), true
}

// stemLatin1 is stemMarked on a word from appendLatin1Marked.
func stemLatin1(b, alt []byte, trans uint64, need bool) (stem, scratch []byte) {
	if need {
		alt = rewriteLatin1(b, alt[:0])
		b = alt
	}
	n := len(b)
	if n < 3 {
		return b, alt // no R1, and too short for step 4
	}
	// The regions (fastRegions).
	r1, r2 := n, n
	if !need && n <= 64 {
		r1, r2 = maskRegions(n, trans)
	} else {
		i := 0
		for i < n && !vowels[b[i]] {
			i++
		}
		for i < n && vowels[b[i]] {
			i++
		}
		if i < n {
			i++
			r1 = max(i, 3)
			for i < n && !vowels[b[i]] {
				i++
			}
			for i < n && vowels[b[i]] {
				i++
			}
			if i < n {
				r2 = i + 1
			}
		}
	}
	// Steps 1-3 remove suffixes that must lie in R1 (step 3: in R2, which
	// starts no earlier), so they cannot fire on a word that ends before R1.
	if r1 < n {
		b = step1Latin1(b, r1)
		if r1 < len(b) {
			b = step2Latin1(b, r1)
			b = step3Latin1(b, r1, r2)
		}
	}
	return step4Latin1(b), alt
}

// postludeByte is postlude1 on a Latin-1 letter.
func postludeByte(c byte) byte {
	switch c {
	case 'Y':
		return 'y'
	case 'U', 0xFC: // ü
		return 'u'
	case 0xE4: // ä
		return 'a'
	case 0xF6: // ö
		return 'o'
	}
	return c
}

// maskRegions is fastRegions for a word of n letters (3 <= n <= 64) from
// appendLatin1Marked's trans: R1 starts after the first non-vowel after a
// vowel (but not before letter 3), R2 after the next one that follows a
// vowel in R1. Letter j is bit n-1-j.
func maskRegions(n int, trans uint64) (r1, r2 int) {
	r1, r2 = n, n
	if trans != 0 {
		hb := 63 - bits.LeadingZeros64(trans) // letter n-1-hb
		r1 = max(n-hb, 3)
		// The next one at letter n-1-hb+2 or later: bit hb-2 or lower.
		if m := trans & ((1<<hb - 1) >> 1); m != 0 {
			r2 = n - 63 + bits.LeadingZeros64(m)
		}
	}
	return r1, r2
}

// suf reports whether b ends with s (a constant after inlining).
func suf(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// byteBefore is the byte before the last k bytes of b, or 0.
func byteBefore(b []byte, k int) byte {
	if i := len(b) - k - 1; i >= 0 {
		return b[i]
	}
	return 0
}

// rewriteLatin1 is fastRewrite on bytes.
func rewriteLatin1(b, out []byte) []byte {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 0xDF { // ß
			out = append(out, 's', 's')
			continue
		}
		if i+1 < len(b) {
			next := b[i+1]
			if c == 'q' && next == 'u' {
				out = append(out, 'q', 'u')
				i++
				continue
			}
			if next == 'e' {
				switch c {
				case 'a':
					out = append(out, 0xE4) // ä
					i++
					continue
				case 'o':
					out = append(out, 0xF6) // ö
					i++
					continue
				case 'u':
					out = append(out, 0xFC) // ü
					i++
					continue
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// The steps test the suffixes of each Snowball "among" longest first and
// apply the region test to the longest match only, as fastStep1-3 do; each
// is called on a word of at least three letters with r1 inside it.

func step1Latin1(b []byte, r1 int) []byte {
	n := len(b)
	switch b[n-1] {
	case 'n':
		switch {
		case suf(b, "erinnen"):
			if n-7 >= r1 {
				b = b[:n-7]
			}
		case suf(b, "erin"):
			if n-4 >= r1 {
				b = b[:n-4]
			}
		case suf(b, "ern"):
			if n-3 >= r1 {
				b = b[:n-3]
			}
		case suf(b, "en"):
			if n-2 >= r1 {
				b = dropNissS(b[:n-2])
			}
		case suf(b, "ln"):
			if n-2 >= r1 {
				b = b[:n-1] // ln → l
			}
		}
	case 's':
		switch {
		case suf(b, "lns"):
			if n-3 >= r1 {
				b = b[:n-2] // lns → l
			}
		case suf(b, "es"):
			if n-2 >= r1 {
				b = dropNissS(b[:n-2])
			}
		default:
			if n-1 >= r1 && isSEnding(rune(b[n-2])) {
				b = b[:n-1]
			}
		}
	case 'm':
		if b[n-2] == 'e' && n-2 >= r1 && !suf(b[:n-2], "syst") {
			b = b[:n-2]
		}
	case 'r':
		if b[n-2] == 'e' && n-2 >= r1 {
			b = b[:n-2]
		}
	case 'e':
		if n-1 >= r1 {
			b = dropNissS(b[:n-1])
		}
	}
	return b
}

// dropNissS drops the last s of a word ending in niss.
func dropNissS(b []byte) []byte {
	if suf(b, "niss") {
		return b[:len(b)-1]
	}
	return b
}

func step2Latin1(b []byte, r1 int) []byte {
	n := len(b)
	switch b[n-1] {
	case 't':
		switch {
		case suf(b, "est"):
			if n-3 >= r1 {
				b = b[:n-3]
			}
		case suf(b, "et"):
			if n-2 >= r1 && isETEnding(rune(byteBefore(b, 2))) {
				st := b[:n-2]
				if !suf(st, "geordn") && !suf(st, "intern") && !suf(st, "tick") && !suf(st, "plan") && !suf(st, "tr") {
					b = st
				}
			}
		case suf(b, "st"):
			// The st-ending letter must itself follow at least three letters.
			if n-2 >= r1 && isSTEnding(rune(byteBefore(b, 2))) && n-3 >= 3 {
				b = b[:n-2]
			}
		}
	case 'n', 'r':
		if b[n-2] == 'e' && n-2 >= r1 {
			b = b[:n-2]
		}
	}
	return b
}

func step3Latin1(b []byte, r1, r2 int) []byte {
	n := len(b)
	switch b[n-1] {
	case 'h':
		switch {
		case suf(b, "lich"):
			if n-4 >= r2 {
				b = dropErEn(b[:n-4], r1)
			}
		case suf(b, "isch"):
			if n-4 >= r2 && byteBefore(b, 4) != 'e' {
				b = b[:n-4]
			}
		}
	case 't':
		switch {
		case suf(b, "heit"):
			if n-4 >= r2 {
				b = dropErEn(b[:n-4], r1)
			}
		case suf(b, "keit"):
			if n-4 >= r2 {
				b = b[:n-4]
				switch {
				case suf(b, "lich"):
					if len(b)-4 >= r2 {
						b = b[:len(b)-4]
					}
				case suf(b, "ig"):
					if len(b)-2 >= r2 {
						b = b[:len(b)-2]
					}
				}
			}
		}
	case 'd':
		if suf(b, "end") && n-3 >= r2 {
			b = dropIg(b[:n-3], r2)
		}
	case 'g':
		switch {
		case suf(b, "ung"):
			if n-3 >= r2 {
				b = dropIg(b[:n-3], r2)
			}
		case suf(b, "ig"):
			if n-2 >= r2 && byteBefore(b, 2) != 'e' {
				b = b[:n-2]
			}
		}
	case 'k':
		if b[n-2] == 'i' && n-2 >= r2 && byteBefore(b, 2) != 'e' {
			b = b[:n-2]
		}
	}
	return b
}

// dropErEn drops an er or en in R1 (after lich, heit).
func dropErEn(b []byte, r1 int) []byte {
	if (suf(b, "er") || suf(b, "en")) && len(b)-2 >= r1 {
		return b[:len(b)-2]
	}
	return b
}

// dropIg drops an ig in R2 not after e (after end, ung).
func dropIg(b []byte, r2 int) []byte {
	if suf(b, "ig") && byteBefore(b, 2) != 'e' && len(b)-2 >= r2 {
		return b[:len(b)-2]
	}
	return b
}

func step4Latin1(b []byte) []byte {
	n := len(b) // at least 3
	switch b[n-1] {
	case 'h':
		if n >= 6 && suf(b, "'sch") {
			return b[:n-4]
		}
	case 's':
		if n >= 4 && b[n-2] == '\'' {
			return b[:n-2]
		}
	case '\'':
		return b[:n-1]
	}
	return b
}
