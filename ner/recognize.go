package ner

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/lexicon"
)

// Lexicon tells capitalised common nouns (Präsident, Treffen) from names.
// *lexicon.Lexicon satisfies it.
type Lexicon interface {
	IsCommonNoun(form string) bool
	IsName(form string) bool
}

// compounder is the optional part of a Lexicon that splits closed compounds
// (Wirtschaftsminister → Minister); *lexicon.Lexicon has it.
type compounder interface {
	CompoundHead(form string) (lemma, head string, ok bool)
}

// verbLexicon is the optional part of a Lexicon that knows verb forms.
type verbLexicon interface {
	VerbReadings(form string) []lexicon.VerbReading
}

// Mention is an entity found in one sentence, as a token range.
type Mention struct {
	Start, End int // tokens [Start, End) of the sentence
	Type       string
	Rule       string
	Canonical  string // from a list; "" when the linker has to normalise the surface
	QID        string
	Role       string // the role noun that introduced a person ("kremlsprecher"), lower case
}

// Recognizer finds mentions in tokenised sentences. It is immutable and
// safe for concurrent use.
type Recognizer struct {
	m    *Model
	lex  Lexicon
	comp compounder
	verb verbLexicon
	pool sync.Pool
}

// New returns a recogniser over model m. lex may be nil (then every
// capitalised word that is in no list counts as unknown, which costs
// precision).
func New(m *Model, lex Lexicon) *Recognizer {
	r := &Recognizer{m: m, lex: lex}
	if c, ok := lex.(compounder); ok {
		r.comp = c
	}
	if v, ok := lex.(verbLexicon); ok {
		r.verb = v
	}
	r.pool.New = func() any { return new(scratch) }
	return r
}

// Model returns the data the recogniser uses.
func (r *Recognizer) Model() *Model { return r.m }

type tok struct {
	*form
	initial bool // first word of the sentence or of a quotation
}

// form is what the recogniser knows about one word form, independent of
// where it stands: the facts that prepare fills for every form and the
// ones that the rules compute on first use (known/facts). The forms of one
// article are kept in a small memo, so a form that repeats (news repeats a
// third of its word forms) costs one probe of a small table instead
// of a dozen probes of big tables that the other stages evict.
//
// A form is 128 bytes, and the memo's chunks of 256 forms are 32 KB
// objects, which the allocator aligns to a page: the first 64 bytes,
// which every pass over a sentence reads (the string, the flags, the
// facts), are one cache line, and the rest, which only some rules read,
// is another. TestFormLayout keeps it so.
type form struct {
	s       string // the word, soft hyphens removed; the memo's key
	lw      string // lower case, computed on first use (see lower)
	known   uint64 // k* facts computed so far
	facts   uint64 // and their values
	pre     uint32 // Model.prefix of the form, when known&kPrefix
	info    uint16 // cap* flags of the word (capitalised words and symbols)
	cap     bool   // starts with an upper-case letter
	low     bool   // starts with a lower-case letter
	acr     bool   // two or more letters, all upper case (SPD, UEFA)
	opener  bool   // a quotation mark or a colon: the next word is initial
	fw      bool   // a function word or adverb when lower-cased (Nach, Auch)
	noun    bool   // a common noun in the lexicon
	first   bool   // a first name
	adj     bool   // lower-cased, an uninflected adjective
	surname bool   // a surname
	fnSur   bool   // a first name or a surname (see named, which looks the lexicon up only when asked)

	roots    [3]*tnode // trie roots of the variants, when known&kRoots
	dem      *Entry    // demonym of the form (lower-cased when capitalised), when known&kDem
	inhab    *Entry    // inhabitant, when known&kInhab
	placeAdj *Entry    // placeAdjective, when known&kPlaceAdj
	partE    *Entry    // the name inside a compound, when known&kPart
	partTyp  typeCode  // its mention type (noType when the form is no such compound)
}

// typeCode is a mention type that partOf found, in one byte of a form.
type typeCode uint8

const (
	noType typeCode = iota
	typePER
	typeLOC
	typeORG
	typeOTH
	typePERpart
	typeLOCpart
	typeORGpart
	typeOTHpart
)

var typeNames = [...]string{"", "PER", "LOC", "ORG", "OTH", "PERpart", "LOCpart", "ORGpart", "OTHpart"}

func (c typeCode) String() string { return typeNames[c] }

// codeOf is the code of an entry type; Load admits no other types than
// these four.
func codeOf(typ string) typeCode {
	switch typ {
	case "PER":
		return typePER
	case "LOC":
		return typeLOC
	case "ORG":
		return typeORG
	case "OTH":
		return typeOTH
	}
	return noType
}

// prefix is Model.prefix of form f, looked up once.
func (x *run) prefix(f *form) prefixInfo {
	if f.known&kPrefix == 0 {
		f.known |= kPrefix
		f.pre = x.r.m.prefix(f.s)
	}
	return x.r.m.unpack(f.pre)
}

// Facts of a form computed on first use: bit k of known says the fact is
// computed, bit k of facts holds it.
const (
	kWeak uint64 = 1 << iota
	kRole
	kRoots
	kDem
	kInhab
	kPlaceAdj
	kPart
	kPartWhole // partTyp names the whole word (part-name), not a -part compound
	kVerb
	kAnyVerb
	kFiniteAny
	kFinite3
	kDetermined
	kNameLike
	kFirstName
	kAppos
	kOrgSuffix
	kNounSuffix
	kSurnameNo
	kPlaceSuf
	kStreetSuf
	kAcronymStop
	kLegal
	kCurrency
	kPlacePrep
	kPlacePrepLow
	kStrongPrep
	kStrongPrepLow
	kParticle
	kArticleParticle
	kFunction
	kLowerStart
	kAnyRoot // some variant has a trie root (set with kRoots)
	kInert   // not capitalised, and no rule of patterns can fire on it
	kSch     // contains "sch" (case-sensitive)
	kPrefix  // pre is set
	kQuoteOpen
	kQuoteClose
	kStarts // the form may start a name of the trie (longest can match)
	kRoot0  // roots[0] is set (by fill, for capitalised words)

	// kQuoteByte (set by fill, always known): the form starts with a byte
	// that a quotation mark starts with, ASCII " or >= 0xC2 („ “ » «).
	kQuoteByte
	kPlain // no rule of patterns before placeSuffix types the form without capitalised neighbours (see plain)
	kNamed // in a name list: a first name, a surname or a lexicon name (see named)
)

func (f *form) get(k uint64) (v, ok bool) { return f.facts&k != 0, f.known&k != 0 }

func (f *form) set(k uint64, v bool) bool {
	f.known |= k
	if v {
		f.facts |= k
	}
	return v
}

// memo holds the forms of one article (or of one sentence, for callers of
// Sentence). Forms live in chunks, so a pointer to one stays valid while
// the memo grows.
//
// The index is a small open-addressing table of its own rather than a Go
// map: a probe is one cheap hash of the word and a compare, and a new
// article needs no clearing (slots of older generations count as empty).
type memo struct {
	slots  []memoSlot // len is a power of two
	shift  uint       // 64 - log2(len(slots)): memoMix's top bits index slots
	gen    uint32     // the generation of the current article
	n      int        // forms of this generation
	chunks [][]form
	chunk  int // the chunk being filled
	used   int // forms used in it
}

// memoSlot holds its key's memoKey: for a key of up to 16 bytes that is
// the key itself (see memoKey), so a probe compares two words and a length
// in the slot's own cache line, with no call to compare strings and no
// read of the key's text; a longer key also compares the form's s.
//
// Measured and dropped (cachegrind, NER's own code and memeqbody in one
// BenchmarkPipelineStages pass, against these 32-byte slots: 376.4M
// instructions, 2.37M D1 and 1.24M LL read misses): growing at 3/4 full
// instead of 1/2 (+1.6M instructions, +18k LL read misses); a tag array
// of 4 bytes a slot probed before the slots, so that an absent word reads
// no slot (+7.6M instructions, +129k D1 and +24k LL read misses, +144k LL
// write misses: the misses are on words the memo holds); 16-byte
// pointer-free slots, exact for keys up to 8 bytes, the form as an index
// into chunks (+7.3M instructions, LL read misses -1k); those slots on a
// huge page per memo, as the key filter and the prefix table are (no TLB
// misses on a probe): ner-ms medians 168.7 against 169.3, 7 ABBA rounds,
// not worth 2 MB per worker.
type memoSlot struct {
	a, b uint64
	f    *form
	gen  uint32
	n    uint32 // len of the key
}

const memoChunk = 256

// memoKeep is how many forms the memo of a Stage keeps from one article to
// the next (see article). The facts of a form depend on the word alone, so
// the frequent words of news (Die, Berlin, Prozent, sagte) are looked up
// in the model and the lexicon once per worker rather than once per
// article; when the memo holds more forms it starts afresh, which bounds
// its memory and the old article texts its strings keep alive.
//
// Measured and dropped (cachegrind of a BenchmarkPipelineStages pass):
// keeping the 768 most hit forms when the memo starts afresh (fresh forms
// per pass 168,120 -> 145,810) saved 18M instructions of fresh-form work
// but cost as much in the renewal's scans of the slots and in the
// position-indexed slots it needs; copying the forms' strings into a
// memo-owned buffer (so that compares read no old article text) saved no
// miss and cost 8M instructions. With the 128-byte forms, 4,096 forms
// gave 12M fewer instructions and 48k fewer L2 write misses, but 20k more
// read misses; 12 interleaved rounds of BenchmarkPipelineStages put it
// ahead in 8 (ner-ms medians 424 -> 408, 422 -> 398), too close to call on
// this machine.
const memoKeep = 2048

