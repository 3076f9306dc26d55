package ner

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/ereignis/ereignis/internal/hugemem"
)

// capFlagsRootRef is the map version of capFlagsRoot that the key table
// replaced: the reference of TestKeyTable.
func (m *Model) capFlagsRootRef(w string) (uint16, *tnode) {
	return m.capInfo[w], m.names.root[w]
}

// keyTableWords are the words the key table is tested on: every key of
// both maps, the words of the testdata articles and what the recogniser
// derives from them (ending variants, case changes, prefixes).
func keyTableWords(t *testing.T, m *Model) []string {
	t.Helper()
	var ws []string
	for w := range m.capInfo {
		ws = append(ws, w)
	}
	for w := range m.names.root {
		ws = append(ws, w)
	}
	files, err := filepath.Glob("../testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for w := range strings.FieldsSeq(string(data)) {
			ws = append(ws, w, strings.TrimFunc(w, unicode.IsPunct))
		}
	}
	n := len(ws)
	for _, w := range ws[:n] {
		ws = append(ws, variants(w, nil)...)
		ws = append(ws, strings.ToLower(w), strings.ToUpper(w), w+"s", w+"x")
		for k := 1; k < len(w); k++ {
			ws = append(ws, w[:k])
		}
	}
	return append(ws, "", " ", "-")
}

// TestKeyTable checks capFlagsRoot, capFlags and the trie's rootNode
// against the maps they replaced.
func TestKeyTable(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ws := keyTableWords(t, m)
	for _, w := range ws {
		f, n := m.capFlagsRoot(w)
		rf, rn := m.capFlagsRootRef(w)
		if f != rf || n != rn {
			t.Fatalf("capFlagsRoot(%q) = %d, %p, want %d, %p", w, f, n, rf, rn)
		}
		if got := m.capFlags(w); got != rf {
			t.Fatalf("capFlags(%q) = %d, want %d", w, got, rf)
		}
		if got := m.names.rootNode(w); got != rn {
			t.Fatalf("rootNode(%q) = %p, want %p", w, got, rn)
		}
		if got := m.names.rootNodeBytes([]byte(w)); got != rn {
			t.Fatalf("rootNodeBytes(%q) = %p, want %p", w, got, rn)
		}
	}
	t.Logf("%d words; %d keys (%d roots, %d capInfo) in %d slots", len(ws), m.keys.used(), len(m.keys.nodes), len(m.capInfo), len(m.keys.slots)/keySlotWords)
}

// TestOnHugePage checks that onHugePage returns equal copies, one after
// the other, and leaves tables that do not fit one page as they are.
func TestOnHugePage(t *testing.T) {
	a, b := []uint64{1, 2, 3}, []uint64{4, 5}
	ca, cb := onHugePage(a, b)
	if !slices.Equal(ca, a) || !slices.Equal(cb, b) || cap(ca) != len(a) ||
		uintptr(unsafe.Pointer(&ca[0]))+uintptr(8*len(a)) != uintptr(unsafe.Pointer(&cb[0])) {
		t.Fatalf("onHugePage(%v, %v) = %v, %v", a, b, ca, cb)
	}
	big := make([]uint64, hugemem.HugePage/8)
	if ba, bb := onHugePage(big, b); &ba[0] != &big[0] || &bb[0] != &b[0] {
		t.Fatal("onHugePage copied tables that do not fit one huge page")
	}
}
