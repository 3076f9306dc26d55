package ner

import "hash/maphash"

// keyFilter is a blocked Bloom filter over the keys of one of the model's
// big maps (the name trie's 40,000 roots, the capitalised-word flags): a
// word that is no key, as most words of an article are not, then costs one
// access to a small bit table instead of the cache misses of a probe into
// a map that the other stages have evicted. A "maybe" still goes to the
// map, so answers never change.
type keyFilter struct {
	words []uint64 // one 64-bit block per key; len is a power of two
	mask  uint64
	seed  maphash.Seed
}

// newKeyFilter sizes the filter at 16 bits per key or more.
func newKeyFilter(keys int) *keyFilter {
	n := 1
	for n*64 < keys*16 {
		n *= 2
	}
	return &keyFilter{words: make([]uint64, n), mask: uint64(n - 1), seed: maphash.MakeSeed()}
}

// block returns the word index and the three bits of hash h.
func (f *keyFilter) block(h uint64) (uint64, uint64) {
	bits := uint64(1)<<(h>>58) | uint64(1)<<((h>>52)&63) | uint64(1)<<((h>>46)&63)
	return h & f.mask, bits
}

func (f *keyFilter) add(s string) {
	i, bits := f.block(maphash.String(f.seed, s))
	f.words[i] |= bits
}

// has reports whether s may be a key; false is certain.
func (f *keyFilter) has(s string) bool {
	i, bits := f.block(maphash.String(f.seed, s))
	return f.words[i]&bits == bits
}

// hasBytes is has for a key built in a buffer.
func (f *keyFilter) hasBytes(b []byte) bool {
	i, bits := f.block(maphash.Bytes(f.seed, b))
	return f.words[i]&bits == bits
}