// article prepares the memo for the next article of a Stage: it keeps the
// forms found so far unless there are more than memoKeep.
func (m *memo) article() {
	if m.slots == nil || m.n > memoKeep {
		m.reset()
	}
}

func (m *memo) reset() {
	if m.slots == nil || len(m.slots) > 4*memoKeep {
		m.slots = make([]memoSlot, 4*memoChunk) // a long article grew it: start small again
		m.shift = uint(64 - bits.Len(uint(len(m.slots)-1)))
		m.gen = 0
	}
	if m.gen++; m.gen == 0 { // wrapped: old generations would look current
		clear(m.slots)
		m.gen = 1
	}
	m.n = 0
	m.chunk, m.used = 0, 0
}

// memoMix mixes the length and the first and last eight bytes of a word
// (the parts memoKey returns): cheaper than hashing every byte, and words
// that share all three only cost a longer probe. The top bits index the
// table.
func memoMix(a, b uint64, n int) uint64 {
	h := (a ^ uint64(n)<<56) * 0xBF58476D1CE4E5B9
	h = (h ^ b ^ h>>29) * 0x94D049BB133111EB
	return h ^ h>>32
}

// lookup returns the form of word w; a new one (fresh is true) is zero
// but for s and the caller fills it. A form is found again by its s, which
// fill cleans of soft hyphens: a word that has some (rare in news) is
// computed afresh at each occurrence, and its clean form may answer for
// the same word written without them, which has the same facts.
func (m *memo) lookup(w string) (f *form, fresh bool) {
	mask := uint64(len(m.slots) - 1)
	a, b := memoKey(w)
	n := uint32(len(w))
	for i := memoMix(a, b, len(w)) >> m.shift; ; i = (i + 1) & mask {
		sl := &m.slots[i]
		if sl.gen != m.gen {
			f := m.alloc()
			f.s = w // fill removes soft hyphens (see prepare)
			*sl = memoSlot{a: a, b: b, f: f, gen: m.gen, n: n}
			if m.n++; 2*m.n > len(m.slots) {
				m.grow()
			}
			return f, true
		}
		if sl.a == a && sl.b == b && sl.n == n && (n <= 16 || sl.f.s == w) {
			return sl.f, false
		}
	}
}

func (m *memo) grow() {
	old := m.slots
	m.slots = make([]memoSlot, 2*len(old))
	m.shift--
	mask := uint64(len(m.slots) - 1)
	for _, sl := range old {
		if sl.gen != m.gen {
			continue
		}
		i := memoMix(sl.a, sl.b, int(sl.n)) >> m.shift
		for m.slots[i].gen == m.gen {
			i = (i + 1) & mask
		}
		m.slots[i] = sl
	}
}

func (m *memo) alloc() *form {
	if m.chunk == len(m.chunks) {
		m.chunks = append(m.chunks, make([]form, memoChunk))
	}
	f := &m.chunks[m.chunk][m.used]
	*f = form{}
	if m.used++; m.used == memoChunk {
		m.chunk, m.used = m.chunk+1, 0
	}
	return f
}

// scratch is the working memory of one article, reused through the pool.
type scratch struct {
	toks  []tok
	cov   []bool
	ms    []Mention
	forms memo
	words []string
	first []int
	found []Mention
	link  linker // for Stage.Process
}

// Sentence returns the mentions in one sentence of words, in text order.
// Soft hyphens (U+00AD) in words are ignored.
func (r *Recognizer) Sentence(words []string) []Mention {
	return r.AppendSentence(nil, words)
}

// AppendSentence appends the mentions of one sentence to dst, in text
// order, and returns the extended slice; a caller that reuses dst
// allocates nothing per sentence.
func (r *Recognizer) AppendSentence(dst []Mention, words []string) []Mention {
	st := r.pool.Get().(*scratch)
	defer r.pool.Put(st)
	st.forms.reset()
	return r.appendSentence(st, dst, words)
}

// appendSentence is AppendSentence with the forms memo of st, which the
// caller resets once per article.
func (r *Recognizer) appendSentence(st *scratch, dst []Mention, words []string) []Mention {
	toks, quotes := r.prepare(st, words)
	st.cov = slices.Grow(st.cov[:0], len(toks))[:len(toks)]
	clear(st.cov)
	st.ms = st.ms[:0]
	x := &run{r: r, t: toks, cov: st.cov, ms: st.ms}
	x.lists()
	if quotes {
		x.titles()
	}
	x.patterns()
	x.clubs()
	x.coordination()
	st.ms = x.ms
	base := len(dst)
	dst = append(dst, x.ms...)
	// Insertion sort: a handful of mentions, mostly in order already.
	out := dst[base:]
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return dst
}

// prepare looks up the forms of words, and tells whether titles may find
// something: it needs a word that may be a quotation mark (kQuoteByte),
// which many sentences lack.
//
// Measured and dropped (perf-ner3): a first pass over the words that
// hashes them and reads each home slot of the memo, so that the slots'
// cache misses overlap before the lookups and fills (BenchmarkStage 28.2
// against 29.1 cpuMB/s, pipeline ner-ms 130 against 131, 2-3 ABBA
// rounds); and, in fill, probing every capitalised form's prefix at once
// to overlap its miss with capFlagsRoot's (+3.6M instructions, +130k D1
// misses in cachegrind over three BenchmarkStage passes, no faster).
func (r *Recognizer) prepare(st *scratch, words []string) (toks []tok, quotes bool) {
	toks = slices.Grow(st.toks[:0], len(words))[:len(words)]
	initial := true
	for k, w := range words {
		f, fresh := st.forms.lookup(w)
		if fresh {
			r.fill(f, w)
		}
		toks[k] = tok{form: f, initial: initial}
		// A quotation or a colon starts a new capitalised run.
		initial = f.opener
		if f.facts&kQuoteByte != 0 {
			quotes = true
		}
	}
	st.toks = toks
	return toks, quotes
}

// fill computes the facts every form needs.
func (r *Recognizer) fill(t *form, w string) {
	// U+00AD is C2 AD in UTF-8; most words have no C2 byte at all.
	if strings.IndexByte(w, 0xC2) >= 0 && strings.Contains(w, "\u00ad") {
		w = strings.ReplaceAll(w, "\u00ad", "")
	}
	t.s = w
	c, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(c):
		t.cap = true
		t.acr = isAcronym(w)
	case unicode.IsLower(c):
		t.low = true
	}
	if t.cap {
		// The trie root of the word as written comes with its flags:
		// findRoots would look it up for every capitalised word.
		f, root := r.m.capFlagsRoot(w)
		t.roots[0] = root
		t.known |= kRoot0
		t.info = f
		t.fw, t.first, t.surname, t.adj = f&capFunction != 0, f&capFirst != 0, f&capSurname != 0, f&capAdjective != 0
		t.fnSur = t.first || t.surname
		if !t.fnSur && !t.fw && r.lex != nil { // Die, Nach: no lexicon lookup needed
			t.noun = r.lex.IsCommonNoun(w)
		}
	}
	if w != "" && (w[0] == '"' || w[0] >= 0xC2) {
		t.facts |= kQuoteByte
	}
	// The openers are one to three bytes long; most words are longer.
	t.opener = len(w) <= 3 && (w == "\"" || w == "„" || w == "“" || w == ":" || w == "(" || w == "'" || w == "‚" || w == "»" || w == "«" || w == "–" || w == "-")
}

// named reports whether form f is in a name list: a first name, a surname
// or, for a capitalised word that is neither a function word nor a common
// noun (the lexicon's nouns have no name reading), a lexicon name. The
// lexicon is asked on first use, so that the forms no rule asks about (the
// words inside the names the lists found, as most are) cost no look-up.
func (x *run) named(f *form) bool {
	if f.fnSur {
		return true
	}
	if f.known&kNamed == 0 {
		f.set(kNamed, f.cap && !f.fw && !f.noun && x.r.lex != nil && x.r.lex.IsName(f.s))
	}
	return f.facts&kNamed != 0
}

// run is the state of one Sentence call.
type run struct {
	r   *Recognizer
	t   []tok
	cov []bool
	ms  []Mention
}

// add is not inlined: a Mention is ten words, and a copy of it in every
// rule that may add one makes their frames big.
//
//go:noinline
func (x *run) add(m Mention) {
	// A new mention replaces the mentions it covers (an organisation name
	// swallows the place inside it: Universität Hamburg).
	out := x.ms[:0]
	for _, o := range x.ms {
		if o.Start >= m.Start && o.End <= m.End {
			continue
		}
		out = append(out, o)
	}
	x.ms = append(out, m)
	for i := m.Start; i < m.End; i++ {
		x.cov[i] = true
	}
}

// lists runs the longest-match lookup of the name trie. (Trying only the
// tokens that prepare listed as possible starts was measured: what lists
// saves, prepare spends on the list.)
//
// The tokens and the form are held in locals (nothing here changes x.t),
// so that most tokens, which start no name, cost a load of their facts
// and no reload of x.t (listsRef in the tests is the loop that reloaded).
func (x *run) lists() {
	t := x.t
	for i := 0; i < len(t); {
		f := t[i].form
		if f.known&kStarts == 0 {
			f.set(kStarts, x.mayStart(i))
		}
		if f.facts&kStarts == 0 {
			i++
			continue
		}
		end, e := x.longest(i)
		if e != nil && x.acceptList(i, end, e) {
			x.add(Mention{Start: i, End: end, Type: e.Type, Rule: listRule(e.Source), Canonical: e.Canonical, QID: e.QID})
			i = end
			continue
		}
		i++
	}
}

