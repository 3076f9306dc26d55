// Package hugemem lets the model tables that the stages load live on 2 MB
// pages. The stages probe tens of megabytes of tables (lexicon, gazetteers,
// event vocabulary) at random; with 4 KB pages nearly every probe of a word
// the worker has not met recently misses the TLB as well as the cache (the
// TLB's 2,048 entries cover 8 MB). Linux backs anonymous memory with huge
// pages only where a program asks (transparent_hugepage "madvise", the
// common default), and the Go runtime does not ask for its heap.
//
// Words gives one pointer-free array whose interior is advised (the
// lexicon packs its tables into one); Prime advises the heap that the next
// allocations of the process will use (extract.PrimeHeap, for programs
// that own their process). Both are hints: where the kernel declines, the
// memory is ordinary memory.
package hugemem

// HugePage is the size of a huge page on x86-64 and arm64 Linux.
const HugePage = 2 << 20
