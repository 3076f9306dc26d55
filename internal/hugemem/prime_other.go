//go:build !linux

package hugemem

// Prime does nothing outside Linux; see the Linux version.
func Prime(n int) int { return 0 }
