package models

import "embed"

// Lexicon holds the German lexicon subsets derived from german-pos-dict
// (Morphy / korrekturen.de / LanguageTool, CC BY-SA 4.0; see
// lexicon/SOURCE.md). Regenerate with `go run ./cmd/genlexicon`.
//
//go:generate go run ../cmd/genlexicon -data ../../shared/data -out lexicon
//go:embed lexicon/*.tsv lexicon/SOURCE.md
var Lexicon embed.FS
