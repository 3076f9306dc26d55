package timex

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// startTrie is the index of rules by start key (byPrefix) as a trie in a
// few flat arrays: it is walked at every word of every text, and in the
// pipeline the other stages' tables evict it between articles, so it is
// kept small (some 40 KB) and free of pointers. Nodes are numbered
// breadth first, so the shallow ones that nearly every walk touches sit
// together.
type startTrie struct {
	nodes []stNode
	edges []stEdge // a node's edges, ascending by rune, are contiguous
	root  [utf8.RuneSelf]uint32
	// rows has the ASCII children of the nodes of depth 1 to rowDepth,
	// where walks go most and nodes have the most edges, in rows of
	// nclass (l2NoChild for none) indexed by class: each of those steps
	// is one load.
	rows   []uint16
	class  [utf8.RuneSelf]uint8 // ASCII key rune → its column in rows, 0 for runes on no edge
	nclass int
	masks  []uint64 // rule sets, words per set each: the rules of every key on the path to the node, and anyStart
	words  int
	// first2 has the first two steps from the root for two ASCII key
	// runes, indexed by class(c0)*nclass+class(c1): the node reached,
	// with first2Stop set when the walk ends there, else with its row in
	// rows << 16 (nil when the nodes do not fit).
	first2 []uint32
	// some: bit n is set when node n has rules (its set is not empty).
	some []uint64
}

const first2Stop = 1 << 31

type stNode struct {
	first uint32 // of its edges
	n     uint16 // number of edges
	mask  uint16 // index of its rule set in masks
	l2    uint16 // for a node of depth 1 to rowDepth: 1 + its row in rows
	// r0 is the rune of the node's first edge (r0None for none, or for a
	// rune that does not fit), whose child is node first+1: nodes are
	// numbered in the order of their edges. Most of the deep nodes a walk
	// steps from have that one edge, so the step reads no edge.
	r0 uint16
}

const r0None = ^uint16(0)

type stEdge struct {
	r     rune
	child uint32
}

const noChild = ^uint32(0)

const l2NoChild = ^uint16(0)

// rowDepth is the depth of the deepest nodes given a row. On the 10kGNAD
// test articles, of some 620k steps per pass from nodes below the root's
// children, half start at depth 2; the deeper nodes have 2 edges on
// average and are many (234, 443, 865 at depths 3 to 5).
const rowDepth = 2

func buildStartTrie(byPrefix map[string][]int, anyStart []int, nrules int) (*startTrie, error) {
	type tnode struct {
		kids  map[rune]int
		rules []int
	}
	nodes := []*tnode{{kids: map[rune]int{}}}
	for k, rules := range byPrefix {
		n := 0
		for _, r := range k {
			c, ok := nodes[n].kids[r]
			if !ok {
				c = len(nodes)
				nodes = append(nodes, &tnode{kids: map[rune]int{}})
				nodes[n].kids[r] = c
			}
			n = c
		}
		nodes[n].rules = append(nodes[n].rules, rules...)
	}
	t := &startTrie{words: (nrules + 63) / 64}
	for i := range t.root {
		t.root[i] = noChild
	}
	// Breadth-first renumbering; a node's set is its parent's plus its own.
	order := []int{0}
	sets := [][]uint64{make([]uint64, t.words)}
	for _, ri := range anyStart {
		sets[0][ri/64] |= 1 << (ri % 64)
	}
	setIdx := map[string]uint32{}
	for q := 0; q < len(order); q++ {
		n := nodes[order[q]]
		set := sets[q]
		key := string(uint64sBytes(set))
		idx, ok := setIdx[key]
		if !ok {
			idx = uint32(len(t.masks) / t.words)
			setIdx[key] = idx
			t.masks = append(t.masks, set...)
		}
		runes := make([]rune, 0, len(n.kids))
		for r := range n.kids {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(a, b int) bool { return runes[a] < runes[b] })
		t.nodes = append(t.nodes, stNode{first: uint32(len(t.edges)), n: uint16(len(runes)), mask: uint16(idx)})
		for _, r := range runes {
			c := nodes[n.kids[r]]
			cs := append([]uint64(nil), set...)
			for _, ri := range c.rules {
				cs[ri/64] |= 1 << (ri % 64)
			}
			id := uint32(len(order))
			order = append(order, n.kids[r])
			sets = append(sets, cs)
			t.edges = append(t.edges, stEdge{r, id})
			if q == 0 && r < utf8.RuneSelf {
				t.root[r] = id
			}
		}
	}
	for n := range t.nodes {
		nd := &t.nodes[n]
		nd.r0 = r0None
		if nd.n > 0 {
			if e := t.edges[nd.first]; e.r < rune(r0None) && e.child == nd.first+1 {
				nd.r0 = uint16(e.r)
			}
		}
	}
	if len(t.nodes) < int(l2NoChild) {
		t.nclass = 1
		for _, e := range t.edges {
			if e.r < utf8.RuneSelf && t.class[e.r] == 0 {
				t.class[e.r] = uint8(t.nclass)
				t.nclass++
			}
		}
		// Nodes are breadth first: a node's depth is known when its
		// parent's is.
		depth := make([]int, len(t.nodes))
		for n := range t.nodes {
			nd := &t.nodes[n]
			for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
				depth[e.child] = depth[n] + 1
			}
			if depth[n] < 1 || depth[n] > rowDepth || nd.n == 0 {
				continue
			}
			row := len(t.rows) / t.nclass
			for k := 0; k < t.nclass; k++ {
				t.rows = append(t.rows, l2NoChild)
			}
			for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
				if e.r < utf8.RuneSelf {
					t.rows[row*t.nclass+int(t.class[e.r])] = uint16(e.child)
				}
			}
			nd.l2 = uint16(row + 1)
		}
	}
	t.some = make([]uint64, (len(t.nodes)+63)/64)
	for n := range t.nodes {
		if !noRules(t.rules(uint32(n))) {
			t.some[n/64] |= 1 << (n % 64)
		}
	}
	if t.nclass > 0 && len(t.nodes) <= 1<<16 && len(t.rows)/t.nclass < 1<<15 {
		// A class of rows is one ASCII rune; class 0 is the runes on no edge.
		reps := make([]rune, t.nclass)
		reps[0] = -1
		for r := rune(0); r < utf8.RuneSelf; r++ {
			if t.class[r] != 0 {
				reps[t.class[r]] = r
			}
		}
		t.first2 = make([]uint32, t.nclass*t.nclass)
		for a, r0 := range reps {
			for b, r1 := range reps {
				// The generic walk's first two steps (see walk).
				e := uint32(first2Stop) // no child at the root: node 0
				if n1 := t.rootChild(r0); n1 != noChild {
					e = n1 | first2Stop
					if t.nodes[n1].n > 0 && r1 >= 0 {
						if n2 := t.child(n1, r1); n2 != noChild {
							// A node of depth 2 with children has a row; one
							// without ends the walk.
							if nd := t.nodes[n2]; nd.n > 0 {
								e = n2 | uint32(nd.l2-1)<<16
							} else {
								e = n2 | first2Stop
							}
						}
					}
				}
				t.first2[a*t.nclass+b] = e
			}
		}
	}
	if len(t.masks)/t.words > 1<<16 {
		return nil, fmt.Errorf("timex: %d distinct rule sets in the start-key trie, more than it can number", len(t.masks)/t.words)
	}
	return t, nil
}

