package timex

import (
	"fmt"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
)

// Most rules can only match where certain strings occur (a unit name, a
// month, "uhr"): their needle sets (see required and requiredAll). Rather
// than searching each set in each window a rule is tried on, one pass of
// an Aho–Corasick automaton over the article lowered as lowerInto does
// finds every needle once; a window's sets are then read off the
// occurrences inside it, and a rule is tried only when all its sets are
// there.

// maxNeedleSets bounds the sets a window records (bits of a setMask).
const maxNeedleSets = 128

type setMask [maxNeedleSets / 64]uint64

func (m *setMask) or(o *setMask) {
	for k := range m {
		m[k] |= o[k]
	}
}

// covers reports whether m has every set of need.
func (m *setMask) covers(need *setMask) bool {
	for k := range m {
		if m[k]&need[k] != need[k] {
			return false
		}
	}
	return true
}

func (m *setMask) set(i int) { m[i/64] |= 1 << (i % 64) }

func (m *setMask) empty() bool {
	for _, w := range m {
		if w != 0 {
			return false
		}
	}
	return true
}

// needleIndex is the automaton over all needles of all sets, a DFA on
// byte classes (bytes that occur in no needle share class 0). The table
// is stored by class (a column of all states per class) with the states
// numbered breadth first, so that the shallow states, where a scan
// spends most bytes, sit together in a few cache lines of each column
// (by state, each state visited is a line of its own); the states where
// needles end are numbered last, so the scan loop is one load of the
// column offset, one table load and one comparison per byte.
type needleIndex struct {
	class    [256]uint8
	nclass   int
	col      [256]uint16 // byte → class*states, the offset of its column in delta
	delta    []uint16    // class*states + state → next state
	outFrom  int         // states from here on end needles
	outStart []uint32    // state s emits outIDs[outStart[s]:outStart[s+1]]
	outIDs   []uint16
	// raw: class already maps upper case to lower case as lowerInto
	// does (see build), so scan needs no lowering.
	raw    bool
	list   []string  // needle → its string
	length []uint8   // needle → length in bytes
	sets   []setMask // needle → the sets it belongs to
	// exotic lists runes that case-fold to a needle letter but that
	// lowerInto leaves alone (ſ for s, K for k): a text holding one gets
	// no extra sets (see Rule.extraMask).
	exotic []string
}

// setTable collects the distinct needle sets of the rules.
type setTable struct {
	ids     map[string]int
	needles map[string]int
	list    []string // needle strings by id
	members [][]int  // set → needle ids
}

func newSetTable() *setTable {
	return &setTable{ids: map[string]int{}, needles: map[string]int{}}
}

// add returns the id of the set of needles, or -1 when the table is full.
func (t *setTable) add(needles []string) int {
	// A needle holding another of its set adds nothing: where it occurs,
	// so does the other.
	var s []string
	for _, n := range needles {
		redundant := false
		for _, o := range needles {
			if o != n && strings.Contains(n, o) {
				redundant = true
				break
			}
		}
		if !redundant {
			s = append(s, n)
		}
	}
	sort.Strings(s)
	s = slicesCompact(s)
	key := strings.Join(s, "\x00")
	if id, ok := t.ids[key]; ok {
		return id
	}
	if len(t.members) == maxNeedleSets {
		return -1
	}
	id := len(t.members)
	t.ids[key] = id
	var m []int
	for _, n := range s {
		nid, ok := t.needles[n]
		if !ok {
			nid = len(t.list)
			t.needles[n] = nid
			t.list = append(t.list, n)
		}
		m = append(m, nid)
	}
	t.members = append(t.members, m)
	return id
}

