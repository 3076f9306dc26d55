package timex

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Mention is what a rule found, before anchoring: Value may be
// underspecified (see resolve.go for the forms).
type Mention struct {
	Start, End int // byte offsets
	Rule       *Rule
	Type       string
	Value      string
	Mod        string
	Quant      string
	Freq       string
	Generic    string // the value for a generic reading (see Rule.Generic)
	Weekday    int    // ISO weekday named with an explicit date (dctfix rules), else 0
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// byteKind is 1 for the ASCII letters and digits, 0 for the other ASCII
// bytes and 2 for the bytes of longer runes.
var byteKind = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = 2
		case asciiWord[c]:
			t[c] = 1
		}
	}
	return t
}()

// asciiWord marks the ASCII letters and digits; most bytes of German news
// are ASCII, and the scanner asks this for every one of them.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// nextWordStart returns the first word start at or after i, and the size
// of its first rune (0 at the end of text); prevWord tells whether the
// rune before i is a word rune. Runs of ASCII word bytes (inside a word)
// and of other ASCII bytes (between words) are skipped in loops of their
// own, a few instructions per byte.
func nextWordStart(text string, i int, prevWord bool) (int, int) {
	for {
		if prevWord {
			for i < len(text) && byteKind[text[i]] == 1 {
				i++
			}
		} else {
			for i < len(text) && byteKind[text[i]] == 0 {
				i++
			}
		}
		if i >= len(text) {
			return len(text), 0
		}
		switch byteKind[text[i]] {
		case 0: // after a word
			prevWord = false
			i++
			continue
		case 1: // after a non-word byte
			return i, 1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		word := isWordRune(r)
		if word && !prevWord {
			return i, size
		}
		prevWord = word
		i += size
	}
}

func noRules(set []uint64) bool {
	for _, w := range set {
		if w != 0 {
			return false
		}
	}
	return true
}

// keyASCII is keyRune of the ASCII runes.
var keyASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(keyRune(rune(c)))
	}
	return t
}()

// Find returns the mentions in text, left to right, without overlaps. At
// every token start only the rules whose first characters fit are tried;
// the longest match wins, ties go to the earlier rule.
func (rs *Rules) Find(text string) []Mention { return rs.find(nil, text) }

// find is Find appending to out[:0], so that a caller can hand it the
// mentions of its previous text to reuse.
func (rs *Rules) find(out []Mention, text string) []Mention {
	out = out[:0]
	sc := scratchPool.Get().(*findScratch)
	before := sc.before[:0]
	// The needles are found window by window, as the rules ask (see
	// scanTo); whether the text has an exotic rune, on the first rule
	// that asks.
	occ := sc.occ[:0]
	var scan scanState
	defer func() {
		sc.before, sc.occ = before, occ
		scratchPool.Put(sc)
	}()
	exotic, exoticKnown := false, false
	lo := 0 // occ[:lo] end before the current position
	prevWord := false
	for i := 0; ; {
		var size int
		if i, size = nextWordStart(text, i, prevWord); size == 0 {
			break
		}
		prevWord = true
		// Candidate rules from the first one to six key runes at i.
		node := rs.start.walk(text, i)
		if !rs.start.hasRules(node) { // most words
			i += size
			continue
		}
		cand := rs.start.rules(node)
		best := Mention{Start: -1}
		var bestM []int
		end := i + rs.maxLen
		if end > len(text) {
			end = len(text)
		}
		var win setMask // the needle sets found in text[i:end]
		windowed, reversed := false, false
		for w, set := range cand {
			for ; set != 0; set &= set - 1 {
				ri := w*64 + bits.TrailingZeros64(set)
				rule := rs.rules[ri]
				if !windowed && !(rule.needMask.empty() && rule.extraMask.empty()) {
					occ = rs.needles.scanTo(occ, text, &scan, i, end)
					for lo < len(occ) && int(occ[lo].end) <= i {
						lo++
					}
					for k := lo; k < len(occ) && int(occ[k].end) <= end; k++ {
						if int(occ[k].end)-int(rs.needles.length[occ[k].id]) >= i {
							win.or(&rs.needles.sets[occ[k].id])
						}
					}
					windowed = true
				}
				if !win.covers(&rule.needMask) {
					continue
				}
				if !win.covers(&rule.extraMask) {
					if !exoticKnown {
						exotic, exoticKnown = rs.needles.hasExotic(text), true
					}
					if !exotic {
						continue
					}
				}
				var m []int
				e := i
				if d := rule.dfa; d != nil {
					e += d.end(text[i:end])
				} else if m = rule.regexp().FindStringSubmatchIndex(text[i:end]); m != nil {
					e += m[1]
				}
				if e <= i {
					continue
				}
				if !boundaryOK(text, e) {
					continue
				}
				// The context checks cost a regexp run each; a match that would
				// not beat the best one so far needs none.
				if best.Rule != nil && e <= best.End && (e != best.End || rule.order >= best.Rule.order) {
					continue
				}
				if rule.NotAfter != nil {
					after := text[e:min(len(text), e+40)]
					if d := rule.notAfterDFA; d != nil && d.matches(after) || d == nil && rule.NotAfter.MatchString(after) {
						continue
					}
				}
				if rule.notBeforeRev != nil {
					if !reversed {
						before, reversed = reverseRunes(before[:0], text[max(0, i-40):i]), true
					}
					b := unsafeString(before)
					if d := rule.notBeforeDFA; d != nil && d.matches(b) || d == nil && rule.notBeforeRev.MatchString(b) {
						continue
					}
				}
				// best.End is the end of the whole match here; it becomes the
				// span's end below.
				best = Mention{Start: i, End: e, Rule: rule}
				bestM = append(bestM[:0], m...)
			}
		}
		if best.Rule == nil {
			i += size
			continue
		}
		var ok bool
		if len(bestM) == 0 {
			// The automaton found the end; the groups are the regexp's.
			// When the pattern looks at nothing after the match (no \b,
			// no $), the text can end there: the engine (chosen by the
			// pattern's size, not the input's at these lengths) then
			// stops where its threads reach the end, with the same groups.
			if best.Rule.dfa.pure {
				end = best.End
			}
			// The same winner on the same text is completed the same way:
			// a memo (see winMemo) answers for most winners.
			mlen := best.End - i
			key := memoKey(text[i:end], mlen)
			if me := rs.memo.get(best.Rule, mlen, key); me != nil {
				best, ok = me.m, me.ok
				best.Start += i
				best.End += i
			} else {
				// The groups the regexp would give, from the automaton's
				// program (see backtrack.go).
				bestM = sc.bt.submatches(best.Rule.dfa.program(), best.Rule.dfa.ascii, text[i:end], len(best.Rule.names), sc.groups[:0])
				sc.groups = bestM
				for k := range bestM {
					if bestM[k] >= 0 {
						bestM[k] += i
					}
				}
				ok = rs.completeMatch(&best, text, bestM)
				if !best.Rule.dfa.altMatch() {
					rs.memo.put(best, ok, i, mlen, key)
				}
			}
		} else {
			for k := range bestM {
				if bestM[k] >= 0 {
					bestM[k] += i
				}
			}
			ok = rs.completeMatch(&best, text, bestM)
		}
		if ok {
			rs.leadDet(&best, text, out)
		} else {
			i += size
			continue
		}
		out = append(out, best)
		i = best.End
		prevWord = false
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:i])
			prevWord = isWordRune(r)
		}
	}
	return out
}

