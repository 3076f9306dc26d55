package stem

import (
	"context"
	"hash/maphash"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/kljensen/snowball/snowballword"
)

// Stage is the pipeline stage "stem": it sets Token.Stem for every word
// token. Abbreviations (Dr., z. B.), numbers, URLs and the like get no
// stem: Snowball's suffix rules mean nothing for them.
type Stage struct {
	workers sync.Pool // *worker
}

// worker is the per-goroutine scratch space: a SnowballWord whose rune
// buffer is reused, the lower-cased word, and optionally a stem cache that
// lives as long as the pool keeps the worker.
type worker struct {
	w     snowballword.SnowballWord
	lower []byte
	cache []slot // direct-mapped: a word's slot is its hash modulo len(cache)
	mask  uint64
	seed  maphash.Seed
}

// slot is one cache entry. The word is stored inline, so a look-up reads
// one slot and follows no pointer: inside the whole pipeline, whose lexicons
// crowd the CPU caches, a probe into a Go map of 16k strings cost more than
// stemming the word again (docs/performance.md).
type slot struct {
	n    uint8 // length of the word; 0 for an empty slot
	word [maxCached]byte
	stem string
}

// maxCached is the longest lower-cased word (in bytes) the cache holds;
// longer words, rare and seldom repeated, are stemmed every time.
const maxCached = 31

// DefaultCacheSize is the per-worker cache the pipeline uses (see
// docs/stem.md for the measurement that chose it).
const DefaultCacheSize = 16384

// NewStage returns the stem stage with the default per-worker cache. It is
// safe for concurrent use.
func NewStage() *Stage { return NewStageCache(DefaultCacheSize) }

// NewStageCache returns a stem stage whose workers cache up to size stems
// each (rounded up to a power of two); size 0 disables the cache. A new
// word replaces the one in its slot, which keeps the memory bounded
// without the bookkeeping of an LRU.
func NewStageCache(size int) *Stage {
	s := &Stage{}
	s.workers.New = func() any {
		wk := &worker{lower: make([]byte, 0, 64)}
		wk.w.RS = make([]rune, 0, 32)
		if size > 0 {
			n := 1
			for n < size {
				n *= 2
			}
			wk.cache, wk.mask, wk.seed = make([]slot, n), uint64(n-1), maphash.MakeSeed()
		}
		return wk
	}
	return s
}

func (*Stage) Name() string               { return "stem" }
func (*Stage) Requires() []document.Layer { return []document.Layer{document.LayerTokens} }
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerStems} }

// Process stems the word tokens of d.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	wk := s.workers.Get().(*worker)
	defer s.workers.Put(wk)
	for i := range d.Tokens {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		t := &d.Tokens[i]
		if t.Kind != document.KindWord {
			continue
		}
		t.Stem = wk.stem(t.Text)
	}
	return nil
}

func (wk *worker) stem(text string) string {
	if wk.cache == nil {
		return stemInto(&wk.w, text)
	}
	wk.lower = wk.lower[:0]
	for _, r := range text {
		wk.lower = utf8.AppendRune(wk.lower, unicode.ToLower(r))
	}
	var sl *slot
	if len(wk.lower) <= maxCached {
		sl = &wk.cache[maphash.Bytes(wk.seed, wk.lower)&wk.mask]
		if int(sl.n) == len(wk.lower) && string(sl.word[:sl.n]) == string(wk.lower) {
			return sl.stem
		}
	}
	// The cached value must not share the document's memory, or the cache
	// would keep whole articles alive.
	wk.w.RS = wk.w.RS[:0]
	for _, r := range string(wk.lower) {
		wk.w.RS = append(wk.w.RS, r)
	}
	StemWord(&wk.w)
	st := string(wk.w.RS)
	if sl != nil {
		sl.n = uint8(copy(sl.word[:], wk.lower))
		sl.stem = st
	}
	return st
}

// stemInto lower-cases text into w's buffer, stems it and returns the stem.
// When the stem is a prefix of the token text itself (most lower-case
// words), the result shares the text's memory instead of allocating.
func stemInto(w *snowballword.SnowballWord, text string) string {
	rs := w.RS[:0]
	for _, r := range text {
		rs = append(rs, unicode.ToLower(r))
	}
	w.RS = rs
	StemWord(w)
	if prefix, ok := runePrefix(text, w.RS); ok {
		return prefix
	}
	return string(w.RS)
}

// runePrefix reports whether text starts with exactly the runes rs and
// returns that prefix of text.
func runePrefix(text string, rs []rune) (string, bool) {
	off := 0
	for _, r := range rs {
		c, size := utf8.DecodeRuneInString(text[off:])
		if size == 0 || c != r {
			return "", false
		}
		off += size
	}
	return text[:off], true
}
