package lexicon

import (
	"syscall"
	"unsafe"
)

// hugeWords returns n zero words of which the kernel may back the 2 MB-
// aligned interior with huge pages (transparent huge pages in madvise
// mode, the usual default). The allocation is exactly n words; only the
// partial pages at either end keep 4 KB pages.
func hugeWords(n int) []uint64 {
	const huge = 2 << 20
	m := make([]uint64, n)
	if n == 0 {
		return m
	}
	p := uintptr(unsafe.Pointer(&m[0]))
	lo, hi := (p+huge-1)&^(huge-1), (p+uintptr(n)*8)&^(huge-1)
	if lo < hi {
		// The words are still zero, so unless the runtime cleared reused
		// memory their pages are faulted in after the advice.
		b := unsafe.Slice((*byte)(unsafe.Pointer(&m[(lo-p)/8])), hi-lo)
		_ = syscall.Madvise(b, madvHugepage)
	}
	return m
}

const madvHugepage = 14 // MADV_HUGEPAGE, which package syscall does not name
