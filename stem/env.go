package stem

import (
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
)

// StemEnv is the current German algorithm written on the runtime of the
// official Snowball Go backend (github.com/blevesearch/snowballstem: Env,
// Among tables, groupings, byte cursors), in the shape the Snowball
// compiler gives its generated code. It exists because the generated
// german package of that module predates the current algorithm (see
// Generated); it lets the two runtimes be compared on the same algorithm.
// The pipeline uses Stem (see docs/stem.md for the measurements).
func StemEnv(word string) string {
	env := snowballstem.NewEnv(word)
	envPrelude(env)
	env.Cursor = 0
	p1, p2 := envMarkRegions(env)
	env.Cursor = 0
	env.LimitBackward = env.Cursor
	env.Cursor = env.Limit
	envStandardSuffix(env, p1, p2)
	env.Cursor = env.LimitBackward
	envPostlude(env)
	return env.Current()
}

type grouping struct {
	bits     []byte
	min, max int32
}

// groupingOf builds a Snowball grouping bitmap over the code points of
// chars.
func groupingOf(chars string) grouping {
	g := grouping{min: utf8.MaxRune}
	for _, r := range chars {
		g.min, g.max = min(g.min, r), max(g.max, r)
	}
	g.bits = make([]byte, (g.max-g.min)/8+1)
	for _, r := range chars {
		d := r - g.min
		g.bits[d>>3] |= 1 << (d & 7)
	}
	return g
}

func among(entries ...snowballstem.Among) []*snowballstem.Among {
	out := make([]*snowballstem.Among, len(entries))
	for i := range entries {
		out[i] = &entries[i]
	}
	return out
}

// Among tables: forward ones sorted by string, backward ones by string read
// from the end; A is the index of the longest entry that is a prefix
// (forward) or suffix (backward) of this one, B the action number.
var (
	gV        = groupingOf("aeiouyäöü")
	gSEnd     = groupingOf("bdfghklmnrt")
	gSTEnd    = groupingOf("bdfghklmnt")
	gETEnd    = groupingOf("Udfgklmnrstzä")
	amPrelude = among(
		snowballstem.Among{Str: "", A: -1, B: 5},
		snowballstem.Among{Str: "ae", A: 0, B: 2},
		snowballstem.Among{Str: "oe", A: 0, B: 3},
		snowballstem.Among{Str: "qu", A: 0, B: -1},
		snowballstem.Among{Str: "ue", A: 0, B: 4},
		snowballstem.Among{Str: "ß", A: 0, B: 1},
	)
	amPostlude = among(
		snowballstem.Among{Str: "", A: -1, B: 5},
		snowballstem.Among{Str: "U", A: 0, B: 2},
		snowballstem.Among{Str: "Y", A: 0, B: 1},
		snowballstem.Among{Str: "ä", A: 0, B: 3},
		snowballstem.Among{Str: "ö", A: 0, B: 4},
		snowballstem.Among{Str: "ü", A: 0, B: 2},
	)
	amStep1 = among(
		snowballstem.Among{Str: "e", A: -1, B: 3},
		snowballstem.Among{Str: "em", A: -1, B: 1},
		snowballstem.Among{Str: "en", A: -1, B: 3},
		snowballstem.Among{Str: "erinnen", A: 2, B: 2},
		snowballstem.Among{Str: "erin", A: -1, B: 2},
		snowballstem.Among{Str: "ln", A: -1, B: 5},
		snowballstem.Among{Str: "ern", A: -1, B: 2},
		snowballstem.Among{Str: "er", A: -1, B: 2},
		snowballstem.Among{Str: "s", A: -1, B: 4},
		snowballstem.Among{Str: "es", A: 8, B: 3},
		snowballstem.Among{Str: "lns", A: 8, B: 5},
	)
	amETExceptions = among(
		snowballstem.Among{Str: "tick", A: -1, B: -1},
		snowballstem.Among{Str: "plan", A: -1, B: -1},
		snowballstem.Among{Str: "geordn", A: -1, B: -1},
		snowballstem.Among{Str: "intern", A: -1, B: -1},
		snowballstem.Among{Str: "tr", A: -1, B: -1},
	)
	amStep2 = among(
		snowballstem.Among{Str: "en", A: -1, B: 1},
		snowballstem.Among{Str: "er", A: -1, B: 1},
		snowballstem.Among{Str: "et", A: -1, B: 3},
		snowballstem.Among{Str: "st", A: -1, B: 2},
		snowballstem.Among{Str: "est", A: 3, B: 1},
	)
	amKeit = among(
		snowballstem.Among{Str: "ig", A: -1, B: 1},
		snowballstem.Among{Str: "lich", A: -1, B: 1},
	)
	amStep3 = among(
		snowballstem.Among{Str: "end", A: -1, B: 1},
		snowballstem.Among{Str: "ig", A: -1, B: 2},
		snowballstem.Among{Str: "ung", A: -1, B: 1},
		snowballstem.Among{Str: "lich", A: -1, B: 3},
		snowballstem.Among{Str: "isch", A: -1, B: 2},
		snowballstem.Among{Str: "ik", A: -1, B: 2},
		snowballstem.Among{Str: "heit", A: -1, B: 3},
		snowballstem.Among{Str: "keit", A: -1, B: 4},
	)
	amApostrophe = among(
		snowballstem.Among{Str: "'", A: -1, B: 1},
		snowballstem.Among{Str: "'sch", A: -1, B: 1},
		snowballstem.Among{Str: "'s", A: -1, B: 1},
	)
)

