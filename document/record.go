package document

import (
	"math/bits"
	"sort"
	"strconv"
)

// SchemaVersion is the version of the JSON record layout; it changes when a
// field changes meaning or disappears (adding a field does not change it).
const SchemaVersion = 1

// Record is the JSON form of a Document. All offsets in it count Unicode code
// points of Text, so that text[start:end] == mention holds in Python, for
// spaCy and for brat.
type Record struct {
	Schema     int               `json:"schema"`
	ID         string            `json:"id"`
	Source     string            `json:"source,omitempty"`
	Title      string            `json:"title,omitempty"`
	Label      string            `json:"label,omitempty"`
	DCT        *DCTRecord        `json:"dct"`
	Text       string            `json:"text"`
	Sentences  []SentenceRecord  `json:"sentences"`
	Tokens     []TokenRecord     `json:"tokens"`
	Entities   []EntityRecord    `json:"entities"`
	Timexes    []TimexRecord     `json:"timexes"`
	Events     []EventRecord     `json:"events"`
	Statements []StatementRecord `json:"statements"`
	Warnings   []string          `json:"warnings,omitempty"`
}

// DCTRecord is the article date as output.
type DCTRecord struct {
	Value      string `json:"value"`
	Precision  string `json:"precision"`
	Origin     string `json:"origin"`
	InputValue string `json:"input_value,omitempty"`
}

// SpanRecord is a span with code point offsets.
type SpanRecord struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type SentenceRecord struct {
	Start    int `json:"start"`
	End      int `json:"end"`
	TokStart int `json:"tok_start"`
	TokEnd   int `json:"tok_end"`
}

