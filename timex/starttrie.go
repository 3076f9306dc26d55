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
}

type stNode struct {
	first uint32 // of its edges
	n     uint16 // number of edges
	mask  uint16 // index of its rule set in masks
	l2    uint16 // for a node of depth 1 to rowDepth: 1 + its row in rows
}

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

// rules returns the rule set of node n (words uint64s, bit i = rule i).
func (t *startTrie) rules(n uint32) []uint64 {
	k := int(t.nodes[n].mask) * t.words
	return t.masks[k : k+t.words]
}