// listRule is "list:" + source without building the string.
func listRule(source string) string {
	switch source {
	case "places":
		return "list:places"
	case "entities":
		return "list:entities"
	case "demonyms":
		return "list:demonyms"
	}
	return "list:" + source
}

// mayStart reports whether longest can find a name at token i, from its
// form alone.
func (x *run) mayStart(i int) bool {
	f := x.t[i].form
	if !f.cap && !f.acr && !x.r.m.lowerStartSet.has(f.s) {
		return false
	}
	x.root(i, 0)
	return f.facts&kAnyRoot != 0
}

// longest returns the longest name that starts at token i. Every token may
// match as written; the last one may also match without an inflection
// ending (Russlands, Putins) and inner ones with the adjective ending -n
// (Vereinigten Arabischen Emiraten).
func (x *run) longest(i int) (int, *Entry) {
	if !x.t[i].cap && !x.t[i].acr {
		// Names start with a capital; the few that do not (dpa, eBay) are
		// kept in a small set of their own.
		f := x.t[i].form
		v, ok := f.get(kLowerStart)
		if !ok {
			v = f.set(kLowerStart, x.r.m.lowerStartSet.has(f.s))
		}
		if !v {
			return 0, nil
		}
	}
	if x.root(i, 0); x.t[i].facts&kAnyRoot == 0 {
		return 0, nil // no variant of the first word starts a name
	}
	b := best{}
	x.walk(&b, i, nil, i, true)
	return b.end, b.e
}

// best is the longest match found so far by walk.
type best struct {
	end   int
	e     *Entry
	exact bool
}

// walk follows the trie from the children of parent (the root when j ==
// i, and parent is nil) with token j.
func (x *run) walk(b *best, i int, parent *tnode, j int, exact bool) {
	if j >= len(x.t) || j > i && len(parent.next) == 0 {
		return
	}
	w := x.t[j].s
	var buf [4]string
	for k, v := range variants(w, buf[:0]) {
		var n *tnode
		if j == i {
			n = x.root(i, k)
		} else {
			n = parent.child(v)
		}
		if n == nil {
			continue
		}
		ex := exact && k == 0
		if len(n.entries) > 0 && (j+1 > b.end || j+1 == b.end && ex && !b.exact) {
			b.end, b.e, b.exact = j+1, n.entries[0], ex
		}
		x.walk(b, i, n, j+1, ex)
	}
}

// root returns the trie root of variant k of token i's form.
func (x *run) root(i, k int) *tnode {
	f := x.t[i].form
	if f.known&kRoots == 0 {
		x.findRoots(f)
	}
	return f.roots[k]
}

func (x *run) findRoots(f *form) {
	f.known |= kRoots
	var buf [4]string
	for k, v := range variants(f.s, buf[:0]) {
		if k > 0 || f.known&kRoot0 == 0 {
			f.roots[k] = x.r.m.names.rootNode(v)
		}
		if f.roots[k] != nil {
			f.facts |= kAnyRoot
		}
	}
}

// variants lists the forms under which a token may be stored: as written,
// without a genitive -s/-es or a dative/plural -n/-en. The endings are
// told by the last two bytes, without a HasSuffix call each (variantsRef
// in the tests is the HasSuffix chain).
func variants(w string, buf []string) []string {
	buf = append(buf, w)
	n := len(w)
	if n < 4 {
		return buf
	}
	switch c, p := w[n-1], w[n-2]; {
	case c == 's' && p == 'e', c == 'n' && p == 'e': // -es, -en
		buf = append(buf, w[:n-1], w[:n-2])
	case c == 's' && p != 's', c == 'n', c == '\'':
		buf = append(buf, w[:n-1])
	}
	return buf
}

func (x *run) acceptList(i, end int, e *Entry) bool {
	t := x.t[i]
	if end-i == 1 && e.Source == "places" && t.first && end < len(x.t) && x.surnameLike(end) && !x.t[end].noun {
		return false // George Bush, Adrian Grygiel: a first name, not the town
	}
	if e.Amb && end-i == 1 {
		// Essen, Halle: a place only right after in/nach/aus (not "im Zug",
		// "in Führung" fails on its noun ending).
		return i > 0 && x.prep(i-1, true) && !x.nounSuffix(i)

	}
	if end-i == 1 && t.initial && t.noun && e.Source == "places" {
		return false
	}
	if end-i == 1 && e.Source == "places" && t.noun && !strings.EqualFold(t.s, e.Canonical) {
		return false // an inflected common noun that happens to be a place
	}
	return true
}

// patterns runs the rules over the tokens no list claimed.
func (x *run) patterns() {
	// x.cov in a local: the rules write its elements (add) but never
	// replace it, and a local header spares a load of x.cov at each of the
	// loop's tests (patternsRef in the tests reads x.cov).
	t, cov := x.t, x.cov
	n := len(t)
	for i := 0; i < n; i++ {
		if cov[i] && (i+1 >= n || !t[i+1].cap || !x.isRole(i)) {
			continue
		}
		if f := t[i].form; !f.cap {
			// inert's answer for a form that knows it, without the call:
			// most tokens of a sentence end here.
			if f.known&kInert != 0 {
				if f.facts&kInert != 0 {
					continue
				}
			} else if x.inert(i) {
				continue
			}
		}
		if t[i].cap && (i+1 >= n || !t[i+1].cap) && (i == 0 || cov[i-1] || !t[i-1].cap) {
			if v, ok := t[i].get(kPlain); ok && v || !ok && x.plain(i) {
				// Of the rules below, only placeSuffix and unknown can
				// type it, and neither a common noun nor a function word.
				if t[i].noun || t[i].fw || x.placeSuffix(i) {
					continue
				}
				if end := x.unknown(i); end > i {
					i = end - 1
				}
				continue
			}
		}
		w := t[i].s
		switch {
		case t[i].low && len(w) > 4: // no legal form or currency is a long lower-case word
		case !cov[i] && x.flag(i, capLegal) && i > 0:
			if k := x.extendLeft(i); k < i {
				x.add(Mention{Start: k, End: i + 1, Type: "ORG", Rule: "org-legal"})
				continue
			}
		case !cov[i] && x.flag(i, capCurrency):
			x.add(Mention{Start: i, End: i + 1, Type: "OTH", Rule: "oth-currency"})
			continue
		}
		if t[i].cap && !cov[i] && x.orgHead(i) {
			continue
		}
		isTitle := t[i].info&capTitle != 0
		if i+1 < n && cov[i+1] && t[i+1].cap && t[i].cap {
			// A listed person after a role noun (Präsident Wladimir Putin)
			// keeps the role for linking.
			if x.roleWord(i) {
				for k := range x.ms {
					if x.ms[k].Start == i+1 && x.ms[k].Type == "PER" {
						x.ms[k].Role = strings.ToLower(w)
					}
				}
			}
		}
		if i+1 < n && t[i+1].cap && !cov[i+1] && (isTitle || t[i].cap && x.roleWord(i)) && x.surnameLike(i+1) {
			if isTitle {
				if end := x.personRun(i+1, 3); end > i+1 {
					x.add(Mention{Start: i + 1, End: end, Type: "PER", Rule: "person-title"})
					i = end - 1
					continue
				}
			}
			if x.roleWord(i) && x.nameLike(i+1) {
				if end := x.nameRun(i+1, 3); end > i+1 && x.personish(i+1, end) {
					x.add(Mention{Start: i + 1, End: end, Type: "PER", Rule: "person-role", Role: strings.ToLower(w)})
					if !cov[i] {
						x.part(i)
					}
					i = end - 1
					continue
				}
			}
		}
		if cov[i] {
			continue
		}
		if t[i].cap && x.isFirstName(i) && !t[i].noun {
			end := x.personRun(i+1, 3)
			if end > i+1 || !t[i].initial || i+1 < n && !x.t[i+1].cap {
				x.add(Mention{Start: i, End: end, Type: "PER", Rule: "person-firstname"})
				i = end - 1
				continue
			}
		}
		if t[i].acr && x.acronym(i) {
			continue
		}
		if t[i].cap && x.street(i) {
			i++
			continue
		}
		if x.deriv(i) {
			continue
		}
		if t[i].cap && x.part(i) {
			continue
		}
		if t[i].cap && x.placeSuffix(i) {
			continue
		}
		if t[i].cap {
			if end := x.unknown(i); end > i {
				i = end - 1
			}
		}
	}
}

