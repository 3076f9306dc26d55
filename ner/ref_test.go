package ner

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// containsSchRef is what sch and demonym called before hasSch: the
// reference of TestHasSchMatchesRef and FuzzHasSch.
func containsSchRef(w string) bool { return strings.Contains(w, "sch") }

// schEdgeCases are words around the three bytes: too short, split,
// at either end, in other cases, inside multi-byte runes.
var schEdgeCases = []string{"", "s", "sc", "ch", "sch", "Sch", "SCH", "sCh", "scH", "ssch", "schh", "xsc", "xch",
	"s\xffch", "sc\x00h", "Russisch", "russische", "Schweizer", "Sachsen", "Tschechien", "tsch", "äsch", "schä",
	"Deutsch-Französisch", "deutsch-israelische", "s\u00adch", "sc\u00adh", "scsch", "shc", "csh",
	// Eight bytes and more: sch inside a window, across windows, in the
	// overlapping last window, after runs of c's and bytes just below c.
	"schxxxxx", "xxxxxsch", "xxxxxxsch", "xxxxxxxsch", "xxxxxxxxsch", "xxxxxxschxxxxxxx", "xxxxxxxschxxxxxxx",
	"xxxxxxxxschxxxxxx", "cccccccccccsch", "cccccccccccccccc", "scscscscscscscsh", "bbbbbbbbbbbbsch", "dcdcdcdcdcdcdch",
	"\x62\x62\x62\x62\x62\x62\x62\x62", "s\x63\x68xxxxx", "Bundesgeschäftsführerin", "Ministerpräsidentin"}

// TestHasSchMatchesRef compares hasSch with strings.Contains on every word
// the recogniser sees in the 10kGNAD articles (tokens and hyphen-joined
// words), their lower-case forms, and edge cases.
func TestHasSchMatchesRef(t *testing.T) {
	check := func(w string) {
		if got, want := hasSch(w), containsSchRef(w); got != want {
			t.Fatalf("hasSch(%q) = %v, want %v", w, got, want)
		}
	}
	for _, w := range schEdgeCases {
		check(w)
		check(strings.ToLower(w))
	}
	docs, _ := benchdata.Tokenized(t)
	n, hits := 0, 0
	var words []string
	var first []int
	for _, d := range docs {
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			for _, w := range words {
				check(w)
				check(strings.ToLower(w))
				n++
				if containsSchRef(w) {
					hits++
				}
			}
		}
	}
	if n == 0 || hits == 0 {
		t.Fatalf("%d words, %d with sch: the test compared nothing", n, hits)
	}
}

func FuzzHasSch(f *testing.F) {
	for _, w := range schEdgeCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasSch(w), containsSchRef(w); got != want {
			t.Fatalf("hasSch(%q) = %v, want %v", w, got, want)
		}
	})
}

// isFirstNameRef is isFirstName's loop over the parts of a hyphenated
// word before the parts were looked up in the key table: the reference of
// TestNameProbesMatchRef.
func (x *run) isFirstNameRef(w string) bool {
	if strings.IndexByte(w, '-') > 0 {
		for p := range strings.SplitSeq(w, "-") {
			if !x.r.m.first[p] {
				return false
			}
		}
		return true
	}
	return false
}

// partOfHyphenRef is partOf's branch for hyphenated words before one
// probe of the key table replaced the trie's and the two maps'.
func (x *run) partOfHyphenRef(f *form) {
	w := f.s
	if strings.HasSuffix(w, "-") || strings.HasPrefix(w, "-") {
		return
	}
	last := w[strings.LastIndexByte(w, '-')+1:]
	lastName := x.nameWordRef(last)
	for p := range strings.SplitSeq(w, "-") {
		typ := ""
		var e *Entry
		if e = x.single(p); e != nil {
			typ = e.Type
		} else if x.r.m.first[p] || x.r.m.surnames[p] {
			typ = "PER"
		} else if x.r.m.acronymPart && isAcronym(p) && !x.r.m.acronymStop[p] && utf8.RuneCountInString(p) <= 5 {
			typ = "ORG"
		}
		if typ == "" {
			continue
		}
		if lastName && p != last || lastName && typ == "PER" {
			f.partTyp = codeOf(typ)
			f.set(kPartWhole, true)
			return
		}
		f.partTyp, f.partE = partType(typ), e
		return
	}
}

