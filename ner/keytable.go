package ner

import (
	"hash/maphash"
	"strings"
)

// keyTable answers, for the keys of the model's two big string maps (the
// cap* flags of capInfo and the name trie's roots), both questions from one
// open-addressing table keyed by the hash the keyFilter already computed: a
// probe is one 16-byte slot and the key's bytes in one blob, where a Go map
// of strings costs its control word, its slot and the key's own allocation
// (two or three cache misses on a word the other stages evicted). The maps
// stay in the model for loading and as the reference of the tests.
type keyTable struct {
	slots []keySlot // len is a power of two; n == 0 marks an empty slot
	mask  uint64
	blob  string   // the keys, one after the other
	nodes []*tnode // root nodes; keySlot.root is an index + 1
}

// keySlot is one key of a keyTable.
type keySlot struct {
	fp    uint32 // the hash's top half
	off   uint32 // the key in blob
	n     uint16 // its length + 1
	flags uint16 // capInfo's flags (0 for a root that is no capInfo key)
	root  uint32 // index + 1 in nodes, 0 when the key is no root
}

// keyHash is the hash of a key for both the filter and the table.
func (f *keyFilter) keyHash(s string) uint64 { return maphash.String(f.seed, s) }

// slot is the home slot of hash h.
func (t *keyTable) slot(h uint64) uint64 { return h >> 14 & t.mask }

// newKeyTable builds the table over the keys of caps and roots (in the
// order of roots, then caps', sorted by the caller as it wishes).
func newKeyTable(f *keyFilter, caps map[string]uint16, roots []tedge, capKeys []string) *keyTable {
	keys := len(capKeys) + len(roots)
	// At most two thirds full: a hit is one or two slots, mostly in one
	// cache line, and the filter keeps most misses away. (41,000 keys in
	// 65,536 slots of 16 bytes: a 1 MB table.)
	n := 1
	for 2*n < 3*keys {
		n *= 2
	}
	t := &keyTable{slots: make([]keySlot, n), mask: uint64(n - 1)}
	var blob strings.Builder
	put := func(w string) *keySlot {
		h := f.keyHash(w)
		i := t.slot(h)
		for t.slots[i].n != 0 {
			s := &t.slots[i]
			if int(s.n-1) == len(w) && t.blob0(&blob, s) == w {
				return s
			}
			i = (i + 1) & t.mask
		}
		s := &t.slots[i]
		s.fp, s.off, s.n = uint32(h>>32), uint32(blob.Len()), uint16(len(w)+1)
		blob.WriteString(w)
		return s
	}
	for _, r := range roots {
		s := put(r.w)
		if s.root == 0 {
			t.nodes = append(t.nodes, r.n)
			s.root = uint32(len(t.nodes))
		}
	}
	for _, w := range capKeys {
		put(w).flags = caps[w]
	}
	t.blob = blob.String()
	return t
}

// blob0 is the key of s while the table is built.
func (t *keyTable) blob0(b *strings.Builder, s *keySlot) string {
	return b.String()[s.off : s.off+uint32(s.n-1)]
}

// find returns the slot of w, whose hash is h, or nil.
func (t *keyTable) find(h uint64, w string) *keySlot {
	fp := uint32(h >> 32)
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.fp == fp && int(s.n-1) == len(w) && t.blob[s.off:s.off+uint32(len(w))] == w {
			return s
		}
	}
}

// findBytes is find for a key built in a buffer.
func (t *keyTable) findBytes(h uint64, w []byte) *keySlot {
	fp := uint32(h >> 32)
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.fp == fp && int(s.n-1) == len(w) && t.blob[s.off:s.off+uint32(len(w))] == string(w) {
			return s
		}
	}
}

// node returns the root node of slot s (nil for none).
func (t *keyTable) node(s *keySlot) *tnode {
	if s == nil || s.root == 0 {
		return nil
	}
	return t.nodes[s.root-1]
}
