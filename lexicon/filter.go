package lexicon

import "hash/maphash"

// keyFilter is a blocked Bloom filter over the keys of one of the big maps
// (136,000 verb forms, 176,000 noun forms). Those maps do not fit the CPU
// cache, so a look-up costs two or three cache misses, hit or miss; most
// look-ups of rare words miss (every head CompoundHead tries, adjectives
// asked for verb readings), and a miss in the filter costs one access to a
// few hundred kilobytes instead. A "maybe" still goes to the map, so
// answers never change (docs/performance.md has the measurement).
type keyFilter struct {
	words []uint64 // one 64-bit block per key; len is a power of two
	mask  uint64
	seed  maphash.Seed
}

// newKeyFilter sizes the filter at eight bits per key or more (the word
// count is a power of two): 256 KB each for the verbs and the nouns.
func newKeyFilter(keys int) *keyFilter {
	n := 1
	for n*64 < keys*8 {
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
	if f == nil {
		return true
	}
	i, bits := f.block(maphash.String(f.seed, s))
	return f.words[i]&bits == bits
}

// hasBytes is has for a key built in a buffer, without a string copy.
func (f *keyFilter) hasBytes(b []byte) bool {
	if f == nil {
		return true
	}
	i, bits := f.block(maphash.Bytes(f.seed, b))
	return f.words[i]&bits == bits
}
