package timex

import (
	"reflect"
	"regexp/syntax"
	"sync"
	"testing"

	"github.com/ereignis/ereignis/models"
)

// TestDFAFlush checks the automata with a table budget so small that they
// flush their states all the time, from several goroutines at once (run
// with -race): the answers must stay the regexp's.
func TestDFAFlush(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"am 3. Oktober 2021 um 20 Uhr", "seit zwei Wochen und drei Tagen", "vor 14 Jahren", "ſeit 1990 JAHRE ſpäter",
		"im Jahr 1990 \xff", "ein halbes Jahr\n\nspäter", "Mitte der 1990er Jahre", "jeden zweiten Montag", "in 5 Minuten"}
	for _, r := range rs.rules {
		p, err := syntax.Parse(r.regexp().String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		d := newMatchDFA(p)
		if d == nil {
			continue
		}
		d.budget = 1 // flush at every new state past the first ones
		var wg sync.WaitGroup
		for g := 0; g < 3; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, text := range texts {
					for i := range text {
						w := text[i:]
						want := -1
						if loc := r.regexp().FindStringIndex(w); loc != nil {
							want = loc[1]
						}
						if got := d.end(w); got != want {
							t.Errorf("rule %s on %q: automaton ends at %d, regexp at %d", r.Name, w, got, want)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
	}
}

// TestBacktrackGroups checks the unbounded backtracker against the regexp
// engine (its NFA for these programs) on every rule, at the word starts of
// the reference texts.
func TestBacktrackGroups(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, rs)
	texts = append(texts, "ſeit 1990 JAHRE ſpäter", "3 Tage ſpäter", "zwei Wochen \xc3", "ein halbes Jahr\n\nspäter", "drei bis vier Wochen")
	if testing.Short() && len(texts) > 3000 {
		texts = texts[:3000]
	}
	var bt backtracker
	n, every := 0, 0
	for _, text := range texts {
		wordWindows(text, rs.maxLen, func(_ int, w string) {
			every++
			for _, r := range rs.rules {
				// The large programs at every third word start, the
				// others at every 21st.
				if r.dfa == nil || every%3 != 0 || every%21 != 0 && len(r.dfa.program().Inst) <= maxBacktrackInst {
					continue
				}
				want := r.regexp().FindStringSubmatchIndex(w)
				if want == nil && len(r.dfa.program().Inst) <= maxBacktrackInst {
					continue
				}
				n++
				if got := bt.submatches(r.dfa.program(), r.dfa.ascii, w, r.regexp().NumSubexp()+1, nil); !reflect.DeepEqual(got, want) {
					t.Fatalf("rule %s on %q: backtracker %v, regexp %v", r.Name, w, got, want)
				}
			}
		})
	}
	t.Logf("%d checks", n)
}

// TestRuneSets checks the backtracker's ASCII sets against what the engine
// asks of each rune instruction (MatchRune and the special opcodes), for
// every rule's program and for a few case-folded patterns.
func TestRuneSets(t *testing.T) {
	rs, err := Load(models.Timex, "timex")
	if err != nil {
		t.Fatal(err)
	}
	var progs []*syntax.Prog
	for _, r := range rs.rules {
		if r.dfa != nil {
			progs = append(progs, r.dfa.program())
		}
	}
	for _, pat := range []string{`(?i)k`, `(?i)s`, `(?i)[a-cK]x`, `(?is).`, `.`, `(?i)ſ|\x{212a}`, `[^a-z]`} {
		re, err := syntax.Parse(pat, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		p, err := syntax.Compile(re.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, p)
	}
	for _, p := range progs {
		sets := runeSets(p)
		for pc := range p.Inst {
			in := &p.Inst[pc]
			for r := rune(0); r < 128; r++ {
				want := false
				switch in.Op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					want = runeOK(in, r)
				}
				if got := sets[pc].has(r); got != want {
					t.Fatalf("%s: instruction %d (%v) on %q: set says %v, the engine %v", p, pc, in, r, got, want)
				}
			}
		}
	}
}
