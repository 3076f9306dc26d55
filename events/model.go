package events

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/ereignis/ereignis/models"
)

// Type is one event type of the taxonomy.
type Type struct {
	Name      string
	CAMEO     string
	SmartData string
	// Roles maps the generic clause positions (agent, patient, with,
	// against, between, place, trigger) onto this type's role names; a
	// position missing from the map yields no argument.
	Roles map[string]string
	// Needs restricts a position to named entities of the listed types
	// (agent=buyer:ORG); positions missing from it take any participant.
	Needs map[string][]string
	// Roles and Needs of the positions the argument rules ask for by
	// name, set at load: an array index, not a map probe for each event
	// and position ("" and nil for a position missing from them)
	roles [nPos]string
	needs [nPos][]string
}

// The positions of Type.roles: the names the argument rules ask Roles
// about (posNames).
const (
	posAgent = iota
	posPatient
	posPlace
	posVon
	posGen
	posBei
	posModifier
	posVictims
	posJobs
	posRoad
	posFromplace
	posToplace
	posDirection
	posTrigger
	posNearplace
	posNearorg
	nPos
)

var posNames = [nPos]string{"agent", "patient", "place", "von", "gen", "bei", "modifier", "victims", "jobs",
	"road", "fromplace", "toplace", "direction", "trigger", "nearplace", "nearorg"}

// setPositions fills roles and needs from Roles and Needs.
func (t *Type) setPositions() {
	for k, name := range posNames {
		t.roles[k], t.needs[k] = t.Roles[name], t.Needs[name]
	}
}

type trigger struct {
	typ    *Type
	exact  bool // no compound-head match
	plural bool // only inflected (plural) forms
	org    bool // needs an organisation argument
	per    bool // needs a person argument (a position noun: Vorstandschef Herbert Haas)
	ent    bool // needs a named participant
	norefl bool // not in reflexive use
	orgctx bool // needs an organisation in its sentence (Fusion, not the Fusion-Festival)
}

type modal struct {
	mod   string
	scope string // clause, gov, np
}

type headForm struct {
	low, lemma string
	// low's fourth byte from the end, -1 when low is shorter: compoundHead
	// compares it before the whole suffix (the last three are the key)
	b4 int16
}

type lemmaInfo struct {
	cue    string
	trs    []trigger
	lemma  string // the lemma itself
	mod    modal  // modality[lemma], when hasMod
	hasMod bool
	// an event's Rule for a trigger lemma ("trigger:" + lemma, and for a
	// compound head), made once at load rather than per event
	rule, headRule string
}

// wordEntry gathers what the model knows about one surface form, so that a
// token costs one map lookup.
type wordEntry struct {
	word   string // the surface form itself: lower-casing through the index allocates nothing
	forms  []form
	feats  string // the features of all forms, concatenated
	cls    []string
	kj1    bool
	det    bool   // an article or possessive by cls (setClasses' det, but kein-)
	cbits  uint16 // the classes of cls the heuristics ask about by name (classBits)
	adjLem string // lemma of an inflected adjective of the lists (bevorstehenden → bevorstehend)
	// the lower-case form of word and its entry (nil if the model has none),
	// so that a known token needs one lookup for both
	isLow bool
	lowW  string
	lowE  *wordEntry
}

type form struct {
	lemma string
	feat  string
	known bool // some list names the lemma (Model.known)
}

