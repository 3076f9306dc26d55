package stem

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// stemRunes is StemWord on a plain rune buffer: the same algorithm, step by
// step, with the suffix tests written out instead of going through
// snowballword's generic suffix lists. Inside the pipeline the stage stems
// about 360,000 words per pass over 10kGNAD, and the generic version cost
// ~200 ns a word, more than a probe into a stem cache that the other stages'
// tables had evicted; this one is fast enough to need no cache.
//
// rs is the lower-cased word; it is modified in place. alt is scratch for
// the prelude's rewrite (ß → ss can make the word longer), returned for
// reuse after it may have grown. The stem is rs or alt, shortened.
func stemRunes(rs, alt []rune) (stem, scratch []rune) {
	stem, scratch = stemMarked(rs, alt, fastPreludeMarks(rs))
	for i, r := range stem {
		stem[i] = postlude1(r)
	}
	return stem, scratch
}

// stemMarked runs the algorithm from the prelude's rewrite up to, not
// including, the postlude, on a word whose u and y between vowels are
// marked; need says whether the rewrite has anything to do.
func stemMarked(rs, alt []rune, need bool) (stem, scratch []rune) {
	if need {
		alt = fastRewrite(rs, alt[:0])
		rs = alt
	}
	r1, r2 := fastRegions(rs)
	rs = fastStep1(rs, r1)
	rs = fastStep2(rs, r1)
	rs = fastStep3(rs, r1, r2)
	rs = fastStep4(rs)
	return rs, alt
}

// postlude1 is the postlude for one rune: marked consonants back to lower
// case, umlauts to their vowels.
func postlude1(r rune) rune {
	switch r {
	case 'Y':
		return 'y'
	case 'U', 'ü':
		return 'u'
	case 'ä':
		return 'a'
	case 'ö':
		return 'o'
	}
	return r
}

// appendLowerMarked appends text, lower-cased, to rs and does the first
// half of the prelude on the way (see fastPreludeMarks), in one pass. The
// two runes before the current one are kept in p2 and p1 (-1 before the
// start), p1 already final but for the marking the current rune decides.
func appendLowerMarked(rs []rune, text string) ([]rune, bool) {
	need := false
	p2, p1 := rune(-1), rune(-1)
	// A word has at most as many runes as bytes: room made once, runes
	// stored by index (append's bookkeeping per rune cost as much as the
	// rest of the loop).
	base := len(rs)
	rs = slices.Grow(rs, len(text))[:base+len(text)]
	n := base
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			r = rune(c)
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			r = unicode.ToLower(r)
			i += size
		}
		if (p1 == 'u' || p1 == 'y') && vowel(p2) && vowel(r) {
			p1 -= 'a' - 'A' // U, Y: consonants
			rs[n-1] = p1
		}
		if r == 'ß' || (r == 'e' && (p1 == 'a' || p1 == 'o' || p1 == 'u')) {
			need = true
		}
		rs[n] = r
		n++
		p2, p1 = p1, r
	}
	return rs[:n], need
}

// vowels marks the code points below 256 that isVowel accepts.
var vowels = func() (t [256]bool) {
	for _, r := range "aeiouyäöü" {
		t[r] = true
	}
	return t
}()

// vowel is isVowel by table.
func vowel(r rune) bool { return uint32(r) < 256 && vowels[r] }

// ends reports whether rs ends with the ASCII string s.
func ends(rs []rune, s string) bool {
	if len(rs) < len(s) {
		return false
	}
	rs = rs[len(rs)-len(s):]
	for i := len(s) - 1; i >= 0; i-- {
		if rs[i] != rune(s[i]) {
			return false
		}
	}
	return true
}

// runeBefore is the rune before the last n runes of rs, or 0.
func runeBefore(rs []rune, n int) rune {
	if i := len(rs) - n - 1; i >= 0 {
		return rs[i]
	}
	return 0
}

