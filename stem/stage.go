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
	// The worker's buffers in locals for the loop: no write barriers.
	bs, balt, arena, fixes := wk.bs, wk.balt, wk.arena[:0], wk.fix[:0]
	for i := range d.Tokens {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				wk.bs, wk.balt, wk.arena, wk.fix = bs[:0], balt[:0], arena, fixes
				return err
			}
		}
		t := &d.Tokens[i]
		if t.Kind != document.KindWord {
			continue
		}
		text := t.Text
		if w, trans, flags, ok := appendLatin1Marked(bs[:0], text); ok {
			st, alt := stemLatin1(w, balt, trans, flags&fNeed != 0)
			bs, balt = w, alt
			switch flags &^ fMark {
			case 0:
				// The word is its text, the marks apart, and every step
				// only shortens it: the stem is a prefix of the text.
				t.Stem = text[:len(st)]
				continue
			case fUpper:
				// ASCII, no marks: the stem needs no postlude.
				if flags&fMark == 0 {
					fixes = append(fixes, fix{i, len(arena), len(arena) + len(st)})
					arena = append(arena, st...)
					continue
				}
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
			start := len(arena)
			if ascii {
				arena = append(arena, st...)
			} else {
				for _, c := range st {
					arena = utf8.AppendRune(arena, rune(c))
				}
			}
			fixes = append(fixes, fix{i, start, len(arena)})
			continue
		}
		rs, need := appendLowerMarked(wk.rs[:0], text)
		st, alt := stemMarked(rs, wk.alt, need)
		wk.rs, wk.alt = rs[:0], alt[:0]
		// The postlude, comparing the stem with the start of the token
		// text on the way.
		off, prefix := 0, true
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
		start := len(arena)
		for _, r := range st {
			arena = utf8.AppendRune(arena, r)
		}
		fixes = append(fixes, fix{i, start, len(arena)})
	}
	if len(fixes) > 0 {
		all := string(arena)
		for _, f := range fixes {
			d.Tokens[f.tok].Stem = all[f.start:f.end]
		}
	}
	wk.bs, wk.balt, wk.arena, wk.fix = bs[:0], balt[:0], arena, fixes
	return nil
}
