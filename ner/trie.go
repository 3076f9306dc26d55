package ner

import (
	"hash/maphash"
	"strings"
)

// trie maps token sequences to entries. A name of n space-separated words
// is n levels deep, so matching walks the sentence's tokens and needs no
// re-tokenisation of the text; the longest path that ends in an entry wins.
type trie struct {
	root map[string]*tnode
	// filter is a small Bloom filter over the root's keys (its rootSet):
	// most tokens start no name, and a miss in a table of bits is cheaper
	// than a probe into a map of 35,000 keys that does not fit the cache.
	// The model sets it once the trie is built.
	filter *keyFilter
	keys   *keyTable // the root's keys and nodes, with capInfo's (see keyTable)

	// roots lists the root's keys and nodes in the order they were added,
	// while the model is built: walking it touches nodes in the order of
	// their chunks, walking the map touches them at random.
	roots []tedge

	nodes []tnode  // the chunk new nodes are taken from (see newNode)
	lists []*Entry // the chunk one-entry lists are taken from (see one)
}

// rootNode returns the root node of word w, or nil.
func (t *trie) rootNode(w string) *tnode {
	h := t.filter.keyHash(w)
	if !t.filter.hasHash(rootSet, h) {
		return nil
	}
	return t.keys.node(t.keys.find(h, w))
}

// rootNodeBytes is rootNode for a word built in a buffer.
func (t *trie) rootNodeBytes(w []byte) *tnode {
	h := maphash.Bytes(t.filter.seed, w)
	if !t.filter.hasHash(rootSet, h) {
		return nil
	}
	return t.keys.node(t.keys.findBytes(h, w))
}

type tnode struct {
	entries []*Entry
	next    []tedge // the next level; most nodes have one or two children
}

// tedge is one child of a tnode. A short slice scanned in order is
// cheaper to build and to probe than a Go map per node.
type tedge struct {
	w string
	n *tnode
}

// child returns the child of n under word w, or nil.
func (n *tnode) child(w string) *tnode {
	for i := range n.next {
		if n.next[i].w == w {
			return n.next[i].n
		}
	}
	return nil
}

func newTrie() *trie {
	// Sized for the embedded lists (about 36,000 first words), so loading
	// does not rehash the map again and again.
	return &trie{root: make(map[string]*tnode, 40000), roots: make([]tedge, 0, 40000)}
}

// maxNameWords is the most words a name may have to be stored without an
// allocation for its word list.
const maxNameWords = 16

// add stores e under the words of name, and under the weak adjective
// forms of a leading adjective (Naher Osten → Nahen Osten, Nahe Osten;
// Kalter Krieg → Kalten Krieg), which the matcher's ending variants do not
// reach. Entries from the curated table go first, so that they override
// the generated lists.
func (t *trie) add(name string, e *Entry) {
	var buf [maxNameWords]string
	words := appendFields(buf[:0], name)
	if len(words) == 0 {
		return
	}
	if len(words) > 1 && len(words[0]) > 4 && strings.HasSuffix(words[0], "er") {
		first := words[0]
		stem := first[:len(first)-2]
		words[0] = stem + "en"
		t.addWords(words, e)
		words[0] = stem + "e"
		t.addWords(words, e)
		words[0] = first
	}
	t.addWords(words, e)
}

func (t *trie) addWords(words []string, e *Entry) {
	n := t.root[words[0]]
	if n == nil {
		n = t.newNode()
		t.root[words[0]] = n
		t.roots = append(t.roots, tedge{words[0], n})
	}
	for _, w := range words[1:] {
		c := n.child(w)
		if c == nil {
			c = t.newNode()
			n.next = append(n.next, tedge{w, c})
		}
		n = c
	}
	switch {
	case e.Source == "entities":
		n.entries = append([]*Entry{e}, n.entries...)
	case n.entries == nil:
		n.entries = t.one(e)
	default:
		n.entries = append(n.entries, e)
	}
}

// trieChunk is how many nodes (and one-entry lists) are allocated at once:
// a few hundred allocations for the 50,000 nodes of the embedded lists
// instead of one each, and nodes built together lie together in memory.
const trieChunk = 1024

func (t *trie) newNode() *tnode {
	if len(t.nodes) == cap(t.nodes) {
		t.nodes = make([]tnode, 0, trieChunk)
	}
	t.nodes = t.nodes[:len(t.nodes)+1]
	return &t.nodes[len(t.nodes)-1]
}

// one returns the list [e] with a capacity of one, so that a second entry
// makes append copy it rather than share the chunk.
func (t *trie) one(e *Entry) []*Entry {
	if len(t.lists) == cap(t.lists) {
		t.lists = make([]*Entry, 0, trieChunk)
	}
	k := len(t.lists)
	t.lists = append(t.lists, e)
	return t.lists[k : k+1 : k+1]
}

// exact returns the entries stored under name.
func (t *trie) exact(name string) []*Entry {
	var n *tnode
	for w := range strings.FieldsSeq(name) {
		if n == nil {
			n = t.root[w]
		} else {
			n = n.child(w)
		}
		if n == nil {
			return nil
		}
	}
	if n == nil {
		return nil
	}
	return n.entries
}
