package ner

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// Stage is the named-entity stage of the pipeline: it runs the recogniser
// over every sentence and links the mentions of the article.
type Stage struct {
	r *Recognizer
}

// NewStage returns the stage over recogniser r.
func NewStage(r *Recognizer) *Stage { return &Stage{r: r} }

func (s *Stage) Name() string { return "ner" }

func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerTokens, document.LayerSentences}
}

func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerEntities} }

// Process fills d.Entities, replacing what was there.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	d.Entities = d.Entities[:0]
	if d.Entities == nil {
		// News has about one entity per 19 tokens (10kGNAD); one allocation
		// of that size saves most of append's doublings of a big struct.
		d.Entities = make([]document.Entity, 0, len(d.Tokens)/16+4)
	}
	// One scratch for the whole article: its forms memo answers the
	// repeated word forms of all sentences, and of the articles before.
	st := s.r.pool.Get().(*scratch)
	defer s.r.pool.Put(st)
	st.forms.article()
	words, first, ms := st.words[:0], st.first[:0], st.found[:0]
	defer func() { st.words, st.first, st.found = words[:0], first[:0], ms[:0] }()
	for si, sent := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.TokStart < 0 || sent.TokEnd > len(d.Tokens) || sent.TokStart >= sent.TokEnd {
			continue
		}
		toks := d.Tokens[sent.TokStart:sent.TokEnd]
		words, first = joinHyphens(d.Text, toks, words[:0], first[:0])
		ms = s.r.appendSentence(st, ms[:0], words)
		for _, m := range ms {
			a, b := sent.TokStart+first[m.Start], sent.TokStart+first[m.End]
			start, end := d.Tokens[a].Start, d.Tokens[b-1].End
			d.Entities = append(d.Entities, document.Entity{
				Type:      m.Type,
				Span:      d.SpanOf(start, end),
				Sentence:  si,
				TokStart:  a,
				TokEnd:    b,
				Rule:      m.Rule,
				Canonical: m.Canonical,
				QID:       m.QID,
			})
			if m.Role != "" {
				d.Entities[len(d.Entities)-1].LinkedTo = "role:" + m.Role // resolved by Link
			}
		}
	}
	for i := range d.Entities {
		d.Entities[i].ID = entityID(i + 1)
	}
	link(d, s.r.m, &st.link)
	for i := range d.Entities {
		splitKBID(&d.Entities[i])
	}
	return nil
}

// entityIDs are the IDs of the first entities of an article, built once:
// most articles have fewer than 256 entities.
var entityIDs = func() []string {
	ids := make([]string, 256)
	for i := range ids {
		ids[i] = "e" + strconv.Itoa(i)
	}
	return ids
}()

func entityID(n int) string {
	if n < len(entityIDs) {
		return entityIDs[n]
	}
	return "e" + strconv.Itoa(n)
}

// splitKBID keeps the qid field for Wikidata IDs only: the lists also carry
// other stable ids (GeoNames keys, "geonames:2867714"), which go to KBID so
// that a consumer can trust qid to be a Wikidata item.
func splitKBID(e *document.Entity) {
	if e.QID == "" || isWikidataID(e.QID) {
		return
	}
	e.KBID, e.QID = e.QID, ""
}

