//go:build amd64 || arm64

package ner

import "unsafe"

// memoKey returns the first and last eight bytes of s (four for a word
// of four to seven bytes; the first, middle and last byte for a shorter
// one), read little-endian. With the length they are all of s when s has
// at most 16 bytes: the parts overlap or meet, and a word of up to three
// bytes has no other bytes.
//
// The parts are read with one unaligned load each, which these two
// architectures allow: so written memoKey is cheap enough to be inlined
// into prepare's lookup (the byte-wise loads of memoKeyBytes, which
// memokey_other.go uses, made it a call, with the loop's values spilled around
// it, on every token).
func memoKey(s string) (a, b uint64) {
	n := len(s)
	p := unsafe.Pointer(unsafe.StringData(s))
	switch {
	case n >= 8:
		a, b = *(*uint64)(p), *(*uint64)(unsafe.Add(p, n-8))
	case n >= 4:
		a, b = uint64(*(*uint32)(p)), uint64(*(*uint32)(unsafe.Add(p, n-4)))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return a, b
}
