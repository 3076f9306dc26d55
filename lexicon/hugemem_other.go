//go:build !linux

package lexicon

// hugeWords returns n zero words (see the Linux version).
func hugeWords(n int) []uint64 { return make([]uint64, n) }
