// Package tokenize splits German text into surface tokens with byte offsets
// and groups them into sentences.
//
// Tokens follow Universal Dependencies German GSD, the yardstick of `ereignis
// eval tokens`: a hyphen between two parts of a compound is a token of its
// own ("US", "-", "Präsidenten"), as it is in UD and in spaCy's German
// tokeniser, so that the stemmer and the lexicon see the head noun; callers
// that want the compound back join tokens that touch (Attached). Contracted
// prepositions ("zum", "im") are one surface token. Abbreviations ("z.B.",
// "Dr.", "Sept."), ordinals ("5." before "Mai"), dates ("24.02.2022"),
// times ("20:30", "20.30" before "Uhr"), numbers ("1.000,50"), gender forms
// ("Berater:innen"), URLs, e-mail addresses and @handles/#hashtags stay one
// token. White space, including no-break spaces, is never a token.
//
// The word lists (CLDR abbreviations, months, ...) are data in
// models/tokenize; a Tokenizer loads them once and is then read-only and
// safe for concurrent use.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// Tokenizer splits text into tokens and sentences. Build it once with New;
// it holds no per-call state.
type Tokenizer struct {
	l *lists
}

// New loads the embedded word lists.
func New() (*Tokenizer, error) {
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	return &Tokenizer{l: l}, nil
}

// Tokenize returns the tokens of text.
func (t *Tokenizer) Tokenize(text string) []document.Token {
	return t.AppendTokens(make([]document.Token, 0, len(text)/6+1), text)
}

// AppendTokens appends the tokens of text to dst, so that callers can reuse
// a slice across documents.
func (t *Tokenizer) AppendTokens(dst []document.Token, text string) []document.Token {
	if dst == nil {
		dst = make([]document.Token, 0, tokenEstimate(len(text)))
	}
	s := scanner{l: t.l, text: text, toks: dst, base: len(dst), nextAt: -1}
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clSpace != 0 {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSpaceRune(r) {
				i += size
				continue
			}
		}
		j := s.token(i)
		if j <= i { // never loop: every call must consume
			_, size := utf8.DecodeRuneInString(text[i:])
			s.emit(i, i+size, document.KindOther)
			j = i + size
		}
		i = j
	}
	return s.toks
}

// tokenEstimate is the token capacity for a text of n bytes. German news
// runs at about six bytes a token (five or more in all but 2 of the 1,028
// 10kGNAD test articles); sizing the slice once saves the copies of
// append's doublings (a Token is ~100 bytes).
func tokenEstimate(n int) int { return n/5 + 16 }

// Attached reports whether b follows a directly, with no white space
// between them ("US" "-" "Präsidenten").
func Attached(a, b document.Token) bool { return a.End == b.Start }

// Bounds on look-ahead, so that no input makes the tokeniser quadratic.
const (
	maxAbbrevParts = 6   // "u.A.w.g." has four
	maxAbbrevLen   = 40  // bytes of a dotted abbreviation
	maxHostLen     = 253 // the longest DNS name
	maxEmailLocal  = 64  // the longest local part of an address (RFC 5321)
)

const (
	clSpace = 1 << iota
	clLetter
	clDigit
	clUpper
	clLower
)

// asciiClass has 256 entries, 0 from 0x80 on, so that a byte indexes it
// without a range test.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case c >= 'a' && c <= 'z':
			t[c] = clLetter | clLower
		case c >= 'A' && c <= 'Z':
			t[c] = clLetter | clUpper
		case c >= '0' && c <= '9':
			t[c] = clDigit
		}
	}
	return t
}()

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clSpace != 0
	}
	// U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER and U+FEFF (a BOM in the
	// middle of a text) are invisible separators, not tokens.
	return unicode.IsSpace(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF
}

