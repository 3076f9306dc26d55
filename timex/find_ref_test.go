package timex

import (
	"bufio"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/models"
)

// findRef is Find as it was before its prefilters (the compact trie, the
// reversed notbefore check, ...): every rule under a start key of the
// position is tried, in that order. It is the oracle the optimised Find
// must agree with on every text.
func (rs *Rules) findRef(text string) []Mention {
	var out []Mention
	var lower []byte
	prevWord := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		word := isWordRune(r)
		if !word || prevWord {
			prevWord = word
			i += size
			continue
		}
		prevWord = true
		var cand []int
		var key []rune
		for j := i; len(key) < prefixLen && j < len(text); {
			c, sz := utf8.DecodeRuneInString(text[j:])
			c = keyRune(c)
			j += sz
			if c == ' ' {
				for j < len(text) && keyRune(rune(text[j])) == ' ' {
					j++
				}
			}
			key = append(key, c)
			cand = append(cand, rs.byPrefix[string(key)]...)
		}
		cand = append(cand, rs.anyStart...)
		best := Mention{Start: -1}
		var bestM []int
		end := min(i+rs.maxLen, len(text))
		for _, ri := range cand {
			rule := rs.rules[ri]
			if rule.needs != nil && !containsAny(lowerInto(lower[:0], text[i:end]), rule.needs) {
				continue
			}
			m := rule.regexp().FindStringSubmatchIndex(text[i:end])
			if m == nil || m[1] == 0 {
				continue
			}
			e := i + m[1]
			if !boundaryOK(text, e) {
				continue
			}
			if rule.NotAfter != nil && rule.NotAfter.MatchString(text[e:min(len(text), e+40)]) {
				continue
			}
			if rule.NotBefore != nil && rule.NotBefore.MatchString(text[max(0, i-40):i]) {
				continue
			}
			if best.Rule != nil && (e < best.End || e == best.End && rule.order >= best.Rule.order) {
				continue
			}
			best = Mention{Start: i, End: e, Rule: rule}
			bestM = append(bestM[:0], m...)
		}
		if best.Rule == nil {
			i += size
			continue
		}
		for k := range bestM {
			if bestM[k] >= 0 {
				bestM[k] += i
			}
		}
		if !rs.complete(&best, text, bestM, out) {
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

// refTexts are the texts Find is checked on: the rules' examples, the
// repository's test articles, and (when ../shared is there) the 10kGNAD
// test split and the KRAUTS and WikiWarsDE gold files as raw text.
func refTexts(t *testing.T, rs *Rules) []string {
	var texts []string
	for _, r := range rs.rules {
		for _, ex := range r.Examples {
			texts = append(texts, ex.Text, strings.ToUpper(ex.Text), "x"+ex.Text+"1")
		}
	}
	var files []string
	for _, g := range []string{"../testdata/*.txt", "../../shared/data/krauts/gold/*/*", "../../shared/data/wikiwarsde/keyinline/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	if f, err := os.Open("../../shared/data/news-10kgnad/test.csv"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		for sc.Scan() {
			if a := corpus.ParseCSVLine("test.csv", sc.Bytes()); a.Err == nil {
				texts = append(texts, a.Text)
			}
		}
	}
	return texts
}

func TestFindMatchesReference(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, rs)
	if testing.Short() && len(texts) > 2000 {
		texts = texts[:2000]
	}
	n := 0
	for _, text := range texts {
		got, want := rs.Find(text), rs.findRef(text)
		n += len(want)
		if !reflect.DeepEqual(got, want) {
			for k := 0; k < max(len(got), len(want)); k++ {
				var g, w Mention
				if k < len(got) {
					g = got[k]
				}
				if k < len(want) {
					w = want[k]
				}
				if !reflect.DeepEqual(g, w) {
					t.Fatalf("text %.80q…: mention %d: got %+v, want %+v", text, k, g, w)
				}
			}
		}
	}
	t.Logf("%d texts, %d mentions", len(texts), n)
}

