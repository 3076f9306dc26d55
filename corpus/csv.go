package corpus

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The 10kGNAD layout is one article per line: `label;'text'`, fields split
// by ';', quoted with "'" and a quote inside a quoted field doubled (”).
// encoding/csv cannot read it (its quote character is fixed to '"'), and
// since the layout never puts a raw newline inside a field, a line is a
// record: a row with broken quoting costs one error article, not the rest
// of the file, and a distributed runner can parse any line on its own.
const (
	csvComma = ';'
	csvQuote = '\''
)

// SplitCSVLine splits one line of the 10kGNAD layout into its fields,
// undoing the quoting. It fails on an unterminated quote or on text after a
// closing quote, naming the byte column.
func SplitCSVLine(line []byte) ([]string, error) {
	var fields []string
	var b strings.Builder
	i := 0
	for {
		b.Reset()
		if i < len(line) && line[i] == csvQuote {
			start := i
			i++
			closed := false
			for i < len(line) {
				c := line[i]
				if c == csvQuote {
					if i+1 < len(line) && line[i+1] == csvQuote {
						b.WriteByte(csvQuote)
						i += 2
						continue
					}
					closed = true
					i++
					break
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return nil, fmt.Errorf("broken quoting: the quote opened at column %d is never closed", start+1)
			}
			if i < len(line) && line[i] != csvComma {
				return nil, fmt.Errorf("broken quoting: %q after the closing quote at column %d", string(runeAt(line, i)), i+1)
			}
		} else {
			j := bytes.IndexByte(line[i:], csvComma)
			if j < 0 {
				j = len(line) - i
			}
			b.Write(line[i : i+j])
			i += j
		}
		fields = append(fields, b.String())
		if i >= len(line) {
			return fields, nil
		}
		i++ // the comma
	}
}

func runeAt(b []byte, i int) rune {
	r, _ := utf8.DecodeRune(b[i:])
	return r
}

// ParseCSVRecord turns the fields of one 10kGNAD row (label, text) into an
// Article with the default Options; source ("test.csv:17") is also its id.
func ParseCSVRecord(source string, fields []string) Article {
	return Options{}.ParseCSVRecord(source, fields)
}

// ParseCSVRecord is the package function with these options.
func (o Options) ParseCSVRecord(source string, fields []string) Article {
	a := o.parseCSVRecord(source, fields)
	o.applyDate(&a)
	return a
}

func (o Options) parseCSVRecord(source string, fields []string) Article {
	a := Article{ID: source, Source: source}
	for _, f := range fields {
		a.Size += int64(len(f)) + 1
	}
	if len(fields) != 2 {
		a.fail("parse", fmt.Errorf("CSV row has %d fields, want 2 (label;'text')", len(fields)))
		return a
	}
	if max := o.maxSize(); int64(len(fields[1])) > max {
		a.fail("size", SizeError(int64(len(fields[1])), max))
		return a
	}
	text, warns, err := o.decodeText([]byte(fields[1]))
	if err != nil {
		a.fail("decode", err)
		return a
	}
	a.Label, a.Text, a.Warnings = strings.TrimSpace(fields[0]), text, warns
	return a
}

// ParseCSVLine splits and parses one line of the 10kGNAD layout.
func ParseCSVLine(source string, line []byte) Article {
	return Options{}.ParseCSVLine(source, line)
}

// ParseCSVLine is the package function with these options.
func (o Options) ParseCSVLine(source string, line []byte) Article {
	if max := o.maxSize(); int64(len(line)) > max {
		a := Article{ID: source, Source: source, Size: int64(len(line))}
		a.fail("size", SizeError(int64(len(line)), max))
		return a
	}
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	fields, err := SplitCSVLine(line)
	if err != nil {
		a := Article{ID: source, Source: source, Size: int64(len(line))}
		a.fail("parse", err)
		return a
	}
	return o.ParseCSVRecord(source, fields)
}

// ReadCSV streams the rows of a 10kGNAD-layout file, one Article per
// non-blank line (Source "name:LINE"), like ReadJSONLines.
func (o Options) ReadCSV(ctx context.Context, r io.Reader, name string, yield func(Article) bool) error {
	return o.readLines(ctx, r, name, o.ParseCSVLine, yield)
}
