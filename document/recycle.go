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
	tokens    []Token
	sentences []Sentence
}

// Recycle hands the token and sentence slices of d, and the slices of r
// (the record built from d, or nil), to later documents: the tokenize
// stage and ToRecord reuse them. Neither d nor r, nor any slice taken from
// their Tokens, Sentences or the record's lists, may be used afterwards;
// the strings in them stay valid (they are never reused).
func Recycle(d *Document, r *Record) {
	if d != nil && cap(d.Tokens) > 0 {
		slicesPool.Put(&docSlices{tokens: d.Tokens[:0], sentences: d.Sentences[:0]})
		d.Tokens, d.Sentences = nil, nil
	}
	if r != nil {
		recordPool.Put(r)
	}
}

// RecycledSlices returns empty token and sentence slices left by Recycle,
// with room for at least minTokens tokens, or nil slices when there are none
// that big.
func RecycledSlices(minTokens int) ([]Token, []Sentence) {
	s, _ := slicesPool.Get().(*docSlices)
	if s == nil || cap(s.tokens) < minTokens {
		// A too small one is dropped, so the pool keeps the larger ones.
		return nil, nil
	}
	return s.tokens[:0], s.sentences[:0]
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
