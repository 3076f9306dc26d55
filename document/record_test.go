package document

import (
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
