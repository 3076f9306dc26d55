package ner

import "hash/maphash"

// keyFilter is a pair of blocked Bloom filters over two key sets of the
// model's big maps: the capitalised-word flags (capSet, over capInfo's
// keys) and the name trie's 36,000 roots (rootSet). A word that is no key,
// as most words of an article are not, then costs one access to a small
// bit table instead of the cache misses of a probe into a map that the
// other stages have evicted. A "maybe" still goes to the map, so answers
// never change.
//
// The two sets share the hash and the table: block i of a set is word
// 2i+set, so the two blocks of a word lie in one cache line, and a
// capitalised word, which is asked about in both, costs one hash and one
// cache miss (see bothHash).
type keyFilter struct {
	words []uint64 // two 64-bit blocks per index; len is twice a power of two
	mask  uint64   // indexes minus one
	seed  maphash.Seed
}

// The key sets of a keyFilter.
const (
	capSet  = 0
	rootSet = 1
)

// newKeyFilter sizes the filter at 12 bits per key of the larger set or
// more (with three bits per key in a 64-bit block, under 1 % of the words
// that are no key answer "maybe").
func newKeyFilter(keys int) *keyFilter {
	n := 1
	for n*64 < keys*12 {
		n *= 2
	}
	return &keyFilter{words: make([]uint64, 2*n), mask: uint64(n - 1), seed: maphash.MakeSeed()}
}

// block returns the word index of set 0 and the three bits of hash h.
func (f *keyFilter) block(h uint64) (uint64, uint64) {
	bits := uint64(1)<<(h>>58) | uint64(1)<<((h>>52)&63) | uint64(1)<<((h>>46)&63)
	return 2 * (h & f.mask), bits
}

func (f *keyFilter) add(set int, s string) {
	i, bits := f.block(maphash.String(f.seed, s))
	f.words[i+uint64(set)] |= bits
}

// hasHash reports whether the key whose keyHash is h may be in set;
// false is certain.
func (f *keyFilter) hasHash(set int, h uint64) bool {
	i, bits := f.block(h)
	return f.words[i+uint64(set)]&bits == bits
}

// bothHash is hasHash for both sets of the key whose keyHash is h, from one
// cache line.
func (f *keyFilter) bothHash(h uint64) (cap, root bool) {
	i, bits := f.block(h)
	ws := f.words[i : i+2 : i+2]
	return ws[capSet]&bits == bits, ws[rootSet]&bits == bits
}