func isWikidataID(id string) bool {
	if len(id) < 2 || id[0] != 'Q' {
		return false
	}
	for i := 1; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// Link resolves the mentions of one article against each other: a later
// mention of a name links to its first mention (Wladimir Putin … Putin …
// Putins share canonical name and QID); a role mention (Kremlsprecher)
// links to the person the article introduced with that role; whatever
// stays unlinked gets a normalised canonical form. Entities must be in
// text order with IDs set. A LinkedTo of the form "role:<noun>" on input
// marks a person introduced by that role noun.
func Link(d *document.Document, m *Model) { link(d, m, &linker{}) }

// linker is the working memory of link, which a Stage reuses from one
// article to the next (its maps and slices keep their room).
type linker struct {
	persons      []person
	firstByCanon map[canonKey]int
	roles        map[string]int // role noun (lower case) → person index in es
	words        []string
}

// person is a person mention that a later short mention may link to.
type person struct {
	idx   int
	parts int    // words of the canonical name
	last  string // its last word
}

func link(d *document.Document, m *Model, lk *linker) {
	es := d.Entities
	if lk.firstByCanon == nil {
		lk.firstByCanon, lk.roles = map[canonKey]int{}, map[string]int{}
	}
	persons, firstByCanon, roles, words := lk.persons[:0], lk.firstByCanon, lk.roles, lk.words[:0]
	clear(firstByCanon)
	clear(roles)
	defer func() {
		// The strings they hold belong to this article: drop them.
		clear(persons)
		clear(words)
		lk.persons, lk.words = persons[:0], words[:0]
	}()
	for i := range es {
		e := &es[i]
		role := ""
		if strings.HasPrefix(e.LinkedTo, "role:") {
			role = e.LinkedTo[len("role:"):]
			e.LinkedTo = ""
		}
		words = appendFields(words[:0], e.Span.Text)
		if len(words) == 0 {
			continue // an empty or blank token cannot name anything
		}
		if e.Type == "PER" {
			// A short mention (Putin, Putins) resolves to an earlier full
			// name whose last word it is.
			if e.Canonical == "" && len(words) <= 2 {
				last := stripGenitive(words[len(words)-1], m)
				for k := len(persons) - 1; k >= 0; k-- {
					p := persons[k]
					if p.parts > len(words) && p.last == last || len(words) == 1 && p.last == words[0] && p.parts > 1 {
						src := es[p.idx]
						e.Canonical, e.QID = src.Canonical, src.QID
						e.LinkedTo = firstID(es, firstByCanon, src)
						break
					}
				}
			}
			if e.Canonical == "" && len(words) == 1 {
				// Not introduced in the article: a surname that names one
				// person of the curated table (Putin, Merkel).
				if p := m.lastName[stripGenitive(words[0], m)]; p != nil {
					e.Canonical, e.QID = p.Canonical, p.QID
				}
			}
			if e.Canonical == "" {
				e.Canonical = normaliseNameIn(e.Span.Text, words, m)
			}
			n, last := lastField(e.Canonical)
			persons = append(persons, person{i, n, last})
			if role != "" {
				roles[role] = i
			}
		}
		if e.Canonical == "" {
			e.Canonical = normaliseNameIn(e.Span.Text, words, m)
		}
		// A role compound after a definite article (der Kremlsprecher) names
		// the person the article introduced with it; "keinen US-Präsidenten"
		// names nobody.
		if strings.HasSuffix(e.Type, "part") && e.LinkedTo == "" && definiteBefore(d, e.TokStart) {
			if k, ok := roles[strings.ToLower(e.Span.Text)]; ok && k < i {
				e.LinkedTo = es[k].ID
				continue
			}
		}
		if e.LinkedTo == "" {
			key := canonKey{e.Canonical, baseType(e.Type)}
			if k, ok := firstByCanon[key]; ok {
				e.LinkedTo = es[k].ID
				if e.QID == "" {
					e.QID = es[k].QID
				}
			} else if !strings.HasSuffix(e.Type, "part") && !strings.HasSuffix(e.Type, "deriv") {
				firstByCanon[key] = i
			}
		}
	}
}

// canonKey identifies a linked entity: its canonical name and base type.
type canonKey struct{ canon, typ string }

// appendFields appends the words of s (as strings.Fields splits them) to
// dst. Most names hold no byte that can start a non-ASCII space, so they
// are split by a loop over their ASCII spaces; the others by
// strings.FieldsSeq (appendFieldsRef in the tests is the loop it was).
func appendFields(dst []string, s string) []string {
	if !mayHoldUnicodeSpace(s) {
		start := -1
		for i := 0; i < len(s); i++ {
			if asciiSpace[s[i]] {
				if start >= 0 {
					dst = append(dst, s[start:i])
					start = -1
				}
			} else if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			dst = append(dst, s[start:])
		}
		return dst
	}
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}

// lastField returns the number of words of s (as strings.Fields counts
// them) and the last one, with appendFields' fast path.
func lastField(s string) (int, string) {
	n, last := 0, ""
	if !mayHoldUnicodeSpace(s) {
		start := -1
		for i := 0; i < len(s); i++ {
			if asciiSpace[s[i]] {
				if start >= 0 {
					n, last = n+1, s[start:i]
					start = -1
				}
			} else if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			n, last = n+1, s[start:]
		}
		return n, last
	}
	for w := range strings.FieldsSeq(s) {
		n, last = n+1, w
	}
	return n, last
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts (those
// strings.Fields splits at).
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// mayHoldUnicodeSpace reports whether s has a byte that starts a non-ASCII
// space: U+0085 and U+00A0 start with 0xC2, U+1680 with 0xE1, U+2000 to
// U+205F with 0xE2, U+3000 with 0xE3. German letters (0xC3 …) do not.
func mayHoldUnicodeSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xC2 || c >= 0xE1 && c <= 0xE3 {
			return true
		}
	}
	return false
}

func firstID(es []document.Entity, first map[canonKey]int, src document.Entity) string {
	if k, ok := first[canonKey{src.Canonical, baseType(src.Type)}]; ok {
		return es[k].ID
	}
	return src.ID
}

func baseType(t string) string {
	t = strings.TrimSuffix(t, "part")
	return strings.TrimSuffix(t, "deriv")
}

// normaliseName is the canonical form of an unlinked mention: the words
// joined by single spaces, the last one without a genitive -s when the
// base form is a known name.
func normaliseName(words []string, m *Model) string {
	if len(words) == 0 {
		return ""
	}
	last := stripGenitive(words[len(words)-1], m)
	if len(words) == 1 {
		return last
	}
	n := len(last)
	for _, w := range words[:len(words)-1] {
		n += len(w) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, w := range words[:len(words)-1] {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	b.WriteString(last)
	return b.String()
}

// normaliseNameIn is normaliseName of words, the fields of text: when text
// is the words with single spaces between them, as nearly every mention
// is, the name is text, or text without the genitive s that stripGenitive
// removes from the last word, and no string is built (normaliseName
// builds it; TestNormaliseNameIn compares the two).
func normaliseNameIn(text string, words []string, m *Model) string {
	if len(words) < 2 {
		return normaliseName(words, m)
	}
	n := len(words) - 1
	for _, w := range words {
		n += len(w)
	}
	if n != len(text) {
		return normaliseName(words, m)
	}
	// The fields and one byte per gap fill text: no space before, after or
	// between them but those single bytes, which must be ' '.
	k := 0
	for _, w := range words[:len(words)-1] {
		k += len(w)
		if text[k] != ' ' {
			return normaliseName(words, m)
		}
		k++
	}
	last := words[len(words)-1]
	return text[:len(text)-len(last)+len(stripGenitive(last, m))]
}

// stripGenitive removes a genitive -s when that is safe: the base is a
// known name (Putins → Putin, Merkels → Merkel), or the word ends in a
// consonant + s that cannot be part of the name (not -ss, -us, -is, -os).
func stripGenitive(w string, m *Model) string {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return w
	}
	base := w[:len(w)-1]
	if m == nil {
		return w
	}
	// One probe of the key table for the name lists and the trie
	// (stripGenitiveRef in the tests asked two Go maps and the trie).
	if fl, n := m.capFlagsRoot(base); fl&(capFirst|capSurname) != 0 || n != nil {
		return base
	}
	return w
}

// DefaultStage builds the stage from the embedded NER model and the
// embedded lexicon (which tells common nouns from names).
func DefaultStage() (*Stage, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return NewStage(New(m, lex)), nil
}

// Recognizer returns the recogniser the stage runs.
func (s *Stage) Recognizer() *Recognizer { return s.r }

// joinHyphens turns tokens into the words the recogniser sees: a hyphen
// that touches its neighbours joins them (US - Präsidenten → US-Präsidenten,
// Saudi - Arabien → Saudi-Arabien), as German compounds are written and as
// GermEval tokenises them. first[w] is the index of word w's first token;
// first[len(words)] is len(toks). (Looking the words up as they are joined,
// without the words slice, was measured: the same instruction count.)
//
// It decides for each pair of neighbouring tokens whether they join, so
// each token is read once, and writes into slices grown once (see
// joinHyphensRef in the tests for the loop it replaced).
func joinHyphens(text string, toks []document.Token, words []string, first []int) ([]string, []int) {
	w0, f0 := len(words), len(first)
	words = slices.Grow(words, len(toks))[:w0+len(toks)]
	first = slices.Grow(first, len(toks)+1)[:f0+len(toks)+1]
	ws, fs := words[w0:], first[f0:]
	if len(toks) == 0 {
		fs[0] = 0
		return words[:w0], first[:f0+1]
	}
	// The neighbour's end and text are read again from its token (in the
	// cache line just read) rather than carried: with fewer live values
	// the loop keeps them all in registers (joinHyphensPrev in the tests
	// carried them and spilled, 57 instructions a token). Only tokens that
	// touch the one before, a minority, test for hyphens.
	fs[0], ws[0] = 0, toks[0].Text
	w := 1
	for k := 1; k < len(toks); k++ {
		t, p := &toks[k], &toks[k-1]
		if t.Start == p.End && (isHyphen(t.Text) || isHyphen(p.Text)) {
			ws[w-1] = text[toks[fs[w-1]].Start:t.End] // t joins the word before it
			continue
		}
		fs[w], ws[w] = k, t.Text
		w++
	}
	fs[w] = len(toks)
	return words[:w0+w], first[:f0+w+1]
}

func isHyphen(s string) bool {
	switch len(s) {
	case 1:
		return s[0] == '-'
	case len("‐"):
		return s == "‐" || s == "‑"
	}
	return false
}

// definiteBefore reports whether a definite article (possibly followed by
// adjectives) comes before token k in its sentence.
func definiteBefore(d *document.Document, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if d.Tokens[j].Sentence != d.Tokens[k].Sentence && len(d.Sentences) > 1 {
			return false
		}
		switch strings.ToLower(d.Tokens[j].Text) {
		case "der", "die", "das", "des", "dem", "den", "vom", "beim", "zum", "zur", "im", "am":
			return true
		}
		if w := d.Tokens[j].Text; w == "" || !unicode.IsLower([]rune(w)[0]) {
			return false
		}
	}
	return false
}