// TestNotBeforeReversed checks the reversed notbefore patterns against the
// patterns as written, and the automata against both context patterns,
// before and after every word of the reference texts.
func TestNotBeforeReversed(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, rs)
	texts = append([]string{"\xff\xfe 1939", "a\xc3", "über 5", "ÜBER 5", "xüber 5", "mehr als\n 3", "fast3", "§ 5", " Euro", " m", " mx", " m.", " PS", " ha\n", " alt", " alte_", "-a", "-Ä", " als", " als1"}, texts...)
	var buf []byte
	n := 0
	for _, text := range texts {
		if n > 300000 {
			break
		}
		for i := 0; i <= len(text); i++ {
			if i < len(text) && !utf8.RuneStart(text[i]) {
				continue
			}
			if i > 0 && i < len(text) && (text[i] == ' ' || isWordRune(rune(text[i-1]))) {
				continue
			}
			w := text[max(0, i-40):i]
			buf = reverseRunes(buf[:0], w)
			after := text[i:min(len(text), i+40)]
			for _, r := range rs.rules {
				if d := r.notAfterDFA; d != nil {
					if want := r.NotAfter.MatchString(after); d.matches(after) != want {
						t.Fatalf("rule %s after %q: automaton %v, regexp %v", r.Name, after, !want, want)
					}
				}
				if r.NotBefore == nil {
					continue
				}
				n++
				if want, got := r.NotBefore.MatchString(w), r.notBeforeRev.MatchString(string(buf)); got != want {
					t.Fatalf("rule %s before %q: reversed %v, as written %v (%s)", r.Name, w, got, want, r.notBeforeRev)
				} else if d := r.notBeforeDFA; d != nil && d.matches(string(buf)) != want {
					t.Fatalf("rule %s before %q: automaton %v, regexp %v", r.Name, w, !want, want)
				}
			}
		}
	}
	t.Logf("%d checks", n)
}

// TestNeedleScan compares the automaton with a plain search of every
// needle in the lowered text, with the needles of the rules (scanned raw)
// and with one more that needs the lowering loop.
func TestNeedleScan(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	if !rs.needles.raw {
		t.Error("the rules' needles no longer allow the raw scan")
	}
	tbl := newSetTable()
	for _, r := range rs.rules {
		if r.needs != nil {
			tbl.add(r.needs)
		}
	}
	tbl.add([]string{"€uro", "–"})
	slow, err := tbl.build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if slow.raw {
		t.Fatal("a needle with € still scanned raw")
	}
	texts := refTexts(t, rs)
	texts = append(texts, "ÄÖÜ äöü \xc3\xc3\x84 \xc3 ×ÉÈ \x84 ÜBER €URO –")
	for _, ix := range []*needleIndex{rs.needles, slow} {
		list := ix.list
		for ti, text := range texts {
			if ti%7 != 0 && ti != len(texts)-1 {
				continue
			}
			low := string(lowerInto(nil, text))
			want := map[occurrence]bool{}
			for id, n := range list {
				for k := 0; ; {
					j := strings.Index(low[k:], n)
					if j < 0 {
						break
					}
					want[occurrence{end: uint32(k + j + len(n)), id: uint16(id)}] = true
					k += j + 1
				}
			}
			got := ix.scan(nil, text)
			for k, o := range got {
				if !want[o] {
					t.Fatalf("text %d: scan found %q ending at %d, not in the lowered text", ti, list[o.id], o.end)
				}
				if k > 0 && got[k-1].end > o.end {
					t.Fatalf("text %d: occurrences out of order", ti)
				}
				delete(want, o)
			}
			for o := range want {
				t.Fatalf("text %d: scan missed %q ending at %d", ti, list[o.id], o.end)
			}
		}
	}
}

