package models

import "embed"

// Tokenize holds the German tokeniser's word lists: the CLDR sentence-break
// suppressions (cldr_abbreviations.txt, Unicode License, generated from
// ../shared/data/abbreviations), and the project's own additions
// (abbreviations_extra.txt, abbreviations_ambiguous.txt,
// abbreviations_final.txt, months.txt,
// ordinal_context.txt, emoticons.txt; see tokenize/SOURCE.md).
//
//go:generate go run ../tokenize/internal/gencldr -data ../../shared/data -out tokenize/cldr_abbreviations.txt
//go:embed tokenize/*.txt tokenize/SOURCE.md
var Tokenize embed.FS
