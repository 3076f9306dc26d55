package stem

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// Generated stems with the Snowball project's own generated Go code as
// published in github.com/blevesearch/snowballstem v0.9.0 (its newest
// release). That code was generated from an older german.sbl: it lacks the
// rules the algorithm gained since (ae/oe/ue as umlauts, -erin/-erinnen,
// -ln/-lns, -em after -syst, -et, apostrophe suffixes), so it differs from
// the current official vocabulary on about 3.6% of the words (see
// docs/stem.md). It is kept for comparison and speed measurement; the
// pipeline uses Stem.
func Generated(word string) string {
	env := snowballstem.NewEnv(word)
	german.Stem(env)
	return env.Current()
}
