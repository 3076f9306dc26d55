package timex

import (
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// matchDFA answers, for an anchored regexp, where its longest match at the
// start of a text ends (which is all Find needs to choose among the rules
// at a position; the submatches are asked of the regexp for the winner
// only), or whether there is a match at all (the notbefore and notafter
// checks). The regexp engine's NFA costs some 10 µs per attempt for the
// large patterns (a unit list after a number list); the DFA, made by
// subset construction over the same compiled program, one table load per
// rune.
//
// The automaton is built lazily, as RE2's is: loading compiles the program
// only; the rune classes are made on first use, and each transition the
// first time a text takes it. The texts visit a small part of the states
// (and most states only under a few classes), and every CLI run pays the
// load before its workers start. The table is shared by all goroutines:
// a transition is read with one atomic load and no lock; a missing one is
// computed under mu and published with an atomic store; a table that must
// grow is copied and the copy published, so a reader holding the old one
// still sees consistent (if incomplete) rows.
//
// Assertions (\b, \B, \A, \z) are decided on the move to the next rune,
// when both runes around the position are known: a state records whether
// the last rune was a word rune and whether it is still at the start, and
// the table says, per state and next rune class, whether a match ends
// before that rune; acceptEnd says it for the end of the text.
type matchDFA struct {
	syn  *syntax.Regexp // the pattern, until prog is compiled from it
	prog *syntax.Prog   // set with the first table
	// ascii has, per instruction, the ASCII runes it consumes (see
	// runeSets), for the backtracker; set with prog.
	ascii []asciiSet
	words bool // the pattern asks \b or \B
	// hasAltMatch: the program has an InstAltMatch; set with prog.
	hasAltMatch bool
	// pure: the only assertion is the leading \A, so where a match ends
	// does not depend on the text after it.
	pure bool
	// budget bounds the transitions of one table (states × classes);
	// past it the states are flushed and built again as the texts need.
	budget int
	tab    atomic.Pointer[dfaTable] // nil until first use
	mu     sync.Mutex
	b      *dfaBuilder // under mu, made with the first table
}

// runeClasses maps runes to the automaton's rune classes.
type runeClasses struct {
	ascii  [utf8.RuneSelf]uint8 // rune class of an ASCII rune (the first 129 classes at most)
	ranges []classRange         // classes of other runes; the rest is class 0
	nclass int
}

type classRange struct {
	lo, hi rune
	class  uint16
}

// dfaTable is one published version of an automaton's transitions.
type dfaTable struct {
	cls *runeClasses
	// trans: state*nclass + class → 0 while not yet computed, else the
	// next state << dfaShift (0 is the dead state) | dfaKnown, with
	// dfaAccept set when a match ends before a rune of the class.
	trans     []uint32
	acceptEnd []bool // state: a match ends at the end of the text
	epoch     *dfaEpoch
}

const (
	dfaKnown  = 1
	dfaAccept = 2
	dfaShift  = 2
	dfaStart  = 1 // the start state's number; 0 is the dead state
)

// maxDFAEntries is the default budget of an automaton's table (1 MB).
const maxDFAEntries = 1 << 18

const supportedEmpty = syntax.EmptyBeginText | syntax.EmptyEndText | syntax.EmptyWordBoundary | syntax.EmptyNoWordBoundary

// newMatchDFA returns the automaton for the parsed regexp re, or nil when
// the pattern is not anchored at the start or uses what the DFA does not
// model (line anchors). Even the program is compiled on first use; what
// is asked before (pure) comes from the syntax tree.
func newMatchDFA(re *syntax.Regexp) *matchDFA {
	if !anchoredAtStart(re) {
		return nil
	}
	d := &matchDFA{syn: re, pure: true, budget: maxDFAEntries}
	ok := true
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpBeginLine, syntax.OpEndLine:
			ok = false
		case syntax.OpEndText:
			d.pure = false
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			d.pure, d.words = false, true
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(re)
	if !ok {
		return nil
	}
	return d
}

// anchoredAtStart reports whether every match of re starts with \A
// (conservatively: a concatenation led by it).
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpConcat, syntax.OpCapture:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	}
	return false
}

// program returns the compiled program (compiling it on first use).
func (d *matchDFA) program() *syntax.Prog {
	d.table()
	return d.prog
}

// altMatch reports whether the program has an InstAltMatch, with which
// the backtracker jumps to the end of its text.
func (d *matchDFA) altMatch() bool {
	d.table()
	return d.hasAltMatch
}

// asciiSet is a set of ASCII runes, bit r of word r/64.
type asciiSet [2]uint64

