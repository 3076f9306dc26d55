package tokenize_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/ereignis/ereignis/tokenize"
)

// TestConcurrent uses one Tokenizer from many goroutines; run with -race it
// shows that tokenising keeps no state in the Tokenizer.
func TestConcurrent(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Am 5. Mai kam z. B. Dr. Müller. „Ja.“ sagte er.",
		"Der US-Präsident traf ‚die‘ Berater:innen um 20.30 Uhr (www.orf.at).",
		"Äpfel usw. Die LLI. Heinrich VIII. kam am 24.02.2022.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		toks, sents := tk.Split(s)
		want[i] = fmt.Sprint(toks, sents)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 50; n++ {
				i := (g + n) % len(texts)
				toks, sents := tk.Split(texts[i])
				if got := fmt.Sprint(toks, sents); got != want[i] {
					t.Errorf("goroutine %d: %q tokenised differently", g, texts[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
