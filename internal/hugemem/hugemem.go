// Package hugemem lets a model's lookup tables live on 2 MB pages. The
// lemma stage probes 13 MB of lexicon tables at random; with 4 KB pages
// nearly every probe of a word the worker has not met recently misses the
// TLB as well as the cache (its 2,048 entries cover 8 MB, and the other
// stages' data evicts them between articles). Linux backs anonymous memory
// with huge pages only where a program asks (transparent_hugepage
// "madvise", the common default), and the Go runtime does not ask for its
// heap. The advice is a hint: where the kernel declines, the memory is
// ordinary memory.
//
// For the processing the lexicon's tables are what counts: advising the
// whole heap before the models load, so that every model's tables land on
// huge pages (81 MB of them in a CLI run, against 10 MB for the lexicon
// alone), gained nothing over the lexicon's own tables on huge pages
// (BenchmarkPipeline, 4 alternating pairs: 1.58 against 1.59 MB per
// CPU-second); the gazetteers and event tables are small enough for the
// TLB. For the start-up it counts: see AdviseHeap.
package hugemem

import (
	"runtime"
	"unsafe"
)

// AdviseHeap makes the next n bytes that the Go heap hands out likely to
// lie on huge pages. It allocates n bytes from fresh memory, advises them
// (Words) and frees them with a collection; the runtime's page allocator
// hands out the lowest free addresses first, so what is allocated next
// reuses them. A process that is about to build its models calls it: the
// load allocates about 90 MB of tables that live for the whole run, and
// the kernel's 4 KB page faults on fresh memory (20,000 of them, each a
// trap and a zeroed page, two threads contending for the process's page
// tables at -j 2) were a third of the CLI's start-up; on huge pages they
// are a few dozen (docs/performance.md, Round 7).
//
// It runs a collection and changes how the process's heap is backed, so
// it is for programs (the CLI), never for a library on behalf of its
// caller. The advice is a hint: where the kernel has no free huge page,
// the memory is ordinary memory.
func AdviseHeap(n int) {
	w := Words(n / 8)
	runtime.KeepAlive(w)
	w = nil
	runtime.GC()
}

// HugePage is the size of a huge page on x86-64 and arm64 Linux.
const HugePage = 2 << 20

const madvHugepage = 14 // MADV_HUGEPAGE, which package syscall does not name

// Aligned returns n zero words that start on a huge page: Words
// advises only the 2 MB-aligned interior of what it allocates, which a
// 2 MB table allocated on its own mostly lacks, so this allocates 2 MB
// more and returns the aligned window. The pages around it are never
// touched, so they cost address space and heap accounting, not memory.
func Aligned(n int) []uint64 {
	const page = HugePage / 8 // words
	if n < page {
		return make([]uint64, n)
	}
	w := Words(n + page)
	off := 0
	if a := uintptr(unsafe.Pointer(&w[0])) % HugePage; a != 0 {
		off = int((HugePage - a) / 8)
	}
	return w[off : off+n : off+n]
}
