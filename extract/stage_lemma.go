package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// lemmaStage builds the lemma stage: verb, noun and name lemmas and coarse
// POS from the embedded German lexicon (see package lexicon and
// docs/lexicon.md). The lexicon is loaded once per process and shared.
func lemmaStage() (document.Stage, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return lexicon.NewStage(lex), nil
}
