//go:build !linux

package hugemem

// Words returns n zero words (see the Linux version).
func Words(n int) []uint64 { return make([]uint64, n) }