// nameWordRef is nameWord before the key-table probe.
func (x *run) nameWordRef(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || isAcronym(w) {
		return false
	}
	if x.r.m.first[w] || x.r.m.surnames[w] || x.single(w) != nil {
		return true
	}
	if x.r.lex == nil || x.r.lex.IsCommonNoun(w) || x.r.m.nounSuffix(w) {
		return false
	}
	if x.r.comp != nil {
		if _, _, ok := x.r.comp.CompoundHead(w); ok {
			return false
		}
	}
	return true
}

// stripGenitiveRef is stripGenitive before the key-table probe.
func stripGenitiveRef(w string, m *Model) string {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return w
	}
	base := w[:len(w)-1]
	if m != nil && (m.surnames[base] || m.first[base] || m.names.rootNode(base) != nil) {
		return base
	}
	return w
}

// TestNameProbesMatchRef compares the key-table probes for first names,
// surnames and one-token names (isFirst, isFirstName, partOf's hyphen
// branch, nameWord, stripGenitive) with the Go maps and the trie they
// replaced, on every word of the 10kGNAD articles, each with a genitive
// -s, the hyphen compounds of neighbouring capitalised words, the lists'
// own names and edge cases.
func TestNameProbesMatchRef(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	m := r.m
	ws := []string{"", "-", "--", "a-", "-a", "Hans-", "-Peter", "Hans--Peter", "Hans-Peter", "Hans-Dietrich", "Jean-François-Marie",
		"US-Präsident", "Trump-Regierung", "Berlin-Mitte", "Köln-Wahn", "Müller-Sönksen", "Erkki-Sven", "TPP-Fraktion", "Merkels", "Putins", "Sss"}
	for w := range m.first {
		ws = append(ws, w, w+"s", w+"-Müller")
	}
	for w := range m.surnames {
		ws = append(ws, w, w+"s", "Anna-"+w)
	}
	k := 0
	for w := range m.names.root {
		if k++; k%5 == 0 {
			ws = append(ws, w, w+"s", w+"-Regierung", "Hans-"+w)
		}
	}
	docs, _ := benchdata.Tokenized(t)
	var words []string
	var first []int
	for _, d := range docs {
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			for i, w := range words {
				ws = append(ws, w, w+"s")
				if i > 0 && w != "" && words[i-1] != "" && unicode.IsUpper([]rune(w)[0]) && unicode.IsUpper([]rune(words[i-1])[0]) {
					ws = append(ws, words[i-1]+"-"+w)
				}
			}
		}
	}
	x := &run{r: r}
	hyphens, firsts, named, stripped, parts := 0, 0, 0, 0, 0
	for _, w := range ws {
		if got, want := m.isFirst(w), m.first[w]; got != want {
			t.Fatalf("isFirst(%q) = %v, want %v", w, got, want)
		} else if got {
			firsts++
		}
		if got, want := x.nameWord(w), x.nameWordRef(w); got != want {
			t.Fatalf("nameWord(%q) = %v, want %v", w, got, want)
		} else if got {
			named++
		}
		if got, want := stripGenitive(w, m), stripGenitiveRef(w, m); got != want {
			t.Fatalf("stripGenitive(%q) = %q, want %q", w, got, want)
		} else if got != w {
			stripped++
		}
		if got, want := stripGenitive(w, nil), stripGenitiveRef(w, nil); got != want {
			t.Fatalf("stripGenitive(%q, nil) = %q, want %q", w, got, want)
		}
		if !strings.Contains(w, "-") {
			continue
		}
		hyphens++
		var a, b form
		r.fill(&a, w)
		r.fill(&b, w)
		x.t = []tok{{form: &a}}
		if got, want := x.isFirstName(0), x.isFirstNameRef(a.s); got != want {
			t.Fatalf("isFirstName(%q) = %v, want %v", w, got, want)
		}
		x.partOf(&a)
		x.partOfHyphenRef(&b)
		a.known, a.facts = a.known&kPartWhole, a.facts&kPartWhole // isFirstName set kFirstName on a
		b.known, b.facts = b.known&kPartWhole, b.facts&kPartWhole
		if a != b {
			t.Fatalf("partOf(%q) = %v %p %b, want %v %p %b", w, a.partTyp, a.partE, a.facts, b.partTyp, b.partE, b.facts)
		}
		if a.partTyp != noType {
			parts++
		}
	}
	t.Logf("%d words: %d first names, %d names, %d genitives stripped; %d hyphenated, %d with a name part", len(ws), firsts, named, stripped, hyphens, parts)
	if firsts == 0 || named == 0 || stripped == 0 || hyphens == 0 || parts == 0 {
		t.Fatal("a case the test means to compare never came up")
	}
}

