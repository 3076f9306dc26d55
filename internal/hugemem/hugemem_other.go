//go:build !linux

package hugemem

// Prime does nothing outside Linux; see the Linux version.
func Prime(n int) int { return 0 }

// Words returns n zero words (see the Linux version).
func Words(n int) []uint64 { return make([]uint64, n) }