// plain reports whether none of the rules of patterns before placeSuffix
// can fire on token i, a capitalised word whose neighbours are not
// capitalised (or the one before is covered), as most capitalised words
// stand: the rules that read the neighbours (an organisation head or
// apposition, a role or title before a name, a street after a name or a
// place adjective, a place adjective before its noun, an acronym next to
// a number) cannot, and the ones that read only the form (legal form,
// currency, first name, one-word street, demonym, inhabitant, place
// adjective, part) are known once per form, so a form that repeats skips
// them all. It computes the facts those rules would compute for the token,
// in their order.
func (x *run) plain(i int) bool {
	f := x.t[i].form
	if v, ok := f.get(kPlain); ok {
		return v
	}
	d := f.info&(capLegal|capCurrency|capOrgAppos|capOrgHead|capTitle) == 0
	if d && !f.noun {
		// Nouns reach none of these: the first-name rule, the acronym
		// and the street ending want no lexicon noun, and deriv asks a
		// noun for its place adjective only before a capital.
		d = !x.isFirstName(i) && !f.acr && !x.streetSuffix(i) &&
			(!hasInhabitantEnding(f.s) || x.placeAdjectiveAt(i) == nil)
	}
	if d && x.sch(i) {
		d = x.demonymAt(i) == nil
	}
	if d {
		d = x.inhabitantAt(i) == nil
	}
	if d {
		d = x.partAt(f) == noType
	}
	return f.set(kPlain, d)
}

// inert reports whether no rule of patterns can fire on token i, which is
// not capitalised: every rule but the legal form, the currency and the
// nationality adjective wants a capital.
func (x *run) inert(i int) bool {
	f := x.t[i].form
	if f.known&kInert == 0 {
		f.set(kInert, !x.is(i, capLegal) && !x.is(i, capCurrency) && !(f.low && x.demonymAt(i) != nil))
	}
	return f.facts&kInert != 0
}

// nameLike reports whether token i can be part of a name: capitalised, not
// a common noun, not a function word.
func (x *run) nameLike(i int) bool {
	t := x.t[i].form
	if !t.cap || t.fw || t.info&capLegal != 0 {
		return false
	}
	if x.named(t) {
		return true
	}
	if t.noun {
		return false
	}
	return !x.weak(i)
}

// lower returns token i in lower case, computed once.
func (x *run) lower(i int) string {
	t := x.t[i].form
	if t.lw == "" {
		t.lower()
	}
	return t.lw
}

func (f *form) lower() { f.lw = strings.ToLower(f.s) }

// weak reports whether token i looks like a common noun that the lexicon
// lacks: a compound with a known noun as head, or a derivational noun
// ending. It is computed on first use.
func (x *run) weak(i int) bool {
	if f := x.t[i].form; f.known&kWeak != 0 {
		return f.facts&kWeak != 0
	}
	return x.findWeak(i)
}

func (x *run) findWeak(i int) bool {
	t := x.t[i].form
	weak := false
	if t.cap && !x.named(t) && !t.noun && !t.acr && x.r.lex != nil {
		weak = x.nounSuffix(i) || x.nominalisedAdjective(i)
		if !weak && x.r.comp != nil {
			_, _, weak = x.r.comp.CompoundHead(t.s)
		}
	}
	return t.set(kWeak, weak)
}

// surnameLike reports whether token i can follow a first name or a role
// noun as a surname: the lexicon's nouns and compounds count too (Max
// Herbst, Guido Westerwelle), words with a derivational noun ending do not.
func (x *run) surnameLike(i int) bool {
	t := x.t[i]
	// Function words count only where a capital says nothing else: at the
	// start of a sentence, or the articles and prepositions that open
	// titles. Mid-sentence, Fest, Schwarz, Weiß after a first name are
	// surnames.
	if !t.cap || t.fw && (t.initial || titleWords[t.s]) || t.info&capLegal != 0 || t.acr && utf8.RuneCountInString(t.s) > 3 {
		return false
	}
	if x.named(t.form) {
		return true
	}
	v, ok := t.get(kSurnameNo)
	if !ok {
		v = t.set(kSurnameNo, x.nounSuffix(i) || x.r.m.orgHeadSet[x.lower(i)] || x.roleWord(i))
	}
	return !v
}

func (x *run) particle(j int) bool {
	return x.nameParticle(j) || x.articleParticle(j) && j > 0 && x.nameParticle(j-1)
}

func (x *run) nameParticle(j int) bool {
	f := x.t[j].form
	if v, ok := f.get(kParticle); ok {
		return v
	}
	return f.set(kParticle, x.r.m.nameParticleSet.has(f.s))
}

func (x *run) articleParticle(j int) bool {
	f := x.t[j].form
	if v, ok := f.get(kArticleParticle); ok {
		return v
	}
	return f.set(kArticleParticle, x.r.m.articleParticleSet.has(f.s))
}

// nominalisedAdjective reports a capitalised inflected adjective used as
// a noun (Jugendlicher, Geistlicher, Ähnliches, Letzterer).
func (x *run) nominalisedAdjective(i int) bool {
	w := x.t[i].s
	for _, end := range [...]string{"er", "es", "en", "em", "e"} {
		if len(w) > len(end)+3 && strings.HasSuffix(w, end) && x.t[i].info&capAdjective == 0 {
			if x.r.m.capFlags(w[:len(w)-len(end)])&capAdjective != 0 {
				return true
			}
		}
	}
	return false
}

// nameRun returns the end of a run of name-like tokens from i (at most max
// tokens), allowing name particles (von, van, de) inside.
func (x *run) nameRun(i, max int) int { return x.nameRunCtx(i, max, false) }

// personRun is nameRun after a first name, a title or a role noun, where
// common nouns may be surnames.
func (x *run) personRun(i, max int) int { return x.nameRunCtx(i, max, true) }

func (x *run) nameRunCtx(i, max int, person bool) int {
	j := i
	for j < len(x.t) && j-i < max+1 {
		ok := x.nameLike(j)
		if !ok && person && (j == i || j > i && !x.weak(j-1)) {
			ok = x.surnameLike(j) && !(j > i && x.t[j].noun)
		}
		if ok && (!x.cov[j] || x.coveredPlace(j)) {
			j++
			continue
		}
		if x.particle(j) && j+1 < len(x.t) && (j > i || person) && x.nameLike(j+1) {
			j++
			continue
		}
		break
	}
	return j
}

// coveredPlace reports whether token j is a one-token city found by the
// lists (Roth in Claudia Roth), which a person name may absorb.
func (x *run) coveredPlace(j int) bool {
	for _, m := range x.ms {
		if m.Start == j && m.End == j+1 && m.Type == "LOC" && strings.HasPrefix(m.Rule, "list:") {
			return true
		}
	}
	return false
}

// personish rejects role + name runs that are places or organisations.
func (x *run) personish(i, end int) bool {
	for j := i; j < end; j++ {
		if x.t[j].acr {
			return false
		}
	}
	return true
}

func (x *run) isFirstName(i int) bool {
	w := x.t[i].s
	if x.t[i].first {
		return true
	}
	if strings.IndexByte(w, '-') > 0 {
		f := x.t[i].form
		if v, ok := f.get(kFirstName); ok {
			return v
		}
		for p := range strings.SplitSeq(w, "-") {
			if !x.r.m.isFirst(p) {
				return f.set(kFirstName, false)
			}
		}
		return f.set(kFirstName, true) // Hans-Dietrich, Jean-François-Marie
	}
	return false
}

func (x *run) isRole(i int) bool { return x.t[i].cap && x.roleWord(i) }

// roleWord reports whether a token ends in a role head (Kremlsprecher →
// sprecher), computed once per form.
func (x *run) roleWord(i int) bool {
	f := x.t[i].form
	if f.known&kRole == 0 {
		f.set(kRole, x.findRole(i) != "")
	}
	return f.facts&kRole != 0
}

func (x *run) findRole(i int) string {
	t := x.t[i]
	if !t.cap || len(t.s) < 4 {
		return ""
	}
	lw := x.lower(i)
	for _, cut := range roleCuts {
		if !strings.HasSuffix(lw, cut) {
			continue
		}
		stem := lw[:len(lw)-len(cut)]
		var heads []string
		if len(stem) >= 5 {
			// Every role word of 5+ bytes is in roleByEnd: when none
			// ends like stem, stem is none either.
			if heads = x.r.m.roleByEnd[suffix4(stem)]; len(heads) == 0 {
				continue
			}
		}
		if x.r.m.roleSet[stem] {
			return stem
		}
		if len(stem) < 4 {
			continue
		}
		if len(stem) == 4 {
			heads = x.r.m.roleByEnd[suffix4(stem)]
		}
		// Compounds (Kremlsprecher): only role words with the same last
		// four bytes can be the head.
		for _, r := range heads {
			if strings.HasSuffix(stem, r) {
				return r
			}
		}
	}
	return ""
}

var roleCuts = [...]string{"", "s", "n", "en", "in", "innen"}

// extendLeft returns the first token of the capitalised run ending before i.
func (x *run) extendLeft(i int) int {
	k := i
	for k > 0 && i-k < 4 {
		p := x.t[k-1]
		if !(p.cap || p.acr) || p.fw && !p.cap {
			break
		}
		if p.fw && !x.named(p.form) {
			break
		}
		k--
	}
	return k
}

