package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrEmpty, ErrBinary and ErrEncoding classify inputs that hold no article;
// the errors returned wrap them with details (which format, which byte).
var (
	ErrEmpty    = errors.New("empty input: no text")
	ErrBinary   = errors.New("binary data, not text")
	ErrEncoding = errors.New("invalid UTF-8")
)

// magic numbers of the binary formats most often found in article dumps,
// named so that the error record says what the file is.
var magics = []struct {
	prefix, name string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x7fELF", "ELF executable"},
	{"PK\x03\x04", "zip archive"},
	{"PK\x05\x06", "zip archive"},
	{"\x1f\x8b", "gzip data"},
	{"%PDF-", "PDF document"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"\xff\xfe\x00\x00", "UTF-32 text (unsupported)"},
	{"\x00\x00\xfe\xff", "UTF-32 text (unsupported)"},
}

// decodeText turns raw input bytes into article text. It strips a UTF-8
// BOM, decodes UTF-16 with a BOM, rejects binary data, and handles invalid
// UTF-8 as the options say. The returned warnings go into the record.
func (o Options) decodeText(data []byte) (string, []string, error) {
	var warns []string
	if len(data) == 0 {
		return "", nil, fmt.Errorf("%w (0 bytes)", ErrEmpty)
	}
	for _, m := range magics {
		if m.name != "" && bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", nil, fmt.Errorf("%w (%s)", ErrBinary, m.name)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		s, w, err := decodeUTF16(data)
		if err != nil {
			return "", nil, err
		}
		if w != "" {
			warns = append(warns, w)
		}
		warns = append(warns, "decoded from UTF-16")
		data = []byte(s)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if controlHeavy(data) {
		return "", nil, fmt.Errorf("%w (mostly control characters)", ErrBinary)
	}
	if !utf8.Valid(data) {
		off := invalidAt(data)
		if !o.Latin1 {
			return "", nil, fmt.Errorf("%w at byte offset %d (if the file is Latin-1/Windows-1252, rerun with --latin1)", ErrEncoding, off)
		}
		data = []byte(decodeWindows1252(data))
		warns = append(warns, fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d): decoded as Windows-1252", off))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, fmt.Errorf("%w (only white space)", ErrEmpty)
	}
	return string(data), warns, nil
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlHeavy reports whether the start of data is dominated by control
// bytes other than white space: a sign of binary data without NUL bytes.
func controlHeavy(data []byte) bool {
	if len(data) > 8192 {
		data = data[:8192]
	}
	n := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			n++
		}
	}
	return n*10 > len(data)
}

// decodeUTF16 decodes BOM-prefixed UTF-16. Unpaired surrogates become
// U+FFFD with a warning; an odd byte count is an error (truncated file).
func decodeUTF16(data []byte) (string, string, error) {
	be := data[0] == 0xfe
	data = data[2:]
	if len(data)%2 != 0 {
		return "", "", fmt.Errorf("truncated UTF-16: odd number of bytes (%d) after the BOM", len(data))
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if be {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	runes := utf16.Decode(u)
	warn := ""
	for _, r := range runes {
		if r == utf8.RuneError {
			warn = "UTF-16 input has unpaired surrogates, replaced by U+FFFD"
			break
		}
	}
	return string(runes), warn, nil
}

// cp1252 maps 0x80..0x9F; the other high bytes are Latin-1 code points.
// The five unassigned bytes map to the C1 controls, as WHATWG does.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
