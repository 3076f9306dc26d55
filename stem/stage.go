package stem

import (
	"context"
	"sync"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// Stage is the pipeline stage "stem": it sets Token.Stem for every word
// token. Abbreviations (Dr., z. B.), numbers, URLs and the like get no
// stem: Snowball's suffix rules mean nothing for them.
type Stage struct {
	workers sync.Pool // *worker
}

// worker is the per-goroutine scratch space, reused across documents.
type worker struct {
	rs, alt  []rune // the word being stemmed, and the prelude's rewrite of it
	bs, balt []byte // the same for words of Latin-1 letters (appendLatin1Marked)
	arena    []byte // stems of this document that are not a prefix of their token
	fix      []fix  // which tokens get which stretch of arena
}

// fix says that token tok's stem is arena[start:end].
type fix struct{ tok, start, end int }

// NewStage returns the stem stage. It is safe for concurrent use. It keeps
// no stem cache: stemming a word (stemRunes) costs less than a cache probe
// inside the pipeline, where the other stages' tables keep evicting the
// cache (docs/stem.md).
func NewStage() *Stage {
	s := &Stage{}
	s.workers.New = func() any {
		return &worker{rs: make([]rune, 0, 32), alt: make([]rune, 0, 32),
			bs: make([]byte, 0, 64), balt: make([]byte, 0, 64), arena: make([]byte, 0, 4096)}
	}
	return s
}

func (*Stage) Name() string               { return "stem" }
func (*Stage) Requires() []document.Layer { return []document.Layer{document.LayerTokens} }
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerStems} }

// Process stems the word tokens of d.
//
// A stem that is a prefix of its token's text (most lower-case words) is a
// substring of the document text. The others (capitalised words, umlauts)
// are collected in one buffer and become substrings of a single string per
// document: one small pointer-free allocation instead of one per token.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	wk := s.workers.Get().(*worker)
	defer s.workers.Put(wk)
	wk.arena, wk.fix = wk.arena[:0], wk.fix[:0]
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
		if bs, trans, need, changed, ok := appendLatin1Marked(wk.bs[:0], t.Text); ok {
			st, alt := stemLatin1(bs, wk.balt, trans, need)
			wk.bs, wk.balt = bs[:0], alt[:0]
			text := t.Text
			if !changed && !need {
				// The word is its text, the marks apart, and every step
				// only shortens it: the stem is a prefix of the text.
				t.Stem = text[:len(st)]
				continue
			}
			// The postlude, comparing the stem with the start of the token
			// text on the way, byte by byte: a stem byte of 0x80 or more
			// is a Latin-1 letter, two bytes in the text, so no match.
			prefix, ascii := len(st) <= len(text), true
			for k, c := range st {
				c = postludeByte(c)
				st[k] = c
				if c >= utf8.RuneSelf {
					prefix, ascii = false, false
				} else if prefix && text[k] != c {
					prefix = false
				}
			}
			if prefix {
				t.Stem = text[:len(st)]
				continue
			}
			start := len(wk.arena)
			if ascii {
				wk.arena = append(wk.arena, st...)
			} else {
				for _, c := range st {
					wk.arena = utf8.AppendRune(wk.arena, rune(c))
				}
			}
			wk.fix = append(wk.fix, fix{i, start, len(wk.arena)})
			continue
		}
		rs, need := appendLowerMarked(wk.rs[:0], t.Text)
		st, alt := stemMarked(rs, wk.alt, need)
		wk.rs, wk.alt = rs[:0], alt[:0]
		// The postlude, comparing the stem with the start of the token
		// text on the way.
		text, off, prefix := t.Text, 0, true
		for k, r := range st {
			r = postlude1(r)
			st[k] = r
			if prefix {
				if off < len(text) && text[off] < utf8.RuneSelf {
					prefix = rune(text[off]) == r
					off++
					continue
				}
				c, size := utf8.DecodeRuneInString(text[off:])
				if size == 0 || c != r || c == utf8.RuneError && size == 1 {
					prefix = false
					continue
				}
				off += size
			}
		}
		if prefix {
			t.Stem = text[:off]
			continue
		}
		start := len(wk.arena)
		for _, r := range st {
			wk.arena = utf8.AppendRune(wk.arena, r)
		}
		wk.fix = append(wk.fix, fix{i, start, len(wk.arena)})
	}
	if len(wk.fix) > 0 {
		all := string(wk.arena)
		for _, f := range wk.fix {
			d.Tokens[f.tok].Stem = all[f.start:f.end]
		}
	}
	return nil
}