// Model is the loaded language data of the event stage. It is read-only
// after Load and shared by all goroutines.
type Model struct {
	Types     []*Type
	typeByNam map[string]*Type
	triggers  map[string][]trigger  // lemma → triggers (nouns capitalised)
	heads     []string              // noun trigger lemmas usable as compound heads, longest first
	headIdx   map[string][]headForm // last 3 bytes → lower-case head forms
	cues      map[string]string     // lemma → cue kind
	modality  map[string]modal
	words     map[string][]string // word → classes
	forms     map[string][]form
	kj1       []string      // konjunktiv1.txt, until buildIndex
	slabs     [][]wordEntry // the entries of tab, in the order they were made
	roleNouns []string
	roleIdx   map[string][]string   // role nouns by their last 3 bytes
	support   map[string]bool       // verbs whose subject is the agent of their event-noun object
	nachNouns []string              // heads that make "nach" a cue (nach Angaben, Meinung nach)
	lemmas    map[string]bool       // every lemma some list names (for separable-verb joins)
	tab       entryTable            // everything known about a surface form, by the form
	lemInfo   map[string]*lemmaInfo // the lemmas with their cue kind and triggers: one probe for all three
	// lemInfo again, as open addressing over the lemmas' filterHash (the
	// hash the filters below compute anyway): (hash+1)<<16 | index into
	// lemInfos, 0 for an empty slot
	lemTab   []uint32
	lemInfos []lemmaInfo
	// quick negative answers before the maps: most tokens are neither a
	// known lemma nor end in a role noun
	lemmaF, cueF, trigF filter
	roleF               triFilter
	// idxF holds every key of tab: most distinct word forms of an article
	// are unknown to the model, and tab itself is cold in the pipeline
	idxF keyFilter
	// upF holds the keys of tab that are not in lower case (a few hundred
	// capitalised forms), clsF the keys with closed classes: a capitalised
	// word the model does not know needs its lower-case entry only for
	// these classes (and, at the start of a sentence, for its forms)
	upF, clsF smallFilter
	clsMax    int       // the longest key of clsF: a longer word is none of them
	headF     triFilter // the keys of headIdx
	// headIdx's lists by triHash of their key, one after the other in
	// heads3: the forms of keys with the hash h are
	// heads3[headOff[h]:headOff[h+1]] (a key's own in headIdx's order;
	// a form of another key with the same hash does not end in the key)
	heads3  []headForm
	headOff []uint16
	roles3  []string // roleIdx's lists likewise
	roleOff []uint16
}

// triFilter is a one-bit Bloom filter over strings of three bytes (the
// suffix keys of roleIdx and headIdx), 512 bytes, with a hash that needs
// no call.
type triFilter [64]uint64

func triHash(s string) uint32 {
	k := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	return (k * 0x9e3779b1) >> (32 - 12)
}

func (f *triFilter) add(s string) { h := triHash(s); f[h>>6] |= 1 << (h & 63) }

func (f *triFilter) may(s string) bool { h := triHash(s); return f[h>>6]&(1<<(h&63)) != 0 }

// hashLists puts the lists of idx, keyed by three bytes, one after the
// other by the triHash of their key: the items of the keys with hash h
// are flat[off[h]:off[h+1]], each key's in its list's order (keys with
// the same hash follow each other in the order of the keys).
func hashLists[T any](idx map[string][]T) (flat []T, off []uint16) {
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		hi, hj := triHash(keys[i]), triHash(keys[j])
		return hi < hj || hi == hj && keys[i] < keys[j]
	})
	off = make([]uint16, 1<<12+1)
	k := 0
	for h := range 1 << 12 {
		off[h] = uint16(len(flat))
		for ; k < len(keys) && triHash(keys[k]) == uint32(h); k++ {
			flat = append(flat, idx[keys[k]]...)
		}
	}
	off[1<<12] = uint16(len(flat))
	if len(flat) >= 1<<16 {
		panic("events: hashLists: too many items")
	}
	return flat, off
}

// smallFilter is a keyFilter of 1 KB for sets of a few hundred strings.
type smallFilter [1 << 7]uint64

func (f *smallFilter) addHash(h uint64) {
	w, b := keyBits(h)
	f[w&(uint64(len(f))-1)] |= b
}

func (f *smallFilter) mayHash(h uint64) bool {
	w, b := keyBits(h)
	return f[w&(uint64(len(f))-1)]&b == b
}

// keyFilter is a blocked Bloom filter over whole strings (two bits in one
// word of 32 KB): a clear bit means the set does not hold the string.
type keyFilter [1 << 12]uint64

var keySeed = maphash.MakeSeed()

func keyBits(h uint64) (word uint64, mask uint64) {
	return h >> 52, 1<<(h&63) | 1<<((h>>6)&63)
}

func (f *keyFilter) addHash(h uint64) {
	w, b := keyBits(h)
	f[w] |= b
}