// inhabitantRef is inhabitant before its last-byte test: the reference of
// TestPlaceProbesMatchRef.
func (x *run) inhabitantRef(f *form) *Entry {
	w := f.s
	if !x.prefix(f).inhabit {
		return nil
	}
	m := x.r.m.inhabit
	if e := m[w]; e != nil {
		return e
	}
	for _, cut := range []string{"n", "en", "nen", "in", "innen", "s"} {
		if strings.HasSuffix(w, cut) {
			if e := m[w[:len(w)-len(cut)]]; e != nil {
				return e
			}
		}
	}
	return nil
}

// placeAdjectiveRef is placeAdjective before it tested the ending ahead
// of the prefix table.
func (x *run) placeAdjectiveRef(f *form) *Entry {
	w := f.s
	if len(w) < 6 {
		return nil
	}
	if !x.prefix(f).loc {
		return nil
	}
	var b string
	for _, suf := range []string{"erinnen", "erin", "ern", "er"} {
		if strings.HasSuffix(w, suf) {
			b = w[:len(w)-len(suf)]
			break
		}
	}
	if b == "" {
		return nil
	}
	// The candidates are built in a stack buffer: a map index with
	// string(bytes) does not allocate.
	var buf [64]byte
	root := x.r.m.names
	try := func(stem, suffix string) *Entry {
		if len(stem)+len(suffix) > len(buf) || utf8.RuneCountInString(stem)+len(suffix) < 4 {
			return nil
		}
		c := append(append(buf[:0], stem...), suffix...)
		if n := root.rootNodeBytes(c); n != nil && len(n.entries) > 0 && n.entries[0].Type == "LOC" {
			return n.entries[0]
		}
		return nil
	}
	if e := try(b, ""); e != nil { // Berlin|er
		return e
	}
	if e := try(b, "en"); e != nil { // Brem|er → Bremen
		return e
	}
	if e := try(b, "e"); e != nil { // Itzeho|er → Itzehoe
		return e
	}
	if strings.HasSuffix(b, "n") {
		if e := try(b[:len(b)-1], "en"); e != nil { // Münchn|er → München
			return e
		}
	}
	if strings.HasSuffix(b, "i") {
		if e := try(b[:len(b)-1], "ien"); e != nil { // Australi|er → Australien
			return e
		}
	}
	if strings.HasSuffix(b, "städt") {
		return try(b[:len(b)-len("städt")], "stadt") // Darmstädt|er
	}
	return nil
}

