package ner

import (
	"math/rand/v2"
	"testing"
)

// TestPrefixTable checks the open-addressing table against the map it is
// built from.
func TestPrefixTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	m := map[uint32]uint32{}
	for len(m) < 5000 {
		m[r.Uint32()&0xFFFFFF] = r.Uint32()
	}
	tab := newPrefixTable(m)
	for k := uint32(0); k < 1<<20; k++ {
		if got := tab.get(k); got != m[k] {
			t.Fatalf("get(%#x) = %d, want %d", k, got, m[k])
		}
	}
	for k, v := range m {
		if got := tab.get(k); got != v {
			t.Fatalf("get(%#x) = %d, want %d", k, got, v)
		}
	}
	empty := newPrefixTable(nil)
	if got := empty.get(7); got != 0 {
		t.Fatalf("empty table: get = %d", got)
	}
}
