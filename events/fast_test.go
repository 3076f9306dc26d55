package events

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
)

// The entry table must find every entry of the slabs, and nothing for words
// that have none.
func TestEntryTableMatchesSlabs(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	idx := m.index()
	if len(idx) != m.tab.n {
		t.Fatalf("%d words in the slabs, %d in the table", len(idx), m.tab.n)
	}
	for k, e := range idx {
		if got := m.entryOf(k); got != e {
			t.Fatalf("entryOf(%q) = %p, want %p", k, got, e)
		}
		for _, w := range []string{k + "x", "x" + k, strings.ToUpper(k)} {
			if got := m.entryOf(w); got != idx[w] {
				t.Fatalf("entryOf(%q) = %p, want %p", w, got, idx[w])
			}
		}
	}
}

// quotes reads the quote marks only; it must pair them as quotesRef does
// over every token, with and without paragraphs, and fall back to it when
// the tokens' sentences do not run in order.
func TestQuotesMatchRef(t *testing.T) {
	m, docs := tokenizedDocs(t,
		"„Wir kommen“, sagte er. \"Gut\" und »schlecht«.\n\nEin „offenes Zitat. Noch eins“ hier.",
		"Er sagte: „Das ist\n\nein Absatz.“ ‚Kurz‘ und \"lang\" \"offen.\n\nNeu“ “English” quote.",
	)
	found := 0
	for _, td := range docs {
		ti, d := td.name, td.d
		a := &analysis{d: d, m: m}
		a.build()
		if !a.qOK {
			t.Errorf("%s: tokens' sentences out of order", ti)
		}
		got, want := a.quotes(), a.quotesRef()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: quotes %v, want %v", ti, got, want)
		}
		found += len(want)
		a.para = a.para[:0] // as markQuotes sees them
		if got, want := a.quotes(), a.quotesRef(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s without paragraphs: quotes %v, want %v", ti, got, want)
		}
		// a token outside every sentence: the reference answers
		d.Tokens[len(d.Tokens)/2].Sentence = -1
		a = &analysis{d: d, m: m}
		a.build()
		if a.qOK {
			t.Errorf("%s: a token without sentence passes", ti)
		}
		if got, want := a.quotes(), a.quotesRef(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s, one token outside: quotes %v, want %v", ti, got, want)
		}
	}
	if found < 5 {
		t.Errorf("only %d quotes in the test texts", found)
	}
}

// appendRoleKey must build roleKey's string, for every token of the test
// texts (compounds and inflected role nouns among them).
func TestAppendRoleKeyMatchesRoleKey(t *testing.T) {
	m, docs := tokenizedDocs(t, "Der US-Präsident und die Kremlsprecherin trafen den ÄRZTEPRÄSIDENTEN und Präsidenten.")
	for _, td := range docs {
		d := td.d
		a := &analysis{d: d, m: m}
		a.build()
		for j := range a.t {
			if got, want := string(a.appendRoleKey(nil, j)), a.roleKey(j); got != want {
				t.Fatalf("token %d %q: appendRoleKey %q, roleKey %q", j, d.Tokens[j].Text, got, want)
			}
		}
	}
}

// build takes each sentence's clauses from its segment call when the
// sentences do not overlap; sentenceClauseLists' pass over the tokens must
// give the same lists.
func TestSentenceClausesMatchRef(t *testing.T) {
	m, docs := tokenizedDocs(t)
	for _, td := range docs {
		f, d := td.name, td.d
		a := &analysis{d: d, m: m}
		a.build()
		cl, off := append([]int(nil), a.sentCl...), append([]int(nil), a.sentClOff...)
		a.sentCl, a.sentClOff = nil, nil
		a.sentenceClauseLists()
		if !reflect.DeepEqual(cl, a.sentCl) || !reflect.DeepEqual(off, a.sentClOff) {
			t.Errorf("%s: clause lists %v %v, want %v %v", f, cl, off, a.sentCl, a.sentClOff)
		}
	}
}

// statements skips the clauses whose cand flag is false: no token of such
// a clause may be a cueToken outside quotes (a flag may be true for none:
// joinParticles leaves it when it takes the cue from a particle).
func TestClauseCandidates(t *testing.T) {
	m, docs := tokenizedDocs(t)
	cands := 0
	for _, td := range docs {
		f, d := td.name, td.d
		a := &analysis{d: d, m: m}
		a.build()
		if !a.candsOK {
			t.Errorf("%s: sentences overlap", f)
		}
		for ci, c := range a.clauses {
			want := false
			for j := c.start; j < c.end; j++ {
				if !a.t[j].punct && !a.t[j].inQ && a.cueToken(j) {
					want = true
				}
			}
			if want && !c.cand {
				t.Errorf("%s: clause %d (%q): cand %v, want %v", f, ci, d.Text[d.Tokens[c.start].Start:d.Tokens[c.end-1].End], c.cand, want)
			}
			cands += b2i(want)
		}
	}
	if cands == 0 {
		t.Error("no clause with a cue in the test texts")
	}
}

// markSpans' binary search (endsOK) must mark the tokens its linear walk
// marks, for spans in and out of order, overlapping, and starting or
// ending inside a token.
func TestMarkSpansMatchesWalk(t *testing.T) {
	m, docs := tokenizedDocs(t)
	for _, td := range docs {
		f, d := td.name, td.d
		if len(d.Tokens) < 10 {
			continue
		}
		for k := 0; k+3 < len(d.Tokens); k += 7 {
			st, end := d.Tokens[k].Start, d.Tokens[k+1+k%3].End
			if k%5 == 0 {
				st++ // inside a token
			}
			d.Entities = append(d.Entities, document.Entity{Type: "PER", Span: d.SpanOf(st, end)})
			d.Timexes = append(d.Timexes, document.Timex{Type: "DATE", Span: d.SpanOf(d.Tokens[k+2].Start, d.Tokens[k+3].End)})
		}
		// some out of order and overlapping
		d.Entities = append(d.Entities, d.Entities[1], d.Entities[0])
		d.Timexes = append(d.Timexes, d.Timexes[2])
		a := &analysis{d: d, m: m}
		a.build()
		if !a.endsOK {
			t.Fatalf("%s: token ends decrease", f)
		}
		got := make([][2]int, len(a.t))
		for j := range a.t {
			got[j] = [2]int{a.t[j].ent, a.t[j].tmx}
			a.t[j].ent, a.t[j].tmx = -1, -1
		}
		a.endsOK = false
		a.markSpans()
		for j := range a.t {
			if want := [2]int{a.t[j].ent, a.t[j].tmx}; got[j] != want {
				t.Fatalf("%s: token %d: entity, timex %v, want %v", f, j, got[j], want)
			}
		}
	}
}
