package ner

import (
	"encoding/binary"
	"hash/maphash"
	"strings"
	"unsafe"

	"github.com/ereignis/ereignis/internal/hugemem"
)

// keyTable answers, for the keys of the model's two big string maps (the
// cap* flags of capInfo and the name trie's roots), both questions from one
// open-addressing table keyed by the hash the keyFilter already computed.
// A slot is 32 bytes, on one cache line: the key's first 16 bytes inline,
// so that a probe for a key of up to 16 bytes (nearly all names and words)
// reads that one line, where a Go map of strings reads its control word,
// its slot and the key's own allocation (two or three cache misses on a
// word the other stages evicted). Longer keys compare the rest from one
// blob. The table is pointer-free and starts on a huge page (hugemem.Aligned):
// with 4 KB pages its 2 MB are 512 TLB entries, which the other stages
// evict between articles, as the lexicon's tables on huge pages were
// measured to suffer. The maps
// stay in the model for loading and as the reference of the tests.
type keyTable struct {
	// slots holds keySlotWords words per slot:
	//	0, 1: the key's first 16 bytes, little-endian, zero-padded
	//	2:    the hash's top half << 32 | the key's offset in blob
	//	3:    (len(key)+1) << 48 | capInfo's flags << 32 | root index + 1
	// A slot whose word 3 is 0 is empty. The number of slots is a power
	// of two.
	slots []uint64
	mask  uint64   // slots - 1
	blob  string   // the keys, one after the other
	nodes []*tnode // root nodes; a slot's root index + 1, 0 for none
}

const keySlotWords = 4

// keyHash is the hash of a key for both the filter and the table.
func (f *keyFilter) keyHash(s string) uint64 { return maphash.String(f.seed, s) }

// slot is the home slot of hash h.
func (t *keyTable) slot(h uint64) uint64 { return h >> 14 & t.mask }

// keyWords returns the first 16 bytes of w, zero-padded, as two words.
func keyWords(w string) (uint64, uint64) {
	var b [16]byte
	copy(b[:], w)
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
}

// newKeyTable builds the table over the keys of caps and roots.
func newKeyTable(f *keyFilter, caps map[string]uint16, roots []tedge, capKeys []string) *keyTable {
	keys := len(capKeys) + len(roots)
	// At most two thirds full: a hit is one or two slots, mostly in one
	// cache line, and the filter keeps most misses away. (41,000 keys in
	// 65,536 slots of 32 bytes: a 2 MB table.)
	n := 1
	for 2*n < 3*keys {
		n *= 2
	}
	t := &keyTable{slots: hugemem.Aligned(keySlotWords * n), mask: uint64(n - 1)}
	var blob strings.Builder
	put := func(w string) uint64 {
		if len(w) >= 1<<16-1 {
			panic("ner: a list key of 64 KB or more")
		}
		h := f.keyHash(w)
		k0, k1 := keyWords(w)
		i := t.slot(h)
		for ; t.slots[keySlotWords*i+3] != 0; i = (i + 1) & t.mask {
			s := t.slots[keySlotWords*i:]
			if s[0] == k0 && s[1] == k1 && int(s[3]>>48) == len(w)+1 && blob.String()[uint32(s[2]):int(uint32(s[2]))+len(w)] == w {
				return i
			}
		}
		s := t.slots[keySlotWords*i:]
		s[0], s[1] = k0, k1
		s[2] = h>>32<<32 | uint64(blob.Len())
		s[3] = uint64(len(w)+1) << 48
		blob.WriteString(w)
		return i
	}
	for _, r := range roots {
		i := put(r.w)
		if uint32(t.slots[keySlotWords*i+3]) == 0 {
			t.nodes = append(t.nodes, r.n)
			t.slots[keySlotWords*i+3] |= uint64(len(t.nodes))
		}
	}
	for _, w := range capKeys {
		i := put(w)
		t.slots[keySlotWords*i+3] |= uint64(caps[w]) << 32
	}
	t.blob = blob.String()
	return t
}

// find returns the slot of w, whose hash is h, or -1.
func (t *keyTable) find(h uint64, w string) int {
	k0, k1 := keyWords(w)
	n := uint64(len(w) + 1)
	fp := h >> 32
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		s := t.slots[keySlotWords*i : keySlotWords*i+keySlotWords : keySlotWords*i+keySlotWords]
		if s[3] == 0 {
			return -1
		}
		if s[2]>>32 == fp && s[3]>>48 == n && s[0] == k0 && s[1] == k1 {
			if len(w) <= 16 {
				return int(i)
			}
			if off := int(uint32(s[2])); t.blob[off+16:off+len(w)] == w[16:] {
				return int(i)
			}
		}
	}
}

// findBytes is find for a key built in a buffer (find keeps no reference
// to it).
func (t *keyTable) findBytes(h uint64, w []byte) int {
	return t.find(h, unsafe.String(unsafe.SliceData(w), len(w)))
}

// flags returns capInfo's flags of slot i (0 for none, or for i < 0).
func (t *keyTable) flags(i int) uint16 {
	if i < 0 {
		return 0
	}
	return uint16(t.slots[keySlotWords*i+3] >> 32)
}

// node returns the root node of slot i (nil for none, or for i < 0).
func (t *keyTable) node(i int) *tnode {
	if i < 0 {
		return nil
	}
	if r := uint32(t.slots[keySlotWords*i+3]); r != 0 {
		return t.nodes[r-1]
	}
	return nil
}

// used is the number of keys in the table.
func (t *keyTable) used() int {
	n := 0
	for i := 3; i < len(t.slots); i += keySlotWords {
		if t.slots[i] != 0 {
			n++
		}
	}
	return n
}