func (s *asciiSet) has(r rune) bool { return s[r>>6]>>(r&63)&1 != 0 }

// runeSets returns, per instruction of prog, the ASCII runes it consumes
// (none for the instructions that consume no rune). The backtracker asks
// a rune instruction about every rune it tries, and MatchRune of a
// case-folded literal walks the rune's fold orbit each time.
func runeSets(prog *syntax.Prog) []asciiSet {
	sets := make([]asciiSet, len(prog.Inst))
	for pc := range prog.Inst {
		in, set := &prog.Inst[pc], &sets[pc]
		switch in.Op {
		case syntax.InstRuneAny:
			set[0], set[1] = ^uint64(0), ^uint64(0)
		case syntax.InstRuneAnyNotNL:
			set[0], set[1] = ^uint64(0)&^(1<<'\n'), ^uint64(0)
		case syntax.InstRune1:
			set.add(in.Rune[0])
		case syntax.InstRune:
			if len(in.Rune) == 1 {
				// A literal, with its case fold orbit when the flag says so
				// (as MatchRunePos has it).
				r0 := in.Rune[0]
				set.add(r0)
				if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
					for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
						set.add(r)
					}
				}
				break
			}
			// A class: its ranges (folding is in them already).
			for k := 0; k+1 < len(in.Rune); k += 2 {
				for r := max(in.Rune[k], 0); r <= in.Rune[k+1] && r < utf8.RuneSelf; r++ {
					set.add(r)
				}
			}
		}
	}
	return sets
}

func (s *asciiSet) add(r rune) {
	if r >= 0 && r < utf8.RuneSelf {
		s[r>>6] |= 1 << (r & 63)
	}
}

// dfaState is a state of the automaton under construction.
type dfaState struct {
	set              []int // pending instructions: rune, assertion, match
	prevWord, atHead bool
	// stepped: nows and matches hold the closure of set before a
	// non-word [0] and a word rune [1], and whether a match ends there.
	stepped bool
	nows    [2][]int
	matches [2]bool
}

// dfaEpoch is the numbering of states behind the tables since the last
// flush.
type dfaEpoch struct {
	states []dfaState
	ids    map[string]uint32 // state key → number
	stepTo map[string]uint32 // instructions reached (and wordness) → number
}

// dfaBuilder holds what computing transitions needs; it is used under the
// automaton's mu.
type dfaBuilder struct {
	d        *matchDFA
	prog     *syntax.Prog
	cls      *runeClasses
	reps     []rune     // class → a rune of it
	classes  [][]uint64 // pc → the classes whose runes instruction pc consumes
	startSet []int
	epoch    *dfaEpoch
	seen     []uint32
	stamp    uint32
	stack    []uint32
	next     []uint32
	key      []byte
}

