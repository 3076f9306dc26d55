// Package document holds the one data structure that every pipeline stage
// enriches: the original text of an article and the layers found in it
// (sentences, tokens, entities, time expressions, events, statements).
//
// Offsets inside this package are byte offsets into Document.Text, which is
// never modified after the document is created. Conversion to Unicode code
// point offsets happens once, at the JSON boundary (see Record).
package document

import "time"

// Document is one article and everything the stages found in it.
type Document struct {
	ID     string // stable identifier (file path relative to the input root, JSON id, CSV row)
	Source string // where the article was read from (file path, "file.jsonl:17", ...)
	Title  string // optional title from the input metadata
	Label  string // optional category label from the input (10kGNAD)
	Text   string // the original text; all offsets point into it
	DCT    DCT    // document creation time (article date)

	Sentences  []Sentence
	Tokens     []Token
	Entities   []Entity
	Timexes    []Timex
	Events     []Event
	Statements []Statement
	Warnings   []string
}

// New returns a document for text with the given id and source.
func New(id, source, text string) *Document {
	return &Document{ID: id, Source: source, Text: text}
}

// Warn records a non-fatal problem that the record should carry.
func (d *Document) Warn(msg string) { d.Warnings = append(d.Warnings, msg) }

// Span returns the text between two byte offsets.
func (d *Document) Span(start, end int) string { return d.Text[start:end] }

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1 when the document has no sentence there.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sentences[m]
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Precision says how much of a DCT is known.
type Precision string

const (
	PrecisionNone  Precision = ""
	PrecisionYear  Precision = "year"
	PrecisionMonth Precision = "month"
	PrecisionDay   Precision = "day"
)

// DCT is the document creation time. Time holds the first instant of the
// known period (the first of the month for month precision); callers must
// look at Precision before trusting the day.
type DCT struct {
	Time      time.Time
	Precision Precision
	// Origin says where the date came from: "metadata" (a date line in the
	// file), "json", "flag", "sidefile", "text" (fixed by an explicit day in
	// the text), or "" when there is none.
	Origin string
	// Refined is set when a stage narrowed a coarser DCT (e.g. a month from
	// the metadata line made exact by "am Montag (5. Mai)" in the text); it
	// keeps what the input said in InputValue.
	InputValue string
}

// Known reports whether the document has a date at all.
func (c DCT) Known() bool { return c.Precision != PrecisionNone }

// Value renders the DCT as a TIMEX3 value at its precision.
func (c DCT) Value() string {
	switch c.Precision {
	case PrecisionYear:
		return c.Time.Format("2006")
	case PrecisionMonth:
		return c.Time.Format("2006-01")
	case PrecisionDay:
		return c.Time.Format("2006-01-02")
	}
	return ""
}

// Kind is the shape of a token.
type Kind string

const (
	KindWord         Kind = "word"
	KindNumber       Kind = "number"
	KindOrdinal      Kind = "ordinal"
	KindPunct        Kind = "punct"
	KindAbbreviation Kind = "abbreviation"
	KindURL          Kind = "url"
	KindEmail        Kind = "email"
	KindHandle       Kind = "handle" // @name, #tag
	KindSymbol       Kind = "symbol" // %, €, §, ...
	KindDate         Kind = "date"   // 24.02.2022 as one token
	KindTime         Kind = "time"   // 20:30, 20.30 Uhr's number part
	KindOther        Kind = "other"
)

// Token is one surface token. Start and End are byte offsets into
// Document.Text; Text == Document.Text[Start:End] always.
type Token struct {
	Start, End int
	Text       string
	Kind       Kind
	Stem       string // German Snowball stem (words only)
	Lemma      string // lemma when a stage knows it (verbs, nouns from the lexicon)
	POS        string // coarse part of speech when a stage knows it (VERB, NOUN, ...)
	Sentence   int    // index of the sentence the token belongs to
}

// Sentence is a range of the text and of the token slice.
type Sentence struct {
	Start, End       int // byte offsets
	TokStart, TokEnd int // tokens [TokStart, TokEnd)
}

// Span is a stretch of the original text. Start and End are byte offsets;
// Text == Document.Text[Start:End].
type Span struct {
	Start, End int
	Text       string
}

// SpanOf builds a Span from byte offsets into d.Text.
func (d *Document) SpanOf(start, end int) Span {
	return Span{Start: start, End: end, Text: d.Text[start:end]}
}

// Entity is a named entity mention (GermEval/NoSta-D types: PER, LOC, ORG,
// OTH, and their "deriv" and "part" forms such as LOCderiv, ORGpart).
type Entity struct {
	ID               string // "e1", "e2", ... in text order
	Type             string
	Span             Span
	Sentence         int
	TokStart, TokEnd int
	Rule             string // the rule or list that produced it
	Canonical        string // canonical name ("Wladimir Putin", "Vereinigte Staaten")
	QID              string // Wikidata ID when linked ("Q7747")
	KBID             string // another stable id ("geonames:2867714") when no QID is known
	LinkedTo         string // ID of the earlier entity this mention was resolved to
}

// Timex is a TIMEX3 time expression.
type Timex struct {
	ID       string // "t1", ...
	Type     string // DATE, TIME, DURATION, SET
	Value    string // TIMEX3 value: 2025-05-05, 2025-W18-WE, PT24H, PRESENT_REF, ...
	Mod      string // START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
	Quant    string // for SET
	Freq     string // for SET
	Span     Span
	Sentence int
	Rule     string
	Anchor   string // "dct", "last-date", or the id of the timex it was resolved against
}

// Event is a typed event with its arguments.
type Event struct {
	ID          string // "ev1", ...
	Type        string // Meeting, PhoneCall, Travel, Statement, ...
	CAMEO       string
	Trigger     Span
	Lemma       string // lemma of the trigger
	Arguments   []Argument
	Polarity    string // "positive" or "negative"
	Modality    string // asserted, possible, planned, demanded, hypothetical, reported
	Attribution *Attribution
	Sentence    int
	Rule        string
}

// Argument links an event to a participant, place or time.
type Argument struct {
	Role string // agent, patient, co-participant, recipient, place, time, ...
	Ref  string // ID of an Entity or Timex, empty when the span has none
	Span Span
}

// Attribution says who reported an event and with which cue.
type Attribution struct {
	Source    *Span  // the source mention (may be nil for anonymous reports)
	SourceRef string // ID of the source entity when known
	Cue       Span
	Statement string // ID of the Statement the event is inside, if any
}

// Statement is reported or direct speech: who said what, with which cue.
type Statement struct {
	ID        string // "s1", ...
	Kind      string // direct, indirect, reported
	Cue       *Span
	Source    *Span
	SourceRef string
	Message   Span
	Sentence  int
	Rule      string
}
