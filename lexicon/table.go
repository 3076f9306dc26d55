package lexicon

import (
	"hash/maphash"
	"math/bits"
	"sort"
	"unicode/utf8"
	"unsafe"
)

// table maps the word forms of one of the big lists (136,000 verb forms,
// 176,000 noun forms) to a short record of bytes. A Go map of strings costs
// two or three cache misses per look-up here (the group's control word, the
// slot, the key's bytes elsewhere in the heap), and its millions of pointers
// are marked again by every GC cycle. The table is pointer-free instead:
// every record (key length, key, value bytes) lies in one string, and the
// slots of an open-addressing array hold a 32-bit fingerprint of the key's
// hash beside the record's offset. A look-up reads one slot line and, when
// the fingerprint matches, one record, which holds the key and the value
// side by side. A blocked Bloom filter (one 64-bit word per key, three bits)
// in front answers most look-ups of unknown words from a few hundred
// kilobytes (see docs/performance.md). Filters of half and a quarter of
// the size were measured: a quarter cut the stage's simulated L2 misses
// in probe by 9 % (cachegrind, --LL=512K) but gained nothing in the
// pipeline (4 interleaved rounds of BenchmarkPipelineStages, lemma-ms
// 305 / 302), half was within the noise (288 / 281); no filter for the
// big tables was slower (331 / 348).
// A bucketed layout was measured and dropped too: the records of a bucket
// (two to four keys) side by side in the blob, one 64-bit word per bucket
// holding their offset and a 32-bit Bloom filter of their keys (1 MB of
// bucket words for the verbs and nouns instead of 0.5 MB of filter and
// 3 MB of slots), so that a probe reads one word and, for a known key, the
// bucket's records. Cachegrind liked it (the probes' instructions +0.1 %,
// D1 read misses -9 %, LL read misses -13 % with --LL=512K and with
// --LL=8M, 930k -> 810k per pipeline pass), but the lemma stage alone
// ran 9 % slower (8 ABBA rounds of BenchmarkLemmaStage, cpuMB/s median
// 34.1 / 30.2, 7 of 8 rounds slower): the filter's and the slot's loads
// both come from the hash and overlap, so the bucket word saved no
// latency, while its lines are twice the filter's and the scan of a
// bucket's records costs more than one fingerprint compare.
type table struct {
	blob   string
	slots  []uint64 // hash>>32<<32 | record offset+1; 0 is empty
	mask   uint64
	filter []uint64
	fmask  uint64
	n      int
	seed   uint64
}

// tableBuilder collects the records of a table; build lays out the slots.
type tableBuilder struct {
	blob []byte
	offs []uint32
	// packed says that pack copies the table's blob later, which drops
	// the spare capacity anyway: build then keeps it instead of copying
	// the blob once more (the copies of the verbs' and nouns' blobs were
	// 2 % of the CLI's start-up).
	packed bool
}

func newTableBuilder(keys, bytes int) *tableBuilder {
	return &tableBuilder{blob: make([]byte, 0, bytes), offs: make([]uint32, 0, keys)}
}

// add starts the record of key; the value bytes are appended to b.blob by
// the caller. Keys must be unique and at most 255 bytes long.
func (b *tableBuilder) add(key string) {
	b.offs = append(b.offs, uint32(len(b.blob)))
	b.blob = append(b.blob, byte(len(key)))
	b.blob = append(b.blob, key...)
}

