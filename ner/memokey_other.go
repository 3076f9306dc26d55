//go:build !(amd64 || arm64)

package ner

// memoKey returns the parts of s that the memo compares (see
// memoKeyBytes); these architectures may not allow unaligned loads.
func memoKey(s string) (a, b uint64) { return memoKeyBytes(s) }
