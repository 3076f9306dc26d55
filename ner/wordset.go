package ner

// wordSet is a small set of words from the model (legal forms, currency
// signs, place prepositions, ...) with a pre-check in front of its map: the
// first bytes and the lengths of its words, 40 bytes. Most words that are
// looked up are in no such set, and the check answers for them without a
// probe of the map, whose few cache lines the other stages of the pipeline
// have mostly evicted by the time a fresh word form asks. A word that
// passes the check is looked up in the map, so answers never change.
type wordSet struct {
	first byteSet         // first bytes of the words
	lens  uint64          // bit min(len, 63) for every word
	m     map[string]bool // the set itself (the model's map)
}

func newWordSet(m map[string]bool) wordSet {
	s := wordSet{m: m}
	for w := range m {
		s.lens |= 1 << min(len(w), 63)
		if w != "" {
			s.first.add(w[0])
		}
	}
	return s
}

// has is s.m[w].
func (s *wordSet) has(w string) bool {
	if s.lens&(1<<min(len(w), 63)) == 0 || w != "" && !s.first.has(w[0]) {
		return false
	}
	return s.m[w]
}