// TestPlaceProbesMatchRef compares inhabitant and placeAdjective with
// their references on every word of the 10kGNAD articles, the inhabitant
// nouns with each cut, the one-word places with the adjective endings,
// and edge cases.
func TestPlaceProbesMatchRef(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	ws := []string{"", "n", "s", "e", "er", "ern", "erin", "erinnen", "Berliner", "Berlinerinnen", "Münchner", "Bremer", "Itzehoer",
		"Australier", "Darmstädter", "Russe", "Russen", "Franzosen", "Schweizerinnen", "Regierung", "Stadt"}
	for w := range r.m.inhabit {
		ws = append(ws, w, w[:len(w)-1])
		for _, c := range inhabitCuts {
			ws = append(ws, w+c)
		}
	}
	k := 0
	for w := range r.m.names.root {
		if k++; k%3 == 0 {
			ws = append(ws, w+"er", w+"erin", w+"ern", strings.TrimSuffix(w, "en")+"er")
		}
	}
	docs, _ := benchdata.Tokenized(t)
	for _, d := range docs {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text)
		}
	}
	x := &run{r: r}
	inhab, adj := 0, 0
	for _, w := range ws {
		var a, b form
		r.fill(&a, w)
		r.fill(&b, w)
		if got, want := x.inhabitant(&a), x.inhabitantRef(&b); got != want {
			t.Fatalf("inhabitant(%q) = %p, want %p", w, got, want)
		} else if got != nil {
			inhab++
		}
		if got, want := x.placeAdjective(&a), x.placeAdjectiveRef(&b); got != want {
			t.Fatalf("placeAdjective(%q) = %p, want %p", w, got, want)
		} else if got != nil {
			adj++
		}
	}
	t.Logf("%d words: %d inhabitants, %d place adjectives", len(ws), inhab, adj)
	if inhab == 0 || adj == 0 {
		t.Fatal("a case the test means to compare never came up")
	}
}

// TestNormaliseNameIn compares normaliseNameIn with normaliseName, which
// builds the string, on the fields of every entity span of the 10kGNAD
// articles (and the span with a genitive s, with tabs, double, leading,
// trailing and non-ASCII spaces) and on edge cases.
func TestNormaliseNameIn(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	m := st.Recognizer().Model()
	texts := []string{"", " ", "a", "a b", "a  b", " a b", "a b ", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "a\u2009b c",
		"Angela Merkel", "Angela Merkels", "Wladimir Putins", "Vereinigte Staaten", "Hans Peter Müllers", "Bus s", "x s"}
	docs, _ := benchdata.Tokenized(t)
	spans := 0
	for _, d := range docs {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			x := e.Span.Text
			texts = append(texts, x, x+"s", strings.ReplaceAll(x, " ", "\t"), strings.ReplaceAll(x, " ", "  "), " "+x, x+" ", strings.ReplaceAll(x, " ", "\u00a0"))
			spans++
		}
	}
	var words []string
	fast := 0
	for _, x := range texts {
		words = appendFields(words[:0], x)
		got, want := normaliseNameIn(x, words, m), normaliseName(words, m)
		if got != want {
			t.Fatalf("normaliseNameIn(%q) = %q, want %q", x, got, want)
		}
		if len(words) > 1 && len(got) > 0 && unsafe.StringData(got) == unsafe.StringData(x) {
			fast++
		}
	}
	t.Logf("%d texts from %d spans, %d names without a new string", len(texts), spans, fast)
	if spans == 0 || fast == 0 {
		t.Fatal("a case the test means to compare never came up")
	}
}

// joinHyphensPrev is joinHyphens before it read the neighbour from its
// token: the reference of TestJoinHyphensMatchesPrev.
func joinHyphensPrev(text string, toks []document.Token, words []string, first []int) ([]string, []int) {
	w0, f0 := len(words), len(first)
	words = slices.Grow(words, len(toks))[:w0+len(toks)]
	first = slices.Grow(first, len(toks)+1)[:f0+len(toks)+1]
	ws, fs := words[w0:], first[f0:]
	w := 0
	prevEnd, prevHyphen := -1, false
	for k := range toks {
		t := &toks[k]
		hyphen := isHyphen(t.Text)
		if k > 0 && t.Start == prevEnd && (hyphen || prevHyphen) {
			// t joins the word before it.
			ws[w-1] = text[toks[fs[w-1]].Start:t.End]
		} else {
			fs[w], ws[w] = k, t.Text
			w++
		}
		prevEnd, prevHyphen = t.End, hyphen
	}
	fs[w] = len(toks)
	return words[:w0+w], first[:f0+w+1]
}

