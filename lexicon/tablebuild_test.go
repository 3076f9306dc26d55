package lexicon

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/models"
)

// TestBuildNarrowWide checks that build's one-word entries (the offset in
// the hash's low bits) lay out the same filter and slots as placeWide,
// the hash-offset pairs it used before and still uses for big blobs.
func TestBuildNarrowWide(t *testing.T) {
	data, err := fs.ReadFile(models.Lexicon, "lexicon/nouns.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, keys := range []int{1000, 200000} { // build needs 256 slots or more (count)
		tb := newTableBuilder(keys, 0)
		for line := range strings.Lines(string(data)) {
			if len(tb.offs) == keys {
				break
			}
			form, _, _ := strings.Cut(line, "\t")
			tb.add(form)
			tb.blob = append(tb.blob, 1, 2, 3)
		}
		offs := slices.Clone(tb.offs)
		got := tb.build()
		want := &table{blob: got.blob, slots: make([]uint64, len(got.slots)), mask: got.mask,
			filter: make([]uint64, len(got.filter)), fmask: got.fmask, n: got.n, seed: got.seed}
		want.placeWide(offs, make([]uint32, len(got.slots)>>8+1), 8)
		if !slices.Equal(got.slots, want.slots) || !slices.Equal(got.filter, want.filter) {
			t.Errorf("%d keys: build and placeWide lay out different tables", keys)
		}
		for _, off := range offs {
			k := got.blob[off+1 : off+1+uint32(got.blob[off])]
			if v := got.find(k); v != int(off)+1+len(k) {
				t.Fatalf("%d keys: find(%q) = %d, want %d", keys, k, v, int(off)+1+len(k))
			}
		}
	}
}

// TestSmallTable builds tables smaller than one 256-slot block (build's
// counting sort once indexed past its counters for them) and finds every
// key, and no other.
func TestSmallTable(t *testing.T) {
	for _, keys := range []int{0, 1, 5, 50, 179, 180, 400} {
		tb := newTableBuilder(keys, 0)
		for i := 0; i < keys; i++ {
			tb.add("k" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('A'+i/26)))
			tb.blob = append(tb.blob, byte(i))
		}
		tab := tb.build()
		for i := 0; i < keys; i++ {
			k := "k" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('A'+i/26))
			if off := tab.find(k); off < 0 || tab.blob[off] != byte(i) {
				t.Fatalf("%d keys: %q not found (offset %d)", keys, k, off)
			}
		}
		if tab.find("absent") >= 0 {
			t.Fatalf("%d keys: found a key never added", keys)
		}
	}
}