// table returns the automaton's current table, building the rune classes
// and the start state on first use.
func (d *matchDFA) table() *dfaTable {
	if t := d.tab.Load(); t != nil {
		return t
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if t := d.tab.Load(); t != nil {
		return t
	}
	// Compile never fails on a parsed pattern.
	d.prog, _ = syntax.Compile(d.syn.Simplify())
	d.ascii = runeSets(d.prog)
	for _, in := range d.prog.Inst {
		if in.Op == syntax.InstAltMatch {
			d.hasAltMatch = true
		}
	}
	d.syn = nil
	b := newDFABuilder(d)
	d.b = b
	b.startSet, _ = b.closure([]uint32{uint32(d.prog.Start)}, nil)
	b.flush()
	return d.tab.Load()
}

func newDFABuilder(d *matchDFA) *dfaBuilder {
	prog, words := d.prog, d.words
	var runeInsts []int
	for pc, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runeInsts = append(runeInsts, pc)
		}
	}
	cl := &runeClasses{}
	// Rune classes: runes matched by the same instructions (and, when
	// word boundaries are asked, of the same wordness) share one. Within
	// the intervals between the bounds of all ranges (and the case-fold
	// partners of folded literals) that is constant.
	bounds := map[rune]bool{0: true, utf8.RuneSelf: true, unicode.MaxRune + 1: true}
	for _, pc := range runeInsts {
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1:
			if len(in.Rune) == 1 {
				r0 := in.Rune[0]
				bounds[r0], bounds[r0+1] = true, true
				if in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
					for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
						bounds[r], bounds[r+1] = true, true
					}
				}
				continue
			}
			for k := 0; k+1 < len(in.Rune); k += 2 {
				bounds[in.Rune[k]], bounds[in.Rune[k+1]+1] = true, true
			}
		case syntax.InstRuneAnyNotNL:
			bounds['\n'], bounds['\n'+1] = true, true
		}
	}
	cuts := make([]rune, 0, len(bounds))
	for b := range bounds {
		cuts = append(cuts, b)
	}
	sort.Slice(cuts, func(a, b int) bool { return cuts[a] < cuts[b] })
	// Only some instructions can match a rune beyond ASCII; the others
	// need not be asked about one.
	var wideInsts []int
	for _, pc := range runeInsts {
		in := &prog.Inst[pc]
		wide := in.Op == syntax.InstRuneAny || in.Op == syntax.InstRuneAnyNotNL
		for _, r := range in.Rune {
			if r >= utf8.RuneSelf {
				wide = true
			}
		}
		if len(in.Rune) == 1 && in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			for r := unicode.SimpleFold(in.Rune[0]); r != in.Rune[0]; r = unicode.SimpleFold(r) {
				if r >= utf8.RuneSelf {
					wide = true
				}
			}
		}
		if wide {
			wideInsts = append(wideInsts, pc)
		}
	}
	classOf := map[string]uint16{}
	var reps []rune      // class → a rune of it
	var classPCs [][]int // class → the instructions consuming its runes
	newClass := func(sig string, pcs []int, r rune) uint16 {
		c, ok := classOf[sig]
		if !ok {
			c = uint16(len(reps))
			classOf[sig] = c
			reps = append(reps, r)
			classPCs = append(classPCs, append([]int(nil), pcs...))
		}
		return c
	}
	var sig []byte
	var sigPCs []int
	class := func(r rune) uint16 {
		sig, sigPCs = sig[:0], sigPCs[:0]
		if words && syntax.IsWordChar(r) {
			sig = append(sig, 'w')
		}
		insts := runeInsts
		if r >= utf8.RuneSelf {
			insts = wideInsts
		}
		for _, pc := range insts {
			if instMatches(&prog.Inst[pc], r) {
				sig = strconv.AppendInt(sig, int64(pc), 10)
				sig = append(sig, ',')
				sigPCs = append(sigPCs, pc)
			}
		}
		return newClass(string(sig), sigPCs, r)
	}
	// Class 0 is that of runes outside every range (what matches them
	// matches any rune, if anything does; they are no word runes).
	class(unicode.MaxRune + 1)
	// The ASCII signatures in one pass over the instructions.
	var asciiSig [utf8.RuneSelf][]byte
	var asciiPCs [utf8.RuneSelf][]int
	for r := range asciiSig {
		if words && syntax.IsWordChar(rune(r)) {
			asciiSig[r] = append(asciiSig[r], 'w')
		}
	}
	for _, pc := range runeInsts {
		in := &prog.Inst[pc]
		mark := func(r rune) {
			if r >= 0 && r < utf8.RuneSelf {
				asciiSig[r] = strconv.AppendInt(asciiSig[r], int64(pc), 10)
				asciiSig[r] = append(asciiSig[r], ',')
				asciiPCs[r] = append(asciiPCs[r], pc)
			}
		}
		switch {
		case in.Op == syntax.InstRuneAny || in.Op == syntax.InstRuneAnyNotNL:
			for r := rune(0); r < utf8.RuneSelf; r++ {
				if instMatches(in, r) {
					mark(r)
				}
			}
		case len(in.Rune) == 1:
			// A literal rune, and its case-fold partners where it folds.
			r0 := in.Rune[0]
			mark(r0)
			if in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
					mark(r)
				}
			}
		default:
			for k := 0; k+1 < len(in.Rune); k += 2 {
				for r := in.Rune[k]; r <= in.Rune[k+1] && r < utf8.RuneSelf; r++ {
					mark(r)
				}
			}
		}
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		cl.ascii[r] = uint8(newClass(string(asciiSig[r]), asciiPCs[r], r))
	}
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]-1
		if lo < utf8.RuneSelf {
			continue
		}
		c := class(lo)
		if c == 0 {
			continue
		}
		if n := len(cl.ranges); n > 0 && cl.ranges[n-1].class == c && cl.ranges[n-1].hi+1 == lo {
			cl.ranges[n-1].hi = hi
			continue
		}
		cl.ranges = append(cl.ranges, classRange{lo, hi, c})
	}
	cl.nclass = len(reps)
	// classes[pc] has the classes whose runes instruction pc consumes.
	cw := (cl.nclass + 63) / 64
	classes := make([][]uint64, len(prog.Inst))
	for _, pc := range runeInsts {
		classes[pc] = make([]uint64, cw)
	}
	for c, pcs := range classPCs {
		for _, pc := range pcs {
			classes[pc][c/64] |= 1 << (c % 64)
		}
	}
	return &dfaBuilder{d: d, prog: prog, cls: cl, reps: reps, classes: classes, seen: make([]uint32, len(prog.Inst))}
}