// orgHead handles organisation heads: Universität Hamburg, Deutsche Bank,
// FC Augsburg, Bundesamt für Strahlenschutz.
func (x *run) orgHead(i int) bool {
	if x.t[i].info&capOrgAppos != 0 || i+1 < len(x.t) && x.t[i+1].cap && x.apposCompound(i) {
		// die Gewerkschaft Ver.di: the name after the class noun.
		if i+1 < len(x.t) && !x.cov[i+1] && (x.nameLike(i+1) || x.t[i+1].acr) {
			end := x.nameRun(i+1, 3)
			if end == i+1 {
				end = i + 2
			}
			x.add(Mention{Start: i + 1, End: end, Type: "ORG", Rule: "org-apposition"})
			return true
		}
		return false
	}
	if x.t[i].info&capOrgHead == 0 {
		if i == 0 || x.cov[i-1] || !x.t[i-1].cap {
			return false
		}
		return x.orgCompound(i)
	}
	start, end := i, i+1
	// Right: names or places (Universität Hamburg, FC Bayern München).
	for end < len(x.t) && end-i <= 3 && (x.nameLike(end) || x.cov[end] && x.coveredPlaceAny(end) || end > i+1 && isClubNumber(x.t[end].s)) {
		end++
	}
	// English names: Institute of Technology, Council on Security.
	for end+1 < len(x.t) && end-i <= 6 && (x.t[end].s == "of" || x.t[end].s == "on" || x.t[end].s == "for") && x.t[end+1].cap {
		end += 2
		for end < len(x.t) && x.t[end].cap && end-i <= 6 {
			end++
		}
	}
	if end == i+1 && i+2 < len(x.t) && x.t[i+1].s == "für" && x.t[i+2].cap {
		end = i + 3
		for end < len(x.t) && x.t[end].cap && end-i < 6 {
			end++
		}
		if end+1 < len(x.t) && x.t[end].s == "und" && x.t[end+1].cap {
			end += 2
		}
	}
	// Left: capitalised adjectives or names (Deutsche Bank, Hamburger SV).
	for start > 0 && i-start < 2 {
		p := x.t[start-1]
		if !p.cap || p.initial && p.fw || x.cov[start-1] && !x.coveredPlaceAny(start-1) {
			break
		}
		if !(x.named(p.form) || !p.noun || adjectival(p.s) || x.placeAdjectiveAt(start-1) != nil) || p.fw {
			break
		}
		start--
	}
	if start == i && end == i+1 {
		return false
	}
	// 1. FC Nürnberg: the club's ordinal belongs to its name.
	if start == i && start > 0 && isOrdinal(x.t[start-1].s) && x.t[i].acr {
		start--
	}
	x.add(Mention{Start: start, End: end, Type: "ORG", Rule: "org-head"})
	return true
}

func (x *run) coveredPlaceAny(j int) bool {
	for _, m := range x.ms {
		if m.Start <= j && j < m.End && (m.Type == "LOC" || m.Type == "LOCderiv") {
			return true
		}
	}
	return false
}

