package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/ner"
)

// nerStage builds the named-entity stage: GermEval/NoSta-D entities from
// gazetteers, the curated entity table and rules, linked to canonical
// names and Wikidata IDs (see package ner and docs/ner.md). The model and
// the lexicon are loaded once per process and shared.
func nerStage() (document.Stage, error) {
	s, err := ner.DefaultStage()
	if err != nil {
		return nil, err
	}
	return s, nil
}