func (f *keyFilter) mayHash(h uint64) bool {
	w, b := keyBits(h)
	return f[w]&b == b
}

// formsOf is forms[s], through tab (which has the same slices) and its
// filter: the forms map itself is cold in the pipeline.
func (m *Model) formsOf(s string) []form {
	if e := m.entryOf(s); e != nil {
		return e.forms
	}
	return nil
}

// entryOf is the entry of s (nil for none), behind idxF.
func (m *Model) entryOf(s string) *wordEntry {
	return m.entryHash(s, maphash.String(keySeed, s))
}

// entryHash is entryOf(s) for h = maphash.String(keySeed, s).
func (m *Model) entryHash(s string, h uint64) *wordEntry {
	if !m.idxF.mayHash(h) {
		return nil
	}
	return m.tab.find(s, h)
}

// entryTable is open addressing over the keys' maphash values, which the
// filter and a document's forms have computed already: a look-up reads
// one slot and the entry it points to, where a Go map hashes the key
// again and reads a control word, a slot and the key.
type entryTable struct {
	slots []entrySlot // a power of two, at most half full
	n     int
}

type entrySlot struct {
	fp uint32 // the hash's high half, to skip most other keys unread
	e  *wordEntry
}

// add puts e, whose word hashes to h, into the table (once per word).
func (t *entryTable) add(e *wordEntry, h uint64) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]entrySlot, 2*len(old)), 0
		for _, sl := range old {
			if sl.e != nil {
				t.add(sl.e, maphash.String(keySeed, sl.e.word))
			}
		}
	}
	t.n++
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].e != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = entrySlot{uint32(h >> 32), e}
}

// find returns the entry of s (h its hash), nil if there is none.
func (t *entryTable) find(s string, h uint64) *wordEntry {
	mask := uint64(len(t.slots) - 1)
	fp := uint32(h >> 32)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.e == nil {
			return nil
		}
		if sl.fp == fp && sl.e.word == s {
			return sl.e
		}
	}
}

// filter is a one-hash Bloom filter over a few bytes of a string: a clear
// bit means the set does not hold the string.
type filter [filterWords]uint64

// filterWords keeps the four filters within 16 KB: they answer for every
// distinct word form of an article, and the pipeline's other tables evict
// them between articles (the sets hold a few hundred strings each).
const filterWords = 512

func filterHash(s string) uint32 {
	h := uint32(len(s))
	if len(s) > 0 {
		h = h*131 + uint32(s[0])
		h = h*131 + uint32(s[len(s)-1])
		h = h*131 + uint32(s[len(s)/2])
		if len(s) > 1 {
			h = h*131 + uint32(s[len(s)-2])
		}
	}
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return h & (filterWords*64 - 1)
}

func (f *filter) add(s string) { h := filterHash(s); f[h>>6] |= 1 << (h & 63) }

func (f *filter) mayHash(h uint32) bool { return f[h>>6]&(1<<(h&63)) != 0 }

// Load reads the embedded model files.
func Load() (*Model, error) { return LoadFS(models.Events, "events") }

