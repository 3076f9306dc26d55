package document

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as JSON to b: the bytes encoding/json writes for r
// with HTML escaping off (json.Encoder.SetEscapeHTML(false)), without the
// newline Encoder.Encode adds. Encoding by reflection took about an eighth
// of a whole CLI run (docs/performance.md); this walks the record's types
// directly. TestAppendJSONMatchesEncodingJSON and FuzzAppendJSON hold it
// to encoding/json byte for byte, so any field added to a record type must
// be added here too (the tests fail until it is).
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"schema":`...)
	b = strconv.AppendInt(b, int64(r.Schema), 10)
	b = appendField(b, "id", r.ID)
	b = appendOmit(b, "source", r.Source)
	b = appendOmit(b, "title", r.Title)
	b = appendOmit(b, "label", r.Label)
	b = append(b, `,"dct":`...)
	if r.DCT == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"value":`...)
		b = appendString(b, r.DCT.Value)
		b = appendField(b, "precision", r.DCT.Precision)
		b = appendField(b, "origin", r.DCT.Origin)
		b = appendOmit(b, "input_value", r.DCT.InputValue)
		b = append(b, '}')
	}
	b = appendField(b, "text", r.Text)

	b = append(b, `,"sentences":`...)
	b = appendList(b, r.Sentences, func(b []byte, s *SentenceRecord) []byte {
		b = appendFirstInt(b, "start", s.Start)
		b = appendInt(b, "end", s.End)
		b = appendInt(b, "tok_start", s.TokStart)
		return appendInt(b, "tok_end", s.TokEnd)
	})
	b = append(b, `,"tokens":`...)
	b = appendList(b, r.Tokens, func(b []byte, t *TokenRecord) []byte {
		b = appendFirstInt(b, "start", t.Start)
		b = appendInt(b, "end", t.End)
		b = appendField(b, "text", t.Text)
		b = appendField(b, "kind", string(t.Kind))
		b = appendOmit(b, "stem", t.Stem)
		b = appendOmit(b, "lemma", t.Lemma)
		return appendOmit(b, "pos", t.POS)
	})
	b = append(b, `,"entities":`...)
	b = appendList(b, r.Entities, func(b []byte, e *EntityRecord) []byte {
		b = append(b, `{"id":`...)
		b = appendString(b, e.ID)
		b = appendField(b, "type", e.Type)
		b = appendSpanFields(b, &e.SpanRecord)
		b = appendInt(b, "sentence", e.Sentence)
		b = appendField(b, "rule", e.Rule)
		b = appendOmit(b, "canonical", e.Canonical)
		b = appendOmit(b, "qid", e.QID)
		b = appendOmit(b, "kb_id", e.KBID)
		return appendOmit(b, "linked_to", e.LinkedTo)
	})
	b = append(b, `,"timexes":`...)
	b = appendList(b, r.Timexes, func(b []byte, t *TimexRecord) []byte {
		b = append(b, `{"id":`...)
		b = appendString(b, t.ID)
		b = appendField(b, "type", t.Type)
		b = appendField(b, "value", t.Value)
		b = appendOmit(b, "mod", t.Mod)
		b = appendOmit(b, "quant", t.Quant)
		b = appendOmit(b, "freq", t.Freq)
		b = appendSpanFields(b, &t.SpanRecord)
		b = appendInt(b, "sentence", t.Sentence)
		b = appendField(b, "rule", t.Rule)
		return appendOmit(b, "anchor", t.Anchor)
	})
	b = append(b, `,"events":`...)
	b = appendList(b, r.Events, func(b []byte, e *EventRecord) []byte {
		b = append(b, `{"id":`...)
		b = appendString(b, e.ID)
		b = appendField(b, "type", e.Type)
		b = appendOmit(b, "cameo", e.CAMEO)
		b = append(b, `,"trigger":`...)
		b = appendSpan(b, &e.Trigger)
		b = appendField(b, "lemma", e.Lemma)
		b = append(b, `,"arguments":`...)
		b = appendList(b, e.Arguments, func(b []byte, a *ArgumentRecord) []byte {
			b = append(b, `{"role":`...)
			b = appendString(b, a.Role)
			b = appendOmit(b, "ref", a.Ref)
			b = append(b, `,"span":`...)
			b = appendSpan(b, &a.Span)
			return b
		})
		b = appendField(b, "polarity", e.Polarity)
		b = appendField(b, "modality", e.Modality)
		if a := e.Attribution; a != nil {
			b = append(b, `,"attribution":{`...)
			sep := false
			if a.Source != nil {
				b = append(b, `"source":`...)
				b = appendSpan(b, a.Source)
				sep = true
			}
			if a.SourceRef != "" {
				if sep {
					b = append(b, ',')
				}
				b = append(b, `"source_ref":`...)
				b = appendString(b, a.SourceRef)
				sep = true
			}
			if sep {
				b = append(b, ',')
			}
			b = append(b, `"cue":`...)
			b = appendSpan(b, &a.Cue)
			b = appendOmit(b, "statement", a.Statement)
			b = append(b, '}')
		}
		b = appendInt(b, "sentence", e.Sentence)
		return appendField(b, "rule", e.Rule)
	})
	b = append(b, `,"statements":`...)
	b = appendList(b, r.Statements, func(b []byte, s *StatementRecord) []byte {
		b = append(b, `{"id":`...)
		b = appendString(b, s.ID)
		b = appendField(b, "kind", s.Kind)
		if s.Cue != nil {
			b = append(b, `,"cue":`...)
			b = appendSpan(b, s.Cue)
		}
		if s.Source != nil {
			b = append(b, `,"source":`...)
			b = appendSpan(b, s.Source)
		}
		b = appendOmit(b, "source_ref", s.SourceRef)
		b = append(b, `,"message":`...)
		b = appendSpan(b, &s.Message)
		b = appendInt(b, "sentence", s.Sentence)
		return appendField(b, "rule", s.Rule)
	})
	if len(r.Warnings) > 0 {
		b = append(b, `,"warnings":[`...)
		for i, w := range r.Warnings {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, w)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendList appends a JSON array of the elements of s, each an object
// that elem appends without its closing brace; a nil slice is null, as
// encoding/json has it.
func appendList[T any](b []byte, s []T, elem func([]byte, *T) []byte) []byte {
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

// appendSpan appends a span as an object of its own.
func appendSpan(b []byte, s *SpanRecord) []byte {
	b = appendFirstInt(b, "start", s.Start)
	b = appendInt(b, "end", s.End)
	b = appendField(b, "text", s.Text)
	return append(b, '}')
}

// appendSpanFields appends the fields of an embedded span.
func appendSpanFields(b []byte, s *SpanRecord) []byte {
	b = appendInt(b, "start", s.Start)
	b = appendInt(b, "end", s.End)
	return appendField(b, "text", s.Text)
}

// appendFirstInt opens an object with an int field.
func appendFirstInt(b []byte, name string, v int) []byte {
	b = append(b, `{"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, int64(v), 10)
}

func appendInt(b []byte, name string, v int) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, int64(v), 10)
}

func appendField(b []byte, name, v string) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return appendString(b, v)
}

// appendOmit is appendField for an omitempty field.
func appendOmit(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	return appendField(b, name, v)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with
// HTML escaping off: short escapes for \b \f \n \r \t, \u00XX for the other
// control characters, \ufffd for each byte of invalid UTF-8, and U+2028 and
// U+2029 escaped.
func appendString(b []byte, s string) []byte {
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
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
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
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