// adjectival reports a capitalised adjective form (Deutsche, Freie, Neuen).
func adjectival(w string) bool {
	for _, e := range []string{"e", "en", "er", "es"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	return false
}

func (x *run) acronym(i int) bool {
	w := x.t[i].s
	n := utf8.RuneCountInString(w)
	f := x.t[i].form
	stop, ok := f.get(kAcronymStop)
	if !ok {
		stop = f.set(kAcronymStop, x.r.m.acronymStop[strings.ToUpper(w)])
	}
	if stop || x.t[i].noun || n > 6 || n < x.r.m.acronymMin {
		return false
	}
	// A unit or an identifier: 32 KB, ISBN 3-7776-0477-1.
	if i > 0 && startsDigit(x.t[i-1].s) || i+1 < len(x.t) && startsDigit(x.t[i+1].s) {
		return false
	}
	x.add(Mention{Start: i, End: i + 1, Type: "ORG", Rule: "org-acronym"})
	return true
}

// deriv finds nationality adjectives and inhabitant nouns (LOCderiv).
func (x *run) deriv(i int) bool {
	t := x.t[i]
	var e *Entry
	switch {
	case t.low:
		e = x.demonymAt(i)
	case t.cap:
		sch, ok := t.get(kSch)
		if !ok {
			sch = x.sch(i)
		}
		if sch {
			e = x.demonymAt(i)
		}
		if e == nil {
			e = x.inhabitantAt(i)
		}
		if e == nil && hasInhabitantEnding(t.s) && (i+1 < len(x.t) && x.t[i+1].cap || !t.noun) {
			e = x.placeAdjectiveAt(i) // not Sommer, Sieger: nouns in -er
		}
	}
	if e == nil {
		return false
	}
	x.add(Mention{Start: i, End: i + 1, Type: "LOCderiv", Rule: "loc-deriv", Canonical: e.Canonical, QID: e.QID})
	return true
}

// sch reports whether token i contains "sch" (case-sensitive), as
// capitalised demonyms do (Russische, Schweizerische).
func (x *run) sch(i int) bool {
	f := x.t[i].form
	if v, ok := f.get(kSch); ok {
		return v
	}
	return f.set(kSch, hasSch(f.s))
}

// demonymAt is demonym of token i, lower-cased unless it starts in lower
// case.
func (x *run) demonymAt(i int) *Entry {
	f := x.t[i].form
	if f.known&kDem == 0 {
		x.setDemonym(i)
	}
	return f.dem
}

func (x *run) setDemonym(i int) {
	f := x.t[i].form
	f.known |= kDem
	switch {
	case f.low:
		f.dem = x.demonym(f.s)
	case hasSchFold(f.s):
		f.dem = x.demonym(x.lower(i))
	default:
		// demonym wants "sch" in the lower-cased word, which has it
		// only where the word has it in any case (see hasSchFold): no
		// need to lower-case the word.
	}
}

// hasSch is strings.Contains(w, "sch") for the short words of a sentence:
// a byte loop that looks for the c first, without the call into the
// assembly search that Contains makes for every word (2 % of the stage's
// samples in BenchmarkStage). containsSchRef in the tests is the call.
// (Scanning words of eight bytes or more eight bytes at a time for their
// c's was measured: -1M instructions per pass, as most words are shorter
// and the function no longer inlined; dropped.)
func hasSch(w string) bool {
	for i := 1; i+1 < len(w); i++ {
		if w[i] == 'c' && w[i-1] == 's' && w[i+1] == 'h' {
			return true
		}
	}
	return false
}

// hasSchFold reports whether strings.ToLower(w) contains "sch": ToLower
// maps a rune to s, c or h only from S, C or H (its only other mappings
// to ASCII letters are from the Kelvin sign to k and from İ to i plus a
// combining dot), and these bytes never occur inside a multi-byte rune,
// so a byte scan for s/S, c/C, h/H in a row finds exactly the runs that
// become "sch".
func hasSchFold(w string) bool {
	for i := 0; i+2 < len(w); i++ {
		if w[i]|0x20 == 's' && w[i+1]|0x20 == 'c' && w[i+2]|0x20 == 'h' {
			return true
		}
	}
	return false
}

func (x *run) inhabitantAt(i int) *Entry {
	f := x.t[i].form
	if f.known&kInhab == 0 {
		x.setInhabitant(f)
	}
	return f.inhab
}

func (x *run) setInhabitant(f *form) {
	f.known |= kInhab
	f.inhab = x.inhabitant(f)
}

func (x *run) placeAdjectiveAt(i int) *Entry {
	f := x.t[i].form
	if f.known&kPlaceAdj == 0 {
		x.setPlaceAdjective(f)
	}
	return f.placeAdj
}

func (x *run) setPlaceAdjective(f *form) {
	f.known |= kPlaceAdj
	f.placeAdj = x.placeAdjective(f)
}

func (x *run) demonym(w string) *Entry {
	if !hasSch(w) {
		return nil
	}
	if k := strings.LastIndexByte(w, '-'); k > 0 {
		// deutsch-israelische, Italienisch-Osmanischen: the first part names
		// the first place.
		if e := x.demonymStem(w[:k] + "e"); e != nil {
			return e
		}
		return x.demonymStem(w[k+1:])
	}
	return x.demonymStem(w)
}

func (x *run) demonymStem(w string) *Entry {
	stem := ""
	if e := x.r.m.demonyms[w]; e != nil {
		return e
	}
	for _, end := range x.r.m.derivEnd {
		if strings.HasSuffix(w, end) {
			stem = w[:len(w)-len(end)]
			if e := x.r.m.demonyms[stem]; e != nil {
				return e
			}
			break
		}
	}
	// A place adjective that no list holds: aargauisch → Aargau,
	// mesopotamisch → Mesopotamien.
	if !strings.HasSuffix(stem, "isch") || len(stem) < 8 {
		return nil
	}
	base := stem[:len(stem)-4]
	r, size := utf8.DecodeRuneInString(base)
	// The candidates are built in a stack buffer, as in placeAdjective.
	var buf [64]byte
	b := utf8.AppendRune(buf[:0], unicode.ToUpper(r))
	b = append(b, base[size:]...)
	nb := len(b)
	for _, suf := range [...]string{"", "en", "ien", "a", "ern"} {
		c := append(b[:nb], suf...)
		if n := x.r.m.names.rootNodeBytes(c); n != nil && len(n.entries) > 0 && n.entries[0].Type == "LOC" {
			return n.entries[0]
		}
	}
	return nil
}

func (x *run) inhabitant(f *form) *Entry {
	w := f.s
	// A word that ends in no key's last byte and in neither n nor s is
	// no key and no key + cut: no need to probe the prefix table, which
	// nearly every capitalised noun did only for this (inhabitantRef in
	// the tests has no such test).
	if !x.r.m.inhabitLast.mayEnd(w) || !x.prefix(f).inhabit {
		return nil
	}
	m := x.r.m.inhabit
	if e := m[w]; e != nil {
		return e
	}
	for _, cut := range inhabitCuts {
		if strings.HasSuffix(w, cut) {
			if e := m[w[:len(w)-len(cut)]]; e != nil {
				return e
			}
		}
	}
	return nil
}

// inhabitCuts are the endings inhabitant removes to find an inhabitant
// noun (Franzose|n, Schweizer|innen).
var inhabitCuts = [...]string{"n", "en", "nen", "in", "innen", "s"}

// placeAdjective maps Berliner, Schweizer, Münchner, Bremer to their place.
func (x *run) placeAdjective(f *form) *Entry {
	w := f.s
	if len(w) < 6 {
		return nil
	}
	// The ending first: a word without one needs no probe of the prefix
	// table (placeAdjectiveRef in the tests probed first).
	var b string
	for _, suf := range []string{"erinnen", "erin", "ern", "er"} {
		if strings.HasSuffix(w, suf) {
			b = w[:len(w)-len(suf)]
			break
		}
	}
	if b == "" || !x.prefix(f).loc {
		return nil
	}
	// The candidates are built in a stack buffer: a map index with
	// string(bytes) does not allocate.
	var buf [64]byte
	root := x.r.m.names
	try := func(stem, suffix string) *Entry {
		if len(stem)+len(suffix) > len(buf) || utf8.RuneCountInString(stem)+len(suffix) < 4 {
			return nil
		}
		c := append(append(buf[:0], stem...), suffix...)
		if n := root.rootNodeBytes(c); n != nil && len(n.entries) > 0 && n.entries[0].Type == "LOC" {
			return n.entries[0]
		}
		return nil
	}
	if e := try(b, ""); e != nil { // Berlin|er
		return e
	}
	if e := try(b, "en"); e != nil { // Brem|er → Bremen
		return e
	}
	if e := try(b, "e"); e != nil { // Itzeho|er → Itzehoe
		return e
	}
	if strings.HasSuffix(b, "n") {
		if e := try(b[:len(b)-1], "en"); e != nil { // Münchn|er → München
			return e
		}
	}
	if strings.HasSuffix(b, "i") {
		if e := try(b[:len(b)-1], "ien"); e != nil { // Australi|er → Australien
			return e
		}
	}
	if strings.HasSuffix(b, "städt") {
		return try(b[:len(b)-len("städt")], "stadt") // Darmstädt|er
	}
	return nil
}

// part finds compounds that contain a name: US-Präsident (LOCpart),
// Trump-Regierung (PERpart), Kremlsprecher (ORGpart).
func (x *run) part(i int) bool {
	f := x.t[i].form
	if x.partAt(f) == noType {
		return false
	}
	if f.facts&kPartWhole != 0 {
		end := i + 1
		if f.partTyp == typePER {
			end = x.personRun(i+1, 2) // Erkki-Sven Tüür
		}
		x.add(Mention{Start: i, End: end, Type: f.partTyp.String(), Rule: "part-name"})
		return true
	}
	canon, qid := "", ""
	if f.partE != nil {
		canon, qid = f.partE.Canonical, f.partE.QID
	}
	x.add(Mention{Start: i, End: i + 1, Type: f.partTyp.String(), Rule: "part", Canonical: canon, QID: qid})
	return true
}

// partAt is the part type of form f (see partOf), computed once.
func (x *run) partAt(f *form) typeCode {
	if f.known&kPart == 0 {
		f.known |= kPart
		x.partOf(f)
	}
	return f.partTyp
}

// partOf finds the name inside the compound f and the type of the mention
// it makes (f.partTyp, noType for none), whatever the context.
func (x *run) partOf(f *form) {
	w := f.s
	if strings.Contains(w, "-") {
		if strings.HasSuffix(w, "-") || strings.HasPrefix(w, "-") {
			return // Bildungs- und Forschungsreise: a truncated word
		}
		// When the last part is a name too (Berlin-Mitte, Köln-Wahn,
		// Müller-Sönksen), the whole is a name of the first part's type,
		// not a -part compound.
		last := w[strings.LastIndexByte(w, '-')+1:]
		lastName := x.nameWord(last)
		for p := range strings.SplitSeq(w, "-") {
			typ := ""
			// One probe of the key table answers both the trie and the
			// name lists (partOfHyphenRef in the tests asked the trie
			// and two Go maps).
			fl, n := x.r.m.capFlagsRoot(p)
			var e *Entry
			if n != nil && len(n.entries) > 0 {
				e = n.entries[0]
				typ = e.Type
			} else if fl&(capFirst|capSurname) != 0 {
				typ = "PER"
			} else if x.r.m.acronymPart && isAcronym(p) && !x.r.m.acronymStop[p] && utf8.RuneCountInString(p) <= 5 {
				typ = "ORG"
			}
			if typ == "" {
				continue
			}
			if lastName && p != last || lastName && typ == "PER" {
				f.partTyp = codeOf(typ)
				f.set(kPartWhole, true)
				return
			}
			f.partTyp, f.partE = partType(typ), e
			return
		}
		return
	}
	// Closed compound: a known name, then a common noun of at least partMin
	// letters (Kreml|sprecher, Deutschland|reise).
	if x.r.lex == nil || len(w) < 7 || f.noun {
		return // a lexicon noun is no name compound (measured: no loss on dev)
	}
	for _, v := range x.prefix(f).lens {
		k := int(uint32(v))
		if k >= len(w) || !utf8.RuneStart(w[k]) || uint32(v>>32) != tail2(w[:k]) {
			continue // or w[:k] is none of the names (see nameLen)
		}
		rest := w[k:]
		if utf8.RuneCountInString(rest) < x.r.m.partMin {
			continue
		}
		e := x.single(w[:k])
		if e == nil || e.Amb || e.Kind == "city" || e.Kind == "state" && k < 5 || utf8.RuneCountInString(w[:k]) < 3 || e.Kind != "curated" && x.r.lex.IsCommonNoun(w[:k]) {
			continue // a small place as a compound's first part is mostly chance (Wangen|knochen)
		}
		r, size := utf8.DecodeRuneInString(rest)
		head := string(unicode.ToUpper(r)) + rest[size:]
		if x.r.lex.IsCommonNoun(head) || x.linkedNoun(rest) {
			f.partTyp, f.partE = partType(e.Type), e
			return
		}
	}
}

// partType is the code of typ + "part".
func partType(typ string) typeCode {
	if c := codeOf(typ); c != noType {
		return c + typePERpart - typePER
	}
	return noType
}

// linkedNoun reports a compound remainder that is a noun after a linking
// -s- or -es- (Sicherheitsrat|s|reform), or a compound of known nouns
// whose modifier is a noun itself.
func (x *run) linkedNoun(rest string) bool {
	for _, link := range []string{"s", "es"} {
		if strings.HasPrefix(rest, link) && len(rest) > len(link)+3 {
			r, size := utf8.DecodeRuneInString(rest[len(link):])
			if x.r.lex.IsCommonNoun(string(unicode.ToUpper(r)) + rest[len(link)+size:]) {
				return true
			}
		}
	}
	return false
}

// nameWord reports a capitalised word that is a name, not a common noun.
func (x *run) nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || isAcronym(w) {
		return false
	}
	if fl, n := x.r.m.capFlagsRoot(w); fl&(capFirst|capSurname) != 0 || n != nil && len(n.entries) > 0 {
		return true // a first name, a surname or a one-token name: one probe (nameWordRef in the tests asks two maps and the trie)
	}
	if x.r.lex == nil || x.r.lex.IsCommonNoun(w) || x.r.m.nounSuffix(w) {
		return false
	}
	// A last part that ends in a noun (Regierung|s|chef) is read as a
	// compound; measured on GermEval dev that is right more often than
	// the names it misses (Vege|sack).
	if x.r.comp != nil {
		if _, _, ok := x.r.comp.CompoundHead(w); ok {
			return false
		}
	}
	return true
}

// single returns the entry of a one-token name.
func (x *run) single(w string) *Entry {
	if n := x.r.m.names.rootNode(w); n != nil && len(n.entries) > 0 {
		return n.entries[0]
	}
	return nil
}

// placeSuffix: in/nach/aus + an unknown capitalised word with a place-name
// ending (Oberwolfsdorf) is a place.
func (x *run) placeSuffix(i int) bool {
	t := x.t[i]
	if i == 0 || !x.prep(i-1, false) || t.noun || t.fw || x.named(t.form) || x.nounSuffix(i) {
		return false // compounds are fine here: Oberwolfs|dorf
	}
	v, ok := t.get(kPlaceSuf)
	if !ok {
		lw := x.lower(i)
		if x.r.m.placeSufLast.mayEnd(lw) { // else no ending can match (see byteSet)
			for _, s := range x.r.m.placeSuf {
				if strings.HasSuffix(lw, s) && len(lw) > len(s)+2 {
					v = true
					break
				}
			}
		}
		t.set(kPlaceSuf, v)
	}
	if v {
		x.add(Mention{Start: i, End: i + 1, Type: "LOC", Rule: "place-suffix"})
	}
	return v
}

