package timex

import (
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// matchDFA answers, for an anchored regexp, where its longest match at the
// start of a text ends (which is all Find needs to choose among the rules
// at a position; the submatches are asked of the regexp for the winner
// only), or whether there is a match at all (the notbefore and notafter
// checks). The regexp engine's NFA costs some 10 µs per attempt for the
// large patterns (a unit list after a number list); the DFA, built at load
// time by subset construction over the same compiled program, one table
// load per rune.
//
// Assertions (\b, \B, \A, \z) are decided on the move to the next rune,
// when both runes around the position are known: a state records whether
// the last rune was a word rune and whether it is still at the start, and
// the table says, per state and next rune class, whether a match ends
// before that rune; acceptEnd says it for the end of the text.
type matchDFA struct {
	ascii  [utf8.RuneSelf]uint8 // rune class of an ASCII rune (the first 129 classes at most)
	ranges []classRange         // classes of other runes; the rest is class 0
	nclass int
	// trans: state*nclass + class → the next state (0 is the dead
	// state), with dfaAccept set when a match ends before a rune of the
	// class: one load per rune.
	trans     []uint16
	acceptEnd []bool // state: a match ends at the end of the text
	start     uint16
	// pure: the only assertion is the leading \A, so where a match ends
	// does not depend on the text after it.
	pure bool
}

type classRange struct {
	lo, hi rune
	class  uint16
}

// maxDFAStates bounds an automaton (its state numbers stay below
// dfaAccept); a regexp whose automaton would be
// larger keeps the regexp engine.
const maxDFAStates = 2000

const dfaAccept = 1 << 15

const supportedEmpty = syntax.EmptyBeginText | syntax.EmptyEndText | syntax.EmptyWordBoundary | syntax.EmptyNoWordBoundary

// newMatchDFA builds the automaton for the regexp src, or returns nil when
// the program is not anchored at the start or uses what the DFA does not
// model (line anchors).
func newMatchDFA(src string) *matchDFA {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return nil
	}
	d := &matchDFA{pure: true}
	var runeInsts []int
	words := false
	for pc, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runeInsts = append(runeInsts, pc)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			if op&^supportedEmpty != 0 {
				return nil
			}
			if op != syntax.EmptyBeginText {
				d.pure = false
			}
			if op&(syntax.EmptyWordBoundary|syntax.EmptyNoWordBoundary) != 0 {
				words = true
			}
		}
	}
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
		d.ascii[r] = uint8(newClass(string(asciiSig[r]), asciiPCs[r], r))
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
		if n := len(d.ranges); n > 0 && d.ranges[n-1].class == c && d.ranges[n-1].hi+1 == lo {
			d.ranges[n-1].hi = hi
			continue
		}
		d.ranges = append(d.ranges, classRange{lo, hi, c})
	}
	if len(reps) > 1<<12 {
		return nil
	}
	d.nclass = len(reps)
	// closure follows the program from pcs without consuming a rune;
	// assertions pass when ctx satisfies them, and stay in the set (to be
	// decided at the next rune) when ctx is nil.
	seen := make([]uint32, len(prog.Inst))
	stamp := uint32(0)
	var stack []uint32
	closure := func(pcs []uint32, ctx *syntax.EmptyOp) (set []int, match bool) {
		stamp++
		stack = append(stack[:0], pcs...)
		for len(stack) > 0 {
			pc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[pc] == stamp {
				continue
			}
			seen[pc] = stamp
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				stack = append(stack, in.Out, in.Arg)
			case syntax.InstCapture, syntax.InstNop:
				stack = append(stack, in.Out)
			case syntax.InstEmptyWidth:
				if ctx == nil {
					set = append(set, int(pc))
				} else if syntax.EmptyOp(in.Arg)&^*ctx == 0 {
					stack = append(stack, in.Out)
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
	type state struct {
		set              []int // pending instructions: rune, assertion, match
		prevWord, atHead bool
	}
	ids := map[string]uint16{}
	var states []state
	add := func(st state) (uint16, bool) {
		if len(st.set) == 0 {
			return 0, true
		}
		var b strings.Builder
		if st.prevWord {
			b.WriteByte('w')
		}
		if st.atHead {
			b.WriteByte('^')
		}
		for _, pc := range st.set {
			b.WriteString(strconv.Itoa(pc))
			b.WriteByte(',')
		}
		k := b.String()
		if id, ok := ids[k]; ok {
			return id, true
		}
		if len(states) >= maxDFAStates {
			return 0, false
		}
		id := uint16(len(states))
		ids[k] = id
		states = append(states, st)
		return id, true
	}
	toU32 := func(set []int) []uint32 {
		out := make([]uint32, len(set))
		for i, pc := range set {
			out[i] = uint32(pc)
		}
		return out
	}
	context := func(st state, next rune, atEnd bool) syntax.EmptyOp {
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
	states = append(states, state{}) // dead
	set, _ := closure([]uint32{uint32(prog.Start)}, nil)
	d.start, _ = add(state{set: set, atHead: true})
	// classes[pc] has the classes whose runes instruction pc consumes.
	cw := (d.nclass + 63) / 64
	classes := make([][]uint64, len(prog.Inst))
	for _, pc := range runeInsts {
		classes[pc] = make([]uint64, cw)
	}
	for c, pcs := range classPCs {
		for _, pc := range pcs {
			classes[pc][c/64] |= 1 << (c % 64)
		}
	}
	stepTo := map[string]uint16{}
	var next []uint32
	var key []byte
	for q := 1; q < len(states); q++ {
		st := states[q]
		var nows [2][]int
		var matches [2]bool
		for w := range nows {
			next := 'a' // a word rune
			if w == 0 {
				next = ' '
			}
			ctx := context(st, next, false)
			nows[w], matches[w] = closure(toU32(st.set), &ctx)
		}
		for c := 0; c < d.nclass; c++ {
			r := reps[c]
			w := 0
			if syntax.IsWordChar(r) {
				w = 1
			}
			now, match := nows[w], matches[w]
			key = key[:0]
			if words && w == 1 {
				key = append(key, 'w')
			}
			next = next[:0]
			for _, pc := range now {
				if classes[pc][c/64]&(1<<(c%64)) != 0 {
					out := prog.Inst[pc].Out
					next = append(next, out)
					key = strconv.AppendUint(key, uint64(out), 10)
					key = append(key, ',')
				}
			}
			// The state reached depends on the instructions reached
			// (and the wordness of the rune) only: many classes, and
			// many states, lead to the same.
			id, seen := stepTo[string(key)]
			if !seen {
				nset, _ := closure(next, nil)
				var ok bool
				if id, ok = add(state{set: nset, prevWord: words && w == 1}); !ok {
					return nil
				}
				stepTo[string(key)] = id
			}
			if len(d.trans) < (q+1)*d.nclass {
				d.trans = append(d.trans, make([]uint16, (q+1)*d.nclass-len(d.trans))...)
			}
			d.trans[q*d.nclass+c] = id
			if match {
				d.trans[q*d.nclass+c] |= dfaAccept
			}
		}
	}
	if len(d.trans) < len(states)*d.nclass {
		d.trans = append(d.trans, make([]uint16, len(states)*d.nclass-len(d.trans))...)
	}
	d.acceptEnd = make([]bool, len(states))
	for q := 1; q < len(states); q++ {
		ctx := context(states[q], 0, true)
		_, d.acceptEnd[q] = closure(toU32(states[q].set), &ctx)
	}
	return d
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
func (d *matchDFA) end(s string) int {
	st := int(d.start)
	last := -1
	for p := 0; p < len(s); {
		r, size := rune(s[p]), 1
		var c uint16
		if r < utf8.RuneSelf {
			c = uint16(d.ascii[r])
		} else {
			r, size = utf8.DecodeRuneInString(s[p:])
			c = d.classOf(r)
		}
		t := d.trans[st*d.nclass+int(c)]
		if t&dfaAccept != 0 {
			last = p
		}
		if st = int(t &^ dfaAccept); st == 0 {
			return last
		}
		p += size
	}
	if d.acceptEnd[st] {
		last = len(s)
	}
	return last
}

// matches reports whether the regexp matches at the start of s.
func (d *matchDFA) matches(s string) bool {
	st := int(d.start)
	for p := 0; p < len(s); {
		r, size := rune(s[p]), 1
		var c uint16
		if r < utf8.RuneSelf {
			c = uint16(d.ascii[r])
		} else {
			r, size = utf8.DecodeRuneInString(s[p:])
			c = d.classOf(r)
		}
		t := d.trans[st*d.nclass+int(c)]
		if t&dfaAccept != 0 {
			return true
		}
		if st = int(t &^ dfaAccept); st == 0 {
			return false
		}
		p += size
	}
	return d.acceptEnd[st]
}

func (d *matchDFA) classOf(r rune) uint16 {
	lo, hi := 0, len(d.ranges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < d.ranges[m].lo:
			hi = m
		case r > d.ranges[m].hi:
			lo = m + 1
		default:
			return d.ranges[m].class
		}
	}
	return 0
}