// complete fills in the winner best from its rule and its groups m (offsets
// into text): span, type, rendered values and weekday, and a leading
// determiner that does not reach into the previous mention of out. It
// reports false when a value table had no entry, so the rule does not apply.
func (rs *Rules) complete(best *Mention, text string, m []int, out []Mention) bool {
	if !rs.completeMatch(best, text, m) {
		return false
	}
	rs.leadDet(best, text, out)
	return true
}

// completeMatch is complete without the determiner: what it sets depends
// on the rule and on the text of the groups m only.
func (rs *Rules) completeMatch(best *Mention, text string, m []int) bool {
	rule := best.Rule
	if g := rule.spanGroup; g > 0 && m[2*g] >= 0 {
		// Context outside the span (a preposition, the month after
		// "vom 3. bis 6. Oktober") helps the value but is not tagged.
		best.Start, best.End = m[2*g], m[2*g+1]
	}
	best.Type = rule.Type
	best.Value = rs.render(rule.Value, text, m)
	best.Mod = rs.render(rule.Mod, text, m)
	best.Quant = rs.render(rule.Quant, text, m)
	best.Freq = rs.render(rule.Freq, text, m)
	best.Generic = rs.render(rule.Generic, text, m)
	if g := rule.wdGroup; rule.DCTFix && g > 0 && m[2*g] >= 0 {
		if v, ok := rs.apply("weekday-long", text[m[2*g]:m[2*g+1]]); ok && len(v) == 1 {
			best.Weekday = int(v[0] - '0')
		}
	}
	return best.Value != ""
}

// leadDet moves the start of a completed winner of a LeadDet rule back
// over a determiner that does not reach into the last mention of out.
func (rs *Rules) leadDet(best *Mention, text string, out []Mention) {
	if best.Rule.LeadDet {
		if s := rs.extendDet(text, best.Start); len(out) == 0 || out[len(out)-1].End <= s {
			best.Start = s
		}
	}
}

// findScratch is Find's per-call memory, kept for the next call.
type findScratch struct {
	occ    []occurrence
	before []byte
	bt     backtracker
	groups []int
}

var scratchPool = sync.Pool{New: func() any { return new(findScratch) }}

// lowerInto appends s in lower case without changing byte offsets: ASCII
// and the two-byte Latin-1 capitals (Ä, Ö, Ü, ...) only, which is what the
// rules' literals contain.
func lowerInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9E && s[i+1] != 0x97:
			dst = append(dst, c, s[i+1]+0x20)
			i++
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

func containsAny(hay []byte, needles []string) bool {
	for _, n := range needles {
		if bytesIndex(hay, n) {
			return true
		}
	}
	return false
}

func bytesIndex(hay []byte, n string) bool {
	return strings.Contains(unsafeString(hay), n)
}

// boundaryOK reports whether a match ending at e does not cut a word.
func boundaryOK(text string, e int) bool {
	if e >= len(text) || e == 0 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text[:e])
	if !isWordRune(last) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[e:])
	return !isWordRune(next)
}

// extendDet moves start back over a determiner (den fünfziger Jahren).
func (rs *Rules) extendDet(text string, start int) int {
	j := start
	for j > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:j])
		if r != ' ' && r != '\n' && r != '\t' {
			break
		}
		j -= sz
	}
	if j == start {
		return start
	}
	k := j
	for k > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= sz
	}
	if k == j || j-k > 3 {
		return start
	}
	if _, ok := rs.patterns["det"].values[normKey(text[k:j])]; ok {
		return k
	}
	return start
}

// unsafeString views b as a string without copying; b is not modified while
// the view is used.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