// unknown types a run of capitalised words that no list or rule knows.
func (x *run) unknown(i int) int {
	t := x.t[i]
	if t.noun || t.fw {
		return 0
	}
	// Only a known name, a place preposition before, or a following capital
	// or finite verb can type an unknown word; check these cheap contexts
	// before the costly compound test in nameLike.
	named := x.named(t.form)
	if !named && !(i > 0 && x.prep(i-1, false)) && !(i+1 < len(x.t) && (x.t[i+1].cap || x.finiteVerb(i+1))) &&
		!(i > 0 && (x.finiteVerb(i-1) || i > 1 && x.t[i-1].s == "sich" && x.finiteVerb(i-2))) &&
		!(strings.HasSuffix(t.s, "s") && x.nounFollows(i+1)) {
		return 0
	}
	if i > 0 && !named && x.determined(i-1) {
		return 0
	}
	if !x.nameLike(i) {
		return 0
	}
	end := x.nameRun(i, 3)
	if end <= i {
		return 0
	}
	if x.t[i].initial && end == i+1 && !named && (!(end < len(x.t) && x.finiteVerb(end)) || x.t[i].adj || x.anyVerb(i)) {
		return 0 // a sentence-initial capital says nothing, unless a verb in the singular follows
	}
	if i > 0 && !named && x.determined(i-1) {
		return 0 // der Konvikt, einem Zentralbau: a noun the lexicon lacks
	}
	if w := x.t[i].s; utf8.RuneCountInString(w) < 3 || strings.HasSuffix(w, ".") {
		return 0
	}
	typ, rule := "", ""
	for j := i; j < end; j++ {
		if x.t[j].surname || x.t[j].first {
			typ, rule = "PER", "person-surname"
		}
	}
	if typ == "" && i > 0 && (x.prep(i-1, false) && x.r.lex != nil && x.r.lex.IsName(x.t[i].s) || x.prep(i-1, true)) {
		typ, rule = "LOC", "place-prep"
	}
	if typ == "" && end < len(x.t) && x.finiteVerb(end) {
		typ, rule = "PER", "person-verb"
	}
	// Verb-second order puts the subject after the verb: sagt Eymer,
	// distanzierte sich Moein, verfolgte Hitler.
	if typ == "" && i > 0 && (x.finiteVerb(i-1) || i > 1 && x.t[i-1].s == "sich" && x.finiteVerb(i-2)) {
		typ, rule = "PER", "person-verb"
	}
	// A Saxon genitive before a noun is mostly a person: Nerudas
	// gesundheitliche Verfassung, Zabels Entscheidung.
	if typ == "" && end == i+1 && strings.HasSuffix(x.t[i].s, "s") && x.nounFollows(end) {
		typ, rule = "PER", "person-genitive"
	}
	if typ == "" {
		typ, rule = defaultUnknown, "unknown-name"
	}
	if typ == "" {
		return 0
	}
	x.add(Mention{Start: i, End: end, Type: typ, Rule: rule})
	return end
}

// defaultUnknown is the type given to capitalised words that no list,
// rule or context types. Measured on GermEval dev, typing them PER costs
// more precision than it gains recall (outer F1 -0.02), so they are dropped.
const defaultUnknown = ""

func isAcronym(w string) bool {
	// Most capitalised words go on in ASCII lower case (Regierung): their
	// second byte is a lower-case letter, which no acronym has.
	if len(w) > 1 && 'a' <= w[1] && w[1] <= 'z' {
		return false
	}
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		} else if !unicode.IsDigit(r) && r != '&' {
			return false
		}
	}
	return n >= 2
}

