package ner

// memoKeyBytes is memoKey with byte-wise loads, for any architecture:
// memokey_other.go's memoKey, and the reference that TestMemoKeyMatchesRef
// holds the unaligned loads of memokey_le.go to. It returns the first and
// last eight bytes of s (four for a word of four to seven bytes; the
// first, middle and last byte for a shorter one), read little-endian.
// With the length they are all of s when s has at most 16 bytes: the
// parts overlap or meet, and a word of up to three bytes has no other
// bytes.
func memoKeyBytes(s string) (a, b uint64) {
	n := len(s)
	switch {
	case n >= 8:
		a, b = load64(s, 0), load64(s, n-8)
	case n >= 4:
		a, b = uint64(load32(s, 0)), uint64(load32(s, n-4))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return a, b
}

func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
