package golden

import "bytes"

// Pretty lays out compact JSON for review: each top-level field on its own
// line and each element of a top-level array (a token, an entity, an event)
// on its own line, so a golden diff shows exactly which item changed.
func Pretty(compact []byte) []byte {
	var b bytes.Buffer
	depth := 0
	inStr, esc := false, false
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		if inStr {
			b.WriteByte(c)
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
			b.WriteByte(c)
		case '{', '[':
			depth++
			b.WriteByte(c)
			empty := i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']')
			if depth <= 2 && !empty {
				b.WriteByte('\n')
				b.Write(bytes.Repeat([]byte("  "), depth))
			}
		case '}', ']':
			empty := i > 0 && (compact[i-1] == '{' || compact[i-1] == '[')
			if depth <= 2 && !empty {
				b.WriteByte('\n')
				b.Write(bytes.Repeat([]byte("  "), depth-1))
			}
			depth--
			b.WriteByte(c)
		case ',':
			b.WriteByte(c)
			if depth <= 2 {
				b.WriteByte('\n')
				b.Write(bytes.Repeat([]byte("  "), depth))
			}
		case ':':
			b.WriteByte(c)
			if depth == 1 {
				b.WriteByte(' ')
			}
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\n')
	return b.Bytes()
}