// closure follows the program from pcs without consuming a rune;
// assertions pass when ctx satisfies them, and stay in the set (to be
// decided at the next rune) when ctx is nil.
func (b *dfaBuilder) closure(pcs []uint32, ctx *syntax.EmptyOp) (set []int, match bool) {
	b.stamp++
	b.stack = append(b.stack[:0], pcs...)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.seen[pc] == b.stamp {
			continue
		}
		b.seen[pc] = b.stamp
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			b.stack = append(b.stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			b.stack = append(b.stack, in.Out)
		case syntax.InstEmptyWidth:
			if ctx == nil {
				set = append(set, int(pc))
			} else if syntax.EmptyOp(in.Arg)&^*ctx == 0 {
				b.stack = append(b.stack, in.Out)
			}
		case syntax.InstMatch:
			if ctx != nil {
				match = true
			} else {
				set = append(set, int(pc))
			}
		case syntax.InstFail:
		default:
			set = append(set, int(pc))
		}
	}
	sort.Ints(set)
	return set, match
}

func toU32(set []int) []uint32 {
	out := make([]uint32, len(set))
	for i, pc := range set {
		out[i] = uint32(pc)
	}
	return out
}

// emptyContext is the empty-width context between the last rune of st and the
// next one (or the end of the text).
func emptyContext(st *dfaState, next rune, atEnd bool) syntax.EmptyOp {
	var op syntax.EmptyOp
	if st.atHead {
		op |= syntax.EmptyBeginText
	}
	if atEnd {
		op |= syntax.EmptyEndText
	}
	if st.prevWord != (!atEnd && syntax.IsWordChar(next)) {
		op |= syntax.EmptyWordBoundary
	} else {
		op |= syntax.EmptyNoWordBoundary
	}
	return op
}

// flush starts a new numbering with the dead and the start state and
// publishes an empty table for it.
func (b *dfaBuilder) flush() {
	b.epoch = &dfaEpoch{states: []dfaState{{}}, ids: map[string]uint32{}, stepTo: map[string]uint32{}}
	const initial = 8 // states
	b.d.tab.Store(&dfaTable{cls: b.cls, trans: make([]uint32, initial*b.cls.nclass), acceptEnd: make([]bool, initial), epoch: b.epoch})
	b.add(dfaState{set: b.startSet, atHead: true}) // dfaStart
}

// add returns the number of state st, adding it (and growing the table)
// when it is new; ok is false when the table's budget is spent.
func (b *dfaBuilder) add(st dfaState) (id uint32, ok bool) {
	if len(st.set) == 0 {
		return 0, true
	}
	var k strings.Builder
	if st.prevWord {
		k.WriteByte('w')
	}
	if st.atHead {
		k.WriteByte('^')
	}
	for _, pc := range st.set {
		k.WriteString(strconv.Itoa(pc))
		k.WriteByte(',')
	}
	key := k.String()
	ep := b.epoch
	if id, ok := ep.ids[key]; ok {
		return id, true
	}
	n, nclass := len(ep.states), b.cls.nclass
	// Past the budget, a flush is asked for; a fresh table always takes
	// the state a transition comes from and the one it leads to.
	if (n+1)*nclass > b.d.budget && n > dfaStart+2 {
		return 0, false
	}
	id = uint32(n)
	ep.ids[key] = id
	ep.states = append(ep.states, st)
	t := b.d.tab.Load()
	if n >= len(t.acceptEnd) {
		// Grow: the copy gets the rows known so far; readers of the old
		// table find its missing entries here.
		size := 2 * len(t.acceptEnd)
		g := &dfaTable{cls: t.cls, trans: make([]uint32, size*nclass), acceptEnd: make([]bool, size), epoch: t.epoch}
		copy(g.trans, t.trans)
		copy(g.acceptEnd, t.acceptEnd)
		b.d.tab.Store(g)
		t = g
	}
	// Written before any transition to the state is published.
	ctx := emptyContext(&st, 0, true)
	_, t.acceptEnd[id] = b.closure(toU32(st.set), &ctx)
	return id, true
}

