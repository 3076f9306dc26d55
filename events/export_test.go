package events

import (
	"context"
	"fmt"
	"reflect"

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

// ArgumentsMatchRef runs the analysis of d up to its events and compares,
// for every trigger of every token events would try, appendArguments from
// nil and arguments (the scratch, then a copy) with appendArgumentsRef
// from nil, which is the arguments of before (map probes of the roles,
// args grown from nil by append): the same arguments, and nil for none. It returns how many calls it compared and
// the first mismatch.
func (s *Stage) ArgumentsMatchRef(d *document.Document) (n int, err error) {
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return 0, nil
	}
	a := &analysis{d: d, m: s.m, lex: s.lex}
	sc := a.useScratch()
	defer a.releaseScratch(sc)
	a.build()
	a.statements(nil)
	for i, trig := range a.trigTok {
		if !trig || a.t[i].cl < 0 {
			continue
		}
		c := &a.clauses[a.t[i].cl]
		for _, tr := range a.t[i].trs() {
			want := a.appendArgumentsRef(nil, i, c, tr.typ)
			if ap := a.appendArguments(nil, i, c, tr.typ); !reflect.DeepEqual(ap, want) || (ap == nil) != (want == nil) {
				return n, fmt.Errorf("token %d (%s, %s): appendArguments %+v, want %+v", i, d.Tokens[i].Text, tr.typ.Name, ap, want)
			}
			got := a.arguments(i, c, tr.typ)
			if !reflect.DeepEqual(got, want) || (got == nil) != (want == nil) || len(got) != cap(got) {
				return n, fmt.Errorf("token %d (%s, %s): arguments %+v, want %+v", i, d.Tokens[i].Text, tr.typ.Name, got, want)
			}
			n++
		}
	}
	return n, nil
}

// ClassBitsMatch builds the analysis of d and compares its tokens' class
// tests by bits with those by name (classBitsMatch).
func (s *Stage) ClassBitsMatch(d *document.Document) (int, error) {
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return 0, nil
	}
	a := &analysis{d: d, m: s.m, lex: s.lex}
	sc := a.useScratch()
	defer a.releaseScratch(sc)
	a.build()
	return a.classBitsMatch()
}