func in(env *snowballstem.Env, g grouping) bool  { return env.InGrouping(g.bits, g.min, g.max) }
func out(env *snowballstem.Env, g grouping) bool { return env.OutGrouping(g.bits, g.min, g.max) }
func inB(env *snowballstem.Env, g grouping) bool { return env.InGroupingB(g.bits, g.min, g.max) }

// charBefore returns the byte before the cursor, or 0 at the backward
// limit; only ASCII letters are compared with it.
func charBefore(env *snowballstem.Env) byte {
	if env.Cursor <= env.LimitBackward {
		return 0
	}
	return env.Current()[env.Cursor-1]
}

func envPrelude(env *snowballstem.Env) {
	// repeat goto (v [('u'] v <- 'U') or ('y'] v <- 'Y'))
	for {
		found := false
		for {
			start := env.Cursor
			if in(env, gV) {
				env.Bra = env.Cursor
				alt := env.Cursor
				if env.EqS("u") {
					env.Ket = env.Cursor
					if in(env, gV) {
						env.SliceFrom("U")
						found = true
					}
				}
				if !found {
					env.Cursor = alt
					if env.EqS("y") {
						env.Ket = env.Cursor
						if in(env, gV) {
							env.SliceFrom("Y")
							found = true
						}
					}
				}
			}
			env.Cursor = start
			if found || env.Cursor >= env.Limit {
				break
			}
			env.NextChar()
		}
		if !found {
			break
		}
	}
	env.Cursor = 0
	// repeat ([substring] among('ß' 'ae' 'oe' 'ue' 'qu' ''))
	for {
		start := env.Cursor
		env.Bra = env.Cursor
		av := env.FindAmong(amPrelude, nil)
		if av == 0 {
			env.Cursor = start
			return
		}
		env.Ket = env.Cursor
		switch av {
		case 1:
			env.SliceFrom("ss")
		case 2:
			env.SliceFrom("ä")
		case 3:
			env.SliceFrom("ö")
		case 4:
			env.SliceFrom("ü")
		case 5:
			if env.Cursor >= env.Limit {
				env.Cursor = start
				return
			}
			env.NextChar()
		}
	}
}

// gopast moves the cursor past the first position where step succeeds.
func gopast(env *snowballstem.Env, step func(*snowballstem.Env, grouping) bool) bool {
	for !step(env, gV) {
		if env.Cursor >= env.Limit {
			return false
		}
		env.NextChar()
	}
	return true
}

func envMarkRegions(env *snowballstem.Env) (p1, p2 int) {
	p1, p2 = env.Limit, env.Limit
	x := int(env.ByteIndexForHop(3))
	if x < 0 || x > env.Limit {
		return
	}
	if !gopast(env, in) || !gopast(env, out) {
		return
	}
	p1 = max(env.Cursor, x)
	if !gopast(env, in) || !gopast(env, out) {
		return
	}
	p2 = env.Cursor
	return
}

