package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// ErrEmpty, ErrBinary and ErrEncoding classify inputs that hold no article.
var (
	ErrEmpty    = errors.New("empty input: no text")
	ErrBinary   = errors.New("binary data, not text")
	ErrEncoding = errors.New("invalid UTF-8")
)

// ParseDate reads a date of the forms YYYY, YYYY-MM or YYYY-MM-DD (an
// optional time part after 'T' or a space is ignored) and returns it with
// its precision.
func ParseDate(s string) (time.Time, document.Precision, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i >= 0 {
		s = s[:i]
	}
	for _, f := range []struct {
		layout string
		p      document.Precision
	}{{"2006-01-02", document.PrecisionDay}, {"2006-01", document.PrecisionMonth}, {"2006", document.PrecisionYear}} {
		if len(s) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, s); err == nil {
			return t, f.p, nil
		}
	}
	return time.Time{}, document.PrecisionNone, fmt.Errorf("malformed date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

// ParseText turns the bytes of a .txt article into an Article. A leading
// "date 2025-05" (optionally preceded by white space, followed by a newline
// or by the first words of the article on the same line, as in the seed) is
// metadata: it sets the DCT and is not part of Text, so offsets count from
// the first character after it and the white space that follows it.
func ParseText(id, source string, data []byte) Article {
	a := Article{ID: id, Source: source}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkText(data); err != nil {
		a.Err, a.ErrStage = err, "decode"
		return a
	}
	text := string(data)
	if rest, ok := cutDatePrefix(text); ok {
		field, after := splitField(rest)
		t, p, err := ParseDate(field)
		if err != nil {
			a.Warnings = append(a.Warnings, "date metadata: "+err.Error())
		} else {
			a.DCT = document.DCT{Time: t, Precision: p, Origin: "metadata"}
		}
		text = after
	}
	if strings.TrimSpace(text) == "" {
		a.Err, a.ErrStage = ErrEmpty, "decode"
		return a
	}
	a.Text = text
	return a
}

// checkText rejects inputs that are not UTF-8 text.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return ErrEncoding
	}
	return nil
}

// cutDatePrefix reports whether text starts with the "date" metadata word
// and returns what follows it.
func cutDatePrefix(text string) (string, bool) {
	t := strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(t, "date") || len(t) == 4 {
		return "", false
	}
	if c := t[4]; c != ' ' && c != '\t' {
		return "", false
	}
	return strings.TrimLeft(t[4:], " \t"), true
}

// splitField splits off the first white-space delimited field and drops the
// white space after it.
func splitField(s string) (field, rest string) {
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t\r\n")
}
