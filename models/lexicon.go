package models

import "embed"

// Lexicon holds the German lexicon subsets derived from german-pos-dict
// (Morphy / korrekturen.de / LanguageTool, CC BY-SA 4.0; see
// lexicon/SOURCE.md). Regenerate with `go run ./cmd/genlexicon`.
//
//go:generate go run ../cmd/genlexicon -data ../../shared/data -out lexicon
//go:embed lexicon/*.tsv lexicon/SOURCE.md
var Lexicon embed.FS

// The two big lexicon files once more, as strings: the linker stores the
// bytes once (Lexicon's copies are the same read-only symbols), and
// LexiconFile hands them out without the copy that Lexicon.ReadFile makes
// (8.3 MB, a sixteenth of the CLI's start-up with its page faults).
var (
	//go:embed lexicon/verbs.tsv
	lexiconVerbs string
	//go:embed lexicon/nouns.tsv
	lexiconNouns string
)

// LexiconFile returns the text of the file name of Lexicon (a path such
// as "lexicon/verbs.tsv") without copying it, for the files that have a
// string of their own; ok is false for the others. The string is
// read-only memory.
func LexiconFile(name string) (text string, ok bool) {
	switch name {
	case "lexicon/verbs.tsv":
		return lexiconVerbs, true
	case "lexicon/nouns.tsv":
		return lexiconNouns, true
	}
	return "", false
}
