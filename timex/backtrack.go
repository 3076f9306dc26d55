// The backtracker below is a port of the Go standard library's
// regexp/backtrack.go (Copyright 2015 The Go Authors, BSD-style license),
// reduced to what Find needs: anchored programs, leftmost-longest
// submatches, string input.

package timex

import (
	"regexp/syntax"
	"unicode/utf8"
)

// The regexp engine uses its bit-state backtracker only for programs of
// at most 500 instructions; a larger one (a number list, a unit list and
// their combinations: dur-quantity has 602) runs on the NFA, about twice
// as slow per winner's groups. The windows Find asks about are at most
// maxLen bytes, so the backtracker's visited bits (instructions × bytes)
// stay small for any program: this one runs without the size limit, with
// the same exploration order, so it returns the groups the engine returns
// (TestBacktrackGroups checks that on the reference texts). It also runs
// the smaller programs, without the engine's pool and per-call
// allocations (7,167 winners per pass over the 1,028 articles: 8–14 ms
// against 12–20 ms).

// maxBacktrackInst is where the regexp engine leaves its backtracker.
const maxBacktrackInst = 500

type btJob struct {
	pc  uint32
	arg bool
	pos int
}

// backtracker is the per-call state; Find keeps one in its scratch.
type backtracker struct {
	prog     *syntax.Prog
	ascii    []asciiSet // per instruction, the ASCII runes it consumes (see runeSets)
	s        string
	end      int
	cap      []int
	matchcap []int
	jobs     []btJob
	visited  []uint32
}

// submatches appends to dst the leftmost-longest submatch offsets of the
// anchored program prog on s (2*ngroups entries, -1 for a group that did
// not take part), as (*regexp.Regexp).FindStringSubmatchIndex with
// Longest does, or returns nil when there is no match. ascii is
// runeSets(prog).
func (b *backtracker) submatches(prog *syntax.Prog, ascii []asciiSet, s string, ngroups int, dst []int) []int {
	b.prog, b.ascii, b.s, b.end = prog, ascii, s, len(s)
	ncap := prog.NumCap
	b.jobs = b.jobs[:0]
	n := (len(prog.Inst)*(len(s)+1) + 31) / 32
	if cap(b.visited) < n {
		b.visited = make([]uint32, n)
	} else {
		b.visited = b.visited[:n]
		clear(b.visited)
	}
	b.cap = fillInts(b.cap, ncap)
	b.matchcap = fillInts(b.matchcap, ncap)
	if ncap > 0 {
		b.cap[0] = 0
	}
	if !b.try(uint32(prog.Start), 0) {
		return nil
	}
	dst = append(dst, b.matchcap...)
	for len(dst) < 2*ngroups {
		dst = append(dst, -1)
	}
	return dst
}

func fillInts(s []int, n int) []int {
	if cap(s) < n {
		s = make([]int, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

func (b *backtracker) shouldVisit(pc uint32, pos int) bool {
	n := uint(int(pc)*(b.end+1) + pos)
	if b.visited[n/32]&(1<<(n&31)) != 0 {
		return false
	}
	b.visited[n/32] |= 1 << (n & 31)
	return true
}

func (b *backtracker) push(pc uint32, pos int, arg bool) {
	// Only check shouldVisit when arg is false: when it is true, a
	// previous operation is continued.
	if b.prog.Inst[pc].Op != syntax.InstFail && (arg || b.shouldVisit(pc, pos)) {
		b.jobs = append(b.jobs, btJob{pc: pc, arg: arg, pos: pos})
	}
}

func (b *backtracker) step(pos int) (rune, int) {
	if pos < len(b.s) {
		return utf8.DecodeRuneInString(b.s[pos:])
	}
	return -1, 0
}

// runeOK is what the engine asks of a rune instruction about r (-1 at the
// end of the text).
func runeOK(inst *syntax.Inst, r rune) bool {
	switch inst.Op {
	case syntax.InstRune:
		return inst.MatchRune(r)
	case syntax.InstRune1:
		return r == inst.Rune[0]
	case syntax.InstRuneAnyNotNL:
		return r != '\n' && r != -1
	}
	return r != -1
}

func (b *backtracker) context(pos int) syntax.EmptyOp {
	r1, r2 := rune(-1), rune(-1)
	if uint(pos-1) < uint(len(b.s)) {
		r1, _ = utf8.DecodeLastRuneInString(b.s[:pos])
	}
	if uint(pos) < uint(len(b.s)) {
		r2, _ = utf8.DecodeRuneInString(b.s[pos:])
	}
	return syntax.EmptyOpContext(r1, r2)
}

// try runs the backtracking search from pc at pos (regexp's tryBacktrack
// with longest set).
func (b *backtracker) try(pc uint32, pos int) bool {
	b.push(pc, pos, false)
	for len(b.jobs) > 0 {
		l := len(b.jobs) - 1
		pc := b.jobs[l].pc
		pos := b.jobs[l].pos
		arg := b.jobs[l].arg
		b.jobs = b.jobs[:l]

		goto Skip
	CheckAndLoop:
		if !b.shouldVisit(pc, pos) {
			continue
		}
	Skip:
		inst := &b.prog.Inst[pc]
		switch inst.Op {
		default:
			panic("timex: bad instruction")
		case syntax.InstFail:
			panic("timex: unexpected InstFail")
		case syntax.InstAlt:
			if arg {
				arg = false
				pc = inst.Arg
				goto CheckAndLoop
			}
			b.push(pc, pos, true)
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstAltMatch:
			// One opcode consumes runes; the other leads to match.
			switch b.prog.Inst[inst.Out].Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				// inst.Arg is the match.
				b.push(inst.Arg, pos, false)
				pc = inst.Arg
				pos = b.end
				goto CheckAndLoop
			}
			// inst.Out is the match - non-greedy
			b.push(inst.Out, b.end, false)
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAnyNotNL, syntax.InstRuneAny:
			// An ASCII rune is looked up in the instruction's set; the
			// others (and the end of the text, -1) are asked as the
			// engine asks them.
			var r rune
			width := 1
			if pos < len(b.s) && b.s[pos] < utf8.RuneSelf {
				if !b.ascii[pc].has(rune(b.s[pos])) {
					continue
				}
			} else if r, width = b.step(pos); !runeOK(inst, r) {
				continue
			}
			pos += width
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstCapture:
			if arg {
				// Finished inst.Out; restore the old value.
				b.cap[inst.Arg] = pos
				continue
			}
			if inst.Arg < uint32(len(b.cap)) {
				// Capture pos to register, but save old value.
				b.push(pc, b.cap[inst.Arg], true) // come back when we're done.
				b.cap[inst.Arg] = pos
			}
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(inst.Arg)&^b.context(pos) != 0 {
				continue
			}
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstNop:
			pc = inst.Out
			goto CheckAndLoop
		case syntax.InstMatch:
			// We found a match. If the caller doesn't care where the
			// match is, no point going further.
			if len(b.cap) == 0 {
				return true
			}
			// Record best match so far. Only need to check end point,
			// because this entire call is only considering one start
			// position.
			if len(b.cap) > 1 {
				b.cap[1] = pos
			}
			if old := b.matchcap[1]; old == -1 || (pos > 0 && pos > old) {
				copy(b.matchcap, b.cap)
			}
			// If we used the entire text, no longer match is possible.
			if pos == b.end {
				return true
			}
			// Otherwise, continue on in hope of a longer match.
			continue
		}
	}
	return len(b.matchcap) > 1 && b.matchcap[1] >= 0
}
