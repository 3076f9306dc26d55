package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// Sentences groups toks (the tokens of text, in order) into sentences,
// appends them to dst and sets each token's Sentence index (counted from
// len(dst)).
//
// A sentence ends after ".", "!", "?", "…" or "..." — together with the
// closing quotes and brackets that touch them — when what follows can start
// a sentence: not a lower-case word and not a comma, so that „Ja.“ sagte er
// stays one sentence. Abbreviations, ordinals and dates carry their period
// inside the token and so never end a sentence on their own, except the few
// that close enumerations ("usw.", "etc.") before a capitalised word. A blank line
// always ends a sentence; a single line break ends one after a line without
// final punctuation (a heading), unless the line ends in a comma or hyphen or
// the next line starts in lower case.
func (t *Tokenizer) Sentences(text string, toks []document.Token, dst []document.Sentence) []document.Sentence {
	start := 0
	add := func(end int) { // tokens [start, end)
		idx := len(dst)
		for k := start; k < end; k++ {
			toks[k].Sentence = idx
		}
		dst = append(dst, document.Sentence{Start: toks[start].Start, End: toks[end-1].End, TokStart: start, TokEnd: end})
		start = end
	}
	n := len(toks)
	for i := 0; i < n; i++ {
		if i+1 == n {
			add(n)
			break
		}
		// "(...)" and "[…]" mark an omission, not a sentence end.
		if isEnder(&toks[i]) && !(i > 0 && (toks[i-1].Text == "(" || toks[i-1].Text == "[") && Attached(toks[i-1], toks[i])) {
			// Take along the enders and closers that touch it: "!!!",
			// "?“", ".)" and "?)." all end one sentence.
			k := i
			for k+1 < n && (isEnder(&toks[k+1]) || isCloser(&toks[k+1])) && Attached(toks[k], toks[k+1]) {
				k++
			}
			if k+1 == n {
				add(n)
				break
			}
			if newlines(text, toks[k].End, toks[k+1].Start) > 0 || canStart(&toks[k+1]) {
				add(k + 1)
			}
			i = k
			continue
		}
		// "usw." and "etc." close enumerations and often the sentence: the
		// period is both the abbreviation's and the sentence's.
		if toks[i].Kind == document.KindAbbreviation && t.l.final.has(toks[i].Text) &&
			newlines(text, toks[i].End, toks[i+1].Start) == 0 && startsUpperOrQuote(&toks[i+1]) {
			add(i + 1)
			continue
		}
		switch nl := newlines(text, toks[i].End, toks[i+1].Start); {
		case nl >= 2:
			add(i + 1)
		case nl == 1 && !continues(&toks[i]) && !startsLower(&toks[i+1]):
			add(i + 1)
		case nl == 1 && toks[i].Text == ":" && isListItem(&toks[i+1]):
			// "drei Ziele:\n1. Die Emissionen ..." — each item is a sentence.
			add(i + 1)
		}
	}
	return dst
}

// Split tokenises text and splits it into sentences.
func (t *Tokenizer) Split(text string) ([]document.Token, []document.Sentence) {
	toks := t.Tokenize(text)
	return toks, t.Sentences(text, toks, make([]document.Sentence, 0, len(toks)/15+1))
}

// The token tests take a pointer: inlined with a Token (112 bytes) by value,
// each call copied the token first, half of Sentences' stores (cachegrind).

func isEnder(tok *document.Token) bool {
	if tok.Kind != document.KindPunct {
		return false
	}
	switch tok.Text {
	case ".", "!", "?", "…":
		return true
	}
	// "..", "...", "....": runs of periods
	for i := 0; i < len(tok.Text); i++ {
		if tok.Text[i] != '.' {
			return false
		}
	}
	return true
}

func isCloser(tok *document.Token) bool {
	if tok.Kind != document.KindPunct {
		return false
	}
	switch tok.Text {
	case "\"", "''", "'", "“", "”", "’", "‘", "«", "»", "›", "‹", ")", "]", "}":
		return true
	}
	return false
}

// canStart reports whether tok can begin a new sentence after a sentence
// period: anything but a lower-case word or punctuation that continues one.
func canStart(tok *document.Token) bool {
	if startsLower(tok) {
		return false
	}
	if tok.Kind == document.KindPunct {
		switch tok.Text {
		case ",", ";", ":", ")", "]", "}", "/":
			return false
		}
	}
	return true
}

func startsLower(tok *document.Token) bool {
	r, _ := utf8.DecodeRuneInString(tok.Text)
	return unicode.IsLower(r)
}

// continues reports whether a line ending in tok goes on on the next line.
func continues(tok *document.Token) bool {
	switch tok.Text {
	case ",", ";", ":", "-", "–", "—", "(", "[", "/", "&", "„", "‚", "»", "«", "\"":
		return true
	}
	return false
}

// newlines counts the line breaks in text[a:b] (the white space between
// two tokens).
func newlines(text string, a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if text[i] == '\n' {
			n++
		}
	}
	return n
}

// isListItem reports whether tok starts a list item at the start of a line:
// an enumeration ("1.") or a bullet.
func isListItem(tok *document.Token) bool {
	if tok.Kind == document.KindOrdinal {
		return true
	}
	switch tok.Text {
	case "-", "–", "•", "*", "·", "▪":
		return true
	}
	return false
}

// startsUpperOrQuote reports whether tok is a capitalised word or an
// opening quote, the start of a sentence after "usw.".
func startsUpperOrQuote(tok *document.Token) bool {
	r, _ := utf8.DecodeRuneInString(tok.Text)
	if unicode.IsUpper(r) {
		return true
	}
	switch tok.Text {
	case "„", "\"", "»", "«", "‚", "``":
		return true
	}
	return false
}