// fastPreludeMarks marks u and y between vowels as consonants (U, Y) and
// reports whether the word needs fastRewrite.
func fastPreludeMarks(rs []rune) bool {
	need := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+2 < len(rs) && vowel(r) && vowel(rs[i+2]) {
			switch rs[i+1] {
			case 'u':
				rs[i+1] = 'U'
			case 'y':
				rs[i+1] = 'Y'
			}
		}
		// rs[i-1] is final here: the marking above only looks ahead.
		if r == 'ß' || (r == 'e' && i > 0 && (rs[i-1] == 'a' || rs[i-1] == 'o' || rs[i-1] == 'u')) {
			need = true
		}
	}
	return need
}

// fastRewrite maps ß to ss and ae, oe, ue to umlauts (not the u of qu),
// appending to out.
func fastRewrite(rs, out []rune) []rune {
	for i := 0; i < len(rs); {
		r := rs[i]
		if r == 'ß' {
			out = append(out, 's', 's')
			i++
			continue
		}
		if i+1 < len(rs) {
			next := rs[i+1]
			if r == 'q' && next == 'u' {
				out = append(out, 'q', 'u')
				i += 2
				continue
			}
			if next == 'e' {
				switch r {
				case 'a':
					out = append(out, 'ä')
					i += 2
					continue
				case 'o':
					out = append(out, 'ö')
					i += 2
					continue
				case 'u':
					out = append(out, 'ü')
					i += 2
					continue
				}
			}
		}
		out = append(out, r)
		i++
	}
	return out
}

// fastRegions returns the starts of R1 and R2 as markRegions sets them.
func fastRegions(rs []rune) (r1, r2 int) {
	n := len(rs)
	r1, r2 = n, n
	if n < 3 {
		return
	}
	p1 := nextRegion(rs, 0)
	if p1 < 0 {
		return
	}
	r1 = max(p1, 3)
	if p2 := nextRegion(rs, p1); p2 >= 0 {
		r2 = p2
	}
	return
}

// nextRegion is the index after the first non-vowel after a vowel from
// from on, or -1.
func nextRegion(rs []rune, from int) int {
	n := len(rs)
	i := from
	for i < n && !vowel(rs[i]) {
		i++
	}
	for i < n && vowel(rs[i]) {
		i++
	}
	if i >= n {
		return -1
	}
	return i + 1
}

// The steps below test the suffixes of each Snowball "among" in the order
// of step1Suffixes, step2Suffixes and step3Suffixes (longest first), and,
// as Snowball does, apply the region test to the longest match only.
// Region starts may lie beyond the shortened word; the tests stay the
// same as with snowballword's clamped ones because every suffix tested is
// at least one rune long.

func fastStep1(rs []rune, r1 int) []rune {
	if len(rs) == 0 {
		return rs
	}
	var s string
	switch rs[len(rs)-1] {
	case 'n':
		switch {
		case ends(rs, "erinnen"):
			s = "erinnen"
		case ends(rs, "erin"):
			s = "erin"
		case ends(rs, "ern"):
			s = "ern"
		case ends(rs, "en"):
			s = "en"
		case ends(rs, "ln"):
			s = "ln"
		}
	case 's':
		switch {
		case ends(rs, "lns"):
			s = "lns"
		case ends(rs, "es"):
			s = "es"
		default:
			s = "s"
		}
	case 'm':
		if ends(rs, "em") {
			s = "em"
		}
	case 'r':
		if ends(rs, "er") {
			s = "er"
		}
	case 'e':
		s = "e"
	}
	if s == "" {
		return rs
	}
	n := len(rs)
	if n-len(s) < r1 {
		return rs
	}
	switch s {
	case "em":
		if !ends(rs[:n-2], "syst") {
			rs = rs[:n-2]
		}
	case "erinnen", "erin", "ern", "er":
		rs = rs[:n-len(s)]
	case "e", "en", "es":
		rs = rs[:n-len(s)]
		if ends(rs, "s") && ends(rs[:len(rs)-1], "nis") {
			rs = rs[:len(rs)-1]
		}
	case "s":
		if isSEnding(runeBefore(rs, 1)) {
			rs = rs[:n-1]
		}
	case "ln", "lns":
		rs = append(rs[:n-len(s)], 'l')
	}
	return rs
}