func envStandardSuffix(env *snowballstem.Env, p1, p2 int) {
	// Step 1
	v := env.Limit - env.Cursor
	env.Ket = env.Cursor
	if av := env.FindAmongB(amStep1, nil); av != 0 {
		env.Bra = env.Cursor
		if p1 <= env.Cursor {
			switch av {
			case 1: // em, not after syst
				if c := env.Cursor; env.EqSB("syst") {
					env.Cursor = c
				} else {
					env.SliceDel()
				}
			case 2:
				env.SliceDel()
			case 3:
				env.SliceDel()
				w := env.Limit - env.Cursor
				env.Ket = env.Cursor
				if charBefore(env) == 's' {
					env.Cursor--
					env.Bra = env.Cursor
					if env.EqSB("nis") {
						env.SliceDel()
					} else {
						env.Cursor = env.Limit - w
					}
				}
			case 4:
				if inB(env, gSEnd) {
					env.SliceDel()
				}
			case 5:
				env.SliceFrom("l")
			}
		}
	}
	env.Cursor = env.Limit - v

	// Step 2
	v = env.Limit - env.Cursor
	env.Ket = env.Cursor
	if av := env.FindAmongB(amStep2, nil); av != 0 {
		env.Bra = env.Cursor
		if p1 <= env.Cursor {
			switch av {
			case 1:
				env.SliceDel()
			case 2: // st after an st-ending itself after three letters
				if inB(env, gSTEnd) && utf8.RuneCountInString(env.Current()[env.LimitBackward:env.Cursor]) >= 3 {
					env.SliceDel()
				}
			case 3: // et after an et-ending, not in Paket-like stems
				w := env.Limit - env.Cursor
				if inB(env, gETEnd) {
					env.Cursor = env.Limit - w
					if env.FindAmongB(amETExceptions, nil) == 0 {
						env.Cursor = env.Limit - w
						env.SliceDel()
					}
				}
			}
		}
	}
	env.Cursor = env.Limit - v

	// Step 3
	v = env.Limit - env.Cursor
	env.Ket = env.Cursor
	if av := env.FindAmongB(amStep3, nil); av != 0 {
		env.Bra = env.Cursor
		if p2 <= env.Cursor {
			switch av {
			case 1: // end, ung; then ig not after e, in R2
				env.SliceDel()
				w := env.Limit - env.Cursor
				env.Ket = env.Cursor
				if env.EqSB("ig") && charBefore(env) != 'e' && p2 <= env.Cursor {
					env.Bra = env.Cursor
					env.SliceDel()
				}
				env.Cursor = env.Limit - w
			case 2: // ig, ik, isch not after e
				if charBefore(env) != 'e' {
					env.SliceDel()
				}
			case 3: // lich, heit; then er or en in R1
				env.SliceDel()
				w := env.Limit - env.Cursor
				env.Ket = env.Cursor
				if env.EqSB("er") || env.EqSB("en") {
					env.Bra = env.Cursor
					if p1 <= env.Cursor {
						env.SliceDel()
					}
				}
				env.Cursor = env.Limit - w
			case 4: // keit; then lich or ig in R2
				env.SliceDel()
				w := env.Limit - env.Cursor
				env.Ket = env.Cursor
				if env.FindAmongB(amKeit, nil) != 0 {
					env.Bra = env.Cursor
					if p2 <= env.Cursor {
						env.SliceDel()
					}
				}
				env.Cursor = env.Limit - w
			}
		}
	}
	env.Cursor = env.Limit - v

	// Step 4: apostrophe suffixes after at least two letters
	v = env.Limit - env.Cursor
	env.Ket = env.Cursor
	if env.FindAmongB(amApostrophe, nil) != 0 {
		env.Bra = env.Cursor
		if utf8.RuneCountInString(env.Current()[env.LimitBackward:env.Cursor]) >= 2 {
			env.SliceDel()
		}
	}
	env.Cursor = env.Limit - v
}

func envPostlude(env *snowballstem.Env) {
	for {
		start := env.Cursor
		env.Bra = env.Cursor
		av := env.FindAmong(amPostlude, nil)
		if av == 0 {
			env.Cursor = start
			return
		}
		env.Ket = env.Cursor
		switch av {
		case 1:
			env.SliceFrom("y")
		case 2:
			env.SliceFrom("u")
		case 3:
			env.SliceFrom("a")
		case 4:
			env.SliceFrom("o")
		case 5:
			if env.Cursor >= env.Limit {
				env.Cursor = start
				return
			}
			env.NextChar()
		}
	}
}
