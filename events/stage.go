// Package events finds typed events in German news text — who did what to
// whom, where and when — with polarity, modality and attribution, and the
// statements (direct, indirect and reported speech) they are reported in.
//
// It works on the clause structure of each sentence, not on sentence
// templates: sentences are cut into clauses at commas and subordinators,
// each clause gets its finite verb, negation and modal markers, and the
// arguments of a trigger come from the entities of its clause, placed by
// German word order (subject before or after the finite verb) and by the
// prepositions that mark roles (mit, gegen, durch, zwischen, in/nach). All
// vocabulary is data in models/events.
package events

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// Stage is the event and statement stage of the pipeline.
type Stage struct {
	m   *Model
	lex *lexicon.Lexicon // closed-class words (Dennoch is no noun); may be nil
}

// New loads the embedded models and returns the stage.
func New() (*Stage, error) {
	m, err := Load()
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return &Stage{m: m, lex: lex}, nil
}

// NewWithModel returns a stage over an already loaded model (without the
// lexicon's closed-class words).
func NewWithModel(m *Model) *Stage { return &Stage{m: m} }

// Model returns the stage's language data.
func (s *Stage) Model() *Model { return s.m }

func (s *Stage) Name() string { return "events" }

func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerTokens, document.LayerSentences}
}

func (s *Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerEvents, document.LayerStatements}
}

// Process finds the statements and events of d. Entities and timexes are
// used when earlier stages found them; without them events keep only the
// arguments that role nouns and pronouns give.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
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
	// the layers are written into the document's slices where they have
	// room (a recycled document's), else into new ones of exact size: one
	// copy of the scratch, not two
	d.Statements = a.statements(d.Statements)
	d.Events = a.events(d.Events)
	return nil
}

// events returns the document's events in dst's memory when it has room
// (dst[:0] when there are none: a nil dst stays nil), else in a new slice.
func (a *analysis) events(dst []document.Event) []document.Event {
	out := a.evs[:0] // grown in the pool's slice, returned in one of its own
	defer func() {
		clear(out)
		a.evs = out[:0]
	}()
	for i, trig := range a.trigTok { // trig: !w.punct && len(w.trs()) > 0
		w := &a.t[i]
		if !trig || w.cl < 0 {
			continue
		}
		trs := w.trs()
		for _, tr := range trs {
			if tr.plural && (a.d.Tokens[i].Text == w.lemma) {
				continue
			}
			if isUpperWord(w.lemma) != w.upper && !(w.upper && a.isSentenceStart(i)) {
				continue // noun lemma on a verb form or vice versa
			}
			ev, ok := a.event(i, tr)
			if !ok {
				continue
			}
			out = append(out, ev)
			break
		}
	}
	// a statement event's agent is the speaker of its statement (also when
	// the clause leaves the subject out: "und fügte hinzu"); participants
	// inside the speaker phrase are not its topic
	for k := range out {
		e := &out[k]
		if e.Type != "Statement" {
			continue
		}
		for _, st := range a.stmts {
			if st.Cue == nil || st.Cue.Start != e.Trigger.Start || st.Source == nil {
				continue
			}
			src := *st.Source
			args := make([]document.Argument, 1, 1+len(e.Arguments))
			args[0] = document.Argument{Role: "agent", Ref: st.SourceRef, Span: src}
			for _, x := range e.Arguments {
				inside := x.Span.Start < src.End && src.Start < x.Span.End
				if x.Role == "agent" || inside && x.Role != "time" {
					continue
				}
				args = append(args, x)
			}
			e.Arguments = args
			break
		}
	}
	// slices' stable sort orders as sort.SliceStable does, without its
	// reflection-made swapper (two allocations per document)
	slices.SortStableFunc(out, func(x, y document.Event) int { return cmp.Compare(x.Trigger.Start, y.Trigger.Start) })
	for i := range out {
		out[i].ID = eventID(i + 1)
	}
	if len(out) == 0 {
		return dst[:0]
	}
	if cap(dst) >= len(out) {
		return append(dst[:0], out...)
	}
	return append([]document.Event(nil), out...)
}

func (a *analysis) isSentenceStart(i int) bool {
	s := a.d.Tokens[i].Sentence
	return s >= 0 && s < len(a.d.Sentences) && a.d.Sentences[s].TokStart == i
}

// The IDs of the first events and statements of a document, made once: a
// document rarely has more.
var eventIDs, stmtIDs = makeIDs("ev"), makeIDs("s")

func makeIDs(prefix string) []string {
	ids := make([]string, 128)
	for i := range ids {
		ids[i] = prefix + strconv.Itoa(i+1)
	}
	return ids
}

// eventID is "ev" + strconv.Itoa(n).
func eventID(n int) string {
	if n <= len(eventIDs) {
		return eventIDs[n-1]
	}
	return "ev" + strconv.Itoa(n)
}

// stmtID is "s" + strconv.Itoa(n).
func stmtID(n int) string {
	if n <= len(stmtIDs) {
		return stmtIDs[n-1]
	}
	return "s" + strconv.Itoa(n)
}
