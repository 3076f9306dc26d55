package timex

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// A winner's groups (the backtracker's work, a few µs for the large
// programs) and the values rendered from them depend only on the rule and
// on the text the backtracker reads: the match and the rune after it (its
// assertions look no further; a path that goes on past the match's end
// never reaches a match, since the automaton found the longest, and it
// cannot change what the search does at the positions before: positions
// only grow along a path). Most winners repeat (heute, am Montag, 2015: of
// 7,167 winners per pass over the 10kGNAD test articles, 1,792 are
// distinct), so completed winners are kept in a small table shared by
// all goroutines: a direct-mapped array of immutable entries, read with
// one atomic load and replaced with one atomic store. A program with an
// InstAltMatch (which jumps to the end of the text) is not memoised.

const memoSlots = 1 << 12

type winMemo struct {
	seed  maphash.Seed
	slots [memoSlots]atomic.Pointer[memoEntry]
}

type memoEntry struct {
	rule *Rule
	mlen int    // the match's length
	key  string // the text the backtracker reads (see memoKey), a copy
	m    Mention
	ok   bool // m's Value is not empty (completeMatch's answer)
}

func newWinMemo() *winMemo { return &winMemo{seed: maphash.MakeSeed()} }

// memoKey is the part of the window w that decides a winner's groups when
// its match is w[:mlen]: the match and the rune after it, if any.
func memoKey(w string, mlen int) string {
	if mlen < len(w) {
		_, size := utf8.DecodeRuneInString(w[mlen:])
		return w[:mlen+size]
	}
	return w
}

func (mm *winMemo) slot(rule *Rule, mlen int, key string) *atomic.Pointer[memoEntry] {
	h := maphash.String(mm.seed, key) ^ uint64(rule.order)*0x9E3779B97F4A7C15 ^ uint64(mlen)<<32
	h ^= h >> 29
	return &mm.slots[h&(memoSlots-1)]
}

// get returns the entry of the rule's winner of length mlen over key, or
// nil (always for a nil memo).
func (mm *winMemo) get(rule *Rule, mlen int, key string) *memoEntry {
	if mm == nil {
		return nil
	}
	if e := mm.slot(rule, mlen, key).Load(); e != nil && e.rule == rule && e.mlen == mlen && e.key == key {
		return e
	}
	return nil
}

// put records the winner m, completed by completeMatch (ok its answer),
// whose match of length mlen starts at offset at: its span is kept
// relative to at.
func (mm *winMemo) put(m Mention, ok bool, at, mlen int, key string) {
	if mm == nil {
		return
	}
	e := &memoEntry{rule: m.Rule, mlen: mlen, key: strings.Clone(key), m: m, ok: ok}
	e.m.Start -= at
	e.m.End -= at
	mm.slot(m.Rule, mlen, key).Store(e)
}
