package stem_test

import (
	"fmt"

	"github.com/ereignis/ereignis/stem"
)

func ExampleStem() {
	for _, w := range []string{"präsidenten", "treffen", "straße", "abgebildet", "möglichkeiten"} {
		fmt.Println(w, stem.Stem(w))
	}
	// Output:
	// präsidenten prasident
	// treffen treff
	// straße strass
	// abgebildet abgebild
	// möglichkeiten moglich
}