func (b *tableBuilder) build() *table {
	t := &table{n: len(b.offs), seed: maphash.Comparable(maphash.MakeSeed(), 0)}
	if len(b.blob) > 0 {
		if !b.packed && cap(b.blob)-len(b.blob) > len(b.blob)/8 {
			// The size was a guess: do not keep the spare capacity alive.
			b.blob = append([]byte(nil), b.blob...)
		}
		t.blob = unsafe.String(&b.blob[0], len(b.blob))
	}
	// At most 70 % full, so a probe of a missing key ends within a few
	// slots, mostly of one cache line.
	n := 8
	for n*7 < t.n*10 {
		n *= 2
	}
	t.slots = make([]uint64, n)
	t.mask = uint64(n - 1)
	f := 1
	for f*64 < t.n*8 {
		f *= 2
	}
	t.filter = make([]uint64, f)
	t.fmask = uint64(f - 1)
	// The keys go in in the order of their first slots (a counting sort
	// by the slots' 2 KB block), so that filling the slot array walks it
	// from start to end: inserting in the keys' own order missed the cache
	// at nearly every key, a fifth of the cold load (docs/performance.md).
	// Any order gives a valid table; the seed already makes the layout
	// differ from run to run.
	const blockShift = 8 // 256 slots
	// One counter per block and one more; a table smaller than a block
	// (under 180 keys) still has one block.
	count := make([]uint32, (n+1<<blockShift-1)>>blockShift+1)
	if len(t.blob) >= offBits {
		t.placeWide(b.offs, count, blockShift)
		b.blob, b.offs = nil, nil
		return t
	}
	// Each key is one word: its hash with the low bits replaced by the
	// record's offset+1, which leaves the slot's value and every bit that
	// start reads (the block too). Half the memory of a hash array and an
	// array of hash-offset pairs (the load's temporaries are fresh pages:
	// the collector is off while the models load).
	hs := make([]uint64, len(b.offs))
	for x, off := range b.offs {
		k := int(off) + 1
		h := strHash(t.seed, t.blob[k:k+int(t.blob[off])])
		hs[x] = h&^(offBits-1) | uint64(off+1)
		i, bits := t.block(h)
		t.filter[i] |= bits
		count[t.start(h)>>blockShift+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	// The words are sorted by block, so the last loop reads only in order.
	sorted := make([]uint64, len(hs))
	for _, v := range hs {
		c := &count[t.start(v)>>blockShift]
		sorted[*c] = v
		*c++
	}
	for _, v := range sorted {
		j := t.start(v)
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = v>>32<<32 | v&(offBits-1)
	}
	b.blob, b.offs = nil, nil
	return t
}

// offBits bounds the blobs whose offsets build packs into a hash's low
// bits (start reads bits 23 and up, see placeWide for larger ones).
const offBits = 1 << 23

// placeWide fills the filter and the slots for a blob of offBits bytes or
// more: the hashes and offsets side by side, sorted by block.
func (t *table) placeWide(offs []uint32, count []uint32, blockShift uint) {
	hs := make([]uint64, len(offs))
	for x, off := range offs {
		k := int(off) + 1
		h := strHash(t.seed, t.blob[k:k+int(t.blob[off])])
		hs[x] = h
		i, bits := t.block(h)
		t.filter[i] |= bits
		count[t.start(h)>>blockShift+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	// The hashes and offsets themselves are sorted, so the last loop reads
	// only in order.
	type entry struct {
		h   uint64
		off uint32
	}
	sorted := make([]entry, len(hs))
	for x, h := range hs {
		c := &count[t.start(h)>>blockShift]
		sorted[*c] = entry{h, offs[x]}
		*c++
	}
	for _, e := range sorted {
		j := t.start(e.h)
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = e.h>>32<<32 | uint64(e.off+1)
	}
}

// block returns the filter word and the three bits of hash h.
func (t *table) block(h uint64) (uint64, uint64) {
	bits := uint64(1)<<(h>>58) | uint64(1)<<((h>>52)&63) | uint64(1)<<((h>>46)&63)
	return h & t.fmask, bits
}

// start is the first slot of hash h: the first of the eight slots of a
// cache line (the slice is page-aligned), so that a probe reads the whole
// line before it crosses into the next. Its bits are apart from the
// filter word's, so keys that share a filter word spread over the slots.
func (t *table) start(h uint64) uint64 { return (h >> 20) & t.mask &^ 7 }

// find returns the offset of key's value in t.blob, or -1.
func (t *table) find(key string) int {
	return t.probe(strHash(t.seed, key), key)
}

// findBytes is find for a key built in a buffer.
func (t *table) findBytes(key []byte) int {
	k := unsafe.String(unsafe.SliceData(key), len(key))
	return t.probe(strHash(t.seed, k), k)
}

// strHash is the tables' hash of s: wyhash's mixing of eight-byte loads
// in plain Go, where maphash.String cost a call into the runtime, its
// setup and the AES rounds (a third of the instructions of a probe; the
// keys are short words).
// The filter, the first slot and the fingerprint take different bits of
// it (see block and start).
func strHash(seed uint64, s string) uint64 {
	const (
		m1 = 0xa0761d6478bd642f
		m2 = 0xe7037ed1a0b428db
		m3 = 0x8ebc6af09c88c6e3
	)
	n := len(s)
	p := unsafe.Pointer(unsafe.StringData(s))
	var a, b uint64
	switch {
	case n > 16:
		for i := n; i > 16; i -= 16 {
			seed = mix(load64(p, 0)^m2, load64(p, 8)^seed)
			p = unsafe.Add(p, 16)
		}
		p = unsafe.Add(p, (n-1)%16+1-16)
		a, b = load64(p, 0), load64(p, 8)
	case n >= 8:
		a, b = load64(p, 0), load64(p, n-8)
	case n >= 4:
		a, b = uint64(load32(p, 0)), uint64(load32(p, n-4))
	case n > 0:
		a = uint64(*(*byte)(p))<<16 | uint64(*(*byte)(unsafe.Add(p, n>>1)))<<8 | uint64(*(*byte)(unsafe.Add(p, n-1)))
	}
	return mix(m3^uint64(n), mix(a^m2, b^seed))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func load64(p unsafe.Pointer, off int) uint64 { return *(*uint64)(unsafe.Add(p, off)) }
func load32(p unsafe.Pointer, off int) uint32 { return *(*uint32)(unsafe.Add(p, off)) }

func (t *table) probe(h uint64, key string) int {
	if i, bits := t.block(h); t.filter[i]&bits != bits {
		return -1
	}
	fp := h >> 32
	for j := t.start(h); ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s == 0 {
			return -1
		}
		if s>>32 != fp {
			continue
		}
		off := int(uint32(s)) - 1
		k := off + 1
		if e := k + int(t.blob[off]); e-k == len(key) && equalKey(t.blob[k:e], key) {
			return e
		}
	}
}

// equalKey is a == b for strings of the same length, small enough to
// inline: keys of 8 to 16 bytes, most of the tables' hits, compare in two
// loads each instead of a call to the runtime's memequal.
func equalKey(a, b string) bool {
	if n := len(a); n >= 8 && n <= 16 {
		pa, pb := unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b))
		return load64(pa, 0) == load64(pb, 0) && load64(pa, n-8) == load64(pb, n-8)
	}
	return a == b
}

// ending packs the last three bytes of s (at least three long).
func ending(s string) uint32 {
	n := len(s)
	return uint32(s[n-3])<<16 | uint32(s[n-2])<<8 | uint32(s[n-1])
}

// endingSet is a set of packed endings: open addressing over 32-bit words
// (ending+1, 0 is empty), a few tens of kilobytes.
type endingSet struct {
	slots []uint32
	mask  uint32
}

func newEndingSet(ends []uint32) endingSet {
	n := 8
	for n < len(ends)*2 {
		n *= 2
	}
	s := endingSet{slots: make([]uint32, n), mask: uint32(n - 1)}
	distinct := 0
	for _, e := range ends {
		if s.insert(e) {
			distinct++
		}
	}
	// The noun forms share a few thousand endings: a table of four times
	// their number keeps probes short and the set small.
	m := 8
	for m < distinct*4 {
		m *= 2
	}
	if m < n {
		small := endingSet{slots: make([]uint32, m), mask: uint32(m - 1)}
		for _, e := range s.slots {
			if e != 0 {
				small.insert(e - 1)
			}
		}
		s = small
	}
	return s
}

func endingHash(e uint32) uint32 { return (e * 0x9E3779B1) >> 8 }

func (s *endingSet) insert(e uint32) bool {
	for i := endingHash(e) & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = e + 1
			return true
		case e + 1:
			return false
		}
	}
}