// isWordRune says whether r continues a word: letters, digits, combining
// marks, the soft hyphen and the zero-width (non-)joiners.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(clLetter|clDigit) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == 0xAD || r == 0x200C || r == 0x200D
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// scanner is the state of one AppendTokens call.
type scanner struct {
	l    *lists
	text string
	toks []document.Token
	base int // tokens of this text start at toks[base]
	// openSingle is set after an opening single quote (‚ or ' before a
	// word) until its closer, so that "s'" inside ‚…' is read as a closing
	// quote rather than a genitive apostrophe.
	openSingle bool
	// nextAt is the offset of the first '@' at or after the last email
	// call's start (len(text) when there is none).
	nextAt int
}

func (s *scanner) emit(start, end int, k document.Kind) {
	// Fields written in place: append of a composite literal builds the
	// 96-byte token on the stack and copies it.
	n := len(s.toks)
	if n == cap(s.toks) {
		s.toks = append(s.toks, document.Token{})
	} else {
		s.toks = s.toks[:n+1]
	}
	t := &s.toks[n]
	t.Start, t.End, t.Text, t.Kind = start, end, s.text[start:end], k
	t.Stem, t.Lemma, t.POS, t.Sentence = "", "", "", 0
}

func (s *scanner) runeAt(i int) (rune, int) {
	if i >= len(s.text) {
		return utf8.RuneError, 0
	}
	c := s.text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.text[i:])
}

// runeBefore returns the rune that ends at i (RuneError, 0 at the start).
func (s *scanner) runeBefore(i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	c := s.text[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s.text[:i])
}

// spaceBefore reports whether i is at the start of the text or after white space.
func (s *scanner) spaceBefore(i int) bool {
	r, size := s.runeBefore(i)
	return size == 0 || isSpaceRune(r)
}

// boundaryAt reports whether a word ends at i: end of text, or a rune that
// is not a letter or digit.
func (s *scanner) boundaryAt(i int) bool {
	r, size := s.runeAt(i)
	return size == 0 || !isWordRune(r)
}

// token scans one or more tokens starting at i (not white space) and
// returns the position after them.
func (s *scanner) token(i int) int {
	text := s.text
	r, size := s.runeAt(i)
	switch {
	case r < utf8.RuneSelf && asciiClass[r]&clDigit != 0:
		return s.number(i)
	case isLetterRune(r):
		// Calls only where url and email can find something: an address
		// starts with h, f or w (url's own first test), and email gives up
		// without a look when the next '@' is too far on.
		if c := text[i] | 0x20; c == 'h' || c == 'f' || c == 'w' {
			if j := s.url(i); j > i {
				return j
			}
		}
		if s.nextAt < i || s.nextAt-i <= maxEmailLocal+1 {
			if j := s.email(i); j > i {
				s.emit(i, j, document.KindEmail)
				return j
			}
		}
		return s.word(i)
	}
	switch r {
	case '@', '#':
		j := i + 1
		for j < len(text) {
			r2, sz := s.runeAt(j)
			if !isWordRune(r2) && r2 != '_' {
				break
			}
			j += sz
		}
		if j > i+1 && s.spaceOrOpenerBefore(i) {
			s.emit(i, j, document.KindHandle)
			return j
		}
	case '.':
		j := i + 1
		for j < len(text) && text[j] == '.' {
			j++
		}
		s.emit(i, j, document.KindPunct)
		return j
	case '-':
		j := i + 1
		for j < len(text) && text[j] == '-' {
			j++
		}
		// A minus sign before a number that stands alone ("-5 Grad").
		if j == i+1 && j < len(text) && isDigitByte(text[j]) && s.spaceOrOpenerBefore(i) {
			return s.number(i)
		}
		s.emit(i, j, document.KindPunct)
		return j
	case '`':
		j := i + 1
		if j < len(text) && text[j] == '`' {
			j++
		}
		s.emit(i, j, document.KindPunct)
		return j
	case '\'', '’', '‚', '‘':
		if j := s.clitic(i, size); j > i {
			return j
		}
		j := i + size
		if r == '\'' && j < len(text) && text[j] == '\'' { // TeX-style closing quote ''
			j++
		}
		nr, _ := s.runeAt(j)
		switch {
		case r == '‚':
			s.openSingle = true
		case (r == '\'' || r == '‘') && j == i+size && s.spaceOrOpenerBefore(i) && isLetterRune(nr):
			s.openSingle = true
		default:
			s.openSingle = false
		}
		s.emit(i, j, document.KindPunct)
		return j
	case ':', ';', '<', '^':
		if j := s.emoticon(i); j > i {
			return j
		}
	}
	if r == utf8.RuneError && size <= 1 {
		size = 1
	}
	j := i + size
	switch {
	case r == '%' || r == '‰' || r == '§' || r == '&' || r == '*' || r == '#' || r == '@' || r == '†':
		// Unicode calls these punctuation; for the pipeline they are signs
		// like € and ° ("5 %", "§ 3").
		s.emit(i, j, document.KindSymbol)
	case unicode.IsPunct(r):
		s.emit(i, j, document.KindPunct)
	case unicode.IsSymbol(r):
		s.emit(i, j, document.KindSymbol)
	case unicode.IsMark(r) || unicode.IsDigit(r) || unicode.IsNumber(r):
		// A stray combining mark or a non-ASCII digit: keep it with what follows.
		for j < len(text) {
			r2, sz := s.runeAt(j)
			if !isWordRune(r2) {
				break
			}
			j += sz
		}
		s.emit(i, j, document.KindWord)
	default:
		s.emit(i, j, document.KindOther)
	}
	return j
}

