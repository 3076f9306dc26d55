package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/ereignis/ereignis/document"
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

// ParseText turns the bytes of a .txt article into an Article with the
// default Options.
func ParseText(id, source string, data []byte) Article {
	return Options{}.ParseText(id, source, data)
}

// ParseText turns the bytes of a .txt article into an Article. A leading
// "date 2025-05" (optionally preceded by white space, followed by a newline
// or by the first words of the article on the same line, as in the seed) is
// metadata: it sets the DCT and is not part of Text, so offsets count from
// the first character after it and the white space that follows it.
func (o Options) ParseText(id, source string, data []byte) Article {
	a := o.parseText(id, source, data)
	o.applyDate(&a)
	return a
}

func (o Options) parseText(id, source string, data []byte) Article {
	a := Article{ID: id, Source: source, Size: int64(len(data))}
	if max := o.maxSize(); int64(len(data)) > max {
		a.fail("size", SizeError(int64(len(data)), max))
		return a
	}
	text, warns, err := o.decodeText(data)
	if err != nil {
		a.fail("decode", err)
		return a
	}
	a.Warnings = warns
	if rest, field, ok := cutDatePrefix(text); ok {
		t, p, err := ParseDate(field)
		if err != nil {
			a.Warnings = append(a.Warnings, "date metadata: "+err.Error())
		} else {
			a.DCT = document.DCT{Time: t, Precision: p, Origin: "metadata"}
		}
		text = rest
	}
	if strings.TrimSpace(text) == "" {
		a.fail("decode", fmt.Errorf("%w (only a date line)", ErrEmpty))
		return a
	}
	a.Text = text
	return a
}

// cutDatePrefix reports whether text starts with the "date" metadata word
// and returns the text after the date field and the white space that
// follows it. The field counts as metadata when it starts with a digit or
// is alone on its line, so prose that happens to start with "date" stays.
func cutDatePrefix(text string) (rest, field string, ok bool) {
	t := strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(t, "date") || len(t) == 4 {
		return "", "", false
	}
	if c := t[4]; c != ' ' && c != '\t' {
		return "", "", false
	}
	t = strings.TrimLeft(t[4:], " \t")
	i := strings.IndexAny(t, " \t\r\n")
	if i < 0 {
		i = len(t)
	}
	field = t[:i]
	alone := i == len(t) || t[i] == '\r' || t[i] == '\n'
	if field == "" || !(field[0] >= '0' && field[0] <= '9' || alone) {
		return "", "", false
	}
	return strings.TrimLeft(t[i:], " \t\r\n"), field, true
}
