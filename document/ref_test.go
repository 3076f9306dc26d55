package document

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// refAppendJSON is AppendJSON as it was before the fast paths (constant
// field names, the word-at-a-time string scan, the small-int digits, one
// buffer growth per record): the reference that TestAppendJSONMatchesRef,
// TestAppendJSONMatchesRef10kGNAD and FuzzAppendJSONRef hold the new one to.
func refAppendJSON(r *Record, b []byte) []byte {
	b = append(b, `{"schema":`...)
	b = strconv.AppendInt(b, int64(r.Schema), 10)
	b = refAppendField(b, "id", r.ID)
	b = refAppendOmit(b, "source", r.Source)
	b = refAppendOmit(b, "title", r.Title)
	b = refAppendOmit(b, "label", r.Label)
	b = append(b, `,"dct":`...)
	if r.DCT == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"value":`...)
		b = refAppendString(b, r.DCT.Value)
		b = refAppendField(b, "precision", r.DCT.Precision)
		b = refAppendField(b, "origin", r.DCT.Origin)
		b = refAppendOmit(b, "input_value", r.DCT.InputValue)
		b = append(b, '}')
	}
	b = refAppendField(b, "text", r.Text)

	b = append(b, `,"sentences":`...)
	b = refAppendList(b, r.Sentences, func(b []byte, s *SentenceRecord) []byte {
		b = refAppendFirstInt(b, "start", s.Start)
		b = refAppendInt(b, "end", s.End)
		b = refAppendInt(b, "tok_start", s.TokStart)
		return refAppendInt(b, "tok_end", s.TokEnd)
	})
	b = append(b, `,"tokens":`...)
	b = refAppendList(b, r.Tokens, func(b []byte, t *TokenRecord) []byte {
		b = refAppendFirstInt(b, "start", t.Start)
		b = refAppendInt(b, "end", t.End)
		b = refAppendField(b, "text", t.Text)
		b = refAppendField(b, "kind", string(t.Kind))
		b = refAppendOmit(b, "stem", t.Stem)
		b = refAppendOmit(b, "lemma", t.Lemma)
		return refAppendOmit(b, "pos", t.POS)
	})
	b = append(b, `,"entities":`...)
	b = refAppendList(b, r.Entities, func(b []byte, e *EntityRecord) []byte {
		b = append(b, `{"id":`...)
		b = refAppendString(b, e.ID)
		b = refAppendField(b, "type", e.Type)
		b = refAppendSpanFields(b, &e.SpanRecord)
		b = refAppendInt(b, "sentence", e.Sentence)
		b = refAppendField(b, "rule", e.Rule)
		b = refAppendOmit(b, "canonical", e.Canonical)
		b = refAppendOmit(b, "qid", e.QID)
		b = refAppendOmit(b, "kb_id", e.KBID)
		return refAppendOmit(b, "linked_to", e.LinkedTo)
	})
	b = append(b, `,"timexes":`...)
	b = refAppendList(b, r.Timexes, func(b []byte, t *TimexRecord) []byte {
		b = append(b, `{"id":`...)
		b = refAppendString(b, t.ID)
		b = refAppendField(b, "type", t.Type)
		b = refAppendField(b, "value", t.Value)
		b = refAppendOmit(b, "mod", t.Mod)
		b = refAppendOmit(b, "quant", t.Quant)
		b = refAppendOmit(b, "freq", t.Freq)
		b = refAppendSpanFields(b, &t.SpanRecord)
		b = refAppendInt(b, "sentence", t.Sentence)
		b = refAppendField(b, "rule", t.Rule)
		return refAppendOmit(b, "anchor", t.Anchor)
	})
	b = append(b, `,"events":`...)
	b = refAppendList(b, r.Events, func(b []byte, e *EventRecord) []byte {
		b = append(b, `{"id":`...)
		b = refAppendString(b, e.ID)
		b = refAppendField(b, "type", e.Type)
		b = refAppendOmit(b, "cameo", e.CAMEO)
		b = append(b, `,"trigger":`...)
		b = refAppendSpan(b, &e.Trigger)
		b = refAppendField(b, "lemma", e.Lemma)
		b = append(b, `,"arguments":`...)
		b = refAppendList(b, e.Arguments, func(b []byte, a *ArgumentRecord) []byte {
			b = append(b, `{"role":`...)
			b = refAppendString(b, a.Role)
			b = refAppendOmit(b, "ref", a.Ref)
			b = append(b, `,"span":`...)
			b = refAppendSpan(b, &a.Span)
			return b
		})
		b = refAppendField(b, "polarity", e.Polarity)
		b = refAppendField(b, "modality", e.Modality)
		if a := e.Attribution; a != nil {
			b = append(b, `,"attribution":{`...)
			sep := false
			if a.Source != nil {
				b = append(b, `"source":`...)
				b = refAppendSpan(b, a.Source)
				sep = true
			}
			if a.SourceRef != "" {
				if sep {
					b = append(b, ',')
				}
				b = append(b, `"source_ref":`...)
				b = refAppendString(b, a.SourceRef)
				sep = true
			}
			if sep {
				b = append(b, ',')
			}
			b = append(b, `"cue":`...)
			b = refAppendSpan(b, &a.Cue)
			b = refAppendOmit(b, "statement", a.Statement)
			b = append(b, '}')
		}
		b = refAppendInt(b, "sentence", e.Sentence)
		return refAppendField(b, "rule", e.Rule)
	})
	b = append(b, `,"statements":`...)
	b = refAppendList(b, r.Statements, func(b []byte, s *StatementRecord) []byte {
		b = append(b, `{"id":`...)
		b = refAppendString(b, s.ID)
		b = refAppendField(b, "kind", s.Kind)
		if s.Cue != nil {
			b = append(b, `,"cue":`...)
			b = refAppendSpan(b, s.Cue)
		}
		if s.Source != nil {
			b = append(b, `,"source":`...)
			b = refAppendSpan(b, s.Source)
		}
		b = refAppendOmit(b, "source_ref", s.SourceRef)
		b = append(b, `,"message":`...)
		b = refAppendSpan(b, &s.Message)
		b = refAppendInt(b, "sentence", s.Sentence)
		return refAppendField(b, "rule", s.Rule)
	})
	if len(r.Warnings) > 0 {
		b = append(b, `,"warnings":[`...)
		for i, w := range r.Warnings {
			if i > 0 {
				b = append(b, ',')
			}
			b = refAppendString(b, w)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// refAppendList appends a JSON array of the elements of s, each an object
// that elem appends without its closing brace; a nil slice is null, as
// encoding/json has it.
func refAppendList[T any](b []byte, s []T, elem func([]byte, *T) []byte) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, &s[i])
		b = append(b, '}')
	}
	return append(b, ']')
}

// refAppendSpan appends a span as an object of its own.
func refAppendSpan(b []byte, s *SpanRecord) []byte {
	b = refAppendFirstInt(b, "start", s.Start)
	b = refAppendInt(b, "end", s.End)
	b = refAppendField(b, "text", s.Text)
	return append(b, '}')
}

// refAppendSpanFields appends the fields of an embedded span.
func refAppendSpanFields(b []byte, s *SpanRecord) []byte {
	b = refAppendInt(b, "start", s.Start)
	b = refAppendInt(b, "end", s.End)
	return refAppendField(b, "text", s.Text)
}

// refAppendFirstInt opens an object with an int field.
func refAppendFirstInt(b []byte, name string, v int) []byte {
	b = append(b, `{"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, int64(v), 10)
}

func refAppendInt(b []byte, name string, v int) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, int64(v), 10)
}

func refAppendField(b []byte, name, v string) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return refAppendString(b, v)
}

// refAppendOmit is refAppendField for an omitempty field.
func refAppendOmit(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	return refAppendField(b, name, v)
}

const refHexDigits = "0123456789abcdef"

// refAppendString appends s as a JSON string the way encoding/json does with
// HTML escaping off: short escapes for \b \f \n \r \t, \u00XX for the other
// control characters, \ufffd for each byte of invalid UTF-8, and U+2028 and
// U+2029 escaped.
func refAppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', refHexDigits[c>>4], refHexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', refHexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// refEdgeStrings are strings that the fast paths of appendStr treat
// differently: every length from 0 to 20 with each kind of special byte at
// every position (the overlapping loads of appendStr, the word skip of
// appendEscaped), and two-byte sequences that are not valid.
func refEdgeStrings() []string {
	specials := []string{"\"", "\\", "\x00", "\x1f", "\n", "\x7f", "ä", "\u2028", "\u2029", "\xff", "\xc2", "\xc0\x80", "\xc1\xbf",
		"\xdf\xbf", "\xe2\x80", "\xe2\x80\xa8", "\xe2\x80\xa7", "\xe2\x80\xaa", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\x80", "\xe0\xa0\x80", "\xef\xbf\xbf", "„", "€", "𝄞", "\xf0\x80\x80\x80", "\xf4\x90\x80\x80", "<", "&", " ", "~", "!", "#", "[", "]"}
	var out []string
	for n := 0; n <= 20; n++ {
		out = append(out, strings.Repeat("x", n))
		for i := 0; i <= n; i++ {
			for _, sp := range specials {
				out = append(out, strings.Repeat("a", i)+sp+strings.Repeat("b", n-i))
			}
		}
	}
	return append(out, "Putin sagte: „Wir\" \\ reisen“", "bad \xff\xfe utf-8 \xe2\x82", "\u2028 \u2029 𝄞 ä", "</script>")
}

func TestAppendJSONMatchesRef(t *testing.T) {
	for _, s := range refEdgeStrings() {
		for _, r := range []*Record{fullRecord(s, 7), fullRecord(s, 0), fullRecord(s, -12345), {}, {Warnings: []string{}}} {
			want := string(refAppendJSON(r, nil))
			require.Equal(t, want, string(r.AppendJSON(nil)), "%q", s)
			// Appending after other bytes, into a buffer too small.
			require.Equal(t, "x"+want, string(r.AppendJSON([]byte("x"))), "%q", s)
		}
	}
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 1 << 40, -1, -9, -10, -10000, math.MaxInt, math.MinInt} {
		require.Equal(t, strconv.Itoa(n), string(appendInt(nil, n)))
	}
}

func FuzzAppendJSONRef(f *testing.F) {
	f.Add("Merkel sagte „ja“", 3)
	f.Add("\xff\u2028\x01\"\\", -1)
	f.Add("abcdefg\xc2", 10000)
	f.Fuzz(func(t *testing.T, s string, n int) {
		r := fullRecord(s, n)
		require.Equal(t, string(refAppendJSON(r, nil)), string(r.AppendJSON(nil)))
		require.Equal(t, string(refAppendString(nil, s)), `"`+string(appendStr(nil, s))+`"`)
	})
}
