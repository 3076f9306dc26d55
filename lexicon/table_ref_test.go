package lexicon

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// refTable is the table layout that the bucketed one replaced (a blocked
// Bloom filter, an open-addressing array of fingerprint and offset slots,
// the records in the order they were added), kept as the reference of
// TestTableMatchesRef.
type refTable struct {
	blob   string
	slots  []uint64 // hash>>32<<32 | record offset+1; 0 is empty
	mask   uint64
	filter []uint64
	fmask  uint64
	n      int
	seed   uint64
}

// newRefTable lays out the records of t (key length, key, value) the old
// way.
func newRefTable(t *table) *refTable {
	var blob []byte
	var offs []uint32
	t.records(func(off int) {
		offs = append(offs, uint32(len(blob)))
		n := int(t.blob[off-1]) // the record's length
		blob = append(blob, t.blob[off:off+n]...)
	})
	r := &refTable{n: len(offs), seed: 0x9E3779B97F4A7C15, blob: string(blob)}
	n := 8
	for n*7 < r.n*10 {
		n *= 2
	}
	r.slots = make([]uint64, n)
	r.mask = uint64(n - 1)
	f := 1
	for f*64 < r.n*8 {
		f *= 2
	}
	r.filter = make([]uint64, f)
	r.fmask = uint64(f - 1)
	for _, off := range offs {
		k := int(off) + 1
		h := strHash(r.seed, r.blob[k:k+int(r.blob[off])])
		i, bits := r.block(h)
		r.filter[i] |= bits
		j := r.start(h)
		for r.slots[j] != 0 {
			j = (j + 1) & r.mask
		}
		r.slots[j] = h>>32<<32 | uint64(off+1)
	}
	return r
}

func (t *refTable) block(h uint64) (uint64, uint64) {
	bits := uint64(1)<<(h>>58) | uint64(1)<<((h>>52)&63) | uint64(1)<<((h>>46)&63)
	return h & t.fmask, bits
}

func (t *refTable) start(h uint64) uint64 { return (h >> 20) & t.mask &^ 7 }

func (t *refTable) find(key string) int {
	h := strHash(t.seed, key)
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

// TestTableMatchesRef looks up every key of the lexicon's tables, the
// testdata words and case variants of them in the tables and in their
// references: the same keys must be found, with the same value bytes
// (compared up to the end of the record, which the reference's next
// record follows).
func TestTableMatchesRef(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := testdataWords(t)
	for name, tb := range map[string]*table{"verbs": l.verbs, "nouns": l.nouns, "names": l.names, "words": l.words, "noun lemmas": l.nounLemmaSet()} {
		ref := newRefTable(tb)
		if ref.n != tb.n {
			t.Fatalf("%s: walked %d records, want %d", name, ref.n, tb.n)
		}
		var keys []string
		tb.records(func(off int) {
			k := int(tb.blob[off])
			keys = append(keys, tb.blob[off+1:off+1+k])
		})
		found := 0
		for _, w := range append(keys, words...) {
			for _, k := range []string{w, strings.ToLower(w), strings.ToUpper(w), w + "s", w[:len(w)/2]} {
				if !utf8.ValidString(k) {
					continue
				}
				got, want := tb.find(k), ref.find(k)
				if (got < 0) != (want < 0) {
					t.Fatalf("%s: %q: found %v, want %v", name, k, got >= 0, want >= 0)
				}
				if got < 0 {
					continue
				}
				found++
				// The value runs to the end of its record.
				start := got - 1 - len(k) - 1
				n := int(tb.blob[start])
				value := tb.blob[got : start+1+n]
				if wv := ref.blob[want : want+len(value)]; wv != value {
					t.Fatalf("%s: %q: value %q, want %q", name, k, value, wv)
				}
			}
		}
		if found < len(keys) {
			t.Errorf("%s: found %d, want at least %d", name, found, len(keys))
		}
	}
}

// TestTableLayout checks that the records of each bucket start at its
// word's offset and end with the zero byte right before the next bucket's.
func TestTableLayout(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, tb := range map[string]*table{"verbs": l.verbs, "nouns": l.nouns, "names": l.names, "words": l.words} {
		n := 0
		for bk, d := range tb.dir {
			off := int(d & (1<<offBits - 1))
			for tb.blob[off] != 0 {
				k := off + 2
				key := tb.blob[k : k+int(tb.blob[off+1])]
				if h := strHash(tb.seed, key); int(h&tb.mask) != bk || d&tb.bits(h) != tb.bits(h) {
					t.Fatalf("%s: %q in bucket %d", name, key, bk)
				}
				n++
				off += 1 + int(tb.blob[off])
			}
			end := len(tb.blob)
			if bk+1 < len(tb.dir) {
				end = int(tb.dir[bk+1] & (1<<offBits - 1))
			}
			if off+1 != end {
				t.Fatalf("%s: bucket %d ends at %d, next starts at %d", name, bk, off, end)
			}
		}
		if n != tb.n {
			t.Errorf("%s: %d records, want %d", name, n, tb.n)
		}
	}
}