func fastStep2(rs []rune, r1 int) []rune {
	if len(rs) == 0 {
		return rs
	}
	var s string
	switch rs[len(rs)-1] {
	case 't':
		switch {
		case ends(rs, "est"):
			s = "est"
		case ends(rs, "et"):
			s = "et"
		case ends(rs, "st"):
			s = "st"
		}
	case 'n':
		if ends(rs, "en") {
			s = "en"
		}
	case 'r':
		if ends(rs, "er") {
			s = "er"
		}
	}
	if s == "" {
		return rs
	}
	n := len(rs)
	if n-len(s) < r1 {
		return rs
	}
	switch s {
	case "en", "er", "est":
		rs = rs[:n-len(s)]
	case "st":
		// The st-ending letter must itself follow at least three letters.
		if isSTEnding(runeBefore(rs, 2)) && n-3 >= 3 {
			rs = rs[:n-2]
		}
	case "et":
		if !isETEnding(runeBefore(rs, 2)) {
			return rs
		}
		st := rs[:n-2]
		if ends(st, "geordn") || ends(st, "intern") || ends(st, "tick") || ends(st, "plan") || ends(st, "tr") {
			return rs
		}
		rs = st
	}
	return rs
}

func fastStep3(rs []rune, r1, r2 int) []rune {
	n := len(rs)
	if n == 0 {
		return rs
	}
	var s string
	switch rs[n-1] {
	case 'h':
		switch {
		case ends(rs, "lich"):
			s = "lich"
		case ends(rs, "isch"):
			s = "isch"
		}
	case 't':
		switch {
		case ends(rs, "heit"):
			s = "heit"
		case ends(rs, "keit"):
			s = "keit"
		}
	case 'd':
		if ends(rs, "end") {
			s = "end"
		}
	case 'g':
		switch {
		case ends(rs, "ung"):
			s = "ung"
		case ends(rs, "ig"):
			s = "ig"
		}
	case 'k':
		if ends(rs, "ik") {
			s = "ik"
		}
	}
	if s == "" {
		return rs
	}
	if n-len(s) < r2 {
		return rs
	}
	switch s {
	case "end", "ung":
		rs = rs[:n-3]
		if ends(rs, "ig") && runeBefore(rs, 2) != 'e' && len(rs)-2 >= r2 {
			rs = rs[:len(rs)-2]
		}
	case "ig", "ik", "isch":
		if runeBefore(rs, len(s)) != 'e' {
			rs = rs[:n-len(s)]
		}
	case "lich", "heit":
		rs = rs[:n-4]
		if ends(rs, "er") || ends(rs, "en") {
			if len(rs)-2 >= r1 {
				rs = rs[:len(rs)-2]
			}
		}
	case "keit":
		rs = rs[:n-4]
		switch {
		case ends(rs, "lich"):
			if len(rs)-4 >= r2 {
				rs = rs[:len(rs)-4]
			}
		case ends(rs, "ig"):
			if len(rs)-2 >= r2 {
				rs = rs[:len(rs)-2]
			}
		}
	}
	return rs
}

func fastStep4(rs []rune) []rune {
	if len(rs) == 0 {
		return rs
	}
	k := 0
	switch rs[len(rs)-1] {
	case 'h':
		if ends(rs, "'sch") {
			k = 4
		}
	case 's':
		if ends(rs, "'s") {
			k = 2
		}
	case '\'':
		k = 1
	}
	if k > 0 && len(rs)-k >= 2 {
		rs = rs[:len(rs)-k]
	}
	return rs
}
