package document

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/ereignis/ereignis/internal/golden"
)

// The code point index must agree with counting runes for every byte offset
// that starts a code point, in any request order (the index remembers its
// last position), and across its 256-byte checkpoints, including a text
// whose length is a multiple of 256.
func TestRuneIndexAgreesWithRuneCount(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", " ", "ä", "ß", "„", "“", "€", "𝄞", "\n"}
	for _, n := range []int{0, 1, 255, 256, 300, 512, 1000} {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		var starts []int
		for i := range text {
			starts = append(starts, i)
		}
		starts = append(starts, len(text))
		ri := newRuneIndex(text)
		// in order, then shuffled
		for pass := 0; pass < 2; pass++ {
			for _, off := range starts {
				require.Equal(t, utf8.RuneCountInString(text[:off]), ri.at(off), "len %d, offset %d, pass %d", len(text), off, pass)
			}
			rng.Shuffle(len(starts), func(i, j int) { starts[i], starts[j] = starts[j], starts[i] })
		}
	}
}

func TestToRecordSpans(t *testing.T) {
	text := "Kremlsprecher Dmitri Peskow sagte: „Öl ist teuer.“"
	d := New("x", "x", text)
	i := strings.Index(text, "Öl")
	d.Tokens = []Token{{Start: i, End: i + len("Öl"), Text: "Öl", Kind: KindWord}}
	d.Entities = []Entity{{ID: "e1", Type: "PER", Span: d.SpanOf(strings.Index(text, "Dmitri"), strings.Index(text, " sagte")), Rule: "r"}}
	rec := ToRecord(d)
	assert.Empty(t, rec.CheckSpans())
	assert.Equal(t, 36, rec.Tokens[0].Start, "code points, not bytes")
	// A broken span is reported by name.
	rec.Entities[0].Text = "Peskow"
	assert.Equal(t, []string{"entities[0]"}, rec.CheckSpans())
}

func TestDCTValue(t *testing.T) {
	assert.Equal(t, "", DCT{}.Value())
	assert.False(t, DCT{}.Known())
}

// runeCount counts non-continuation bytes, as the scan it replaced did,
// also in invalid UTF-8.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 200; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			b[i] = byte(rng.Intn(256))
		}
		want := 0
		for _, c := range b {
			if c&0xC0 != 0x80 {
				want++
			}
		}
		require.Equal(t, want, runeCount(string(b)), "%q", b)
	}
}

// The token fast path of ToRecord must give the offsets at gives, and a
// recycled record must encode like a fresh one.
func TestToRecordTokensAndRecycle(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"a", " ", "ä", "ß", "„", "€", "𝄞", "\n", "Wort", "\xff"}
	for _, n := range []int{0, 10, 256, 700, 5000, 20000} {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		d := New("x", "x", text)
		for i := 0; i < len(text); {
			j := min(len(text), i+1+rng.Intn(6))
			for j < len(text) && !utf8.RuneStart(text[j]) {
				j++
			}
			if rng.Intn(3) > 0 {
				d.Tokens = append(d.Tokens, Token{Start: i, End: j, Text: text[i:j], Kind: KindWord})
			}
			i = j
		}
		if len(d.Tokens) > 3 { // one out of order
			d.Tokens[2], d.Tokens[3] = d.Tokens[3], d.Tokens[2]
		}
		for k := 0; k+3 <= len(d.Tokens); k += 3 { // sentences of three tokens, some not matching them
			s := Sentence{Start: d.Tokens[k].Start, End: d.Tokens[k+2].End, TokStart: k, TokEnd: k + 3}
			if k%2 == 1 {
				s.Start = max(0, s.Start-1)
			}
			d.Sentences = append(d.Sentences, s)
		}
		rec := ToRecord(d)
		ri := newRuneIndex(text)
		for i, tok := range d.Tokens {
			require.Equal(t, ri.at(tok.Start), rec.Tokens[i].Start, "len %d token %d", n, i)
			require.Equal(t, ri.at(tok.End), rec.Tokens[i].End, "len %d token %d", n, i)
		}
		for i, s := range d.Sentences {
			require.Equal(t, SentenceRecord{Start: ri.at(s.Start), End: ri.at(s.End), TokStart: s.TokStart, TokEnd: s.TokEnd}, rec.Sentences[i], "len %d sentence %d", n, i)
		}
		want, err := json.Marshal(rec)
		require.NoError(t, err)
		d2 := New("x", "x", text)
		d2.Tokens = append([]Token(nil), d.Tokens...)
		d2.Sentences = append([]Sentence(nil), d.Sentences...)
		Recycle(d, rec)
		got, err := json.Marshal(ToRecord(d2))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	}
}

// TakeRecycled sets only the layers a document does not have, and only
// from a document with room for the tokens asked for.
func TestTakeRecycled(t *testing.T) {
	old := New("a", "a", "x")
	old.Tokens = make([]Token, 3, 100)
	old.Entities = make([]Entity, 2, 10)
	Recycle(old, nil)
	require.Nil(t, old.Tokens)
	d := New("b", "b", "y")
	d.Timexes = []Timex{{ID: "t1"}}
	for range 100 { // sync.Pool may drop what it holds; try again
		TakeRecycled(d, 50)
		if d.Tokens != nil {
			break
		}
		old.Tokens, old.Entities = make([]Token, 3, 100), make([]Entity, 2, 10)
		Recycle(old, nil)
	}
	require.NotNil(t, d.Tokens)
	assert.Len(t, d.Tokens, 0)
	assert.GreaterOrEqual(t, cap(d.Tokens), 50)
	assert.Len(t, d.Entities, 0)
	assert.Equal(t, []Timex{{ID: "t1"}}, d.Timexes, "a layer it has is kept")
	small := New("c", "c", "z")
	small.Tokens = make([]Token, 1, 4)
	Recycle(small, nil)
	e := New("e", "e", "w")
	TakeRecycled(e, 50)
	assert.Nil(t, e.Tokens, "too small")
}
