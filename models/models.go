// Package models holds the language resources of ereignis (abbreviations,
// gazetteers, lexicons, rule files, trigger and date vocabularies) as data
// files embedded with go:embed, apart from the code that uses them. Each
// area embeds its own folder in its own file (abbrev.go, ner.go, ...); every
// folder keeps the licence and source line of what it was derived from, and
// ATTRIBUTION.md lists them all.
package models