// TestJoinHyphensMatchesPrev compares joinHyphens with joinHyphensPrev on
// every sentence of the 10kGNAD articles, on each article as one
// sentence, on slices that already hold words, and on edge cases.
func TestJoinHyphensMatchesPrev(t *testing.T) {
	docs, _ := benchdata.Tokenized(t)
	edge := &document.Document{Text: "a-b - c -- d‐e ‑ f-"}
	// Hand-made tokens: touching and spaced hyphens, a leading and a
	// trailing one, runs of hyphens.
	for _, tk := range [][3]int{{0, 1}, {1, 2}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {9, 10}, {11, 12}, {12, 15}, {15, 16}, {17, 20}, {21, 22}, {22, 23}} {
		edge.Tokens = append(edge.Tokens, document.Token{Start: tk[0], End: tk[1], Text: edge.Text[tk[0]:tk[1]]})
	}
	docs = append(docs, edge)
	joined, n := 0, 0
	for _, d := range docs {
		spans := [][2]int{{0, len(d.Tokens)}, {0, 0}, {0, min(1, len(d.Tokens))}}
		for _, s := range d.Sentences {
			spans = append(spans, [2]int{s.TokStart, s.TokEnd})
		}
		for _, sp := range spans {
			toks := d.Tokens[sp[0]:sp[1]]
			for _, pre := range [][]string{nil, {"x", "y"}} {
				w0, f0 := slices.Clone(pre), make([]int, len(pre))
				w, f := joinHyphens(d.Text, toks, slices.Clone(w0), slices.Clone(f0))
				rw, rf := joinHyphensPrev(d.Text, toks, slices.Clone(w0), slices.Clone(f0))
				if !slices.Equal(w, rw) || !slices.Equal(f, rf) {
					t.Fatalf("%s: joinHyphens = %q %v, want %q %v", d.ID, w, f, rw, rf)
				}
				joined += len(toks) - (len(w) - len(pre))
				n++
			}
		}
	}
	t.Logf("%d token runs, %d tokens joined", n, joined)
	if joined == 0 {
		t.Fatal("no token run joins a hyphen: the test checks nothing")
	}
}

// memoKeyRef is memoKey as it was, with byte-wise loads: memoKeyBytes,
// which memokey_other.go keeps for the other architectures.
func memoKeyRef(s string) (a, b uint64) { return memoKeyBytes(s) }

// TestMemoKeyMatchesRef compares memoKey with memoKeyRef on every word of
// the 10kGNAD articles, every prefix of the long ones, and edge cases.
func TestMemoKeyMatchesRef(t *testing.T) {
	ws := []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "ä", "äö", "\x00", "\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"Bundesverfassungsgericht", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xef"}
	docs, _ := benchdata.Tokenized(t)
	for _, d := range docs {
		for _, tk := range d.Tokens {
			ws = append(ws, tk.Text)
		}
		for k := 0; k < 40 && k < len(d.Text); k++ {
			ws = append(ws, d.Text[:k], d.Text[len(d.Text)-k:])
		}
	}
	for _, w := range ws {
		a, b := memoKey(w)
		ra, rb := memoKeyRef(w)
		if a != ra || b != rb {
			t.Fatalf("memoKey(%q) = %x %x, want %x %x", w, a, b, ra, rb)
		}
	}
}

func FuzzMemoKey(f *testing.F) {
	for _, w := range []string{"", "a", "abc", "abcd", "abcdefgh", "Bundesverfassungsgericht"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		a, b := memoKey(w)
		ra, rb := memoKeyRef(w)
		if a != ra || b != rb {
			t.Fatalf("memoKey(%q) = %x %x, want %x %x", w, a, b, ra, rb)
		}
	})
}

// listsRef is lists before it held the tokens and the form in locals: the
// reference of TestListsMatchesRef.
func (x *run) listsRef() {
	for i := 0; i < len(x.t); {
		if f := x.t[i].form; f.known&kStarts == 0 {
			f.set(kStarts, x.mayStart(i))
		}
		if x.t[i].facts&kStarts == 0 {
			i++
			continue
		}
		end, e := x.longest(i)
		if e != nil && x.acceptList(i, end, e) {
			x.add(Mention{Start: i, End: end, Type: e.Type, Rule: listRule(e.Source), Canonical: e.Canonical, QID: e.QID})
			i = end
			continue
		}
		i++
	}
}

