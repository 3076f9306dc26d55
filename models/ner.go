package models

import "embed"

//go:generate go run ../cmd/gengazetteer -data ../../shared/data -out ner

// NER holds the named-entity data: generated gazetteers (places.tsv,
// demonyms.tsv, firstnames.txt, surnames.txt; rebuilt by
// `go run ./cmd/gengazetteer`), the hand-curated entity table entities.tsv
// and the rule files rules/*.rules with their examples.
//
//go:embed ner
var NER embed.FS
