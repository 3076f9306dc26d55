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
	// level2 has the ASCII children of the root's children in rows of
	// 128 (l2NoChild for none): the second step of a walk, where nodes
	// have the most edges, is one load too.
	level2 []uint16
	masks  []uint64 // rule sets, words per set each: the rules of every key on the path to the node, and anyStart
	words  int
}

type stNode struct {
	first uint32 // of its edges
	n     uint16 // number of edges
	mask  uint16 // index of its rule set in masks
	l2    uint16 // for a child of the root: 1 + its row in level2
}

type stEdge struct {
	r     rune
	child uint32
}

const noChild = ^uint32(0)

const l2NoChild = ^uint16(0)

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
		for _, e := range t.edges[t.nodes[0].first : t.nodes[0].first+uint32(t.nodes[0].n)] {
			nd := &t.nodes[e.child]
			row := len(t.level2) / utf8.RuneSelf
			t.level2 = append(t.level2, make([]uint16, utf8.RuneSelf)...)
			for k := range t.level2[row*utf8.RuneSelf:] {
				t.level2[row*utf8.RuneSelf+k] = l2NoChild
			}
			for _, e2 := range t.edges[nd.first : nd.first+uint32(nd.n)] {
				if e2.r < utf8.RuneSelf {
					t.level2[row*utf8.RuneSelf+int(e2.r)] = uint16(e2.child)
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

// next returns n's child for key rune r, or noChild.
func (t *startTrie) next(n uint32, r rune) uint32 {
	if n == 0 && r < utf8.RuneSelf {
		return t.root[r]
	}
	nd := t.nodes[n]
	if nd.l2 != 0 && r < utf8.RuneSelf {
		if c := t.level2[int(nd.l2-1)*utf8.RuneSelf+int(r)]; c != l2NoChild {
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

// rules returns the rule set of node n (words uint64s, bit i = rule i).
func (t *startTrie) rules(n uint32) []uint64 {
	k := int(t.nodes[n].mask) * t.words
	return t.masks[k : k+t.words]
}