// nounSuffix reports a derivational noun ending (-ung, -heit, -tion).
// Endings are lower case, so a capitalised word needs no lower-casing.
func (m *Model) nounSuffix(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, s := range m.nounSufByLast[w[len(w)-1]] {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// nounSuffix is Model.nounSuffix of token i.
func (x *run) nounSuffix(i int) bool {
	f := x.t[i].form
	if f.known&kNounSuffix == 0 {
		f.set(kNounSuffix, x.r.m.nounSuffix(f.s))
	}
	return f.facts&kNounSuffix != 0
}

// determined reports whether token j makes the next word a common noun:
// an article or a lower-case attributive adjective (der, einem, großen).
func (x *run) determined(j int) bool {
	if f := x.t[j].form; f.known&kDetermined != 0 {
		return f.facts&kDetermined != 0
	}
	return x.findDetermined(j)
}

func (x *run) findDetermined(j int) bool {
	t := x.t[j].form
	lw := x.lower(j)
	if x.r.m.determinerSet.has(lw) {
		return t.set(kDetermined, true)
	}
	if t.low && len(lw) > 3 && (strings.HasSuffix(lw, "en") || strings.HasSuffix(lw, "er") || strings.HasSuffix(lw, "es") || strings.HasSuffix(lw, "em") || strings.HasSuffix(lw, "e")) && !x.r.m.function[lw] && !x.finiteVerbAny(j) {
		return t.set(kDetermined, true) // not sagte, erklärten: finite verbs end in -e and -en too
	}
	return t.set(kDetermined, false)
}

// finiteVerb reports a lower-case finite verb form in the third person
// (sagte, erklärt, hatte): a subject before it that no list knows is most
// often a person.
func (x *run) finiteVerb(j int) bool {
	t := x.t[j]
	if !t.low || x.r.verb == nil {
		return false
	}
	return x.verbFacts(j)&kFinite3 != 0
}

// verbFacts returns the facts of token j's verb readings (kAnyVerb,
// kFiniteAny, kFinite3), from one look-up per form. The recogniser must
// have a verb lexicon.
func (x *run) verbFacts(j int) uint64 {
	f := x.t[j].form
	if f.known&kVerb == 0 {
		x.findVerbFacts(f)
	}
	return f.facts
}

func (x *run) findVerbFacts(f *form) {
	f.known |= kVerb | kAnyVerb | kFiniteAny | kFinite3
	rs := x.r.verb.VerbReadings(f.s)
	if len(rs) > 0 {
		f.facts |= kAnyVerb
	}
	for _, r := range rs {
		if r.Finite() {
			f.facts |= kFiniteAny
			if r.Person == 3 && r.Number == lexicon.Singular {
				f.facts |= kFinite3
			}
		}
	}
}

// titles marks short quotations that look like titles of works (OTH).
func (x *run) titles() {
	m := x.r.m
	for a := 0; a < len(x.t); a++ {
		// Quotes are ASCII " or start with a byte >= 0xC2 („ “ » «).
		if w := x.t[a].s; w == "" || w[0] != '"' && w[0] < 0xC2 || !x.quote(a, kQuoteOpen, &m.quoteOpenSet) {
			continue
		}
		b := a + 1
		for b < len(x.t) && !x.quote(b, kQuoteClose, &m.quoteCloseSet) && b-a <= m.titleMax+1 {
			b++
		}
		if b >= len(x.t) || !x.quote(b, kQuoteClose, &m.quoteCloseSet) {
			continue
		}
		if x.titleLike(a+1, b) {
			typ := "OTH"
			if b-a > 2 && x.orgish(a+1, b) {
				typ = "ORG" // „Berliner Zeitung“, „Verband Norddeutscher Frauenvereine“
			}
			x.add(Mention{Start: a + 1, End: b, Type: typ, Rule: "oth-title"})
		}
		a = b
	}
}

// quote reports whether token i is in set (quoteOpen or quoteClose, fact
// k).
func (x *run) quote(i int, k uint64, set *wordSet) bool {
	f := x.t[i].form
	if v, ok := f.get(k); ok {
		return v
	}
	return f.set(k, set.has(f.s))
}

func (x *run) titleLike(a, b int) bool {
	if b <= a || b-a > x.r.m.titleMax || !(x.t[a].cap || x.t[a].acr) {
		return false
	}
	if b-a == 1 && (x.t[a].noun || x.weak(a) || x.t[a].acr || !x.nameLike(a)) {
		return false // scare quotes around a common noun: die „Gleichschaltung“
	}
	if x.t[a].noun {
		// A phrase that opens with a common noun and goes on in lower case
		// is quoted speech, not a title: „Nummer eins im Osten“.
		for j := a + 1; j < b; j++ {
			if x.t[j].low {
				return false
			}
		}
	}
	for j := a; j < b; j++ {
		t := x.t[j]
		if x.cov[j] {
			return false // a known name inside keeps its own type
		}
		switch t.s {
		case ",", ".", "!", "?", ";":
			return false
		}
		if x.finiteVerbAny(j) {
			return false
		}
	}
	return true
}

// finiteVerbAny reports a lower-case finite verb form in any person.
func (x *run) finiteVerbAny(j int) bool {
	t := x.t[j]
	if !t.low || x.r.verb == nil {
		return false
	}
	return x.verbFacts(j)&kFiniteAny != 0
}

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// clubs joins an organisation or an unknown name with the town after it
// (THW Kiel, VfB Stuttgart, Borussia Mönchengladbach): clubs and branches
// are named after their town.
func (x *run) clubs() {
	for k := range x.ms {
		b := x.ms[k]
		if b.Type != "LOC" || b.End-b.Start != 1 || b.Rule != "list:places" || b.Start == 0 {
			continue
		}
		j := b.Start - 1
		// An organisation right before the town.
		for a := range x.ms {
			o := x.ms[a]
			if o.End == b.Start && o.Type == "ORG" && (o.Rule == "org-acronym" || o.Rule == "org-head" || o.Rule == "list:entities") {
				x.add(Mention{Start: o.Start, End: b.End, Type: "ORG", Rule: "org-club"})
				return
			}
		}
		// An unknown name or a short acronym right before the town (AS Rom,
		// SC Freiburg).
		if !x.cov[j] && (x.nameLike(j) || x.t[j].acr && !x.r.m.acronymStop[x.t[j].s]) && !x.named(x.t[j].form) && !(x.t[j].initial && x.t[j].fw) {
			x.add(Mention{Start: j, End: b.End, Type: "ORG", Rule: "org-club"})
			return
		}
	}
}

// orgCompound: a place adjective before a compound that ends in an
// organisation head is an organisation (Bayerischen Staatsministerium,
// Hamburger Frauenverbände, Veitscher Magnesitwerke).
//
// The lower-cased word is made only when the word before is such an
// adjective: most capitalised words after a capital are not.
func (x *run) orgCompound(i int) bool {
	if i == 0 || x.cov[i-1] {
		return false
	}
	p := x.t[i-1]
	if !p.cap || x.placeAdjectiveAt(i-1) == nil && x.demonymAt(i-1) == nil {
		return false
	}
	f := x.t[i].form
	v, ok := f.get(kOrgSuffix)
	if !ok {
		lw := strings.TrimSuffix(x.lower(i), "s")
		for _, h := range x.r.m.orgHeads {
			if len(h) >= 4 && strings.HasSuffix(lw, h) || hasSuffix2(lw, h, "e") || hasSuffix2(lw, h, "en") {
				v = true
				break
			}
		}
		f.set(kOrgSuffix, v)
	}
	if v {
		x.add(Mention{Start: i - 1, End: i + 1, Type: "ORG", Rule: "org-head"})
	}
	return v
}

// hasSuffix2 is strings.HasSuffix(s, a+b) without building a+b.
func hasSuffix2(s, a, b string) bool {
	return len(s) >= len(a)+len(b) && strings.HasSuffix(s, b) && s[len(s)-len(b)-len(a):len(s)-len(b)] == a
}

// street finds street and station names (LOC).
func (x *run) street(i int) bool {
	t := x.t[i]
	if i+1 < len(x.t) && x.t[i+1].info&capStreet != 0 && !x.cov[i+1] && !t.initial {
		if x.placeAdjectiveAt(i) != nil || x.named(t.form) || x.nameLike(i) {
			x.add(Mention{Start: i, End: i + 2, Type: "LOC", Rule: "place-street"})
			return true
		}
	}
	v, ok := t.get(kStreetSuf)
	if !ok {
		v = x.streetSuffix(i)
	}
	if v {
		x.add(Mention{Start: i, End: i + 1, Type: "LOC", Rule: "place-street"})
	}
	return v
}

// streetSuffix reports a one-word street name (Alexanderplatz): no
// lexicon noun, eight letters or more, a street ending.
func (x *run) streetSuffix(i int) bool {
	t := x.t[i].form
	if v, ok := t.get(kStreetSuf); ok {
		return v
	}
	v := false
	// Eight letters are eight bytes or more: the letters are counted only
	// for a word with a street ending.
	if !t.noun && len(t.s) >= 8 {
		lw := t.s                           // street endings are lower case in a capitalised word (Alexanderplatz)
		if x.r.m.streetSufLast.mayEnd(lw) { // else no ending can match (see byteSet)
			for _, s := range x.r.m.streetSuf {
				if strings.HasSuffix(lw, s) && len(lw) > len(s)+3 {
					v = true
					break
				}
			}
		}
		v = v && utf8.RuneCountInString(t.s) >= 8
	}
	return t.set(kStreetSuf, v)
}

func hasInhabitantEnding(w string) bool {
	return strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "erin") || strings.HasSuffix(w, "erinnen")
}

// coordination gives an unknown name the type of the name it is
// coordinated with: Gudme und Lundborg, Tranomaro , Folakara und Makay.
func (x *run) coordination() {
	for changed := true; changed; {
		changed = false
		for k := range x.ms {
			m := x.ms[k]
			if m.Type != "PER" && m.Type != "LOC" && m.Type != "ORG" {
				continue
			}
			// A name after "und"/","/"oder".
			if j := m.End + 1; j < len(x.t) && isConj(x.t[m.End].s) && !x.cov[j] && x.coordinable(j) {
				end := x.nameRun(j, 3)
				if m.Type == "PER" {
					end = x.personRun(j, 3)
				}
				if end > j {
					x.add(Mention{Start: j, End: end, Type: m.Type, Rule: "coordination"})
					changed = true
					break
				}
			}
			// A single name before ","/"und" (in a list the first member).
			if j := m.Start - 2; j >= 0 && isConj(x.t[m.Start-1].s) && !x.cov[j] && x.coordinable(j) && (j == 0 || !x.t[j-1].cap) {
				x.add(Mention{Start: j, End: j + 1, Type: m.Type, Rule: "coordination"})
				changed = true
				break
			}
		}
	}
}

func isConj(w string) bool { return w == "und" || w == "oder" || w == "," || w == "sowie" }

func (x *run) coordinable(j int) bool {
	t := x.t[j]
	if !t.cap || t.fw || t.noun || t.acr || j > 0 && x.determined(j-1) || strings.HasSuffix(t.s, ".") {
		return false
	}
	return x.nameLike(j)
}

// anyVerb reports whether token i, lower-cased, is a verb form (Verletzt,
// Gegründet at the start of a sentence).
func (x *run) anyVerb(i int) bool {
	return x.r.verb != nil && x.verbFacts(i)&kAnyVerb != 0
}

// orgish reports a quoted name that reads as an organisation: it opens with
// a place adjective (Berliner Zeitung) or holds an organisation head.
func (x *run) orgish(a, b int) bool {
	if x.placeAdjectiveAt(a) != nil {
		return true
	}
	for j := a; j < b; j++ {
		w := x.t[j].s
		if x.r.m.orgHeadCap[w] || x.r.m.orgHeadCap[strings.TrimSuffix(w, "es")] || x.r.m.orgHeadCap[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	return false
}

// isClubNumber: the year or number in a club's name (Schalke 04, Hannover 96).
func isClubNumber(w string) bool {
	return len(w) == 2 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9'
}

func isOrdinal(w string) bool {
	return len(w) == 2 && w[0] >= '1' && w[0] <= '9' && w[1] == '.'
}

// nounFollows reports a common noun at j, possibly after one lower-case
// adjective.
func (x *run) nounFollows(j int) bool {
	if j < len(x.t) && x.t[j].low && j+1 < len(x.t) && !x.function(j) {
		j++
	}
	return j < len(x.t) && x.t[j].cap && x.t[j].noun
}

// is reports a flag of token i: from the token's flags when it is
// capitalised, else by a lookup in set (lower-case legal forms like e.V.,
// symbols like €).
func (x *run) is(i int, flag uint16) bool {
	f := x.t[i].form
	if f.cap {
		return f.info&flag != 0
	}
	if f.low && len(f.s) > 4 {
		return false
	}
	k, set := kLegal, &x.r.m.legalSet
	if flag == capCurrency {
		k, set = kCurrency, &x.r.m.currencySet
	}
	if v, ok := f.get(k); ok {
		return v
	}
	return f.set(k, set.has(f.s))
}

// flag is is with the capitalised case inline.
func (x *run) flag(i int, flag uint16) bool {
	if x.t[i].cap {
		return x.t[i].info&flag != 0
	}
	return x.is(i, flag)
}

// function reports a lower-case function word or adverb.
func (x *run) function(j int) bool {
	f := x.t[j].form
	if v, ok := f.get(kFunction); ok {
		return v
	}
	return f.set(kFunction, x.r.m.function[f.s])
}

// prep reports whether token j is in the preposition set, also when it
// opens the sentence with a capital (In Marienthal).
func (x *run) prep(j int, strong bool) bool {
	f := x.t[j].form
	k, kl, set := kPlacePrep, kPlacePrepLow, &x.r.m.placePrepSet
	if strong {
		k, kl, set = kStrongPrep, kStrongPrepLow, &x.r.m.strongPrepSet
	}
	v, ok := f.get(k)
	if !ok {
		v = f.set(k, set.has(f.s))
	}
	if v {
		return true
	}
	if !x.t[j].initial || !f.cap {
		return false
	}
	if v, ok := f.get(kl); ok {
		return v
	}
	return f.set(kl, set.has(x.lower(j)))
}

var titleWords = map[string]bool{"Der": true, "Die": true, "Das": true, "Den": true, "Dem": true, "Des": true,
	"Ein": true, "Eine": true, "Einer": true, "Und": true, "Oder": true, "Von": true, "Zu": true, "Zum": true,
	"Zur": true, "Im": true, "Am": true, "In": true, "An": true, "Auf": true, "Aus": true, "Mit": true,
	"Nach": true, "Bei": true, "Für": true, "Über": true, "Unter": true, "Vor": true, "Wie": true, "Was": true,
	"Wer": true, "Wo": true, "Ich": true, "Du": true, "Er": true, "Sie": true, "Es": true, "Wir": true, "Ihr": true}

// apposCompound reports a compound that ends in an apposition head
// (Chemiekonzern BASF, Ölgesellschaft Petrobras, Fußballverein Ascoli).
func (x *run) apposCompound(i int) bool {
	f := x.t[i].form
	if !f.cap || len(f.s) < 8 {
		return false
	}
	if v, ok := f.get(kAppos); ok {
		return v
	}
	if c := f.s[len(f.s)-1]; c < utf8.RuneSelf && !x.r.m.apposLast.has(asciiLower(c)) {
		// An ASCII last byte is the last byte of the lower-cased word
		// too, in lower case: no head ends so, and the word need not be
		// lower-cased.
		return f.set(kAppos, false)
	}
	lw := x.lower(i)
	if x.r.m.apposLast.mayEnd(lw) { // else no ending can match (see byteSet)
		for _, h := range x.r.m.apposHeads {
			if strings.HasSuffix(lw, h) && len(lw) > len(h)+2 {
				return f.set(kAppos, true)
			}
		}
	}
	return f.set(kAppos, false)
}

// asciiLower is unicode.ToLower of an ASCII byte.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
