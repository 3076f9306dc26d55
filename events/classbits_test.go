package events

import (
	"fmt"
	"testing"
)

// classBitNames are the classes and class prefixes of the cbits, as the
// heuristics asked for them before: is/hasClass for a class, clsPrefix and
// classPrefix for a prefix.
var classBitNames = []struct {
	bit    uint16
	name   string
	prefix bool
}{
	{cbSub, "sub", false}, {cbInf, "inf", false}, {cbRel, "rel", false}, {cbNeg, "neg", false},
	{cbArt, "art", false}, {cbParticle, "particle", false}, {cbNum, "num", false},
	{cbCoord, "coord", false}, {cbPers, "pers", false},
	{cbPrep, "prep:", true}, {cbPossC, "poss:", true}, {cbPoss, "poss", true}, {cbPronM, "pron:m", true},
}

// classBitsMatch compares isBits and hasBits of every token of the built
// analysis with is/clsPrefix and hasClass/classPrefix, for every bit alone
// and for the pairs the heuristics ask together.
func (a *analysis) classBitsMatch() (n int, err error) {
	for j := range a.t {
		w := &a.t[j]
		for _, c := range classBitNames {
			is, has := a.is(j, c.name), w.hasClass(c.name)
			if c.prefix {
				is, has = a.clsPrefix(j, c.name) != "", w.classPrefix(c.name) != ""
			}
			if got := a.isBits(j, c.bit); got != is {
				return n, fmt.Errorf("token %d %q: isBits(%s) = %v, want %v", j, a.d.Tokens[j].Text, c.name, got, is)
			}
			if got := w.hasBits(c.bit); got != has {
				return n, fmt.Errorf("token %d %q: hasBits(%s) = %v, want %v", j, a.d.Tokens[j].Text, c.name, got, has)
			}
			if is || has {
				n++
			}
		}
		pairs := []struct {
			got, want bool
			what      string
		}{
			{a.isBits(j, cbArt|cbPoss), a.is(j, "art") || a.clsPrefix(j, "poss") != "", "art|poss"},
			{a.isBits(j, cbPrep|cbSub), a.clsPrefix(j, "prep:") != "" || a.is(j, "sub"), "prep|sub"},
			{w.hasBits(cbSub | cbInf), w.hasClass("sub") || w.hasClass("inf"), "sub|inf"},
		}
		for _, p := range pairs {
			if p.got != p.want {
				return n, fmt.Errorf("token %d %q: %s = %v, want %v", j, a.d.Tokens[j].Text, p.what, p.got, p.want)
			}
		}
	}
	return n, nil
}

// Every entry's cbits must be its classes', and every token's class tests
// by bits must answer as those by name (the testdata texts here, the
// 10kGNAD articles in TestClassBitsGNAD).
func TestClassBitsMatchNames(t *testing.T) {
	m, docs := tokenizedDocs(t, "Er sagte, dass sein Haus und ihr Auto, die keiner kannte, um zu fahren nicht kam. Zwei davon.")
	for k := range m.slabs {
		for i := range m.slabs[k] {
			e := &m.slabs[k][i]
			for _, c := range classBitNames {
				want := hasCls(e.cls, c.name)
				if c.prefix {
					want = clsWithPrefix(e.cls, c.name) != ""
				}
				if got := e.cbits&c.bit != 0; got != want {
					t.Fatalf("%q %v: bit %s = %v, want %v", e.word, e.cls, c.name, got, want)
				}
			}
		}
	}
	total := 0
	for _, td := range docs {
		a := &analysis{d: td.d, m: m}
		a.build()
		n, err := a.classBitsMatch()
		if err != nil {
			t.Fatalf("%s: %v", td.name, err)
		}
		total += n
	}
	if total == 0 {
		t.Fatal("no token of any class")
	}
}
