package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// ParseJSONLine turns one JSON Lines object {"id","date","title","text"}
// (plus optional "label") into an Article with the default Options. source
// names the line ("file.jsonl:17"); it is also the id when the object has
// none.
func ParseJSONLine(source string, line []byte) Article {
	return Options{}.ParseJSONLine(source, line)
}

// ParseJSONLine is the package function with these options.
func (o Options) ParseJSONLine(source string, line []byte) Article {
	a := o.parseJSONLine(source, line)
	o.applyDate(&a)
	return a
}

func (o Options) parseJSONLine(source string, line []byte) Article {
	a := Article{ID: source, Source: source, Size: int64(len(line))}
	if max := o.maxSize(); int64(len(line)) > max {
		a.fail("size", SizeError(int64(len(line)), max))
		return a
	}
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(line) {
		// encoding/json would silently turn the bad bytes into U+FFFD.
		if !o.Latin1 {
			// The id still names the article when the JSON is otherwise sound.
			var j map[string]json.RawMessage
			if json.Unmarshal(line, &j) == nil {
				if id, err := jsonID(j["id"]); err == nil && id != "" {
					a.ID = id
				}
			}
			a.fail("decode", fmt.Errorf("%w at byte offset %d of the line (rerun with --latin1 if the file is Windows-1252)", ErrEncoding, invalidAt(line)))
			return a
		}
		line = []byte(decodeWindows1252(line))
		a.Warnings = append(a.Warnings, "line is not valid UTF-8: decoded as Windows-1252")
	}
	// A map, not a struct: encoding/json matches struct fields without
	// regard to case, and {"TEXT": …} is not this format (the fuzzer found
	// {"teXt": …} accepted). Keys are exact; unknown keys are ignored.
	var j map[string]json.RawMessage
	if err := json.Unmarshal(line, &j); err != nil {
		a.fail("parse", fmt.Errorf("malformed JSON: %v", err))
		return a
	}
	if j == nil {
		a.fail("parse", errors.New("malformed JSON: null, want an object"))
		return a
	}
	if id, err := jsonID(j["id"]); err != nil {
		a.fail("parse", err)
		return a
	} else if id != "" {
		a.ID = id
	}
	var date string
	for _, f := range []struct {
		key string
		dst *string
	}{{"title", &a.Title}, {"label", &a.Label}, {"date", &date}} {
		raw := bytes.TrimSpace(j[f.key])
		if len(raw) == 0 || string(raw) == "null" {
			continue
		}
		if raw[0] != '"' || json.Unmarshal(raw, f.dst) != nil {
			a.Warnings = append(a.Warnings, fmt.Sprintf("%q must be a string, not %s: ignored", f.key, kindOfJSON(raw[0])))
		}
	}
	raw := bytes.TrimSpace(j["text"])
	if len(raw) == 0 || string(raw) == "null" {
		a.fail("parse", errors.New(`JSON object has no "text" field`))
		return a
	}
	var text string
	if raw[0] != '"' || json.Unmarshal(raw, &text) != nil {
		a.fail("parse", fmt.Errorf(`"text" must be a string, not %s`, kindOfJSON(raw[0])))
		return a
	}
	if isBlank(text) {
		a.fail("decode", fmt.Errorf("%w (\"text\" is empty or white space)", ErrEmpty))
		return a
	}
	a.Text = text
	if date != "" {
		t, p, err := ParseDate(date)
		if err != nil {
			a.Warnings = append(a.Warnings, "date field: "+err.Error())
		} else {
			a.DCT = document.DCT{Time: t, Precision: p, Origin: "json"}
		}
	}
	return a
}

// jsonID accepts a string or a number as id.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("malformed JSON id: %v", err)
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", fmt.Errorf("malformed JSON id: %v", err)
		}
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, kindOfJSON(raw[0]))
}

func kindOfJSON(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return "this value"
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xa0, 0x2028, 0x2029, 0x3000, 0xfeff, 0x200b:
		default:
			return false
		}
	}
	return true
}

// ReadJSONLines streams JSON Lines from r, calling yield with one Article
// per non-blank line (Seq counts from 0 within r; Source is "name:LINE").
// A line longer than the size limit is skipped without being held in
// memory and yields an error article. Reading stops when yield returns
// false or ctx ends; the error is a read error of r or ctx.Err().
func (o Options) ReadJSONLines(ctx context.Context, r io.Reader, name string, yield func(Article) bool) error {
	return o.readLines(ctx, r, name, o.ParseJSONLine, yield)
}

// readLines is the line loop shared by the JSON Lines and CSV readers.
func (o Options) readLines(ctx context.Context, r io.Reader, name string, parse func(string, []byte) Article, yield func(Article) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	max := o.maxSize()
	seq := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, blank, err := readLine(br, max)
		if n == 0 && err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		src := name + ":" + strconv.Itoa(lineNo)
		var a Article
		switch {
		case blank:
			if err != nil && err != io.EOF {
				return err
			}
			if err == io.EOF {
				return nil
			}
			continue // blank lines separate nothing; they are not articles
		case n > max:
			a = Article{ID: src, Source: src, Size: n}
			a.fail("size", fmt.Errorf("line of %s", SizeError(n, max)))
		default:
			a = parse(src, line)
		}
		a.Seq = seq
		seq++
		if !yield(a) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
	}
}

// readLine returns the next line without its newline, the line's length,
// and whether it is only white space. A line longer than max is consumed
// but not kept (line is nil, n > max), so one giant line cannot exhaust
// memory; blank is tracked on the way, so a giant blank line stays blank.
func readLine(br *bufio.Reader, max int64) (line []byte, n int64, blank bool, err error) {
	blank = true
	for {
		chunk, e := br.ReadSlice('\n')
		n += int64(len(chunk))
		if blank && len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if n <= max+1 { // +1: the newline does not count against the limit
			line = append(line, chunk...)
		} else {
			line = nil
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e != nil {
			err = e
		}
		break
	}
	if len(line) > 0 && line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
		n--
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
			n--
		}
	}
	if n > max {
		line = nil
	}
	return line, n, blank, err
}