type TokenRecord struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  Kind   `json:"kind"`
	Stem  string `json:"stem,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	POS   string `json:"pos,omitempty"`
}

type EntityRecord struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	SpanRecord
	Sentence  int    `json:"sentence"`
	Rule      string `json:"rule"`
	Canonical string `json:"canonical,omitempty"`
	QID       string `json:"qid,omitempty"`
	KBID      string `json:"kb_id,omitempty"`
	LinkedTo  string `json:"linked_to,omitempty"`
}

type TimexRecord struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
	Quant string `json:"quant,omitempty"`
	Freq  string `json:"freq,omitempty"`
	SpanRecord
	Sentence int    `json:"sentence"`
	Rule     string `json:"rule"`
	Anchor   string `json:"anchor,omitempty"`
}

type ArgumentRecord struct {
	Role string     `json:"role"`
	Ref  string     `json:"ref,omitempty"`
	Span SpanRecord `json:"span"`
}

type AttributionRecord struct {
	Source    *SpanRecord `json:"source,omitempty"`
	SourceRef string      `json:"source_ref,omitempty"`
	Cue       SpanRecord  `json:"cue"`
	Statement string      `json:"statement,omitempty"`
}

type EventRecord struct {
	ID          string             `json:"id"`
	Type        string             `json:"type"`
	CAMEO       string             `json:"cameo,omitempty"`
	Trigger     SpanRecord         `json:"trigger"`
	Lemma       string             `json:"lemma"`
	Arguments   []ArgumentRecord   `json:"arguments"`
	Polarity    string             `json:"polarity"`
	Modality    string             `json:"modality"`
	Attribution *AttributionRecord `json:"attribution,omitempty"`
	Sentence    int                `json:"sentence"`
	Rule        string             `json:"rule"`
}

type StatementRecord struct {
	ID        string      `json:"id"`
	Kind      string      `json:"kind"`
	Cue       *SpanRecord `json:"cue,omitempty"`
	Source    *SpanRecord `json:"source,omitempty"`
	SourceRef string      `json:"source_ref,omitempty"`
	Message   SpanRecord  `json:"message"`
	Sentence  int         `json:"sentence"`
	Rule      string      `json:"rule"`
}

// ErrorRecord stands in for an article that could not be processed, so that
// every input yields exactly one line of output.
type ErrorRecord struct {
	Schema int       `json:"schema"`
	ID     string    `json:"id"`
	Source string    `json:"source"`
	Error  ErrorInfo `json:"error"`
}

type ErrorInfo struct {
	Stage   string `json:"stage"` // "read", "decode", "tokenize", ..., "timeout"
	Message string `json:"message"`
}

// runeIndex converts byte offsets into code point offsets. Offsets arrive in
// mostly increasing order, so one forward scan with a remembered position is
// enough; a backwards request restarts from the nearest checkpoint.
type runeIndex struct {
	text        string
	ascii       bool
	checkpoints []int // code point count at every 256th byte
	lastB       int   // the last request and its answer: offsets mostly
	lastN       int   // arrive in increasing order, so scanning resumes there
}

// init indexes text, reusing the checkpoint slice.
func (ri *runeIndex) init(text string) {
	*ri = runeIndex{text: text, checkpoints: ri.checkpoints[:0]}
	// Checkpoints are counted 256 bytes at a time; the loop sets one only at
	// offsets inside the text, so when its length is a multiple of 256 the
	// end offset gets one after it (the fuzzer found the last token of a
	// 256-byte text mapped to code point 0).
	n := 0
	for c := 0; c < len(text); c += 256 {
		ri.checkpoints = append(ri.checkpoints, n)
		n += runeCount(text[c:min(c+256, len(text))])
	}
	if len(text)%256 == 0 {
		ri.checkpoints = append(ri.checkpoints, n)
	}
	ri.ascii = n == len(text)
}

func newRuneIndex(text string) *runeIndex {
	ri := &runeIndex{}
	ri.init(text)
	return ri
}

// runeCount counts the bytes of s that start a code point (that are not
// UTF-8 continuation bytes), eight at a time.
func runeCount(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
		n -= bits.OnesCount64(w & ^(w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// contBits returns the continuation bytes (10xxxxxx) of s[i:i+8] as the
// top bits of the bytes of a little-endian word.
func contBits(s string, i int) uint64 {
	s = s[i : i+8]
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w & ^(w << 1) & 0x8080808080808080
}

// prefixConts counts the continuation bytes among the first k (0..16)
// bytes of the 16 whose contBits are lo and hi.
func prefixConts(lo, hi uint64, k int) int {
	m := &prefixMasks[k]
	return bits.OnesCount64(lo&m[0]) + bits.OnesCount64(hi&m[1])
}

// prefixMasks[k] selects the first k bytes of two words: a table, because
// the shifts that compute it (by up to 64 bits) cost more than the load.
var prefixMasks = func() (t [17][2]uint64) {
	for k := range t {
		for j := 0; j < k; j++ {
			t[k][j/8] |= 0xFF << (8 * (j % 8))
		}
	}
	return t
}()

// at returns the number of code points in text[:b].
func (ri *runeIndex) at(b int) int {
	if ri.ascii {
		return b
	}
	if b > len(ri.text) {
		b = len(ri.text)
	}
	if b < 0 {
		b = 0
	}
	c := b / 256
	from, n := c*256, ri.checkpoints[c]
	if ri.lastB <= b && ri.lastB > from {
		from, n = ri.lastB, ri.lastN
	}
	n += runeCount(ri.text[from:b])
	ri.lastB, ri.lastN = b, n
	return n
}

func (ri *runeIndex) span(s Span) SpanRecord {
	return SpanRecord{Start: ri.at(s.Start), End: ri.at(s.End), Text: s.Text}
}

func (ri *runeIndex) spanPtr(s *Span) *SpanRecord {
	if s == nil {
		return nil
	}
	r := ri.span(*s)
	return &r
}

// tokens converts the tokens' offsets. Tokens are in text order and do not
// overlap, so each offset is the previous one plus the code points between
// them; the token text itself is counted only when it is not ASCII.
func (ri *runeIndex) tokens(toks []Token, out []TokenRecord) {
	text := ri.text
	b, n := 0, 0 // a byte offset and its code point offset
	for i := range toks {
		t := &toks[i]
		start, end := t.Start, t.End
		switch {
		case ri.ascii:
		case start < b || end < start || end > len(text):
			// Not in order (a stage rearranged them): the general path.
			start, end = ri.at(t.Start), ri.at(t.End)
			b, n = t.End, end
		case end-b <= 16 && b+16 <= len(text):
			// The gap before a token and the token (most often a space and
			// five bytes) fit in two words of the text: their continuation
			// bytes are counted with two masks, without a loop or a branch.
			lo, hi := contBits(text, b), contBits(text, b+8)
			g, e := start-b, end-b
			start = n + g - prefixConts(lo, hi, g)
			n += e - prefixConts(lo, hi, e)
			end = n
			b = t.End
		default:
			n += runeCount(text[b:start])
			start = n
			n += runeCount(text[t.Start:end])
			end = n
			b = t.End
		}
		// Field by field: the composite literal was built in a temporary
		// and then copied (a third more stores, cachegrind).
		o := &out[i]
		o.Start, o.End, o.Text, o.Kind, o.Stem, o.Lemma, o.POS = start, end, t.Text, t.Kind, t.Stem, t.Lemma, t.POS
	}
	if !ri.ascii && b > 0 {
		ri.lastB, ri.lastN = b, n
	}
}

// ToRecord converts d into its JSON form with code point offsets. The
// record reuses the memory of one handed to Recycle when there is one.
func ToRecord(d *Document) *Record {
	r := newRecord()
	var cps [64]int // checkpoints of texts up to 16 KB, without an allocation
	ri := runeIndex{checkpoints: cps[:0]}
	ri.init(d.Text)
	*r = Record{
		Schema:     SchemaVersion,
		ID:         d.ID,
		Source:     d.Source,
		Title:      d.Title,
		Label:      d.Label,
		Text:       d.Text,
		Sentences:  reuse(r.Sentences, len(d.Sentences)),
		Tokens:     reuse(r.Tokens, len(d.Tokens))[:len(d.Tokens)],
		Entities:   reuse(r.Entities, len(d.Entities)),
		Timexes:    reuse(r.Timexes, len(d.Timexes)),
		Events:     reuse(r.Events, len(d.Events)),
		Statements: reuse(r.Statements, len(d.Statements)),
		Warnings:   d.Warnings,
	}
	if d.DCT.Known() {
		r.DCT = &DCTRecord{Value: d.DCT.Value(), Precision: string(d.DCT.Precision), Origin: d.DCT.Origin, InputValue: d.DCT.InputValue}
	}
	ri.tokens(d.Tokens, r.Tokens)
	for _, s := range d.Sentences {
		sr := SentenceRecord{TokStart: s.TokStart, TokEnd: s.TokEnd}
		// A sentence spans its tokens, whose offsets are converted already.
		if 0 <= s.TokStart && s.TokStart < s.TokEnd && s.TokEnd <= len(d.Tokens) &&
			d.Tokens[s.TokStart].Start == s.Start && d.Tokens[s.TokEnd-1].End == s.End {
			sr.Start, sr.End = r.Tokens[s.TokStart].Start, r.Tokens[s.TokEnd-1].End
		} else {
			sr.Start, sr.End = ri.at(s.Start), ri.at(s.End)
		}
		r.Sentences = append(r.Sentences, sr)
	}
	for _, e := range d.Entities {
		r.Entities = append(r.Entities, EntityRecord{ID: e.ID, Type: e.Type, SpanRecord: ri.span(e.Span), Sentence: e.Sentence, Rule: e.Rule, Canonical: e.Canonical, QID: e.QID, KBID: e.KBID, LinkedTo: e.LinkedTo})
	}
	for _, t := range d.Timexes {
		r.Timexes = append(r.Timexes, TimexRecord{ID: t.ID, Type: t.Type, Value: t.Value, Mod: t.Mod, Quant: t.Quant, Freq: t.Freq, SpanRecord: ri.span(t.Span), Sentence: t.Sentence, Rule: t.Rule, Anchor: t.Anchor})
	}
	for _, e := range d.Events {
		er := EventRecord{ID: e.ID, Type: e.Type, CAMEO: e.CAMEO, Trigger: ri.span(e.Trigger), Lemma: e.Lemma,
			Arguments: make([]ArgumentRecord, 0, len(e.Arguments)), Polarity: e.Polarity, Modality: e.Modality, Sentence: e.Sentence, Rule: e.Rule}
		for _, a := range e.Arguments {
			er.Arguments = append(er.Arguments, ArgumentRecord{Role: a.Role, Ref: a.Ref, Span: ri.span(a.Span)})
		}
		if a := e.Attribution; a != nil {
			er.Attribution = &AttributionRecord{Source: ri.spanPtr(a.Source), SourceRef: a.SourceRef, Cue: ri.span(a.Cue), Statement: a.Statement}
		}
		r.Events = append(r.Events, er)
	}
	for _, s := range d.Statements {
		r.Statements = append(r.Statements, StatementRecord{ID: s.ID, Kind: s.Kind, Cue: ri.spanPtr(s.Cue), Source: ri.spanPtr(s.Source), SourceRef: s.SourceRef, Message: ri.span(s.Message), Sentence: s.Sentence, Rule: s.Rule})
	}
	return r
}

// Spans lists every span of a record with a name saying where it sits; tests
// use it to check the offset invariant over whole outputs.
func (r *Record) Spans() map[string]SpanRecord {
	out := map[string]SpanRecord{}
	add := func(name string, s SpanRecord) { out[name] = s }
	for i, t := range r.Tokens {
		add("tokens["+itoa(i)+"]", SpanRecord{t.Start, t.End, t.Text})
	}
	for i, e := range r.Entities {
		add("entities["+itoa(i)+"]", e.SpanRecord)
	}
	for i, t := range r.Timexes {
		add("timexes["+itoa(i)+"]", t.SpanRecord)
	}
	for i, e := range r.Events {
		p := "events[" + itoa(i) + "]"
		add(p+".trigger", e.Trigger)
		for j, a := range e.Arguments {
			add(p+".arguments["+itoa(j)+"]", a.Span)
		}
		if a := e.Attribution; a != nil {
			add(p+".attribution.cue", a.Cue)
			if a.Source != nil {
				add(p+".attribution.source", *a.Source)
			}
		}
	}
	for i, s := range r.Statements {
		p := "statements[" + itoa(i) + "]"
		add(p+".message", s.Message)
		if s.Cue != nil {
			add(p+".cue", *s.Cue)
		}
		if s.Source != nil {
			add(p+".source", *s.Source)
		}
	}
	return out
}

// CheckSpans returns the names of spans that break text[start:end] == mention
// (in code points), sorted; an empty result means the record is sound.
func (r *Record) CheckSpans() []string {
	runes := []rune(r.Text)
	var bad []string
	for name, s := range r.Spans() {
		if s.Start < 0 || s.End < s.Start || s.End > len(runes) || string(runes[s.Start:s.End]) != s.Text {
			bad = append(bad, name)
		}
	}
	for i, s := range r.Sentences {
		if s.Start < 0 || s.End < s.Start || s.End > len(runes) {
			bad = append(bad, "sentences["+itoa(i)+"]")
		}
	}
	sort.Strings(bad)
	return bad
}

func itoa(i int) string { return strconv.Itoa(i) }