// LoadFS reads the model files from a folder of fsys (tests use it with
// altered data).
func LoadFS(fsys fs.FS, dir string) (*Model, error) {
	m := &Model{
		typeByNam: map[string]*Type{},
		triggers:  map[string][]trigger{},
		cues:      map[string]string{},
		modality:  map[string]modal{},
		words:     map[string][]string{},
		forms:     map[string][]form{},
		support:   map[string]bool{},
		lemmas:    map[string]bool{},
	}
	// the lines' fields are substrings of one string per file (no
	// allocation per line or field), cut into one reused slice: no
	// callback keeps cols itself
	var cols []string
	read := func(name string, minCols int, fn func(cols []string) error) error {
		data, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return err
		}
		rest := string(data)
		for n := 1; rest != ""; n++ {
			line := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			line = strings.TrimSuffix(line, "\r") // as bufio.ScanLines
			if line == "" || line[0] == '#' {
				continue
			}
			cols = cols[:0]
			for {
				i := strings.IndexByte(line, '\t')
				if i < 0 {
					cols = append(cols, line)
					break
				}
				cols = append(cols, line[:i])
				line = line[i+1:]
			}
			if len(cols) < minCols {
				return fmt.Errorf("models/events/%s:%d: want %d tab-separated columns, have %d", name, n, minCols, len(cols))
			}
			if err := fn(cols); err != nil {
				return fmt.Errorf("models/events/%s:%d: %v", name, n, err)
			}
		}
		return nil
	}
	dash := func(s string) string {
		if s == "-" {
			return ""
		}
		return s
	}
	err := read("types.tsv", 4, func(c []string) error {
		t := &Type{Name: c[0], CAMEO: dash(c[1]), SmartData: dash(c[2]), Roles: map[string]string{}, Needs: map[string][]string{}}
		for _, kv := range strings.Fields(c[3]) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return fmt.Errorf("role %q is not position=name", kv)
			}
			if name, need, ok := strings.Cut(v, ":"); ok {
				v = name
				t.Needs[k] = strings.Split(need, "|")
			}
			t.Roles[k] = v
		}
		t.setPositions()
		m.Types = append(m.Types, t)
		m.typeByNam[t.Name] = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	headSet := map[string]bool{}
	err = read("triggers.tsv", 2, func(c []string) error {
		t, ok := m.typeByNam[c[1]]
		if !ok {
			return fmt.Errorf("unknown type %q", c[1])
		}
		tr := trigger{typ: t}
		if len(c) > 2 {
			for _, f := range strings.Split(c[2], ",") {
				switch f {
				case "exact":
					tr.exact = true
				case "plural":
					tr.plural = true
				case "org":
					tr.org = true
				case "per":
					tr.per = true
				case "ent":
					tr.ent = true
				case "norefl":
					tr.norefl = true
				case "orgctx":
					tr.orgctx = true
				default:
					return fmt.Errorf("unknown flag %q", f)
				}
			}
		}
		m.triggers[c[0]] = append(m.triggers[c[0]], tr)
		m.lemmas[c[0]] = true
		if isUpperWord(c[0]) && !tr.exact {
			headSet[c[0]] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for h := range headSet {
		m.heads = append(m.heads, h)
	}
	sort.Slice(m.heads, func(i, j int) bool {
		if len(m.heads[i]) != len(m.heads[j]) {
			return len(m.heads[i]) > len(m.heads[j])
		}
		return m.heads[i] < m.heads[j]
	})
	if err = read("cues.tsv", 2, func(c []string) error {
		if c[1] == "nach" {
			m.nachNouns = append(m.nachNouns, c[0])
			return nil
		}
		m.cues[c[0]] = c[1]
		m.lemmas[c[0]] = true
		return nil
	}); err != nil {
		return nil, err
	}
	if err = read("modality.tsv", 3, func(c []string) error {
		m.modality[c[0]] = modal{c[1], c[2]}
		m.lemmas[c[0]] = true
		return nil
	}); err != nil {
		return nil, err
	}
	if err = read("words.tsv", 2, func(c []string) error { m.words[c[0]] = append(m.words[c[0]], c[1]); return nil }); err != nil {
		return nil, err
	}
	// the capitalised noun forms of each lemma, for the compound heads
	// below (one pass over the forms instead of one per head)
	nounForms := map[string][]string{}
	if err = read("forms.tsv", 3, func(c []string) error {
		m.forms[c[0]] = append(m.forms[c[0]], form{lemma: c[1], feat: c[2]})
		if c[2] == "n" && c[0] != "" && isUpperWord(c[0]) {
			nounForms[c[1]] = append(nounForms[c[1]], c[0])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	m.headIdx = map[string][]headForm{}
	for _, h := range m.heads {
		seen := map[string]bool{}
		add := func(f string) {
			low := strings.ToLower(f[:1]) + f[1:]
			if seen[low] || len(low) < 3 {
				return
			}
			seen[low] = true
			k := low[len(low)-3:]
			b4 := int16(-1)
			if len(low) >= 4 {
				b4 = int16(low[len(low)-4])
			}
			m.headIdx[k] = append(m.headIdx[k], headForm{low, h, b4})
			m.headF.add(k)
		}
		add(h)
		for _, f := range nounForms[h] {
			add(f)
		}
	}
	m.heads3, m.headOff = hashLists(m.headIdx)
	if err = read("konjunktiv1.txt", 1, func(c []string) error { m.kj1 = append(m.kj1, c[0]); return nil }); err != nil {
		return nil, err
	}
	if err = read("support.txt", 1, func(c []string) error { m.support[c[0]] = true; m.lemmas[c[0]] = true; return nil }); err != nil {
		return nil, err
	}
	m.buildIndex()
	// tab has both (wordEntry.kj1, wordEntry.forms); the maps would only be
	// marked by every GC
	m.kj1, m.forms = nil, nil
	m.roleIdx = map[string][]string{}
	if err = read("rolenouns.txt", 1, func(c []string) error {
		m.roleNouns = append(m.roleNouns, c[0])
		if len(c[0]) >= 3 {
			k := c[0][len(c[0])-3:]
			m.roleIdx[k] = append(m.roleIdx[k], c[0])
			m.roleF.add(k)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	m.roles3, m.roleOff = hashLists(m.roleIdx)
	return m, nil
}

// entry returns the entry of w, made when there is none yet.
func (m *Model) entry(w string) *wordEntry {
	h := maphash.String(keySeed, w)
	if e := m.tab.find(w, h); e != nil {
		return e
	}
	// the entries come from slabs (one allocation for many, never moved:
	// a full slab is left as it is and a new one started)
	k := len(m.slabs) - 1
	if k < 0 || len(m.slabs[k]) == cap(m.slabs[k]) {
		m.slabs = append(m.slabs, make([]wordEntry, 0, 1024))
		k++
	}
	m.slabs[k] = append(m.slabs[k], wordEntry{word: w})
	e := &m.slabs[k][len(m.slabs[k])-1]
	m.tab.add(e, h)
	return e
}

func (m *Model) buildIndex() {
	// sized for all keys at once (forms, classes, Konjunktiv I forms and
	// five adjective endings per lemma, overlapping a little); add grows
	// it past half full
	n := 64
	for n < len(m.forms)+len(m.words)+len(m.kj1)+5*len(m.lemmas) {
		n *= 2
	}
	m.tab = entryTable{slots: make([]entrySlot, n)}
	for w, fs := range m.forms {
		e := m.entry(w)
		e.forms, e.feats = fs, fs[0].feat
		for _, f := range fs[1:] {
			e.feats += f.feat
		}
	}
	for w, cls := range m.words {
		m.entry(w).cls = cls
	}
	for _, w := range m.kj1 {
		m.entry(w).kj1 = true
	}
	for l := range m.lemmas {
		if l == strings.ToLower(l) && len(l) > 3 {
			for _, e := range []string{"en", "em", "er", "es", "e"} {
				if x := m.entry(l + e); x.adjLem == "" {
					x.adjLem = l
				}
			}
		}
	}
	// one pass over the entries, in the slabs' order; the lower-case test
	// allocates only for the few capitalised keys
	var buf [64]byte
	for k := range m.slabs {
		for i := range m.slabs[k] {
			m.indexEntry(&m.slabs[k][i], buf[:0])
		}
	}
	for _, fs := range m.forms {
		for i := range fs {
			fs[i].known = m.lemmas[fs[i].lemma]
		}
	}
	m.lemInfo = make(map[string]*lemmaInfo, len(m.lemmas))
	infos := make([]lemmaInfo, 0, len(m.lemmas))
	for l := range m.lemmas {
		m.lemmaF.add(l)
		li := lemmaInfo{lemma: l, cue: m.cues[l], trs: m.triggers[l]} // cues and triggers are lemmas
		li.mod, li.hasMod = m.modality[l]                             // and so are the modal words
		if len(li.trs) > 0 {
			li.rule, li.headRule = "trigger:"+l, "trigger:compound-head:"+l
		}
		infos = append(infos, li)
		m.lemInfo[l] = &infos[len(infos)-1]
	}
	m.lemInfos = infos
	n = 64
	for n < 2*len(infos) {
		n *= 2
	}
	m.lemTab = make([]uint32, n)
	for k := range infos {
		h := filterHash(infos[k].lemma)
		i := h & uint32(n-1)
		for m.lemTab[i] != 0 {
			i = (i + 1) & uint32(n-1)
		}
		m.lemTab[i] = (h+1)<<16 | uint32(k)
	}
	if len(infos) >= 1<<16 {
		panic("events: too many lemmas for lemTab")
	}
	for c := range m.cues {
		m.cueF.add(c)
	}
	for t := range m.triggers {
		m.trigF.add(t)
	}
}

// lemmaInfo returns the cue kind and the triggers of the lemma, nil when
// it has neither (the same answers as cue and trigs, in one probe).
func (m *Model) lemmaInfo(lemma string) *lemmaInfo {
	h := filterHash(lemma)
	if !m.lemmaF.mayHash(h) { // every cue and trigger is a lemma
		return nil
	}
	return m.lemmaHash(lemma, h)
}

// lemmaHash is lemInfo[lemma] (nil for none) for h = filterHash(lemma).
func (m *Model) lemmaHash(lemma string, h uint32) *lemmaInfo {
	mask := uint32(len(m.lemTab) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := m.lemTab[i]
		if e == 0 {
			return nil
		}
		if e>>16 == h+1 {
			if li := &m.lemInfos[e&0xffff]; li.lemma == lemma {
				return li
			}
		}
	}
}

// lemmaInfoBytes is the info of the lemma spelt by b, nil when the
// model does not list it as a lemma (whether or not it has a cue or
// triggers, unlike lemmaInfo's nil).
func (m *Model) lemmaInfoBytes(b []byte) *lemmaInfo {
	return m.lemInfo[string(b)] // no allocation for the key
}

// indexEntry sets what buildIndex derives from the entry once all are
// made (buf is scratch for the lower-case form).
func (m *Model) indexEntry(e *wordEntry, buf []byte) {
	w := e.word
	if b, changed := appendLower(buf, w); !changed || string(b) == w {
		e.isLow = true
	} else {
		low := string(b)
		e.lowW, e.lowE = low, m.tab.find(low, maphash.String(keySeed, low))
	}
	e.det = hasCls(e.cls, "art") || clsWithPrefix(e.cls, "poss") != ""
	e.cbits = classBits(e.cls)
	h := maphash.String(keySeed, w)
	m.idxF.addHash(h)
	if !e.isLow {
		m.upF.addHash(h)
	}
	if len(e.cls) > 0 {
		m.clsF.addHash(h)
		m.clsMax = max(m.clsMax, len(w))
	}
}

// cue returns the cue kind of the lemma ("" for none).
func (m *Model) cue(lemma string) string {
	h := filterHash(lemma)
	if !m.cueF.mayHash(h) {
		return ""
	}
	if li := m.lemmaHash(lemma, h); li != nil { // cues[lemma]: every cue is a lemma
		return li.cue
	}
	return ""
}

// trigs returns the triggers of the lemma.
func (m *Model) trigs(lemma string) []trigger {
	h := filterHash(lemma)
	if !m.trigF.mayHash(h) {
		return nil
	}
	if li := m.lemmaHash(lemma, h); li != nil { // triggers[lemma]: every trigger is a lemma
		return li.trs
	}
	return nil
}

// known reports whether some list of the model names the lemma.
func (m *Model) known(lemma string) bool { return m.lemmaInfo(lemma) != nil }

// The closed classes and class prefixes (words.tsv) that the heuristics
// ask about by name, as bits of wordEntry.cbits set at load: a test reads
// the entry only, not its list of class strings.
const (
	cbSub      uint16 = 1 << iota // sub
	cbInf                         // inf
	cbRel                         // rel
	cbNeg                         // neg
	cbArt                         // art
	cbParticle                    // particle
	cbNum                         // num
	cbCoord                       // coord
	cbPers                        // pers
	cbPrep                        // a class starting with "prep:"
	cbPossC                       // a class starting with "poss:"
	cbPoss                        // a class starting with "poss"
	cbPronM                       // a class starting with "pron:m"
)

// classBits returns the cbits of a word of the classes.
func classBits(cls []string) uint16 {
	var b uint16
	for _, c := range cls {
		switch c {
		case "sub":
			b |= cbSub
		case "inf":
			b |= cbInf
		case "rel":
			b |= cbRel
		case "neg":
			b |= cbNeg
		case "art":
			b |= cbArt
		case "particle":
			b |= cbParticle
		case "num":
			b |= cbNum
		case "coord":
			b |= cbCoord
		case "pers":
			b |= cbPers
		}
		if strings.HasPrefix(c, "prep:") {
			b |= cbPrep
		}
		if strings.HasPrefix(c, "poss:") {
			b |= cbPossC
		}
		if strings.HasPrefix(c, "poss") {
			b |= cbPoss
		}
		if strings.HasPrefix(c, "pron:m") {
			b |= cbPronM
		}
	}
	return b
}

// TypeByName returns the type of that name, or nil.
func (m *Model) TypeByName(name string) *Type { return m.typeByNam[name] }

func (m *Model) hasClass(word, class string) bool { return hasCls(m.words[word], class) }

func hasCls(cls []string, class string) bool {
	for _, c := range cls {
		if c == class {
			return true
		}
	}
	return false
}

func clsWithPrefix(cls []string, prefix string) string {
	for _, c := range cls {
		if strings.HasPrefix(c, prefix) {
			return c
		}
	}
	return ""
}

func isUpperWord(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü'
	}
	return false
}

// lowerRune is unicode.ToLower with the Latin-1 letters of German text
// (Ä Ö Ü) answered without the case tables.
func lowerRune(r rune) rune {
	if r < 0x100 {
		if 'A' <= r && r <= 'Z' || 0xC0 <= r && r <= 0xDE && r != 0xD7 {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// appendLower appends strings.ToLower(s) to b; changed is false when it
// is s itself.
//
// Byte by byte for ASCII and for the Latin-1 letters of German text (ä ö
// ü ß Ä Ö Ü: 0xC3 and one continuation byte), rune by rune for the rest,
// as strings.Map(unicode.ToLower) does (an invalid byte becomes U+FFFD).
//
// Measured and dropped (Round 7, cachegrind of BenchmarkEventStage): eight
// ASCII bytes at a time (capitals found by word arithmetic), also with the
// steps skipped up to a block's first non-ASCII byte: appendLower's
// instructions +14 % and +18 %. Most forms it gets are short, and the byte
// loop got slower beside the eight-byte step.
func appendLower(b []byte, s string) (_ []byte, changed bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				changed = true
			}
			b = append(b, c)
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+00C0..U+00FF; lowerRune adds 32 to À..Þ but ×, which keeps
			// the lead byte
			c2 := s[i+1]
			if r := 0xC0 | rune(c2&0x3F); 0xC0 <= r && r <= 0xDE && r != 0xD7 {
				c2 += 32
				changed = true
			}
			b = append(b, 0xC3, c2)
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := lowerRune(r)
		if l != r || r == utf8.RuneError {
			changed = true
		}
		b = utf8.AppendRune(b, l)
		i += n
	}
	return b, changed
}

// word returns strings.ToLower(s), the model's entry for it (el) and the
// entry for s itself (et). A known surface form knows its lower-case form;
// otherwise the lower-case form is built in a stack buffer and, for a
// known word, taken from the index: no allocation either way.
func (m *Model) word(s string) (low string, el, et *wordEntry) {
	if et = m.entryOf(s); et != nil {
		if et.isLow {
			return s, et, et
		}
		return et.lowW, et.lowE, et
	}
	var buf [64]byte
	if len(s) > len(buf) {
		low := strings.ToLower(s)
		if low == s {
			return s, nil, nil
		}
		return low, m.entryOf(low), nil
	}
	b, changed := appendLower(buf[:0], s)
	if !changed {
		return s, nil, nil // s has no entry
	}
	if len(b) > len(buf) {
		low := string(b)
		return low, m.entryOf(low), nil
	}
	// b is the stack buffer; find keeps nothing of the string
	if e := m.entryHash(unsafe.String(&b[0], len(b)), maphash.Bytes(keySeed, b)); e != nil {
		return e.word, e, nil
	}
	return string(b), nil, nil
}
