// Package corpus reads articles from the inputs ereignis accepts: folders of
// .txt files (walked recursively), JSON Lines files and the 10kGNAD CSV
// layout. Every input yields an Article; an input that cannot be read yields
// an Article whose Err says why, so the batch never loses one.
package corpus

import (
	"github.com/ereignis/ereignis/document"
)

// Article is one input article, before any stage has run.
type Article struct {
	Seq    int    // position in the input order; output is written in this order
	ID     string // stable id (relative path, JSON id, CSV row number)
	Source string // file path, with ":line" for JSON Lines and CSV
	Title  string
	Label  string
	Text   string // the article text, without the metadata prefix
	DCT    document.DCT
	// Warnings are non-fatal problems found while reading (e.g. a malformed
	// date line); they are copied into the document.
	Warnings []string
	// Err is set when the input could not be turned into text; the CLI then
	// writes an error record naming Source and Stage.
	Err      error
	ErrStage string // "read", "decode", "parse", "size"
}

// Document turns the article into a fresh Document for the pipeline.
func (a *Article) Document() *document.Document {
	d := document.New(a.ID, a.Source, a.Text)
	d.Title, d.Label, d.DCT = a.Title, a.Label, a.DCT
	d.Warnings = append(d.Warnings, a.Warnings...)
	return d
}
