package models

import "embed"

//go:generate go run ../cmd/genevents -lexicon ../../shared/data/lexicon/german-pos-dict -out events

// Events holds the event stage's language data: the taxonomy (types.tsv),
// trigger lemmas (triggers.tsv), attribution cues (cues.tsv), modality and
// closed-class words (modality.tsv, words.tsv), role nouns, the example
// corpus that runs as tests (examples.txt) and the word forms derived from
// german-pos-dict by `go run ./cmd/genevents` (forms.tsv, konjunktiv1.txt).
//
//go:embed events/*.tsv events/*.txt
var Events embed.FS