func (s *endingSet) has(e uint32) bool {
	for i := endingHash(e) & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case 0:
			return false
		case e + 1:
			return true
		}
	}
}

// headFilter is a Bloom filter over the noun forms for CompoundHead, laid
// out so that the heads it tries for one word (Wirtschaftsministers:
// Rtschaftsministers, Tschaftsministers, …, Ministers) test one cache
// line: the line comes from a key's last five bytes, which those heads
// share, and the two bits within the line from its first two bytes and
// its length. Most heads are no noun, and the noun filter would spend a
// cache miss on each of them.
type headFilter struct {
	words []uint64 // eight words, one cache line, per line
	mask  uint64   // number of lines - 1
}

// headLines at four times the distinct endings of the noun forms (a few
// thousand) keeps most lines sparse: 256 KB.
const headLines = 1 << 12

func newHeadFilter() headFilter {
	return headFilter{words: make([]uint64, headLines*8), mask: headLines - 1}
}

// pos returns the first word of key's line and its two bit numbers in the
// line. key is at least two bytes long.
func (f *headFilter) pos(key string) (uint64, uint64, uint64) {
	n := len(key)
	var x uint64
	for i := max(0, n-5); i < n; i++ {
		x = x<<8 | uint64(key[i])
	}
	line := (x * 0x9E3779B97F4A7C15 >> 40) & f.mask
	y := (uint64(key[0])<<16 | uint64(key[1])<<8 | uint64(n&0xFF)) * 0xC2B2AE3D27D4EB4F
	return line * 8, y >> 55, (y >> 46) & 511
}

