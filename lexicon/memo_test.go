package lexicon

import (
	"fmt"
	"testing"

	"github.com/ereignis/ereignis/document"
	_ "github.com/ereignis/ereignis/internal/golden"
)

// TestMemoSameAnswers checks that the memo changes no analysis: the same
// words in new contexts, after the memo was filled and after it was
// cleared, get what Lemmatize without a memo gives.
func TestMemoSameAnswers(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Der", "Präsident", "kündigte", "gestern", "ein", "Treffen", "an", "Putin",
		"Gipfeltreffen", "sein", "hat", "verkauft", "Wirtschaftsministers", "abkassiert", "Einen", "lange", "Treffen"}
	memo := newWordMemo()
	for round := range 3 * memoLimit / len(words) {
		var toks []document.Token
		off := 0
		for k := range 8 {
			w := words[(round*7+k*3)%len(words)]
			if k == 5 {
				w = fmt.Sprintf("Wort%d", round) // fills the memo up to a clear
			}
			toks = append(toks, document.Token{Text: w, Kind: document.KindWord, Start: off, End: off + len(w)})
			off += len(w) + 1
		}
		toks = append(toks, document.Token{Text: ".", Kind: document.KindPunct, Start: off, End: off + 1})
		want := l.Lemmatize(toks, nil)
		got := l.lemmatize(toks, nil, memo)
		for i := range want {
			if want[i] != got[i] {
				t.Fatalf("round %d token %q: memo %+v, direct %+v", round, toks[i].Text, got[i], want[i])
			}
		}
	}
}