// TestListsMatchesRef runs lists and listsRef, each with a memo of its
// own, over every sentence of the 10kGNAD articles and compares the
// mentions and the coverage.
func TestListsMatchesRef(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	docs, _ := benchdata.Tokenized(t)
	var s1, s2 scratch
	var words []string
	var first []int
	found := 0
	for _, d := range docs {
		s1.forms.article()
		s2.forms.article()
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			t1, _ := r.prepare(&s1, words)
			t2, _ := r.prepare(&s2, words)
			x1 := &run{r: r, t: t1, cov: make([]bool, len(t1))}
			x2 := &run{r: r, t: t2, cov: make([]bool, len(t2))}
			x1.lists()
			x2.listsRef()
			if !slices.Equal(x1.ms, x2.ms) || !slices.Equal(x1.cov, x2.cov) {
				t.Fatalf("%s: lists(%q) = %v, want %v", d.ID, words, x1.ms, x2.ms)
			}
			found += len(x1.ms)
		}
	}
	t.Logf("%d mentions", found)
	if found == 0 {
		t.Fatal("lists found nothing: the test compares nothing")
	}
}

// patternsRef is patterns before it held x.cov in a local: the reference
// of TestPatternsMatchesRef.
func (x *run) patternsRef() {
	t := x.t
	n := len(t)
	for i := 0; i < n; i++ {
		if x.cov[i] && (i+1 >= n || !t[i+1].cap || !x.isRole(i)) {
			continue
		}
		if f := t[i].form; !f.cap {
			// inert's answer for a form that knows it, without the call:
			// most tokens of a sentence end here.
			if f.known&kInert != 0 {
				if f.facts&kInert != 0 {
					continue
				}
			} else if x.inert(i) {
				continue
			}
		}
		if t[i].cap && (i+1 >= n || !t[i+1].cap) && (i == 0 || x.cov[i-1] || !t[i-1].cap) {
			if v, ok := t[i].get(kPlain); ok && v || !ok && x.plain(i) {
				// Of the rules below, only placeSuffix and unknown can
				// type it, and neither a common noun nor a function word.
				if t[i].noun || t[i].fw || x.placeSuffix(i) {
					continue
				}
				if end := x.unknown(i); end > i {
					i = end - 1
				}
				continue
			}
		}
		w := t[i].s
		switch {
		case t[i].low && len(w) > 4: // no legal form or currency is a long lower-case word
		case !x.cov[i] && x.flag(i, capLegal) && i > 0:
			if k := x.extendLeft(i); k < i {
				x.add(Mention{Start: k, End: i + 1, Type: "ORG", Rule: "org-legal"})
				continue
			}
		case !x.cov[i] && x.flag(i, capCurrency):
			x.add(Mention{Start: i, End: i + 1, Type: "OTH", Rule: "oth-currency"})
			continue
		}
		if t[i].cap && !x.cov[i] && x.orgHead(i) {
			continue
		}
		isTitle := t[i].info&capTitle != 0
		if i+1 < n && x.cov[i+1] && t[i+1].cap && t[i].cap {
			// A listed person after a role noun (Präsident Wladimir Putin)
			// keeps the role for linking.
			if x.roleWord(i) {
				for k := range x.ms {
					if x.ms[k].Start == i+1 && x.ms[k].Type == "PER" {
						x.ms[k].Role = strings.ToLower(w)
					}
				}
			}
		}
		if i+1 < n && t[i+1].cap && !x.cov[i+1] && (isTitle || t[i].cap && x.roleWord(i)) && x.surnameLike(i+1) {
			if isTitle {
				if end := x.personRun(i+1, 3); end > i+1 {
					x.add(Mention{Start: i + 1, End: end, Type: "PER", Rule: "person-title"})
					i = end - 1
					continue
				}
			}
			if x.roleWord(i) && x.nameLike(i+1) {
				if end := x.nameRun(i+1, 3); end > i+1 && x.personish(i+1, end) {
					x.add(Mention{Start: i + 1, End: end, Type: "PER", Rule: "person-role", Role: strings.ToLower(w)})
					if !x.cov[i] {
						x.part(i)
					}
					i = end - 1
					continue
				}
			}
		}
		if x.cov[i] {
			continue
		}
		if t[i].cap && x.isFirstName(i) && !t[i].noun {
			end := x.personRun(i+1, 3)
			if end > i+1 || !t[i].initial || i+1 < n && !x.t[i+1].cap {
				x.add(Mention{Start: i, End: end, Type: "PER", Rule: "person-firstname"})
				i = end - 1
				continue
			}
		}
		if t[i].acr && x.acronym(i) {
			continue
		}
		if t[i].cap && x.street(i) {
			i++
			continue
		}
		if x.deriv(i) {
			continue
		}
		if t[i].cap && x.part(i) {
			continue
		}
		if t[i].cap && x.placeSuffix(i) {
			continue
		}
		if t[i].cap {
			if end := x.unknown(i); end > i {
				i = end - 1
			}
		}
	}
}

