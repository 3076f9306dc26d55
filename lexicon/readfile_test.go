package lexicon

import (
	"io/fs"
	"testing"

	"github.com/ereignis/ereignis/models"
)

// TestReadFileNoCopy checks that the copy-free texts of the big lexicon
// files (models.LexiconFile) are the files of models.Lexicon.
func TestReadFileNoCopy(t *testing.T) {
	for _, name := range []string{"lexicon/verbs.tsv", "lexicon/nouns.tsv", "lexicon/names.tsv"} {
		want, err := fs.ReadFile(models.Lexicon, name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readFile(models.Lexicon, name)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("readFile(%s): %d bytes, the embedded file has %d", name, len(got), len(want))
		}
	}
}
