package ner

import (
	"testing"
	"unsafe"
)

// TestFormLayout keeps a form at two cache lines, the fields every pass
// reads in the first (see form).
func TestFormLayout(t *testing.T) {
	var f form
	if n := unsafe.Sizeof(f); n != 128 {
		t.Errorf("form is %d bytes, want 128", n)
	}
	if n := unsafe.Sizeof(f) * memoChunk; n != 32<<10 {
		t.Errorf("a memo chunk is %d bytes, want 32 KB (a page-aligned size class)", n)
	}
	if end := unsafe.Offsetof(f.fnSur) + 1; end > 64 {
		t.Errorf("the hot fields end at byte %d, want <= 64", end)
	}
	if off := unsafe.Offsetof(f.roots); off != 64 {
		t.Errorf("the cold fields start at byte %d, want 64", off)
	}
	var m memo
	m.reset()
	if p, _ := m.lookup("Wort"); uintptr(unsafe.Pointer(p))%64 != 0 {
		t.Errorf("a chunk's first form is at %p, not on a cache line's start", p)
	}
}