// TestDFAEnd checks each rule's automaton against its regexp: the end of
// the longest match, and that the regexp's groups stay when the text ends
// there, at the word starts of the reference texts (every
// rule at every 29th, the rules under the start keys at the others).
func TestDFAEnd(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, rs)
	texts = append(texts, "ſeit 1990 JAHRE ſpäter", "3 Tage ſpäter", "im Jahr 1990 \xff", "zwei Wochen \xc3", "ein halbes Jahr\n\nspäter", "um 20 Uhr ab 3 KW", "\u212aW 12 und ẞ")
	n, every := 0, 0
	for _, text := range texts {
		wordWindows(text, rs.maxLen, func(i int, w string) {
			every++
			var cand []uint64
			if every%29 == 0 {
				cand = make([]uint64, rs.start.words)
				for ri := range rs.rules {
					cand[ri/64] |= 1 << (ri % 64)
				}
			} else {
				node, j := uint32(0), i
				for k := 0; k < prefixLen && j < len(text) && rs.start.hasChildren(node); k++ {
					c, sz := utf8.DecodeRuneInString(text[j:])
					c = keyRune(c)
					j += sz
					if c == ' ' {
						for j < len(text) && keyRune(rune(text[j])) == ' ' {
							j++
						}
					}
					if node = rs.start.next(node, c); node == noChild {
						break
					}
				}
				if node == noChild {
					return
				}
				cand = rs.start.rules(node)
			}
			for wd, set := range cand {
				for ; set != 0; set &= set - 1 {
					r := rs.rules[wd*64+bits.TrailingZeros64(set)]
					if r.dfa == nil {
						continue
					}
					want := -1
					if loc := r.regexp().FindStringIndex(w); loc != nil {
						want = loc[1]
					}
					n++
					if got := r.dfa.end(w); got != want {
						t.Fatalf("rule %s on %q: automaton ends at %d, regexp at %d", r.Name, w, got, want)
					}
					// Find asks for the groups of the text cut at the end.
					if want > 0 {
						if a, b := r.regexp().FindStringSubmatchIndex(w), r.regexp().FindStringSubmatchIndex(w[:want]); !reflect.DeepEqual(a, b) {
							t.Fatalf("rule %s on %q: groups %v, cut at the end %v", r.Name, w, a, b)
						}
					}
				}
			}
		})
	}
	t.Logf("%d checks", n)
}

// wordWindows calls fn with each position of text where Find tries the
// rules (a rune start not inside an ASCII word) and the window of at most
// maxLen bytes from there.
func wordWindows(text string, maxLen int, fn func(i int, w string)) {
	for i := 0; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) || i > 0 && isWordRune(rune(text[i-1])) && text[i-1] < utf8.RuneSelf {
			continue
		}
		fn(i, text[i:min(len(text), i+maxLen)])
	}
}

// next returns n's child for key rune r, or noChild: the plain walk of
// one step, the reference for Find's inline walk.
func (t *startTrie) next(n uint32, r rune) uint32 {
	if n == 0 && r < utf8.RuneSelf {
		return t.root[r]
	}
	nd := t.nodes[n]
	if nd.l2 != 0 && r < utf8.RuneSelf {
		if c := t.rows[int(nd.l2-1)*t.nclass+int(t.class[r])]; c != l2NoChild {
			return uint32(c)
		}
		return noChild
	}
	for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
		if e.r == r {
			return e.child
		}
	}
	return noChild
}