// hasCapitalised is has(string(up) + tail), without building the key:
// the filter reads only the key's first two and last five bytes and its
// length. tail is at least two bytes long.
func (f *headFilter) hasCapitalised(up rune, tail string) bool {
	var u [utf8.UTFMax]byte
	un := utf8.EncodeRune(u[:], up)
	n := un + len(tail)
	var x uint64
	if len(tail) >= 5 {
		t := tail[len(tail)-5:]
		x = uint64(t[0])<<32 | uint64(t[1])<<24 | uint64(t[2])<<16 | uint64(t[3])<<8 | uint64(t[4])
	} else {
		for i := max(0, n-5); i < n; i++ {
			c := byte(0)
			if i < un {
				c = u[i]
			} else {
				c = tail[i-un]
			}
			x = x<<8 | uint64(c)
		}
	}
	k1 := tail[0]
	if un >= 2 {
		k1 = u[1]
	}
	line := (x * 0x9E3779B97F4A7C15 >> 40) & f.mask
	y := (uint64(u[0])<<16 | uint64(k1)<<8 | uint64(n&0xFF)) * 0xC2B2AE3D27D4EB4F
	w, b1, b2 := line*8, y>>55, (y>>46)&511
	return f.words[w+b1>>6]&(1<<(b1&63)) != 0 && f.words[w+b2>>6]&(1<<(b2&63)) != 0
}

func (f *headFilter) add(key string) {
	w, b1, b2 := f.pos(key)
	f.words[w+b1>>6] |= 1 << (b1 & 63)
	f.words[w+b2>>6] |= 1 << (b2 & 63)
}

// has reports whether key may be a noun form; false is certain.
func (f *headFilter) has(key string) bool {
	w, b1, b2 := f.pos(key)
	return f.words[w+b1>>6]&(1<<(b1&63)) != 0 && f.words[w+b2>>6]&(1<<(b2&63)) != 0
}

// particleTrie holds the separable particles for guessVerb, which asks
// whether each prefix of a word is one: one walk down the trie instead of
// a map probe for every prefix length.
type particleTrie struct {
	nodes []trieNode
	edges []trieEdge
	// root is the root's child for each first byte (0: none), so that
	// the first step, where most words leave the trie, is one load.
	root [256]int32
}

type trieNode struct {
	first, n int32 // the node's edges, sorted by byte
	flags    wordFlags
}

type trieEdge struct {
	b  byte
	to int32
}

func newParticleTrie(words map[string]wordInfo) particleTrie {
	type node struct {
		kids  map[byte]*node
		flags wordFlags
	}
	root := &node{}
	for w, info := range words {
		if info.flags&wParticle == 0 {
			continue
		}
		n := root
		for i := 0; i < len(w); i++ {
			if n.kids == nil {
				n.kids = map[byte]*node{}
			}
			k := n.kids[w[i]]
			if k == nil {
				k = &node{}
				n.kids[w[i]] = k
			}
			n = k
		}
		n.flags = info.flags & (wParticle | wProductive)
	}
	var t particleTrie
	queue := []*node{root}
	t.nodes = append(t.nodes, trieNode{flags: root.flags})
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		bs := make([]int, 0, len(n.kids))
		for b := range n.kids {
			bs = append(bs, int(b))
		}
		sort.Ints(bs)
		t.nodes[i].first, t.nodes[i].n = int32(len(t.edges)), int32(len(bs))
		for _, b := range bs {
			k := n.kids[byte(b)]
			t.edges = append(t.edges, trieEdge{b: byte(b), to: int32(len(queue))})
			queue = append(queue, k)
			t.nodes = append(t.nodes, trieNode{flags: k.flags})
		}
	}
	for _, e := range t.edges[t.nodes[0].first : t.nodes[0].first+t.nodes[0].n] {
		t.root[e.b] = e.to
	}
	return t
}

// prefixes appends to ns the lengths of the prefixes of s of at most max
// bytes that are particles, shortest first, and returns ns.
func (t *particleTrie) prefixes(s string, max int, ns []int) []int {
	if len(t.nodes) == 0 || len(s) == 0 || max < 1 {
		return ns
	}
	cur := t.root[s[0]]
	if cur == 0 {
		return ns
	}
	if t.nodes[cur].flags&wParticle != 0 {
		ns = append(ns, 1)
	}
	for i := 1; i < len(s) && i < max; i++ {
		nd := &t.nodes[cur]
		next := int32(-1)
		for _, e := range t.edges[nd.first : nd.first+nd.n] {
			if e.b == s[i] {
				next = e.to
				break
			}
		}
		if next < 0 {
			break
		}
		cur = next
		if t.nodes[cur].flags&wParticle != 0 {
			ns = append(ns, i+1)
		}
	}
	return ns
}
