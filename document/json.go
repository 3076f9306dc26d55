package document

import (
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as JSON to b: the bytes encoding/json writes for r
// with HTML escaping off (json.Encoder.SetEscapeHTML(false)), without the
// newline Encoder.Encode adds. Encoding by reflection took about an eighth
// of a whole CLI run (docs/performance.md); this walks the record's types
// directly. TestAppendJSONMatchesEncodingJSON and FuzzAppendJSON hold it
// to encoding/json byte for byte, so any field added to a record type must
// be added here too (the tests fail until it is); TestAppendJSONMatchesRef
// and its fuzz target hold it to the plain version it replaced (ref_test.go).
//
// The CLI writes 18 bytes of JSON per byte of text, most of them token
// objects of small offsets and short strings, so the cost is per field, not
// per byte: each field name goes out with its punctuation (the closing quote
// of the string before it, the opening quote of its own) as one constant,
// strings that need no escaping (nearly all) are checked a word at a time
// and copied whole, and offsets below 10,000 get their digits without
// strconv.
func (r *Record) AppendJSON(b []byte) []byte {
	b = slices.Grow(b, jsonSize(r))
	b = append(b, `{"schema":`...)
	b = appendInt(b, r.Schema)
	b = appendStrField(b, `,"id":"`, r.ID)
	b = appendOmit(b, `,"source":"`, r.Source)
	b = appendOmit(b, `,"title":"`, r.Title)
	b = appendOmit(b, `,"label":"`, r.Label)
	if r.DCT == nil {
		b = append(b, `,"dct":null`...)
	} else {
		b = appendStrField(b, `,"dct":{"value":"`, r.DCT.Value)
		b = appendStrField(b, `,"precision":"`, r.DCT.Precision)
		b = appendStrField(b, `,"origin":"`, r.DCT.Origin)
		b = appendOmit(b, `,"input_value":"`, r.DCT.InputValue)
		b = append(b, '}')
	}
	b = appendStrField(b, `,"text":"`, r.Text)

	b = append(b, `,"sentences":`...)
	if r.Sentences == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Sentences {
			s := &r.Sentences[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = appendInt(b, s.Start)
			b = append(b, `,"end":`...)
			b = appendInt(b, s.End)
			b = append(b, `,"tok_start":`...)
			b = appendInt(b, s.TokStart)
			b = append(b, `,"tok_end":`...)
			b = appendInt(b, s.TokEnd)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"tokens":`...)
	if r.Tokens == nil {
		b = append(b, "null"...)
	} else {
		// Token objects are nearly all of the output. Writing one token's
		// closing `"}` and the next one's `,{"start":` as one constant was
		// measured and gained nothing; the loads of the token and its
		// strings, not the appends, are what this loop waits for.
		b = append(b, '[')
		for i := range r.Tokens {
			t := &r.Tokens[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = appendInt(b, t.Start)
			b = append(b, `,"end":`...)
			b = appendInt(b, t.End)
			b = append(b, `,"text":"`...)
			b = appendStr(b, t.Text)
			b = append(b, `","kind":"`...)
			b = appendStr(b, string(t.Kind))
			if t.Stem != "" {
				b = append(b, `","stem":"`...)
				b = appendStr(b, t.Stem)
			}
			if t.Lemma != "" {
				b = append(b, `","lemma":"`...)
				b = appendStr(b, t.Lemma)
			}
			if t.POS != "" {
				b = append(b, `","pos":"`...)
				b = appendStr(b, t.POS)
			}
			b = append(b, `"}`...)
		}
		b = append(b, ']')
	}
	b = append(b, `,"entities":`...)
	b = appendList(b, r.Entities, func(b []byte, e *EntityRecord) []byte {
		b = appendStrField(b, `{"id":"`, e.ID)
		b = appendStrField(b, `,"type":"`, e.Type)
		b = appendSpanFields(b, `,"start":`, &e.SpanRecord)
		b = appendIntField(b, `,"sentence":`, e.Sentence)
		b = appendStrField(b, `,"rule":"`, e.Rule)
		b = appendOmit(b, `,"canonical":"`, e.Canonical)
		b = appendOmit(b, `,"qid":"`, e.QID)
		b = appendOmit(b, `,"kb_id":"`, e.KBID)
		return appendOmit(b, `,"linked_to":"`, e.LinkedTo)
	})
	b = append(b, `,"timexes":`...)
	b = appendList(b, r.Timexes, func(b []byte, t *TimexRecord) []byte {
		b = appendStrField(b, `{"id":"`, t.ID)
		b = appendStrField(b, `,"type":"`, t.Type)
		b = appendStrField(b, `,"value":"`, t.Value)
		b = appendOmit(b, `,"mod":"`, t.Mod)
		b = appendOmit(b, `,"quant":"`, t.Quant)
		b = appendOmit(b, `,"freq":"`, t.Freq)
		b = appendSpanFields(b, `,"start":`, &t.SpanRecord)
		b = appendIntField(b, `,"sentence":`, t.Sentence)
		b = appendStrField(b, `,"rule":"`, t.Rule)
		return appendOmit(b, `,"anchor":"`, t.Anchor)
	})
	b = append(b, `,"events":`...)
	b = appendList(b, r.Events, func(b []byte, e *EventRecord) []byte {
		b = appendStrField(b, `{"id":"`, e.ID)
		b = appendStrField(b, `,"type":"`, e.Type)
		b = appendOmit(b, `,"cameo":"`, e.CAMEO)
		b = appendSpan(b, `,"trigger":{"start":`, &e.Trigger)
		b = appendStrField(b, `,"lemma":"`, e.Lemma)
		b = append(b, `,"arguments":`...)
		b = appendList(b, e.Arguments, func(b []byte, a *ArgumentRecord) []byte {
			b = appendStrField(b, `{"role":"`, a.Role)
			b = appendOmit(b, `,"ref":"`, a.Ref)
			return appendSpan(b, `,"span":{"start":`, &a.Span)
		})
		b = appendStrField(b, `,"polarity":"`, e.Polarity)
		b = appendStrField(b, `,"modality":"`, e.Modality)
		if a := e.Attribution; a != nil {
			b = append(b, `,"attribution":{`...)
			sep := false
			if a.Source != nil {
				b = appendSpan(b, `"source":{"start":`, a.Source)
				sep = true
			}
			if a.SourceRef != "" {
				if sep {
					b = append(b, ',')
				}
				b = appendStrField(b, `"source_ref":"`, a.SourceRef)
				sep = true
			}
			if sep {
				b = append(b, ',')
			}
			b = appendSpan(b, `"cue":{"start":`, &a.Cue)
			b = appendOmit(b, `,"statement":"`, a.Statement)
			b = append(b, '}')
		}
		b = appendIntField(b, `,"sentence":`, e.Sentence)
		return appendStrField(b, `,"rule":"`, e.Rule)
	})
	b = append(b, `,"statements":`...)
	b = appendList(b, r.Statements, func(b []byte, s *StatementRecord) []byte {
		b = appendStrField(b, `{"id":"`, s.ID)
		b = appendStrField(b, `,"kind":"`, s.Kind)
		if s.Cue != nil {
			b = appendSpan(b, `,"cue":{"start":`, s.Cue)
		}
		if s.Source != nil {
			b = appendSpan(b, `,"source":{"start":`, s.Source)
		}
		b = appendOmit(b, `,"source_ref":"`, s.SourceRef)
		b = appendSpan(b, `,"message":{"start":`, &s.Message)
		b = appendIntField(b, `,"sentence":`, s.Sentence)
		return appendStrField(b, `,"rule":"`, s.Rule)
	})
	if len(r.Warnings) > 0 {
		b = append(b, `,"warnings":[`...)
		for i, w := range r.Warnings {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = appendStr(b, w)
			b = append(b, '"')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// jsonSize estimates the length of r's JSON from above (a token object
// takes 90-100 bytes; the estimate is above the real length for all 1,028
// 10kGNAD records), so that a fresh buffer grows once per record instead of
// doubling several times.
func jsonSize(r *Record) int {
	return 256 + len(r.Text) + len(r.Title) + 112*len(r.Tokens) + 64*len(r.Sentences) +
		160*(len(r.Entities)+len(r.Timexes)) + 512*len(r.Events) + 320*len(r.Statements)
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

// appendSpan appends a span as an object of its own; open is the field
// name up to and including `{"start":`.
func appendSpan(b []byte, open string, s *SpanRecord) []byte {
	b = appendSpanFields(b, open, s)
	return append(b, '}')
}

// appendSpanFields appends the fields of a span; open is `,"start":` for an
// embedded span.
func appendSpanFields(b []byte, open string, s *SpanRecord) []byte {
	b = append(b, open...)
	b = appendInt(b, s.Start)
	b = append(b, `,"end":`...)
	b = appendInt(b, s.End)
	b = append(b, `,"text":"`...)
	b = appendStr(b, s.Text)
	return append(b, '"')
}

// appendIntField appends an int field; name carries its punctuation
// (`,"sentence":`).
func appendIntField(b []byte, name string, v int) []byte {
	b = append(b, name...)
	return appendInt(b, v)
}

// appendStrField appends a string field; name carries its punctuation up
// to the string's opening quote (`,"rule":"`).
func appendStrField(b []byte, name, v string) []byte {
	b = append(b, name...)
	b = appendStr(b, v)
	return append(b, '"')
}

// appendOmit is appendStrField for an omitempty field.
func appendOmit(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	return appendStrField(b, name, v)
}

// digitPairs holds the two decimal digits of 0 to 99.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

// appendInt appends v in decimal as strconv.AppendInt does; offsets (most
// of the numbers written) are below 10,000 and take the short way, which
// made BenchmarkAppendJSON 14% faster than calling strconv for every one.
func appendInt(b []byte, v int) []byte {
	u := uint(v)
	switch {
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, digitPairs[2*u], digitPairs[2*u+1])
	case u < 1000:
		hi, lo := u/100, u%100*2
		return append(b, byte('0'+hi), digitPairs[lo], digitPairs[lo+1])
	case u < 10000:
		hi, lo := u/100*2, u%100*2
		return append(b, digitPairs[hi], digitPairs[hi+1], digitPairs[lo], digitPairs[lo+1])
	}
	return strconv.AppendInt(b, int64(v), 10)
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special has the high bit set in the lowest byte of x (and maybe in later
// ones) that is a control character, '"', '\\' or not ASCII: what the
// string writer cannot copy as it is, or must decode first. Zero when x has
// none. The borrow of a subtraction only sets bits above a byte that
// matched, so the lowest set bit always marks a real one.
func special(x uint64) uint64 {
	const quote, backslash = '"' * lsb, '\\' * lsb
	return ((x-0x20*lsb)|((x^quote)-lsb)|((x^backslash)-lsb))&^x&msb | x&msb
}

func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

const hexDigits = "0123456789abcdef"

// appendStr appends the JSON string body of s (without the quotes) the way
// encoding/json does with HTML escaping off: short escapes for \b \f \n \r
// \t, \u00XX for the other control characters, \ufffd for each byte of
// invalid UTF-8, and U+2028 and U+2029 escaped.
//
// A string of printable ASCII other than '"' and '\\' (nearly every token,
// stem, lemma and tag) is copied as it is. Every byte is looked at as part
// of some 8-byte word: overlapping loads cover the tail and strings under 8
// bytes (most tokens) without a loop over bytes; the padding is 'A'. The
// check sits here rather than in a function of its own: one call less per
// string was 5% of BenchmarkAppendJSON.
func appendStr(b []byte, s string) []byte {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			if special(load64(s, i)) != 0 {
				return appendEscaped(b, s)
			}
		}
		x = load64(s, n-8)
	case n >= 4:
		x = load32(s, 0) | load32(s, n-4)<<32
	case n > 0:
		x = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16 | 'A'*(lsb&^0xFFFFFF)
	default:
		return b
	}
	if special(x) != 0 {
		return appendEscaped(b, s)
	}
	return append(b, s...)
}

// appendEscaped is appendStr for a string with something to escape or to
// decode (any non-ASCII byte: umlauts, „quotes“). Runs of plain ASCII are
// skipped a word at a time, and the common two-byte sequences are checked
// in place.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	i := 0
	for i < len(s) {
		for i+8 <= len(s) {
			if m := special(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
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
		// Two-byte sequences (ä ö ü ß é) are valid exactly when the lead
		// byte is C2-DF and the next a continuation byte.
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		// A like check for three-byte sequences („ “ –) was measured and
		// dropped: they are too rare for it to show.
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
	return append(b, s[start:]...)
}
