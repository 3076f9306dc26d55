package tokenize

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/models"
)

// set is a read-only string set; lookups with substrings of the text do
// not allocate. A filter of (length, first byte) pairs answers most misses
// without hashing the word (a Go map look-up of a string costs 30-60 ns;
// the tokeniser asks for every word before a period).
type set struct {
	m      map[string]struct{}
	filter [32]uint64 // bit w[0]&63 of filter[min(len(w), 31)] for each member w
}

func newSet(n int) *set { return &set{m: make(map[string]struct{}, n)} }

func (s *set) add(w string) {
	s.m[w] = struct{}{}
	if w != "" {
		s.filter[min(len(w), 31)] |= 1 << (w[0] & 63)
	}
}

func (s *set) has(w string) bool {
	if w != "" && s.filter[min(len(w), 31)]&(1<<(w[0]&63)) == 0 {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// readList reads one entry per line from models/tokenize/<name>, skipping
// blank lines and #-comments.
func readList(name string) ([]string, error) {
	f, err := models.Tokenize.Open("tokenize/" + name)
	if err != nil {
		return nil, fmt.Errorf("tokenize: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tokenize: %s: %w", name, err)
	}
	return out, nil
}

func readSet(name string) (*set, error) {
	l, err := readList(name)
	if err != nil {
		return nil, err
	}
	s := newSet(len(l))
	for _, w := range l {
		s.add(w)
	}
	return s, nil
}

// lists are the word lists the tokeniser consults.
type lists struct {
	abbrev    *set // "Dr.", "z.B.", and every part of spaced forms ("D.", "h.")
	ambiguous *set // abbreviations that are also words ("Test.")
	final     *set // abbreviations that often end a sentence ("usw.", "etc.")
	months    *set
	ordinal   *set // words before an ordinal ("im", "der")
	tlds      *set
	emoticons []string // longest first
}

func loadLists() (*lists, error) {
	l := &lists{abbrev: newSet(0)}
	for _, name := range []string{"cldr_abbreviations.txt", "abbreviations_extra.txt"} {
		entries, err := readList(name)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			// "D. h." and "k. u. k." are spaced forms: the tokeniser sees
			// their parts one at a time, so each part is an abbreviation.
			for _, part := range strings.Fields(e) {
				if strings.HasSuffix(part, ".") {
					l.abbrev.add(part)
				}
			}
		}
	}
	var err error
	if l.ambiguous, err = readSet("abbreviations_ambiguous.txt"); err != nil {
		return nil, err
	}
	if l.final, err = readSet("abbreviations_final.txt"); err != nil {
		return nil, err
	}
	if l.months, err = readSet("months.txt"); err != nil {
		return nil, err
	}
	if l.ordinal, err = readSet("ordinal_context.txt"); err != nil {
		return nil, err
	}
	// At the start of a sentence the words are capitalised ("Den 100. Geburtstag").
	for w := range l.ordinal.m {
		if r, size := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			l.ordinal.add(string(unicode.ToUpper(r)) + w[size:])
		}
	}
	if l.tlds, err = readSet("tlds.txt"); err != nil {
		return nil, err
	}
	if l.emoticons, err = readList("emoticons.txt"); err != nil {
		return nil, err
	}
	sort.SliceStable(l.emoticons, func(i, j int) bool { return len(l.emoticons[i]) > len(l.emoticons[j]) })
	return l, nil
}
