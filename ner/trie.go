package ner

import "strings"

// trie maps token sequences to entries. A name of n space-separated words
// is n levels deep, so matching walks the sentence's tokens and needs no
// re-tokenisation of the text; the longest path that ends in an entry wins.
type trie struct {
	root map[string]*tnode
}

type tnode struct {
	entries []*Entry
	next    map[string]*tnode
}

func newTrie() *trie { return &trie{root: map[string]*tnode{}} }

// add stores e under the words of name. Later entries from the curated
// table go first, so that they override the generated lists.
func (t *trie) add(name string, e *Entry) {
	words := strings.Fields(name)
	if len(words) == 0 {
		return
	}
	level := t.root
	var n *tnode
	for i, w := range words {
		n = level[w]
		if n == nil {
			n = &tnode{}
			level[w] = n
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
