package ner

import (
	"strings"
)

// trie maps token sequences to entries. A name of n space-separated words
// is n levels deep, so matching walks the sentence's tokens and needs no
// re-tokenisation of the text; the longest path that ends in an entry wins.
type trie struct {
	root map[string]*tnode
	// filter is a small Bloom filter over the root's keys: most tokens
	// start no name, and a miss in 128 KB of bits is cheaper than a probe
	// into a map of 35,000 keys that does not fit the cache.
	filter *keyFilter
}

func (t *trie) mark(w string) { t.filter.add(w) }

// rootNode returns the root node of word w, or nil.
func (t *trie) rootNode(w string) *tnode {
	if !t.filter.has(w) {
		return nil
	}
	return t.root[w]
}

// rootNodeBytes is rootNode for a word built in a buffer.
func (t *trie) rootNodeBytes(w []byte) *tnode {
	if !t.filter.hasBytes(w) {
		return nil
	}
	return t.root[string(w)] // the conversion in a map index does not allocate
}

type tnode struct {
	entries []*Entry
	next    map[string]*tnode
}

func newTrie() *trie {
	// Sized for the embedded lists (about 36,000 first words), so loading
	// does not rehash the map again and again.
	return &trie{root: make(map[string]*tnode, 40000), filter: newKeyFilter(1 << 16)}
}

// add stores e under the words of name, and under the weak adjective
// forms of a leading adjective (Naher Osten → Nahen Osten, Nahe Osten;
// Kalter Krieg → Kalten Krieg), which the matcher's ending variants do not
// reach. Entries from the curated table go first, so that they override
// the generated lists.
func (t *trie) add(name string, e *Entry) {
	words := strings.Fields(name)
	if len(words) == 0 {
		return
	}
	if len(words) > 1 && len(words[0]) > 4 && strings.HasSuffix(words[0], "er") {
		stem := words[0][:len(words[0])-2]
		rest := strings.Join(words[1:], " ")
		t.addWords(strings.Fields(stem+"en "+rest), e)
		t.addWords(strings.Fields(stem+"e "+rest), e)
	}
	t.addWords(words, e)
}

func (t *trie) addWords(words []string, e *Entry) {
	level := t.root
	var n *tnode
	for i, w := range words {
		n = level[w]
		if n == nil {
			n = &tnode{}
			level[w] = n
			if i == 0 {
				t.mark(w)
			}
		}
		if i < len(words)-1 {
			if n.next == nil {
				n.next = map[string]*tnode{}
			}
			level = n.next
		}
	}
	if e.Source == "entities" {
		n.entries = append([]*Entry{e}, n.entries...)
	} else {
		n.entries = append(n.entries, e)
	}
}

// exact returns the entries stored under name.
func (t *trie) exact(name string) []*Entry {
	words := strings.Fields(name)
	level := t.root
	for i, w := range words {
		n := level[w]
		if n == nil {
			return nil
		}
		if i == len(words)-1 {
			return n.entries
		}
		level = n.next
	}
	return nil
}
