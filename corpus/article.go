// Package corpus reads articles from the inputs ereignis accepts: folders of
// .txt files (walked recursively), JSON Lines files and the 10kGNAD CSV
// layout. Every input yields an Article; an input that cannot be read yields
// an Article whose Err says why, so the batch never loses one.
//
// The per-element parsers (ParseText, ParseJSONLine, ParseCSVLine,
// ParseCSVRecord) hold no state, so distributed runners can call them on one
// element at a time; the streaming readers (ReadJSONLines, ReadCSV, Walk)
// never hold more than one article, bounded by Options.MaxSize, in memory.
package corpus

import (
	"github.com/ereignis/ereignis/document"
)

// Article is one input article, before any stage has run.
type Article struct {
	Seq    int    // position in the input order; output is written in this order
	ID     string // stable id (relative path, JSON id, CSV file:line)
	Source string // file path, with ":line" for JSON Lines and CSV
	Title  string
	Label  string
	Text   string // the article text, without the metadata prefix
	DCT    document.DCT
	// Size is the number of input bytes the article was read from (for
	// throughput figures); it is set for error articles too when known.
	Size int64
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

// ErrorRecord is the output line for an article whose Err is set. The
// message always names the source, so a line read on its own says which
// input failed.
func (a *Article) ErrorRecord() *document.ErrorRecord {
	msg := ""
	if a.Err != nil {
		msg = a.Source + ": " + a.Err.Error()
	}
	return &document.ErrorRecord{Schema: document.SchemaVersion, ID: a.ID, Source: a.Source,
		Error: document.ErrorInfo{Stage: a.ErrStage, Message: msg}}
}

func (a *Article) fail(stage string, err error) {
	a.Err, a.ErrStage = err, stage
	a.Text = ""
}
