// Package ner finds named entities in German text (GermEval/NoSta-D types
// PER, LOC, ORG, OTH and their -deriv and -part forms) with gazetteers, a
// hand-curated entity table and rules, all read from models/ner, and links
// the mentions of one article to canonical names and Wikidata IDs.
package ner

import (
	"cmp"
	"fmt"
	"io/fs"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/ereignis/ereignis/internal/hugemem"
	"github.com/ereignis/ereignis/models"
)

// Entry is what a list knows about a name.
type Entry struct {
	Canonical string
	QID       string // Wikidata ID, or another stable id ("geonames:2867714"), or ""
	Type      string // PER, LOC, ORG, OTH
	Kind      string // country, state, city, region, curated
	Source    string // the list: "places", "entities"
	Amb       bool   // also a common noun (Essen): needs a place preposition before it
	Roles     []string
}

// Model is the loaded, read-only NER data. Build it once (Default or Load)
// and share it; it has no mutable state.
type Model struct {
	names         *trie             // multi-token names from places.tsv and entities.tsv
	function      map[string]bool   // lowercase function words and adverbs
	orgHeadCap    map[string]bool   // org heads as they appear in text (Universität, FC)
	capInfo       map[string]uint16 // capitalised word → cap* flags: one lookup per token
	filter        *keyFilter        // over capInfo's keys (capSet) and the trie's roots (rootSet)
	keys          *keyTable         // capInfo and the trie's roots in one table (the maps are the reference)
	first         map[string]bool   // first names
	surnames      map[string]bool   // surnames
	demonyms      map[string]*Entry // adjective stem ("russisch") → place entry
	inhabit       map[string]*Entry // inhabitant noun ("Russe", "Franzosen") → place entry
	roleOf        map[string]*Entry // curated role noun ("Kremlsprecher") → person
	lastName      map[string]*Entry // last word of a curated person → person; nil when two share it
	rules         map[string]*RuleFile
	roleWords     []string // lowercase role heads, longest first
	roleSet       map[string]bool
	titles        map[string]bool
	legal         map[string]bool
	orgHeads      []string // lowercase, longest first
	orgHeadSet    map[string]bool
	acronymStop   map[string]bool
	placePreps    map[string]bool
	strongPreps   map[string]bool // in, nach: an unknown name right after them is a place
	apposHeads    []string        // apposition heads of 5+ bytes that also end compounds (Chemie|konzern)
	apposLast     byteSet         // the last bytes of apposHeads
	orgAppos      map[string]bool // class nouns before an organisation name (Gewerkschaft, Verein)
	lowerStarts   map[string]bool // trie roots that do not start with a capital (dpa, eBay)
	acronymPart   bool            // an unknown acronym makes an ORGpart compound (TPP-Fraktion)
	placeSuf      []string
	placeSufLast  byteSet // the last bytes of placeSuf (see byteSet)
	inhabitLast   byteSet // the last bytes of inhabit's keys and of inhabitCuts: the words inhabitant can find
	derivEnd      []string
	currency      map[string]bool
	nounSuf       []string
	nounSufByLast [256][]string       // noun endings by their last byte (an array: no map probe per word)
	prefixes      prefixTable         // first three bytes of a word (see prefix3) → what starts so (see prefixInfo)
	prefixLens    [][]uint64          // the lens of prefixInfo, by index
	roleByEnd     map[uint32][]string // role heads (5+ bytes) by their last four bytes (see suffix4)
	titleMax      int
	streetHeads   map[string]bool
	streetSuf     []string
	streetSufLast byteSet // the last bytes of streetSuf
	acronymMin    int
	quoteOpen     map[string]bool
	quoteClose    map[string]bool
	partMin       int

	// The small sets that fresh word forms ask about, with a pre-check
	// (see wordSet); the maps above stay for loading and as the reference.
	legalSet, currencySet, lowerStartSet       wordSet
	placePrepSet, strongPrepSet, determinerSet wordSet
	nameParticleSet, articleParticleSet        wordSet
	quoteOpenSet, quoteCloseSet                wordSet

	// closed-class.tsv
	determiners      map[string]bool // make the next capitalised word a common noun
	nameParticles    map[string]bool // von, van, de: join the parts of a name
	articleParticles map[string]bool // der, la: join a name only after a name particle
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model built from the embedded models/ner data. It is
// loaded once per process.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(models.NER, "ner")
		if err != nil {
			defaultErr = err
			return
		}
		defaultModel, defaultErr = Load(sub)
	})
	return defaultModel, defaultErr
}

