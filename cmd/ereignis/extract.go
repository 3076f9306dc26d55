package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

// runExtract is the first, sequential version: it reads .txt files named on
// the command line and writes one record per file.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "ereignis:", err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		var rec any
		if err != nil {
			rec = &document.ErrorRecord{Schema: document.SchemaVersion, ID: filepath.Base(path), Source: path, Error: document.ErrorInfo{Stage: "read", Message: err.Error()}}
		} else {
			a := corpus.ParseText(filepath.Base(path), path, data)
			if a.Err != nil {
				rec = &document.ErrorRecord{Schema: document.SchemaVersion, ID: a.ID, Source: path, Error: document.ErrorInfo{Stage: a.ErrStage, Message: a.Err.Error()}}
			} else {
				d := a.Document()
				if err := p.Process(context.Background(), d); err != nil {
					rec = &document.ErrorRecord{Schema: document.SchemaVersion, ID: a.ID, Source: path, Error: document.ErrorInfo{Stage: "pipeline", Message: err.Error()}}
				} else {
					rec = document.ToRecord(d)
				}
			}
		}
		if _, ok := rec.(*document.ErrorRecord); ok {
			failed++
		}
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintln(stderr, "ereignis:", err)
			return 1
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}