// spaceOrOpenerBefore reports whether i starts a chunk: text start, white
// space or an opening bracket or quote before it.
func (s *scanner) spaceOrOpenerBefore(i int) bool {
	r, size := s.runeBefore(i)
	if size == 0 || isSpaceRune(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '"', '„', '“', '»', '«', '‚', '‘', '\'', '/':
		return true
	}
	return false
}

// clitic reads "'s" and "'n" standing alone ("fand 's gut").
func (s *scanner) clitic(i, size int) int {
	j := i + size
	if j < len(s.text) && (s.text[j] == 's' || s.text[j] == 'n') && s.spaceBefore(i) && s.boundaryAt(j+1) {
		s.emit(i, j+1, document.KindWord)
		return j + 1
	}
	return i
}

func (s *scanner) emoticon(i int) int {
	rest := s.text[i:]
	for _, e := range s.l.emoticons {
		if strings.HasPrefix(rest, e) && s.spaceOrOpenerBefore(i) {
			j := i + len(e)
			if r, size := s.runeAt(j); size == 0 || isSpaceRune(r) || unicode.IsPunct(r) {
				s.emit(i, j, document.KindSymbol)
				return j
			}
		}
	}
	return i
}

// url reads a web address that starts at i with a scheme or "www.".
func (s *scanner) url(i int) int {
	rest := s.text[i:]
	if len(rest) < 5 {
		return i // shorter than "www.x"
	}
	// http, https, ftp, www: no other rune case-folds to these letters, so
	// the first two bytes decide whether the prefixes below can match.
	switch c, c1 := rest[0]|0x20, rest[1]|0x20; {
	case c == 'h' && c1 == 't', c == 'f' && c1 == 't', c == 'w' && c1 == 'w':
	default:
		return i
	}
	switch {
	case hasPrefixFold(rest, "https://"), hasPrefixFold(rest, "http://"), hasPrefixFold(rest, "ftp://"):
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && isWordRune(rune(rest[4])):
	default:
		return i
	}
	return s.urlFrom(i)
}

