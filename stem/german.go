// Package stem implements the German Snowball stemmer (the current official
// algorithm, https://snowballstem.org/algorithms/german/stemmer.html, the
// one the official test vocabulary was made with) on the snowballword
// primitives of github.com/kljensen/snowball, whose v0.10.0 ships no German.
//
// Input is expected in lower case, as Snowball expects; Stem does not fold
// case itself so that it stays comparable with the reference output.
package stem

import (
	"github.com/kljensen/snowball/snowballword"
)

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü':
		return true
	}
	return false
}

func isSEnding(r rune) bool {
	switch r {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

func isSTEnding(r rune) bool { return r != 'r' && isSEnding(r) }

// isETEnding lists the letters after which -et is an inflexion
// (abgebildet, geordnet) rather than part of the stem (Paket, Poet).
func isETEnding(r rune) bool {
	switch r {
	case 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'U', 'z', 'ä':
		return true
	}
	return false
}

func runes(ss ...string) [][]rune {
	out := make([][]rune, len(ss))
	for i, s := range ss {
		out[i] = []rune(s)
	}
	return out
}

// Suffix groups, longest first: Snowball's among picks the longest match and
// then applies the region test to it alone.
var (
	step1Suffixes = runes("erinnen", "erin", "ern", "lns", "em", "en", "er", "es", "ln", "e", "s")
	step2Suffixes = runes("est", "en", "er", "et", "st")
	step3Suffixes = runes("lich", "isch", "heit", "keit", "end", "ung", "ig", "ik")
	etExceptions  = runes("geordn", "intern", "tick", "plan", "tr")
	keitPrefixes  = runes("lich", "ig")
	apostrophes   = runes("'sch", "'s", "'")
	sSyst         = []rune("syst")
	sNis          = []rune("nis")
	sIg           = []rune("ig")
	sEr           = []rune("er")
	sEn           = []rune("en")
	sL            = []rune("l")
)

// longest returns the first suffix of list (ordered longest first) that w
// ends with, or nil.
func longest(w *snowballword.SnowballWord, list [][]rune) []rune {
	for _, s := range list {
		if w.HasSuffixRunes(s) {
			return s
		}
	}
	return nil
}

// eq compares a suffix with an ASCII literal without converting either.
func eq(a []rune, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != rune(b[i]) {
			return false
		}
	}
	return true
}

// Stem returns the German Snowball stem of a lower-case word.
func Stem(word string) string {
	w := snowballword.New(word)
	StemWord(w)
	return w.String()
}

// StemWord stems w in place. It lets callers reuse the rune buffer of a
// SnowballWord across words.
func StemWord(w *snowballword.SnowballWord) {
	prelude(w)
	markRegions(w)
	step1(w)
	step2(w)
	step3(w)
	step4(w)
	postlude(w)
}

// prelude marks u and y between vowels as consonants (U, Y), then maps ß to
// ss and the transcriptions ae, oe, ue to umlauts (not the u of qu).
func prelude(w *snowballword.SnowballWord) {
	rs := w.RS
	for i := 0; i+2 < len(rs); i++ {
		if isVowel(rs[i]) && isVowel(rs[i+2]) {
			switch rs[i+1] {
			case 'u':
				rs[i+1] = 'U'
			case 'y':
				rs[i+1] = 'Y'
			}
		}
	}
	// Rewriting only when needed keeps the common case allocation-free.
	need := false
	for i, r := range rs {
		if r == 'ß' || (r == 'e' && i > 0 && (rs[i-1] == 'a' || rs[i-1] == 'o' || rs[i-1] == 'u')) {
			need = true
			break
		}
	}
	if !need {
		return
	}
	out := fastRewrite(rs, make([]rune, 0, len(rs)+2))
	w.RS = out
}

// markRegions sets R1 (after the first non-vowel following a vowel, but
// with at least three letters before it) and R2 (the same again inside R1).
func markRegions(w *snowballword.SnowballWord) {
	rs := w.RS
	n := len(rs)
	w.R1start, w.R2start, w.RVstart = n, n, n
	if n < 3 {
		return
	}
	next := func(from int) int { // index after the first non-vowel after a vowel
		i := from
		for i < n && !isVowel(rs[i]) {
			i++
		}
		if i >= n {
			return -1
		}
		for i < n && isVowel(rs[i]) {
			i++
		}
		if i >= n {
			return -1
		}
		return i + 1
	}
	p1 := next(0)
	if p1 < 0 {
		return
	}
	w.R1start = max(p1, 3)
	// R2 is searched from the unadjusted R1, as the reference does.
	if p2 := next(p1); p2 >= 0 {
		w.R2start = p2
	}
}

func inR1(w *snowballword.SnowballWord, suffix []rune) bool {
	return len(w.RS)-len(suffix) >= w.R1start
}

func inR2(w *snowballword.SnowballWord, suffix []rune) bool {
	return len(w.RS)-len(suffix) >= w.R2start
}

// before returns the rune before a suffix of length n, or 0.
func before(w *snowballword.SnowballWord, n int) rune {
	if i := len(w.RS) - n - 1; i >= 0 {
		return w.RS[i]
	}
	return 0
}

// hasSuffixBefore reports whether the word without its last n runes ends
// with s.
func hasSuffixBefore(w *snowballword.SnowballWord, n int, s []rune) bool {
	return w.HasSuffixRunesIn(0, len(w.RS)-n, s)
}

func step1(w *snowballword.SnowballWord) {
	s := longest(w, step1Suffixes)
	if s == nil || !inR1(w, s) {
		return
	}
	switch {
	case eq(s, "em"):
		if !hasSuffixBefore(w, 2, sSyst) {
			w.RemoveLastNRunes(2)
		}
	case eq(s, "erinnen"), eq(s, "erin"), eq(s, "ern"), eq(s, "er"):
		w.RemoveLastNRunes(len(s))
	case eq(s, "e"), eq(s, "en"), eq(s, "es"):
		w.RemoveLastNRunes(len(s))
		if w.HasSuffixRunes([]rune{'s'}) && hasSuffixBefore(w, 1, sNis) {
			w.RemoveLastNRunes(1)
		}
	case eq(s, "s"):
		if isSEnding(before(w, 1)) {
			w.RemoveLastNRunes(1)
		}
	case eq(s, "ln"), eq(s, "lns"):
		w.ReplaceSuffixRunes(s, sL, true)
	}
}

func step2(w *snowballword.SnowballWord) {
	s := longest(w, step2Suffixes)
	if s == nil || !inR1(w, s) {
		return
	}
	switch {
	case eq(s, "en"), eq(s, "er"), eq(s, "est"):
		w.RemoveLastNRunes(len(s))
	case eq(s, "st"):
		// The st-ending letter must itself follow at least three letters.
		if isSTEnding(before(w, 2)) && len(w.RS)-3 >= 3 {
			w.RemoveLastNRunes(2)
		}
	case eq(s, "et"):
		if !isETEnding(before(w, 2)) {
			return
		}
		for _, x := range etExceptions {
			if hasSuffixBefore(w, 2, x) {
				return
			}
		}
		w.RemoveLastNRunes(2)
	}
}

func step3(w *snowballword.SnowballWord) {
	s := longest(w, step3Suffixes)
	if s == nil || !inR2(w, s) {
		return
	}
	switch {
	case eq(s, "end"), eq(s, "ung"):
		w.RemoveLastNRunes(3)
		if w.HasSuffixRunes(sIg) && before(w, 2) != 'e' && inR2(w, sIg) {
			w.RemoveLastNRunes(2)
		}
	case eq(s, "ig"), eq(s, "ik"), eq(s, "isch"):
		if before(w, len(s)) != 'e' {
			w.RemoveLastNRunes(len(s))
		}
	case eq(s, "lich"), eq(s, "heit"):
		w.RemoveLastNRunes(4)
		for _, x := range [][]rune{sEr, sEn} {
			if w.HasSuffixRunes(x) {
				if inR1(w, x) {
					w.RemoveLastNRunes(2)
				}
				break
			}
		}
	case eq(s, "keit"):
		w.RemoveLastNRunes(4)
		if x := longest(w, keitPrefixes); x != nil && inR2(w, x) {
			w.RemoveLastNRunes(len(x))
		}
	}
}

// step4 drops an apostrophe suffix (Merkel's, Grimm'sch) after at least two
// letters; it is not bound to a region.
func step4(w *snowballword.SnowballWord) {
	if s := longest(w, apostrophes); s != nil && len(w.RS)-len(s) >= 2 {
		w.RemoveLastNRunes(len(s))
	}
}

func postlude(w *snowballword.SnowballWord) {
	for i, r := range w.RS {
		switch r {
		case 'Y':
			w.RS[i] = 'y'
		case 'U', 'ü':
			w.RS[i] = 'u'
		case 'ä':
			w.RS[i] = 'a'
		case 'ö':
			w.RS[i] = 'o'
		}
	}
}
