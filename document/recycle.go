package document

import "sync"

// Per-document memory that outlives one document only if the caller says
// so. A Document's token slice and a Record's are each about 100 bytes a
// token (50 KB for an average article), together two thirds of what the
// pipeline allocates; the garbage collector, which marks the ~60 MB of
// model tables again on every cycle, then runs three times a pass over
// 10kGNAD. Recycling them lets the next document reuse the memory.
var (
	slicesPool sync.Pool // *docSlices
	recordPool sync.Pool // *Record
)

// docSlices is what Recycle keeps of a Document.
type docSlices struct {
	tokens     []Token
	sentences  []Sentence
	entities   []Entity
	timexes    []Timex
	events     []Event
	statements []Statement
}

// Recycle hands the layer slices of d (tokens, sentences, entities,
// timexes, events, statements), and the slices of r (the record built from
// d, or nil), to later documents: TakeRecycled and ToRecord reuse them.
// Neither d nor r, nor any slice taken from their lists, may be used
// afterwards; the strings in them stay valid (they are never reused).
func Recycle(d *Document, r *Record) {
	if d != nil && cap(d.Tokens) > 0 && cap(d.Tokens) <= maxRecycledTokens {
		slicesPool.Put(&docSlices{tokens: d.Tokens[:0], sentences: d.Sentences[:0], entities: d.Entities[:0],
			timexes: d.Timexes[:0], events: d.Events[:0], statements: d.Statements[:0]})
		d.Tokens, d.Sentences, d.Entities, d.Timexes, d.Events, d.Statements = nil, nil, nil, nil, nil, nil
	}
	if r != nil && cap(r.Tokens) <= maxRecycledTokens {
		recordPool.Put(r)
	}
}

// maxRecycledTokens bounds the slices Recycle keeps. TakeRecycled drops a
// pooled slice too small for the next document, so without a bound the
// pool drifts towards the largest articles seen and a long run's live heap
// (and with it the collector's heap goal) grows with the size of its
// longest articles: peak RSS rose by 19.5 % from 1,000 to 100,000 articles
// unbounded, against 7.9 % without recycling. 4,096 tokens is about 10 times the
// average 10kGNAD article; longer ones allocate their own.
const maxRecycledTokens = 4096

// TakeRecycled gives d the empty layer slices of a document handed to
// Recycle, when one with room for at least minTokens tokens is available.
// Only layers d does not have yet (nil slices) are set, so the stages that
// fill them with d.X = append(d.X[:0], ...) reuse the memory. The first
// stage of a pipeline (tokenize) calls it for a new document.
func TakeRecycled(d *Document, minTokens int) {
	s, _ := slicesPool.Get().(*docSlices)
	if s == nil || cap(s.tokens) < minTokens {
		// A too small one is dropped, so the pool keeps the larger ones.
		return
	}
	setIfNil(&d.Tokens, s.tokens)
	setIfNil(&d.Sentences, s.sentences)
	setIfNil(&d.Entities, s.entities)
	setIfNil(&d.Timexes, s.timexes)
	setIfNil(&d.Events, s.events)
	setIfNil(&d.Statements, s.statements)
}

// newRecord returns a Record, recycled when one is available; its slices
// are to be reused through reuse.
func newRecord() *Record {
	if r, _ := recordPool.Get().(*Record); r != nil {
		return r
	}
	return &Record{}
}

// reuse returns s emptied when it has room for n elements, else a new
// slice. It is never nil, so that an empty list stays [] in the JSON.
func reuse[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// setIfNil sets *dst to s when the document has no such layer yet.
func setIfNil[T any](dst *[]T, s []T) {
	if *dst == nil {
		*dst = s
	}
}