// TestPatternsMatchesRef runs lists and titles, then patterns or
// patternsRef, each with a memo of its own, over every sentence of the
// 10kGNAD articles and compares the mentions and the coverage.
func TestPatternsMatchesRef(t *testing.T) {
	st, err := DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	r := st.Recognizer()
	docs, _ := benchdata.Tokenized(t)
	var s1, s2 scratch
	var words []string
	var first []int
	found := 0
	for _, d := range docs {
		s1.forms.article()
		s2.forms.article()
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			t1, q := r.prepare(&s1, words)
			t2, _ := r.prepare(&s2, words)
			x1 := &run{r: r, t: t1, cov: make([]bool, len(t1))}
			x2 := &run{r: r, t: t2, cov: make([]bool, len(t2))}
			x1.lists()
			x2.lists()
			if q {
				x1.titles()
				x2.titles()
			}
			n := len(x1.ms)
			x1.patterns()
			x2.patternsRef()
			if !slices.Equal(x1.ms, x2.ms) || !slices.Equal(x1.cov, x2.cov) {
				t.Fatalf("%s: patterns(%q) = %v, want %v", d.ID, words, x1.ms, x2.ms)
			}
			found += len(x1.ms) - n
		}
	}
	t.Logf("%d mentions from patterns", found)
	if found == 0 {
		t.Fatal("patterns found nothing: the test compares nothing")
	}
}

// variantsRef is variants as a chain of HasSuffix calls: the reference of
// TestVariantsMatchesRef.
func variantsRef(w string, buf []string) []string {
	buf = append(buf, w)
	n := len(w)
	if n < 4 {
		return buf
	}
	switch {
	case strings.HasSuffix(w, "es"):
		buf = append(buf, w[:n-1], w[:n-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		buf = append(buf, w[:n-1])
	case strings.HasSuffix(w, "en"):
		buf = append(buf, w[:n-1], w[:n-2])
	case strings.HasSuffix(w, "n") || strings.HasSuffix(w, "'"):
		buf = append(buf, w[:n-1])
	}
	return buf
}

// TestVariantsMatchesRef compares variants with variantsRef on every word
// of the 10kGNAD articles, each with the endings variants removes, and
// edge cases.
func TestVariantsMatchesRef(t *testing.T) {
	ws := []string{"", "s", "es", "ses", "sses", "ss", "Hess", "Hans", "Haus", "Hauses", "Essen", "Esen", "Nenn", "Ren'", "ren''", "USA'", "abcn", "abc's", "Putins", "Russlands"}
	docs, _ := benchdata.Tokenized(t)
	var words []string
	var first []int
	for _, d := range docs {
		for _, s := range d.Sentences {
			words, first = joinHyphens(d.Text, d.Tokens[s.TokStart:s.TokEnd], words[:0], first[:0])
			for _, w := range words {
				ws = append(ws, w, w+"s", w+"es", w+"n", w+"en", w+"'", w+"ss")
			}
		}
	}
	var b1, b2 [4]string
	cut := 0
	for _, w := range ws {
		got, want := variants(w, b1[:0]), variantsRef(w, b2[:0])
		if !slices.Equal(got, want) {
			t.Fatalf("variants(%q) = %q, want %q", w, got, want)
		}
		cut += len(got) - 1
	}
	if cut == 0 {
		t.Fatal("no word has a variant: the test compares nothing")
	}
}