func (t *setTable) build(extra map[string]bool) (*needleIndex, error) {
	ix := &needleIndex{list: t.list}
	ix.length = make([]uint8, len(t.list))
	ix.sets = make([]setMask, len(t.list))
	for sid, m := range t.members {
		for _, nid := range m {
			ix.sets[nid].set(sid)
		}
	}
	// Byte classes. lowerInto lowers a byte of 0x80–0x9E (but 0x97) only
	// after 0xC3 (Ä is 0xC3 0x84); the raw scan gives such a byte its
	// lower-case class everywhere. That finds the same needles as long as
	// no needle holds an upper-case byte and each lowered continuation
	// byte of a needle comes after its 0xC3: a stray byte cannot then be
	// part of a needle either way.
	ix.raw = true
	for _, n := range t.list {
		if len(n) > 255 {
			return nil, fmt.Errorf("timex: needle %q too long", n)
		}
		for k := 0; k < len(n); k++ {
			c := n[k]
			if c >= 'A' && c <= 'Z' || lowered2(c) || lowered2(c-0x20) && c >= 0xA0 && (k == 0 || n[k-1] != 0xC3) {
				ix.raw = false
			}
			if ix.class[c] == 0 {
				ix.nclass++
				ix.class[c] = uint8(ix.nclass)
			}
		}
	}
	ix.nclass++
	if ix.raw {
		for c := 'A'; c <= 'Z'; c++ {
			ix.class[c] = ix.class[c+'a'-'A']
		}
		for c := 0x80; c < 0x100; c++ {
			if lowered2(byte(c)) {
				ix.class[c] = ix.class[c+0x20]
			}
		}
	}
	// Trie.
	type node struct {
		next map[uint8]int
		fail int
		out  []uint16
	}
	nodes := []*node{{next: map[uint8]int{}}}
	for nid, n := range t.list {
		ix.length[nid] = uint8(len(n))
		s := 0
		for k := 0; k < len(n); k++ {
			c := ix.class[n[k]]
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = len(nodes)
				nodes = append(nodes, &node{next: map[uint8]int{}})
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, uint16(nid))
	}
	if len(nodes)*ix.nclass > 1<<16 {
		return nil, fmt.Errorf("timex: needle automaton of %d states × %d byte classes too large", len(nodes), ix.nclass)
	}
	// Failure links and the DFA (trie state numbers), breadth first.
	delta := make([]int, len(nodes)*ix.nclass)
	queue := []int{}
	for c := 1; c < ix.nclass; c++ {
		if nx, ok := nodes[0].next[uint8(c)]; ok {
			delta[c] = nx
			queue = append(queue, nx)
		}
	}
	var bfsOrder []int // the states but the root, breadth first
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		bfsOrder = append(bfsOrder, s)
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		for c := 0; c < ix.nclass; c++ {
			if nx, ok := nodes[s].next[uint8(c)]; ok && c != 0 {
				nodes[nx].fail = delta[f*ix.nclass+c]
				delta[s*ix.nclass+c] = nx
				queue = append(queue, nx)
			} else {
				delta[s*ix.nclass+c] = delta[f*ix.nclass+c]
			}
		}
	}
	// Renumber: states without output first (the root stays 0), each
	// part breadth first (the order of the queue above).
	bfs := append([]int{0}, bfsOrder...)
	num := make([]int, len(nodes))
	var order []int
	for pass := 0; pass < 2; pass++ {
		for _, s := range bfs {
			if (len(nodes[s].out) > 0) == (pass == 1) {
				num[s] = len(order)
				order = append(order, s)
			}
		}
	}
	ns := len(nodes)
	for b := range ix.col {
		ix.col[b] = uint16(int(ix.class[b]) * ns)
	}
	ix.outFrom = ns
	ix.delta = make([]uint16, ns*ix.nclass)
	ix.outStart = make([]uint32, ns+1)
	for k, s := range order {
		if len(nodes[s].out) > 0 && k < ix.outFrom {
			ix.outFrom = k
		}
		for c := 0; c < ix.nclass; c++ {
			ix.delta[c*ns+k] = uint16(num[delta[s*ix.nclass+c]])
		}
		ix.outStart[k] = uint32(len(ix.outIDs))
		ix.outIDs = append(ix.outIDs, nodes[s].out...)
	}
	ix.outStart[ns] = uint32(len(ix.outIDs))
	// Exotic runes: the case-fold partners of extra needles' letters that
	// lowerInto does not bring to the needle's letter.
	seen := map[rune]bool{}
	for n := range extra {
		for _, r := range n {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if seen[f] || string(lowerInto(nil, string(f))) == string(r) {
					continue
				}
				seen[f] = true
				ix.exotic = append(ix.exotic, string(f))
			}
		}
	}
	sort.Strings(ix.exotic)
	return ix, nil
}

// indexNeedles gives each rule its needle sets and builds the automaton.
func (rs *Rules) indexNeedles() error {
	tbl := newSetTable()
	extra := map[string]bool{}
	// The sets of needs first: they are not optional, so they must all
	// get a place in the table.
	needID := make([]int, len(rs.rules))
	for i, r := range rs.rules {
		needID[i] = -1
		if r.needs != nil {
			needID[i] = tbl.add(r.needs)
			if needID[i] < 0 {
				return fmt.Errorf("timex: more than %d needle sets", maxNeedleSets)
			}
			r.needMask.set(needID[i])
		}
	}
	for i, r := range rs.rules {
	sets:
		for _, set := range requiredAll(r.syn) {
			// A set with a two-letter needle (er, de, in) is in nearly
			// every window: it would filter nothing and cost an
			// occurrence every few bytes.
			for _, n := range set {
				if len(n) < 3 {
					continue sets
				}
			}
			id := tbl.add(set)
			if id < 0 || id == needID[i] {
				continue
			}
			r.extraMask.set(id)
			for _, n := range set {
				extra[n] = true
			}
		}
	}
	ix, err := tbl.build(extra)
	if err != nil {
		// The extra sets only save regexp runs: without them the
		// automaton holds the needs alone.
		tbl = newSetTable()
		for _, r := range rs.rules {
			r.needMask, r.extraMask = setMask{}, setMask{}
			if r.needs != nil {
				r.needMask.set(tbl.add(r.needs))
			}
		}
		if ix, err = tbl.build(nil); err != nil {
			return err
		}
	}
	rs.needles = ix
	return nil
}

