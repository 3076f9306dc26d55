package hugemem

import (
	"runtime"
	"syscall"
	"unsafe"
)

const madvHugepage = 14 // MADV_HUGEPAGE, which package syscall does not name

// Prime makes the next n bytes of heap that the program allocates eligible
// for huge pages, and returns how many bytes it advised (0 where the
// kernel refused). It maps n fresh bytes of heap, advises their whole 2 MB
// pages MADV_HUGEPAGE without touching them, and frees them again with a
// collection; the runtime's page allocator hands out the lowest free
// addresses first, so the tables allocated next (a model load) land in
// that memory, and their first writes fault in huge pages. The advice is
// a hint: memory used otherwise, or a kernel without transparent huge
// pages, only costs the gain. Call it once, before the big allocations;
// it runs a garbage collection.
func Prime(n int) int {
	if n <= 0 {
		return 0
	}
	b := make([]byte, n+HugePage)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (p + HugePage - 1) &^ (HugePage - 1)
	hi := (p + uintptr(len(b))) &^ (HugePage - 1)
	if hi <= lo {
		return 0
	}
	pages := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), lo-p)), hi-lo)
	if err := syscall.Madvise(pages, madvHugepage); err != nil {
		return 0
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	return int(hi - lo)
}