// TestWinnerMemo checks Find with the memo of completed winners (warmed
// on all texts, last to first) against Find without one.
func TestWinnerMemo(t *testing.T) {
	warm, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	cold, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	cold.memo = nil
	texts := refTexts(t, warm)
	if testing.Short() && len(texts) > 2000 {
		texts = texts[:2000]
	}
	for k := len(texts) - 1; k >= 0; k-- {
		warm.Find(texts[k])
	}
	n := 0
	for _, text := range texts {
		got, want := warm.Find(text), cold.Find(text)
		n += len(want)
		for k := range got {
			if k < len(want) && got[k].Rule.order == want[k].Rule.order {
				got[k].Rule = want[k].Rule // the same rule of another load
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %.80q…: got %+v, want %+v", text, got, want)
		}
	}
	t.Logf("%d texts, %d mentions", len(texts), n)
}

// TestNeedleWindows checks the needle sets of the windows Find asks about,
// scanned window by window with restarts (scanTo), against the whole scan.
func TestNeedleWindows(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	ix := rs.needles
	texts := refTexts(t, rs)
	texts = append(texts, "ÄÖÜ äöü \xc3\xc3\x84 \xc3 ×ÉÈ \x84 ÜBER €URO –")
	sets := func(occ []occurrence, i, end int) (m setMask) {
		for _, o := range occ {
			if int(o.end) <= end && int(o.end)-int(ix.length[o.id]) >= i {
				m.or(&ix.sets[o.id])
			}
		}
		return m
	}
	windows := 0
	for ti, text := range texts {
		all := ix.scan(nil, text)
		var lazy []occurrence
		var st scanState
		// Every third word start of text, as Find would ask.
		n := 0
		wordWindows(text, rs.maxLen, func(i int, w string) {
			if n++; (n+ti)%3 != 0 {
				return
			}
			end := i + len(w)
			windows++
			lazy = ix.scanTo(lazy, text, &st, i, end)
			if got, want := sets(lazy, i, end), sets(all, i, end); got != want {
				t.Fatalf("text %d, window [%d,%d): sets %x, want %x", ti, i, end, got, want)
			}
		})
	}
	t.Logf("%d texts, %d windows", len(texts), windows)
}

// walkRef is the start trie's walk as Find had it inline before first2:
// one step (next) per key rune.
func (t *startTrie) walkRef(text string, i int) uint32 {
	node, j := uint32(0), i
	for k := 0; k < prefixLen && j < len(text); k++ {
		if !t.hasChildren(node) {
			break
		}
		c, sz := utf8.DecodeRuneInString(text[j:])
		c = keyRune(c)
		j += sz
		if c == ' ' {
			for j < len(text) && text[j] < utf8.RuneSelf && keyRune(rune(text[j])) == ' ' {
				j++
			}
		}
		next := t.next(node, c)
		if next == noChild {
			break
		}
		node = next
	}
	return node
}

// TestStartWalk checks walk against walkRef, and hasRules against the
// node's rule set, at every word start of the reference texts.
func TestStartWalk(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	st := rs.start
	if st.first2 == nil {
		t.Fatal("no first2 table")
	}
	texts := refTexts(t, rs)
	texts = append(texts, "a", "A1", "5 ", "5 \t\n Mai", "am\u00a0Mai", "Ämter", "xÄ", "z\xff", "9.", "Übermorgen", "ſeit", "Kelvin")
	n := 0
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if !utf8.RuneStart(text[i]) || !isWordRune(r) {
				continue
			}
			n++
			got, want := st.walk(text, i), st.walkRef(text, i)
			if got != want {
				t.Fatalf("%.40q at %d: walk reached node %d, want %d", text, i, got, want)
			}
			if st.hasRules(got) == noRules(st.rules(got)) {
				t.Fatalf("node %d: hasRules %v for rules %x", got, st.hasRules(got), st.rules(got))
			}
		}
	}
	t.Logf("%d word starts", n)
}

// nextWordStartRef is nextWordStart as it was: one switch per byte.
func nextWordStartRef(text string, i int, prevWord bool) (int, int) {
	for i < len(text) {
		switch byteKind[text[i]] {
		case 0:
			prevWord = false
			i++
			continue
		case 1:
			if !prevWord {
				return i, 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		word := isWordRune(r)
		if word && !prevWord {
			return i, size
		}
		prevWord = word
		i += size
	}
	return len(text), 0
}

// TestNextWordStart compares nextWordStart with nextWordStartRef from
// every byte of the reference texts (every 5th byte of the long ones),
// either way of the previous rune.
func TestNextWordStart(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, rs)
	texts = append(texts, "", "a", " ", "Ä", "ÄÖ x", "\xff\xfe a", "1,5 Mio.", "ſ", "a\u00a0b", "\u2003Mai")
	for _, text := range texts {
		step := 1
		if len(text) > 1000 {
			step = 5
		}
		for i := 0; i <= len(text); i += step {
			for _, pw := range []bool{false, true} {
				gi, gs := nextWordStart(text, i, pw)
				wi, ws := nextWordStartRef(text, i, pw)
				if gi != wi || gs != ws {
					t.Fatalf("%.40q from %d (prevWord %v): %d,%d, want %d,%d", text, i, pw, gi, gs, wi, ws)
				}
			}
		}
	}
}