// Load builds a model from a folder laid out like models/ner.
func Load(fsys fs.FS) (*Model, error) {
	m := &Model{
		names:    newTrie(),
		first:    map[string]bool{},
		function: map[string]bool{},
		surnames: map[string]bool{},
		demonyms: map[string]*Entry{},
		inhabit:  map[string]*Entry{},
		roleOf:   map[string]*Entry{},
		lastName: map[string]*Entry{},
	}
	var places []Entry // allocated in chunks: 30,000 rows
	if err := eachRow(fsys, "places.tsv", 4, func(f []string) error {
		if len(places) == cap(places) {
			places = make([]Entry, 0, 1024)
		}
		places = append(places, Entry{Canonical: f[1], QID: f[2], Type: "LOC", Kind: f[3], Source: "places"})
		e := &places[len(places)-1]
		if len(f) > 4 && f[4] == "amb" {
			e.Amb = true
		}
		m.names.add(f[0], e)
		return nil
	}); err != nil {
		return nil, err
	}
	byCanon := map[string]*Entry{}
	if err := eachRow(fsys, "entities.tsv", 3, func(f []string) error {
		switch f[2] {
		case "PER", "LOC", "ORG", "OTH":
		default:
			return fmt.Errorf("unknown type %q", f[2])
		}
		e := &Entry{Canonical: f[0], QID: f[1], Type: f[2], Kind: "curated", Source: "entities"}
		if len(f) > 4 && f[4] != "" {
			e.Roles = strings.Split(f[4], "|")
		}
		m.names.add(f[0], e)
		if len(f) > 3 && f[3] != "" {
			for _, a := range strings.Split(f[3], "|") {
				m.names.add(a, e)
			}
		}
		for _, r := range e.Roles {
			m.roleOf[r] = e
		}
		byCanon[e.Canonical] = e
		if e.Type == "PER" {
			ws := strings.Fields(e.Canonical)
			last := ws[len(ws)-1]
			if _, seen := m.lastName[last]; seen {
				m.lastName[last] = nil
			} else if len(ws) > 1 {
				m.lastName[last] = e
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, file := range []string{"demonyms.tsv", "demonyms-extra.tsv"} {
		if err := eachRow(fsys, file, 3, func(f []string) error {
			e := m.placeEntry(f[1], f[2], byCanon)
			switch {
			case strings.HasSuffix(f[0], "isch") || strings.ToLower(f[0]) == f[0]:
				m.demonyms[strings.ToLower(f[0])] = e
			default: // inhabitant nouns are capitalised
				m.inhabit[f[0]] = e
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	for file, set := range map[string]map[string]bool{"firstnames.txt": m.first, "surnames.txt": m.surnames, "function-words.txt": m.function} {
		if err := eachRow(fsys, file, 1, func(f []string) error {
			set[f[0]] = true
			return nil
		}); err != nil {
			return nil, err
		}
	}
	m.determiners, m.nameParticles, m.articleParticles = map[string]bool{}, map[string]bool{}, map[string]bool{}
	if err := eachRow(fsys, "closed-class.tsv", 2, func(f []string) error {
		switch f[0] {
		case "determiner":
			m.determiners[f[1]] = true
		case "name-particle":
			m.nameParticles[f[1]] = true
		case "article-particle":
			m.articleParticles[f[1]] = true
		default:
			return fmt.Errorf("unknown class %q", f[0])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// The capitalised keys are built in one buffer (see keyBuf).
	var keys keyBuf
	keys.b.Grow(128 << 10)
	var adjectives []string
	if err := eachRow(fsys, "adjectives.txt", 1, func(f []string) error {
		adjectives = append(adjectives, f[0])
		return nil
	}); err != nil {
		return nil, err
	}
	m.capInfo = make(map[string]uint16, len(m.function)+len(adjectives)+len(m.first)+len(m.surnames))
	for w := range m.function {
		m.capInfo[keys.upperFirst(w, "")] |= capFunction
	}
	for _, w := range adjectives {
		m.capInfo[keys.upperFirst(w, "")] |= capAdjective
	}
	// Packed into integers, the prefix table stays small enough for the
	// cache; the lens of all prefixes share one backing array.
	m.lowerStarts = map[string]bool{}
	prefixes := make(map[uint32]uint32, 8192)
	ends := append(make([]string, 0, len(inhabitCuts)+len(m.inhabit)), inhabitCuts[:]...)
	for w := range m.inhabit {
		if len(w) >= 3 {
			prefixes[prefix3(w)] |= prefixInhabit
		}
		ends = append(ends, w)
	}
	m.inhabitLast = lastBytes(ends)
	type prefixLen struct {
		key  uint32
		n    int
		tail uint32 // the name's last two bytes (see nameLen)
	}
	var opens []prefixLen // one-word names that may open a compound
	for _, r := range m.names.roots {
		w, n := r.w, r.n
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			m.lowerStarts[w] = true
		}
		if len(w) < 3 || len(n.entries) == 0 {
			continue
		}
		k := prefix3(w)
		if n.entries[0].Type == "LOC" {
			prefixes[k] |= prefixLoc
		}
		if e := n.entries[0]; !e.Amb && e.Kind != "city" { // never a compound's first part (see part)
			opens = append(opens, prefixLen{k, len(w), tail2(w)})
		}
	}
	slices.SortFunc(opens, func(a, b prefixLen) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return b.n - a.n // longest first
	})
	lens := make([]uint64, len(opens))
	for i := 0; i < len(opens); {
		j := i
		for ; j < len(opens) && opens[j].key == opens[i].key; j++ {
			lens[j] = nameLen(opens[j].n, opens[j].tail)
		}
		m.prefixLens = append(m.prefixLens, lens[i:j:j])
		prefixes[opens[i].key] |= uint32(len(m.prefixLens)) << 2
		i = j
	}
	m.prefixes = newPrefixTable(prefixes)
	rules, err := parseRules(fsys, "rules")
	if err != nil {
		return nil, err
	}
	m.rules = rules
	m.roleWords = longestFirst(rules["person-role"].list("words"))
	m.roleSet = setOf(m.roleWords, false)
	for _, w := range rules["person-firstname"].list("not") {
		delete(m.first, w)
	}
	for w := range m.first {
		m.capInfo[w] |= capFirst
	}
	for w := range m.surnames {
		m.capInfo[w] |= capSurname
	}
	m.titles = setOf(rules["person-title"].list("words"), false)
	m.legal = setOf(rules["org-legal"].list("words"), false)
	m.orgHeads = longestFirst(rules["org-head"].list("words"))
	m.orgHeadSet = setOf(m.orgHeads, false)
	m.orgAppos = map[string]bool{}
	for _, h := range rules["org-head"].list("apposition") {
		if len(h) >= 5 {
			m.apposHeads = append(m.apposHeads, h)
		}
		m.orgAppos[keys.upperFirst(h, "")] = true
		m.capInfo[keys.upperFirst(h, "")] |= capOrgAppos
		m.capInfo[keys.upperFirst(h, "s")] |= capOrgAppos
	}
	m.apposLast = lastBytes(m.apposHeads)
	m.orgHeadCap = map[string]bool{}
	for _, h := range m.orgHeads {
		up, upS := keys.upperFirst(h, ""), keys.upperFirst(h, "s")
		m.orgHeadCap[up] = true
		m.orgHeadCap[strings.ToUpper(h)] = true
		for _, f := range [...]string{up, strings.ToUpper(h), upS, strings.ToUpper(h) + "s"} {
			m.capInfo[f] |= capOrgHead
		}
	}
	m.acronymStop = setOf(rules["org-acronym"].list("words"), false)
	m.placePreps = setOf(rules["place-suffix"].list("preps"), false)
	m.strongPreps = setOf(rules["place-suffix"].list("strong"), false)
	m.placeSuf = longestFirst(rules["place-suffix"].list("suffixes"))
	m.placeSufLast = lastBytes(m.placeSuf)
	m.derivEnd = longestFirst(rules["loc-deriv"].list("endings"))
	m.currency = setOf(rules["oth-currency"].list("words"), false)
	m.nounSuf = longestFirst(rules["common-noun"].list("suffixes"))
	for _, s := range m.nounSuf {
		m.nounSufByLast[s[len(s)-1]] = append(m.nounSufByLast[s[len(s)-1]], s)
	}
	m.roleByEnd = map[uint32][]string{}
	for _, r := range m.roleWords {
		if len(r) >= 5 {
			m.roleByEnd[suffix4(r)] = append(m.roleByEnd[suffix4(r)], r)
		}
	}
	m.streetHeads = setOf(rules["place-street"].list("words"), false)
	m.streetSuf = longestFirst(rules["place-street"].list("suffixes"))
	m.streetSufLast = lastBytes(m.streetSuf)
	m.acronymMin = 2
	if v := rules["org-acronym"].list("min"); len(v) == 1 {
		fmt.Sscan(v[0], &m.acronymMin)
	}
	m.titleMax = 6
	if v := rules["oth-title"].list("max"); len(v) == 1 {
		fmt.Sscan(v[0], &m.titleMax)
	}
	m.quoteOpen = setOf(rules["oth-title"].list("open"), false)
	m.quoteClose = setOf(rules["oth-title"].list("close"), false)
	m.partMin = 4
	if v := rules["part"].list("min"); len(v) == 1 {
		fmt.Sscan(v[0], &m.partMin)
	}
	m.acronymPart = len(rules["part"].list("acronyms")) == 1 && rules["part"].list("acronyms")[0] == "yes"
	// One lookup per capitalised token answers all these questions.
	for w := range m.titles {
		m.capInfo[w] |= capTitle
	}
	for w := range m.legal {
		m.capInfo[w] |= capLegal
	}
	for w := range m.currency {
		m.capInfo[w] |= capCurrency
	}
	for w := range m.streetHeads {
		m.capInfo[w] |= capStreet
	}
	// One filter over the trie's roots and capInfo's keys (see keyFilter).
	m.filter = newKeyFilter(max(len(m.names.roots), len(m.capInfo)))
	for _, r := range m.names.roots {
		m.filter.add(rootSet, r.w)
	}
	for w := range m.capInfo {
		m.filter.add(capSet, w)
	}
	m.legalSet, m.currencySet, m.lowerStartSet = newWordSet(m.legal), newWordSet(m.currency), newWordSet(m.lowerStarts)
	m.placePrepSet, m.strongPrepSet, m.determinerSet = newWordSet(m.placePreps), newWordSet(m.strongPreps), newWordSet(m.determiners)
	m.nameParticleSet, m.articleParticleSet = newWordSet(m.nameParticles), newWordSet(m.articleParticles)
	m.quoteOpenSet, m.quoteCloseSet = newWordSet(m.quoteOpen), newWordSet(m.quoteClose)
	capKeys := make([]string, 0, len(m.capInfo))
	for w := range m.capInfo {
		capKeys = append(capKeys, w)
	}
	m.keys = newKeyTable(m.filter, m.capInfo, m.names.roots, capKeys)
	m.names.filter, m.names.keys = m.filter, m.keys
	m.names.roots = nil // only needed while building
	m.filter.words, m.prefixes.slots = onHugePage(m.filter.words, m.prefixes.slots)
	return m, nil
}

// onHugePage returns copies of a and b, one after the other on one huge
// page (see hugemem.Aligned), or a and b when they do not fit one. The key
// filter and the prefix table (128 KB each) are probed at random for
// nearly every fresh word form, and on 4 KB pages, which the other stages
// evict from the TLB between articles, a probe also missed the TLB.
func onHugePage(a, b []uint64) ([]uint64, []uint64) {
	if len(a)+len(b) > hugemem.HugePage/8 {
		return a, b
	}
	w := hugemem.Aligned(hugemem.HugePage / 8)
	na := copy(w, a)
	nb := copy(w[na:], b)
	return w[:na:na], w[na : na+nb : na+nb]
}

// prefixInfo is what the model knows about words that start with one
// three-byte prefix: one probe of a map with integer keys answers all.
type prefixInfo struct {
	loc     bool     // a one-word place name starts so
	inhabit bool     // an inhabitant noun starts so
	lens    []uint64 // one-word names that start so and may open a compound, longest first: their byte lengths and last two bytes (see nameLen)
}

// prefixTable maps prefix3 keys to packed prefixInfo: an open-addressing
// table of key and value in one word, with no pointers, so that a probe
// of a prefix the other stages evicted is one cache miss rather than the
// two or three of a Go map (directory, control word, slot).
type prefixTable struct {
	slots []uint64 // (key+1)<<32 | value; 0 is an empty slot. len is a power of two
	shift uint     // 32 - log2(len(slots))
}

func newPrefixTable(m map[uint32]uint32) prefixTable {
	n := 1
	for n < 2*len(m) {
		n *= 2
	}
	t := prefixTable{slots: make([]uint64, n), shift: uint(32 - bits.Len(uint(n-1)))}
	mask := uint32(n - 1)
	for k, v := range m {
		i := t.index(k)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint64(k+1)<<32 | uint64(v)
	}
	return t
}

// index is the home slot of key k (Fibonacci hashing).
func (t *prefixTable) index(k uint32) uint32 { return k * 0x9E3779B1 >> t.shift }

// get returns the value of key k, 0 when it has none.
func (t *prefixTable) get(k uint32) uint32 {
	mask := uint32(len(t.slots) - 1)
	for i := t.index(k); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if uint32(s>>32) == k+1 {
			return uint32(s)
		}
	}
}

// suffix4 packs the last four bytes of w (len(w) >= 4) into a key.
func suffix4(w string) uint32 {
	n := len(w)
	return uint32(w[n-4])<<24 | uint32(w[n-3])<<16 | uint32(w[n-2])<<8 | uint32(w[n-1])
}

// prefix3 packs the first three bytes of w (len(w) >= 3) into a key.
func prefix3(w string) uint32 { return uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2]) }

// The bits of a packed prefixInfo; the bits above them are the index + 1
// of its lens in prefixLens (0 for none).
const (
	prefixLoc uint32 = 1 << iota
	prefixInhabit
)

// prefix returns the packed prefixInfo of w's first three bytes (zero when
// none).
func (m *Model) prefix(w string) uint32 {
	if len(w) < 3 {
		return 0
	}
	return m.prefixes.get(prefix3(w))
}

// unpack returns the prefixInfo of packed v.
func (m *Model) unpack(v uint32) prefixInfo {
	p := prefixInfo{loc: v&prefixLoc != 0, inhabit: v&prefixInhabit != 0}
	if k := v >> 2; k > 0 {
		p.lens = m.prefixLens[k-1]
	}
	return p
}

// capFlags returns the cap* flags of w.
func (m *Model) capFlags(w string) uint16 {
	h := m.filter.keyHash(w)
	if !m.filter.hasHash(capSet, h) {
		return 0
	}
	return m.keys.flags(m.keys.find(h, w))
}

// capFlagsRoot returns capFlags(w) and the trie root of w (nil for none),
// with one filter probe and at most one table probe for both (the maps'
// two probes cost two to three cache misses each; capFlagsRootRef in the
// tests is the map version).
func (m *Model) capFlagsRoot(w string) (uint16, *tnode) {
	h := m.filter.keyHash(w)
	if c, r := m.filter.bothHash(h); !c && !r {
		return 0, nil
	}
	i := m.keys.find(h, w)
	return m.keys.flags(i), m.keys.node(i)
}

// isFirst is m.first[w] from the key table, where every first name has
// capFirst (Load sets it for exactly the keys of m.first): one probe of a
// table on a huge page, behind the filter, instead of a Go map's two or
// three cache misses.
func (m *Model) isFirst(w string) bool { return m.capFlags(w)&capFirst != 0 }

// placeEntry returns the entry of a place by canonical name, preferring
// the curated table, else a fresh entry with the given id.
func (m *Model) placeEntry(canon, qid string, byCanon map[string]*Entry) *Entry {
	if e := byCanon[canon]; e != nil {
		return e
	}
	for _, e := range m.names.exact(canon) {
		if e.Canonical == canon {
			return e
		}
	}
	return &Entry{Canonical: canon, QID: qid, Type: "LOC", Kind: "country", Source: "demonyms"}
}

// Rules returns the parsed rule files (for tests and documentation).
func (m *Model) Rules() map[string]*RuleFile { return m.rules }

func longestFirst(ws []string) []string {
	out := make([]string, 0, len(ws))
	seen := map[string]bool{}
	for _, w := range ws {
		w = strings.ToLower(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	// Longest first so that "außenminister" wins over "minister".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// eachRow calls f for each non-comment line of a tab-separated file with at
// least min fields. The file is read into one string and the fields are
// substrings of it, so the keys a caller keeps cost no allocation of their
// own (the model keeps most of each file anyway). The slice passed to f is
// reused for the next row: f may keep the strings, not the slice.
func eachRow(fsys fs.FS, name string, min int, f func([]string) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	// data is this call's own copy and is never written: the fields can be
	// substrings of it without a second copy (1.3 MB for the gazetteers).
	text := unsafe.String(unsafe.SliceData(data), len(data))
	var buf [8]string
	ln := 0
	for len(text) > 0 {
		ln++
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r") // as bufio.ScanLines
		if line == "" || line[0] == '#' {
			continue
		}
		fields := buf[:0]
		for {
			field, more, ok := strings.Cut(line, "\t")
			fields = append(fields, field)
			if !ok {
				break
			}
			line = more
		}
		if len(fields) < min || fields[0] == "" {
			return fmt.Errorf("%s:%d: want at least %d fields", name, ln, min)
		}
		if err := f(fields); err != nil {
			return fmt.Errorf("%s:%d: %v", name, ln, err)
		}
	}
	return nil
}

// keyBuf builds the capitalised keys of the model's tables in one growing
// buffer: each key is a substring of what the builder holds, so the
// 10,000 keys cost a few allocations instead of one each. A strings.Builder
// never changes bytes it has handed out, so the substrings stay valid as
// it grows.
type keyBuf struct{ b strings.Builder }

// upperFirst returns w with its first letter upper-cased, then suffix.
func (k *keyBuf) upperFirst(w, suffix string) string {
	r, size := utf8.DecodeRuneInString(w)
	start := k.b.Len()
	k.b.WriteRune(unicode.ToUpper(r))
	k.b.WriteString(w[size:])
	k.b.WriteString(suffix)
	return k.b.String()[start:]
}

const (
	capFunction  uint16 = 1 << iota // Nach, Auch: a function word at the start of a sentence
	capFirst                        // a first name
	capSurname                      // a surname
	capAdjective                    // an uninflected adjective (Allgemein, Letztlich)
	capTitle                        // Herr, Frau, Dr.
	capLegal                        // AG, GmbH
	capCurrency                     // Euro, Dollar
	capOrgHead                      // Universität, FC (also with -s)
	capOrgAppos                     // Gewerkschaft, Verein (also with -s)
	capStreet                       // Straße, Platz
)

// byteSet is a set of bytes, 256 bits. A suffix list's set of last bytes
// tells in one test that no suffix of the list can end a word, before a
// loop of HasSuffix calls over the list would find the same.
type byteSet [4]uint64

func (s *byteSet) add(b byte) { s[b>>6] |= 1 << (b & 63) }

func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

// mayEnd reports whether a suffix whose last byte is in s may end w; false
// is certain (the empty word ends in no suffix of lastBytes' lists but the
// empty one).
func (s *byteSet) mayEnd(w string) bool {
	if w == "" {
		return s.has(0) // lastBytes marks an empty suffix as byte 0 and all others
	}
	return s.has(w[len(w)-1])
}

// lastBytes is the set of the last bytes of suffixes; an empty suffix,
// which ends every word, puts every byte in.
func lastBytes(suffixes []string) byteSet {
	var s byteSet
	for _, x := range suffixes {
		if x == "" {
			return byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		}
		s.add(x[len(x)-1])
	}
	return s
}

// nameLen packs the byte length n of a name of three bytes or more and its
// last two bytes (tail2): partOf tries a compound's first part w[:n] as a
// name only when it ends in the same two bytes, which saves the probe of
// the trie's roots for nearly every length that does not fit.
func nameLen(n int, tail uint32) uint64 { return uint64(tail)<<32 | uint64(n) }

// tail2 is the last two bytes of w (len(w) >= 2).
func tail2(w string) uint32 { return uint32(w[len(w)-2])<<8 | uint32(w[len(w)-1]) }
