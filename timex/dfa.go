package timex

import (
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// matchDFA finds where the longest match of an anchored rule regexp ends,
// which is all Find needs to choose among the rules at a position; the
// submatches are asked of the regexp for the winner only. The regexp
// engine's NFA costs some 10 µs per attempt for the large patterns (a
// unit list after a number list); the DFA, built at load time by subset
// construction over the same compiled program, one table load per rune.
type matchDFA struct {
	ascii  [utf8.RuneSelf]uint16 // rune class of an ASCII rune
	ranges []classRange          // classes of other runes; the rest is class 0
	nclass int
	trans  []uint16 // state*nclass + class → state; 0 is the dead state
	accept []bool
	start  uint16
}

type classRange struct {
	lo, hi rune
	class  uint16
}

// maxDFAStates bounds a rule's automaton; a rule whose automaton would be
// larger keeps the regexp engine.
const maxDFAStates = 2000

// newMatchDFA builds the automaton for the regexp src (as compiled by
// compileMatch), or returns nil when the program uses what the DFA does
// not model: assertions other than the leading ^.
func newMatchDFA(src string) *matchDFA {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	var runeInsts []int
	for pc, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runeInsts = append(runeInsts, pc)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg) != syntax.EmptyBeginText {
				return nil
			}
		}
	}
	d := &matchDFA{}
	// Rune classes: runes matched by the same instructions share one.
	// Within the intervals between the bounds of all ranges (and the
	// case-fold partners of folded literals) that set is constant.
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
	classOf := map[string]uint16{}
	var reps []rune // class → a rune of it
	signature := func(r rune) string {
		var b strings.Builder
		for _, pc := range runeInsts {
			if instMatches(&prog.Inst[pc], r) {
				b.WriteString(strconv.Itoa(pc))
				b.WriteByte(',')
			}
		}
		return b.String()
	}
	class := func(r rune) uint16 {
		sig := signature(r)
		c, ok := classOf[sig]
		if !ok {
			c = uint16(len(reps))
			classOf[sig] = c
			reps = append(reps, r)
		}
		return c
	}
	// Class 0 is that of runes outside every range: what matches them
	// matches any rune (.), if anything does.
	class(unicode.MaxRune + 1)
	for r := rune(0); r < utf8.RuneSelf; r++ {
		d.ascii[r] = class(r)
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
	// Subset construction. A state is the set of rune instructions the
	// program can be at, and whether it has matched.
	closure := func(pcs []uint32, atStart bool) (set []int, match bool) {
		seen := map[uint32]bool{}
		stack := append([]uint32(nil), pcs...)
		for len(stack) > 0 {
			pc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[pc] {
				continue
			}
			seen[pc] = true
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				stack = append(stack, in.Out, in.Arg)
			case syntax.InstCapture, syntax.InstNop:
				stack = append(stack, in.Out)
			case syntax.InstEmptyWidth:
				if atStart {
					stack = append(stack, in.Out)
				}
			case syntax.InstMatch:
				match = true
			case syntax.InstFail:
			default:
				set = append(set, int(pc))
			}
		}
		sort.Ints(set)
		return set, match
	}
	type state struct {
		set   []int
		match bool
	}
	ids := map[string]uint16{}
	var states []state
	key := func(set []int, match bool) string {
		var b strings.Builder
		if match {
			b.WriteByte('!')
		}
		for _, pc := range set {
			b.WriteString(strconv.Itoa(pc))
			b.WriteByte(',')
		}
		return b.String()
	}
	add := func(set []int, match bool) (uint16, bool) {
		if len(set) == 0 && !match {
			return 0, true
		}
		k := key(set, match)
		if id, ok := ids[k]; ok {
			return id, true
		}
		if len(states) >= maxDFAStates {
			return 0, false
		}
		id := uint16(len(states))
		ids[k] = id
		states = append(states, state{set, match})
		return id, true
	}
	states = append(states, state{}) // dead
	ids[key(nil, false)] = 0
	set, match := closure([]uint32{uint32(prog.Start)}, true)
	start, _ := add(set, match)
	d.start = start
	for q := 1; q < len(states); q++ {
		st := states[q]
		for c := 0; c < d.nclass; c++ {
			var next []uint32
			for _, pc := range st.set {
				if instMatches(&prog.Inst[pc], reps[c]) {
					next = append(next, prog.Inst[pc].Out)
				}
			}
			set, match := closure(next, false)
			id, ok := add(set, match)
			if !ok {
				return nil
			}
			for len(d.trans) < (q+1)*d.nclass {
				d.trans = append(d.trans, 0)
			}
			d.trans[q*d.nclass+c] = id
		}
	}
	for len(d.trans) < len(states)*d.nclass {
		d.trans = append(d.trans, 0)
	}
	d.accept = make([]bool, len(states))
	for i, st := range states {
		d.accept[i] = st.match
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
	if d.accept[st] {
		last = 0
	}
	for p := 0; p < len(s); {
		r, size := rune(s[p]), 1
		var c uint16
		if r < utf8.RuneSelf {
			c = d.ascii[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[p:])
			c = d.classOf(r)
		}
		st = int(d.trans[st*d.nclass+int(c)])
		if st == 0 {
			break
		}
		p += size
		if d.accept[st] {
			last = p
		}
	}
	return last
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
