package lexicon

import (
	"unsafe"

	"github.com/ereignis/ereignis/internal/hugemem"
)

// pack moves the pointer-free arrays that the lemma stage probes at
// random (the tables' filters, slots and records, the head filter, the
// noun endings, the verb lemmas: 13 MB) into one allocation of exactly
// their size, whose 2 MB-aligned interior the kernel may back with huge
// pages (see hugemem.Words). With 4 KB pages nearly every probe of a rare word
// also missed the TLB: its 2,048 entries cover 8 MB, and the other stages'
// data evicts them between articles. The two biggest record blobs go to
// the ends, whose partial pages keep 4 KB pages, so that the filters and
// slots, probed first, lie in the interior. The Go heap holds as many
// bytes as before, so the collector's pacing does not change.
func (l *Lexicon) pack() {
	var p packer
	// The copy of the verb records marks those whose forms are in the word
	// lists (hasWord).
	marks := l.wordVerbRecords()
	p.strEdit(&l.verbs.blob, func(d []byte) {
		for _, v := range marks {
			d[v+4] |= wordMark
		}
	})
	for _, t := range []*table{l.verbs, l.nouns, l.names, l.words} {
		p.words(&t.filter)
		p.words(&t.slots)
	}
	p.words(&l.heads.words)
	p.uint32s(&l.nounEndings.slots)
	p.str(&l.names.blob)
	p.str(&l.words.blob)
	p.str(&l.lemmaBlob)
	p.str(&l.nouns.blob)
	p.run()
}

// packer lays out arrays in one allocation, each on a cache line (the
// tables' probes read the slots from the start of a line).
type packer struct {
	n     int // words so far
	moves []func(mem []uint64)
}

func (p *packer) place(bytes int) int {
	at := p.n
	p.n += (bytes + 63) / 64 * 8
	return at
}

func (p *packer) words(s *[]uint64) {
	at, n := p.place(len(*s)*8), len(*s)
	p.moves = append(p.moves, func(mem []uint64) {
		d := mem[at : at+n : at+n]
		copy(d, *s)
		*s = d
	})
}

func (p *packer) uint32s(s *[]uint32) {
	at, n := p.place(len(*s)*4), len(*s)
	p.moves = append(p.moves, func(mem []uint64) {
		if n == 0 {
			return
		}
		d := unsafe.Slice((*uint32)(unsafe.Pointer(&mem[at])), n)
		copy(d, *s)
		*s = d
	})
}

func (p *packer) str(s *string) { p.strEdit(s, nil) }

// strEdit is str with edit applied to the copy before it becomes the
// string.
func (p *packer) strEdit(s *string, edit func([]byte)) {
	at, n := p.place(len(*s)), len(*s)
	p.moves = append(p.moves, func(mem []uint64) {
		if n == 0 {
			return
		}
		d := unsafe.Slice((*byte)(unsafe.Pointer(&mem[at])), n)
		copy(d, *s)
		if edit != nil {
			edit(d)
		}
		*s = unsafe.String(&d[0], n)
	})
}

func (p *packer) run() {
	mem := hugemem.Words(p.n)
	for _, m := range p.moves {
		m(mem)
	}
}
