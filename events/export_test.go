package events

import (
	"context"

	"github.com/ereignis/ereignis/document"
)

// ProcessRef is Process as it was before the layers were written into the
// document's slices: statements and events each in a new slice of exact
// size (what they return for a nil dst), then copied into the document's
// slice when it has one (the external tests run it on 10kGNAD, which needs
// the extract package).
func (s *Stage) ProcessRef(ctx context.Context, d *document.Document) error {
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return nil
	}
	a := &analysis{d: d, m: s.m, lex: s.lex}
	sc := a.useScratch()
	defer a.releaseScratch(sc)
	a.build()
	if err := ctx.Err(); err != nil {
		return err
	}
	stmts := a.statements(nil)
	if len(stmts) > 0 && cap(d.Statements) == 0 {
		d.Statements = stmts
	} else {
		d.Statements = append(d.Statements[:0], stmts...)
	}
	evs := a.events(nil)
	if len(evs) > 0 && cap(d.Events) == 0 {
		d.Events = evs
	} else {
		d.Events = append(d.Events[:0], evs...)
	}
	return nil
}