func uint64sBytes(s []uint64) []byte {
	b := make([]byte, 0, 8*len(s))
	for _, w := range s {
		for k := 0; k < 64; k += 8 {
			b = append(b, byte(w>>k))
		}
	}
	return b
}

func (t *startTrie) hasChildren(n uint32) bool { return t.nodes[n].n > 0 }

// hasRules reports whether node n has rules.
func (t *startTrie) hasRules(n uint32) bool { return t.some[n/64]>>(n%64)&1 != 0 }

// rootChild returns the root's child under the ASCII key rune r (none
// for r < 0).
func (t *startTrie) rootChild(r rune) uint32 {
	if r < 0 {
		return noChild
	}
	return t.root[r]
}

// child returns the child of n under key rune r, or noChild.
func (t *startTrie) child(n uint32, r rune) uint32 {
	nd := &t.nodes[n]
	for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
		if e.r == r {
			return e.child
		}
	}
	return noChild
}

// walk returns the node of the start trie reached from the word start i
// of text (text[i] is no blank): up to prefixLen key runes, a run of white space counting as
// one blank, until a node without the next rune's child. Two ASCII runes
// take the first two steps with one load of first2; the steps from the
// other shallow nodes are one load each; deeper nodes have few edges,
// in ascending order.
func (t *startTrie) walk(text string, i int) uint32 {
	node, j, k := uint32(0), i, 0
	if i+1 < len(text) && t.first2 != nil && (text[i]|text[i+1]) < utf8.RuneSelf {
		c1 := keyASCII[text[i+1]]
		e := t.first2[int(t.class[keyASCII[text[i]]])*t.nclass+int(t.class[c1])]
		if e&first2Stop != 0 {
			return e &^ first2Stop
		}
		node, j, k = e&0xFFFF, i+2, 2
		if c1 == ' ' {
			for j < len(text) && text[j] < utf8.RuneSelf && keyASCII[text[j]] == ' ' {
				j++
			}
		}
		// The third step, from the row first2 gave (the node has children).
		if j >= len(text) || text[j] >= utf8.RuneSelf {
			goto generic
		}
		c := keyASCII[text[j]]
		j++
		if c == ' ' {
			for j < len(text) && text[j] < utf8.RuneSelf && keyASCII[text[j]] == ' ' {
				j++
			}
		}
		x := t.rows[int(e>>16)*t.nclass+int(t.class[c])]
		if x == l2NoChild {
			return node
		}
		node, k = uint32(x), 3
	}
generic:
	for ; k < prefixLen && j < len(text); k++ {
		nd := &t.nodes[node]
		if nd.n == 0 {
			break
		}
		c, sz := rune(text[j]), 1
		if c < utf8.RuneSelf {
			c = rune(keyASCII[c])
		} else {
			c, sz = utf8.DecodeRuneInString(text[j:])
			c = keyRune(c)
		}
		j += sz
		if c == ' ' { // a run of white space is one blank in a key
			for j < len(text) && text[j] < utf8.RuneSelf && keyASCII[text[j]] == ' ' {
				j++
			}
		}
		next := noChild
		switch {
		case node == 0 && c < utf8.RuneSelf:
			next = t.root[c]
		case nd.l2 != 0 && c < utf8.RuneSelf:
			if x := t.rows[int(nd.l2-1)*t.nclass+int(t.class[c])]; x != l2NoChild {
				next = uint32(x)
			}
		case nd.r0 != r0None && c == rune(nd.r0):
			next = nd.first + 1
		case nd.n > 1 || nd.r0 == r0None:
			for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
				if e.r >= c {
					if e.r == c {
						next = e.child
					}
					break
				}
			}
		}
		if next == noChild {
			break
		}
		node = next
	}
	return node
}

// rules returns the rule set of node n (words uint64s, bit i = rule i).
func (t *startTrie) rules(n uint32) []uint64 {
	k := int(t.nodes[n].mask) * t.words
	return t.masks[k : k+t.words]
}
