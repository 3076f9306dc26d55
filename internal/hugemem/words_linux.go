package hugemem

import (
	"syscall"
	"unsafe"
)

// Words returns n zero words of which the kernel may back the 2 MB-aligned
// interior with huge pages. The allocation is exactly n words, so the heap
// (and the collector's pacing) is what make would give; only the partial
// pages at either end keep 4 KB pages.
func Words(n int) []uint64 {
	m := make([]uint64, n)
	if n == 0 {
		return m
	}
	p := uintptr(unsafe.Pointer(&m[0]))
	lo, hi := (p+HugePage-1)&^(HugePage-1), (p+uintptr(n)*8)&^(HugePage-1)
	if lo < hi {
		// The words are still zero, so unless the runtime cleared reused
		// memory their pages are faulted in after the advice.
		b := unsafe.Slice((*byte)(unsafe.Pointer(&m[(lo-p)/8])), hi-lo)
		_ = syscall.Madvise(b, madvHugepage)
	}
	return m
}