// step computes the transition of state q (of the current epoch) under
// class c; ok is false when the state it leads to does not fit the budget.
func (b *dfaBuilder) step(q uint32, c int) (e uint32, ok bool) {
	ep := b.epoch
	st := &ep.states[q]
	if !st.stepped {
		for w := range st.nows {
			next := 'a' // a word rune
			if w == 0 {
				next = ' '
			}
			ctx := emptyContext(st, next, false)
			st.nows[w], st.matches[w] = b.closure(toU32(st.set), &ctx)
		}
		st.stepped = true
	}
	w := 0
	if syntax.IsWordChar(b.reps[c]) {
		w = 1
	}
	now, match := st.nows[w], st.matches[w]
	words := b.d.words
	b.key, b.next = b.key[:0], b.next[:0]
	if words && w == 1 {
		b.key = append(b.key, 'w')
	}
	for _, pc := range now {
		if b.classes[pc][c/64]&(1<<(c%64)) != 0 {
			out := b.prog.Inst[pc].Out
			b.next = append(b.next, out)
			b.key = strconv.AppendUint(b.key, uint64(out), 10)
			b.key = append(b.key, ',')
		}
	}
	// The state reached depends on the instructions reached (and the
	// wordness of the rune) only: many classes, and many states, lead to
	// the same.
	id, seen := ep.stepTo[string(b.key)]
	if !seen {
		key := string(b.key)
		nset, _ := b.closure(b.next, nil)
		if id, ok = b.add(dfaState{set: nset, prevWord: words && w == 1}); !ok {
			return 0, false
		}
		ep.stepTo[key] = id
	}
	e = id<<dfaShift | dfaKnown
	if match {
		e |= dfaAccept
	}
	return e, true
}

// fill computes the missing transition of state st of table t under
// class c, publishes it, and returns it with the table to go on with.
func (d *matchDFA) fill(t *dfaTable, st uint32, c int) (uint32, *dfaTable) {
	d.mu.Lock()
	defer d.mu.Unlock()
	b := d.b
	if t.epoch != b.epoch {
		// Flushed since the caller loaded t: its state, renumbered.
		src := t.epoch.states[st]
		var ok bool
		if st, ok = b.add(src); !ok {
			b.flush()
			st, _ = b.add(src)
		}
	} else if e := d.tab.Load().trans[int(st)*b.cls.nclass+c]; e != 0 {
		return e, d.tab.Load()
	}
	e, ok := b.step(st, c)
	if !ok {
		src := b.epoch.states[st]
		b.flush()
		st, _ = b.add(src)
		e, _ = b.step(st, c)
	}
	cur := d.tab.Load()
	atomic.StoreUint32(&cur.trans[int(st)*b.cls.nclass+c], e)
	return e, cur
}

// instMatches reports whether the rune instruction in consumes r, as the
// regexp engine's step does.
func instMatches(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	case syntax.InstRune1:
		return r == in.Rune[0]
	}
	return in.MatchRune(r)
}

// end returns where the longest match of the regexp at the start of s
// ends, or -1. Runes are decoded as the regexp engine decodes them.
func (d *matchDFA) end(s string) int { return d.run(s, false) }

// matches reports whether the regexp matches at the start of s.
func (d *matchDFA) matches(s string) bool { return d.run(s, true) >= 0 }

// run runs the automaton over s and returns where the longest match ends,
// or, with first, where the first (shortest) one does; -1 for none.
func (d *matchDFA) run(s string, first bool) int {
	t := d.table()
	cl, trans := t.cls, t.trans
	ascii, nclass := &cl.ascii, cl.nclass
	st := uint32(dfaStart)
	last := -1
	for p := 0; p < len(s); {
		r, size := rune(s[p]), 1
		var c int
		if r < utf8.RuneSelf {
			c = int(ascii[r])
		} else {
			r, size = utf8.DecodeRuneInString(s[p:])
			c = int(cl.classOf(r))
		}
		e := atomic.LoadUint32(&trans[int(st)*nclass+c])
		if e == 0 {
			e, t = d.fill(t, st, c)
			trans = t.trans
		}
		if e&dfaAccept != 0 {
			if first {
				return p
			}
			last = p
		}
		if st = e >> dfaShift; st == 0 {
			return last
		}
		p += size
	}
	if t.acceptEnd[st] {
		last = len(s)
	}
	return last
}

func (cl *runeClasses) classOf(r rune) uint16 {
	lo, hi := 0, len(cl.ranges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < cl.ranges[m].lo:
			hi = m
		case r > cl.ranges[m].hi:
			lo = m + 1
		default:
			return cl.ranges[m].class
		}
	}
	return 0
}