// urlFrom reads the rest of an address: up to white space or a quote, less
// the punctuation that ends the sentence around it.
func (s *scanner) urlFrom(i int) int {
	text := s.text
	j := i
	depth := 0
	for j < len(text) {
		r, size := s.runeAt(j)
		if isSpaceRune(r) || r == '"' || r == '<' || r == '>' || r == '„' || r == '“' || r == '”' || r == '«' || r == '»' || r == '‘' || r == '’' {
			break
		}
		if r == '(' {
			depth++
		}
		if r == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		j += size
	}
	for j > i {
		c := text[j-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ')' && depth < 0 {
			j--
			continue
		}
		break
	}
	s.emit(i, j, document.KindURL)
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// email reads local@domain.tld when it starts at i.
func (s *scanner) email(i int) int {
	text := s.text
	// The local part ends at most maxEmailLocal+1 bytes on, at an '@';
	// most words have none that close. The next '@' is looked up once per
	// stretch of text, not once per word.
	if s.nextAt < i {
		if k := strings.IndexByte(text[i:], '@'); k >= 0 {
			s.nextAt = i + k
		} else {
			s.nextAt = len(text)
		}
	}
	if s.nextAt-i > maxEmailLocal+1 {
		return i
	}
	j := i
	for j < len(text) && j-i <= maxEmailLocal && isEmailLocal(text[j]) {
		j++
	}
	if j == i || j >= len(text) || text[j] != '@' {
		return i
	}
	k := j + 1
	dots, lastDot := 0, -1
	for k < len(text) {
		c := text[k]
		if c == '.' && k+1 < len(text) && isAlnumByte(text[k+1]) && text[k-1] != '.' && text[k-1] != '@' {
			dots++
			lastDot = k
			k++
			continue
		}
		if !isAlnumByte(c) && c != '-' {
			break
		}
		k++
	}
	if dots == 0 || k-lastDot < 3 {
		return i
	}
	return k
}

func isEmailLocal(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isAlnumByte(c byte) bool {
	return asciiClass[c]&(clLetter|clDigit) != 0
}

// word reads a word starting with a letter at i, with its abbreviation
// period when it has one.
func (s *scanner) word(i int) int {
	text := s.text
	j := i
	last := rune(0) // last rune of the word
scan:
	for j < len(text) {
		// Runs of ASCII letters and digits, the bulk of a word, in a tight loop.
		if asciiClass[text[j]]&(clLetter|clDigit) != 0 {
			k := j + 1
			for k < len(text) && asciiClass[text[k]]&(clLetter|clDigit) != 0 {
				k++
			}
			last, j = rune(text[k-1]), k
			continue
		}
		r, size := s.runeAt(j)
		if isWordRune(r) {
			last = r
			j += size
			continue
		}
		switch r {
		case '\'', '’', '´', '‘', 'ʼ', '`':
			nr, _ := s.runeAt(j + size)
			if isLetterRune(nr) && (r == '\'' || r == '’' || r == 'ʼ' || nr == 's' || nr == 'n') {
				// geht's, O'Neill; with a wrong apostrophe only before s/n
				// (geht´s, gibt‘s), since ‘ and ` are quotes as well.
				j += size
				continue
			}
			if r != '\'' && r != '’' {
				break scan
			}
			// Genitive apostrophe after s, x, z, ß ("Hans' Auto"), unless a
			// single quote is open and this closes it, or it is the first
			// half of a TeX-style closing quote ("Hans''", but "Virus'''").
			if !s.openSingle && (last == 's' || last == 'x' || last == 'z' || last == 'ß') && s.boundaryAt(j+size) && (!strings.HasPrefix(text[j+size:], "'") || strings.HasPrefix(text[j+size:], "''")) {
				j += size
			}
			break scan
		case ':', '*', '_', '/':
			if n := genderSuffix(text[j+1:]); n > 0 {
				j += 1 + n
				continue
			}
			if r == '_' && j+1 < len(text) && isAlnumByte(text[j+1]) {
				j++
				continue
			}
			if r == '/' && j+1 < len(text) {
				if nr, _ := s.runeAt(j + 1); isWordRune(nr) { // und/oder, km/h
					j++
					continue
				}
			}
			break scan
		case '-':
			// A host name with hyphens ("paket-verfolgung-24.com"); any other
			// hyphen is a token of its own.
			if j := s.host(i); j > i {
				return j
			}
			break scan
		case '&':
			if j+1 < len(text) && last < utf8.RuneSelf && asciiClass[last]&clUpper != 0 && text[j+1] >= 'A' && text[j+1] <= 'Z' { // H&M
				j++
				continue
			}
			break scan
		case '.':
			return s.wordDot(i, j)
		}
		break
	}
	s.emit(i, j, document.KindWord)
	return j
}

// genderSuffix returns the length of "innen"/"in" after a gender mark
// (Berater:innen, Lehrer*innen, Lehrer_innen, Lehrer/innen, Lehrer/-innen).
func genderSuffix(rest string) int {
	off := 0
	if strings.HasPrefix(rest, "-") {
		off = 1
	}
	for _, suf := range [...]string{"innen", "Innen", "in", "In"} {
		if strings.HasPrefix(rest[off:], suf) {
			n := off + len(suf)
			if n == len(rest) {
				return n
			}
			r, _ := utf8.DecodeRuneInString(rest[n:])
			if !isWordRune(r) {
				return n
			}
		}
	}
	return 0
}

// wordDot decides what a period at dot after the word text[i:dot] is: part
// of an abbreviation ("Dr.", "z.B."), of a web address ("orf.at"), of a
// Roman ordinal ("II."), or punctuation of its own.
func (s *scanner) wordDot(i, dot int) int {
	text := s.text
	// Dotted abbreviations: letters and periods without space ("z.B.",
	// "i.d.R.", "U.S.A."). Try the longest dotted stretch first.
	end := dot + 1
	segs, short := 1, dot-i <= 2
	// Abbreviations are short: bounding the stretch keeps long runs such
	// as "abc.abc.abc..." linear.
	for end < len(text) && segs < maxAbbrevParts && end-i < maxAbbrevLen {
		k := end
		for k < len(text) {
			r, size := s.runeAt(k)
			if !isLetterRune(r) {
				break
			}
			k += size
		}
		if k == end || k >= len(text) || text[k] != '.' {
			break
		}
		if k-end > 2 {
			short = false
		}
		segs++
		end = k + 1
	}
	for e := end; e > dot; {
		w := text[i:e]
		if s.l.abbrev.has(w) && (!s.l.ambiguous.has(w) || s.abbrevContext(e)) {
			s.emit(i, e, document.KindAbbreviation)
			return e
		}
		// step back to the previous period
		p := strings.LastIndexByte(text[i:e-1], '.')
		if p < 0 {
			break
		}
		e = i + p + 1
	}
	if segs >= 2 && short {
		s.emit(i, end, document.KindAbbreviation)
		return end
	}
	// A web address without scheme: name.tld, sub.name.tld/path.
	if j := s.host(i); j > i {
		return j
	}
	w := text[i:dot]
	// A single letter: an initial ("Joachim M. Schmidt") or part of a
	// spaced abbreviation ("z. B.").
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsLetter(r) && s.boundaryAt(dot+1) {
		s.emit(i, dot+1, document.KindAbbreviation)
		return dot + 1
	}
	if isRoman(w) && s.boundaryAt(dot+1) && s.ordinalFollows(dot+1, false) {
		s.emit(i, dot+1, document.KindOrdinal)
		return dot + 1
	}
	s.emit(i, dot, document.KindWord)
	return dot
}

// abbrevContext reports whether what follows position i makes an
// ambiguous abbreviation one: a lower-case word or a number on the same line.
func (s *scanner) abbrevContext(i int) bool {
	q, nl := s.skipSpace(i)
	if nl > 0 || q >= len(s.text) {
		return false
	}
	r, _ := s.runeAt(q)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// skipSpace returns the first non-space position from i and how many line
// breaks it passed.
func (s *scanner) skipSpace(i int) (int, int) {
	nl := 0
	for i < len(s.text) {
		r, size := s.runeAt(i)
		if !isSpaceRune(r) {
			break
		}
		if r == '\n' {
			nl++
		}
		i += size
	}
	return i, nl
}

// isRoman reports whether w is a well-formed Roman numeral from II to
// XXXIX (regnal and ordinal numbers: "Ludwig XIV.", "der II. Weltkrieg").
// Only I, V and X: "LLI", "CD" or "DC" are acronyms far more often.
func isRoman(w string) bool {
	if len(w) < 2 || len(w) > 7 {
		return false
	}
	i := 0
	for i < len(w) && i < 3 && w[i] == 'X' {
		i++
	}
	rest := w[i:]
	switch rest {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return true
	}
	return false
}

// host reads a host name without scheme that starts at i — labels of
// ASCII letters, digits and hyphens joined by periods, the last one a known
// top-level domain ("orf.at", "paket-verfolgung-24.com/x") — and the path
// after it. It returns i when there is none.
func (s *scanner) host(i int) int {
	text := s.text
	k, dots, lastLabel := i, 0, -1
	for k < len(text) && k-i < maxHostLen {
		e := k
		for e < len(text) && e-i < maxHostLen && (isAlnumByte(text[e]) || text[e] == '-') {
			e++
		}
		if e == k {
			break
		}
		if dots > 0 {
			lastLabel = k
		}
		k = e
		if k+1 < len(text) && text[k] == '.' && isAlnumByte(text[k+1]) {
			dots++
			k++
			continue
		}
		break
	}
	if lastLabel < 0 || !s.l.tlds.has(text[lastLabel:k]) {
		return i
	}
	// The address must end there or go on with a path.
	if k < len(text) {
		r, _ := s.runeAt(k)
		if isWordRune(r) || r == '@' || r == '-' {
			return i
		}
	}
	return s.urlFrom(i)
}

// number reads a number, date, time or ordinal starting at i (a digit or a
// minus sign before one).
func (s *scanner) number(i int) int {
	text := s.text
	j := i
	if text[j] == '-' {
		j++
	}
	var groups [8]int        // digit counts of the groups
	var seps [8]byte         // separators between groups
	var starts [8]int        // offsets of the groups
	val := func(g int) int { // the value of a short group
		v := 0
		for _, c := range []byte(text[starts[g] : starts[g]+groups[g]]) {
			v = v*10 + int(c-'0')
		}
		return v
	}
	ng := 0
	for {
		k := j
		for k < len(text) && isDigitByte(text[k]) {
			k++
		}
		if ng < len(groups) {
			groups[ng] = k - j
			starts[ng] = j
		}
		ng++
		j = k
		if j+1 < len(text) && (text[j] == '.' || text[j] == ',' || text[j] == ':') && isDigitByte(text[j+1]) {
			if ng-1 < len(seps) {
				seps[ng-1] = text[j]
			}
			j++
			continue
		}
		break
	}
	kind := document.KindNumber
	dayMonth := ng >= 2 && groups[0] <= 2 && groups[1] <= 2 && val(0) >= 1 && val(0) <= 31 && val(1) >= 1 && val(1) <= 12
	hourMinute := ng >= 2 && groups[0] <= 2 && groups[1] == 2 && val(0) <= 24 && val(1) <= 59
	switch {
	case ng == 3 && seps[0] == '.' && seps[1] == '.' && dayMonth && (groups[2] == 2 || groups[2] == 4):
		kind = document.KindDate // 24.02.2022
	case ng == 2 && seps[0] == '.' && dayMonth && j < len(text) && text[j] == '.' && s.boundaryAt(j+1) && !s.lineEndAfter(j+1):
		kind = document.KindDate // 24.02. (day and month)
		j++
	case (ng == 2 || ng == 3) && seps[0] == ':' && hourMinute && (ng == 2 || seps[1] == ':' && groups[2] == 2 && val(2) <= 59):
		kind = document.KindTime // 20:30, 20:30:15 (not a score such as 95:93)
	case ng == 2 && seps[0] == '.' && hourMinute && s.followedByUhr(j):
		kind = document.KindTime // 20.30 Uhr
	}
	if kind == document.KindNumber {
		// Letters glued to a number make a word: "250g", "2010er", "3D".
		if r, _ := s.runeAt(j); isLetterRune(r) && text[i] != '-' {
			k := j
			for k < len(text) {
				r2, size := s.runeAt(k)
				if !isWordRune(r2) {
					break
				}
				k += size
			}
			s.emit(i, k, document.KindWord)
			return k
		}
		// Prices: "14.--", "10,-".
		if j+1 < len(text) && (text[j] == ',' || text[j] == '.') && text[j+1] == '-' {
			k := j + 1
			for k < len(text) && k < j+3 && text[k] == '-' {
				k++
			}
			if r, size := s.runeAt(k); size == 0 || !isWordRune(r) {
				s.emit(i, k, document.KindNumber)
				return k
			}
		}
		if ng == 1 && text[i] != '-' && j < len(text) && text[j] == '.' && (j+1 == len(text) || text[j+1] != '.') && s.ordinalFollows(j+1, groups[0] > 3) {
			s.emit(i, j+1, document.KindOrdinal)
			return j + 1
		}
	}
	s.emit(i, j, kind)
	return j
}

// lineEndAfter reports whether only white space with a line break, or the
// end of the text, follows i.
func (s *scanner) lineEndAfter(i int) bool {
	q, nl := s.skipSpace(i)
	return nl > 0 || q >= len(s.text)
}

func (s *scanner) followedByUhr(j int) bool {
	q, nl := s.skipSpace(j)
	if nl > 0 {
		return false
	}
	rest := s.text[q:]
	return (strings.HasPrefix(rest, "Uhr") && s.boundaryAt(q+3)) || (strings.HasPrefix(rest, "h") && s.boundaryAt(q+1))
}

// ordinalFollows decides whether the period before p makes the number or
// Roman numeral before it an ordinal. German writes "am 5. Mai", "im 3.
// Quartal", "zum 67. Geburtstag"; a sentence that ends in a number is
// followed by a capitalised word that is not a month and has no article or
// preposition before the number.
func (s *scanner) ordinalFollows(p int, year bool) bool {
	text := s.text
	if p < len(text) {
		r, _ := s.runeAt(p)
		if isLetterRune(r) { // "5.Mai" written without space
			return !year
		}
	}
	if p < len(text) && !year {
		switch text[p] {
		case ')', '/', ',':
			// Minutes and ranks in brackets: "(62.)", "(18./41.)", "(36., 59.)".
			return true
		}
	}
	q, nl := s.skipSpace(p)
	if nl > 0 || q >= len(text) {
		return false
	}
	r, _ := s.runeAt(q)
	switch {
	case unicode.IsLower(r):
		return true
	case year:
		return false
	case r < utf8.RuneSelf && isDigitByte(byte(r)):
		return true
	case !unicode.IsUpper(r):
		return false
	}
	// The capitalised word after it, with a period when it has one ("Sept.").
	e := q
	for e < len(text) {
		r2, size := s.runeAt(e)
		if !isLetterRune(r2) {
			break
		}
		e += size
	}
	if s.l.months.has(text[q:e]) || e < len(text) && text[e] == '.' && s.l.months.has(text[q:e+1]) {
		return true
	}
	if n := len(s.toks); n > s.base {
		prev := s.toks[n-1]
		if s.l.ordinal.has(prev.Text) {
			return true
		}
		// An enumeration at the start of a sentence ("Punkte: 2. Soziale
		// Bewegungen ...", "... fest. 2. Soziale ...").
		if prev.Kind == document.KindPunct {
			switch prev.Text {
			case ".", "!", "?", ":", "–", "—", "•", "·":
				// also ranking lists: "– 2. Jari-Matti Latvala"
				return true
			}
		}
	} else {
		return true // the first token of the text
	}
	// An enumeration at the start of a line.
	return s.lineStartBefore(p)
}

// lineStartBefore reports whether the token that ends at p (a number and
// its period) is the first thing on its line.
func (s *scanner) lineStartBefore(p int) bool {
	start := p
	// the number itself has not been emitted yet: walk back over it
	for start > 0 && s.text[start-1] != '\n' && !isSpaceByte(s.text[start-1]) {
		if p-start > maxAbbrevLen {
			return false
		}
		start--
	}
	for k := start - 1; k >= 0; k-- {
		c := s.text[k]
		if c == '\n' {
			return true
		}
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool { return asciiClass[c]&clSpace != 0 }