// lowered2 reports whether lowerInto lowers c when it follows 0xC3.
func lowered2(c byte) bool { return c >= 0x80 && c <= 0x9E && c != 0x97 }

// occurrence is a needle found in a text: bytes [end-len, end).
type occurrence struct {
	end uint32
	id  uint16
}

// scan appends the needles of text, lowered as lowerInto does, in order
// of their end.
func (ix *needleIndex) scan(dst []occurrence, text string) []occurrence {
	var st scanState
	return ix.scanTo(dst, text, &st, 0, len(text))
}

// scanState is where a scan of a text stands: bytes [0, p) are scanned
// (from some restart on), the automaton in state s.
type scanState struct{ p, s int }

// scanTo scans text up to byte to, appending the needles that end there
// and start at from or later (and maybe some that start before): a scan
// that stands before from restarts at from in the root state, which
// finds every needle starting there or later, as the whole scan does,
// and skips the bytes between. Find scans only the windows it asks
// about: of the 2.74 MB of the 10kGNAD test articles, 1.45 MB.
func (ix *needleIndex) scanTo(dst []occurrence, text string, st *scanState, from, to int) []occurrence {
	if st.p < from {
		st.p, st.s = from, 0
	}
	p, s, delta, col, outFrom := st.p, st.s, ix.delta, &ix.col, ix.outFrom
	if p >= to {
		return dst
	}
	if ix.raw {
		win := text[:to]
		for p < to {
			if p, s = runDFA(delta, col, outFrom, win, p, s); s >= outFrom {
				dst = ix.emit(dst, s, p-1)
			}
		}
		st.p, st.s = p, s
		return dst
	}
	prevC3 := p > 0 && text[p-1] == 0xC3
	for ; p < to; p++ {
		b := text[p]
		switch {
		case b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		case prevC3 && lowered2(b):
			b += 0x20
		}
		prevC3 = text[p] == 0xC3
		s = int(delta[int(col[b])+s])
		if s >= outFrom {
			dst = ix.emit(dst, s, p)
		}
	}
	st.p, st.s = p, s
	return dst
}

// runDFA steps the raw automaton from state s over text[p:] until a state
// where needles end (returning the position after that byte) or the end
// of the text: a loop of its own, so that its few variables stay in
// registers.
func runDFA(delta []uint16, col *[256]uint16, outFrom int, text string, p, s int) (int, int) {
	for p < len(text) {
		s = int(delta[int(col[text[p]])+s])
		p++
		if s >= outFrom {
			return p, s
		}
	}
	return p, s
}

func (ix *needleIndex) emit(dst []occurrence, state, p int) []occurrence {
	for _, id := range ix.outIDs[ix.outStart[state]:ix.outStart[state+1]] {
		dst = append(dst, occurrence{end: uint32(p + 1), id: id})
	}
	return dst
}

func (ix *needleIndex) hasExotic(text string) bool {
	for _, e := range ix.exotic {
		if strings.Contains(text, e) {
			return true
		}
	}
	return false
}

// requiredAll returns sets of lowercased strings such that every match of
// re contains a string of each set: the conjunction over a concatenation's
// parts, each part's set found by required's rules but of any size.
// Strings whose letters lowerInto does not lower as strings.ToLower does
// are not used.
func requiredAll(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpAlternate:
		if set, ok := requiredAny(re); ok {
			return [][]string{set}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredAll(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredAll(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, requiredAll(sub)...)
		}
		return out
	}
	return nil
}

// requiredAny is required without its limit on digits: any literal
// counts that has no white space and that lowerInto lowers as
// strings.ToLower does.
func requiredAny(re *syntax.Regexp) ([]string, bool) {
	return requiredSet(re, func(lower string, runes []rune) bool {
		return !strings.ContainsAny(lower, " \t\n\r\f\v") && string(lowerInto(nil, string(runes))) == lower
	})
}
