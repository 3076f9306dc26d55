// Package lexicon answers the German word questions the other stages ask:
// which infinitive a verb form belongs to and in which tense and mood it
// stands, whether a clause-final particle joins a verb (kündigte … an →
// ankündigen), and whether a capitalised word is a common noun or a name.
//
// The data comes from german-pos-dict (Morphy, CC BY-SA 4.0), embedded from
// models/lexicon. A *Lexicon is immutable after Load, so one instance
// serves every goroutine.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/ereignis/ereignis/models"
)

// Tense of a verb form. Konjunktiv I counts as present, Konjunktiv II as
// past, as in the grammars. The zero value means unknown.
type Tense uint8

const (
	_                 Tense = iota
	Present                 // trifft, treffe (Konjunktiv I)
	Past                    // traf, träfe (Konjunktiv II)
	Infinitive              // treffen
	ZuInfinitive            // anzukündigen, teilzunehmen
	PresentParticiple       // treffend
	Participle              // past participle: getroffen, angekündigt
)

var tenseNames = [...]string{"", "present", "past", "infinitive", "zu-infinitive", "present-participle", "participle"}

func (t Tense) String() string {
	if int(t) < len(tenseNames) {
		return tenseNames[t]
	}
	return ""
}

// Mood of a finite verb form; the zero value (NoMood) for infinitives and
// participles.
type Mood uint8

const (
	NoMood       Mood = iota
	Indicative        // traf, ist
	Subjunctive1      // Konjunktiv I: sei, habe, werde
	Subjunctive2      // Konjunktiv II: wäre, hätte, würde, könnte
	Imperative
)

var moodNames = [...]string{"", "indicative", "subjunctive1", "subjunctive2", "imperative"}

func (m Mood) String() string {
	if int(m) < len(moodNames) {
		return moodNames[m]
	}
	return ""
}

// Number of a finite verb form; the zero value when the form does not say.
type Number uint8

const (
	_ Number = iota
	Singular
	Plural
)

func (n Number) String() string {
	switch n {
	case Singular:
		return "sg"
	case Plural:
		return "pl"
	}
	return ""
}

// VerbReading is one analysis of a verb form.
type VerbReading struct {
	Lemma  string
	Tense  Tense
	Mood   Mood
	Person int8 // 1, 2, 3; 0 for non-finite forms and imperatives
	Number Number
	// Aux marks readings of haben, sein, werden as auxiliaries, Modal those of
	// the modal verbs (können, müssen, sollen, wollen, dürfen, mögen, lassen).
	Aux, Modal bool
	// Strong marks strong or irregular inflexion (traf, dachte), which
	// Morphy tags apart from weak (sagte); it breaks ties between lemmas
	// (dachte: denken rather than dachen).
	Strong bool
	// Joined is set for a separable verb written as one word in a finite
	// form (ankündigte), which German allows only in subordinate clauses.
	Joined bool
}

// Finite reports whether the reading is a finite form (has a mood).
func (r VerbReading) Finite() bool { return r.Mood != NoMood }

// NameTypes are the proper-name types of a form (Morphy's EIG subtypes):
// VOR first name, NAC surname, STD city, COU country, GEB region, WAT water,
// MOU mountain, PER/NOA/GEO others.
type NameTypes string

// Lexicon is the loaded lexicon. It is never modified after Load.
type Lexicon struct {
	// verbs maps a verb form to a record of its readings: count (one
	// byte), the index of the first in readings (four bytes, little
	// endian; the readings of a form are consecutive), and the readings
	// packed, six bytes each (code, see packReading, and the lemma's
	// reference into lemmaBlob), so that the lemma stage decides from the
	// record's cache line and the lemmas' hundred kilobytes alone.
	verbs *table
	// verbsLower is set when lower-casing changes no verb form (none has
	// a capital): then a form that lower-casing changes is no key, and
	// only its lower case is looked up.
	verbsLower bool
	readings   []VerbReading
	// lemmaBlob holds the verb lemmas, which the packed readings of a verb
	// record name by offset and length (see readingView).
	lemmaBlob  string
	verbLemmas map[string]uint32 // the lemmas' references (the keys are what counts)
	separable  map[string]string // particle + "\t" + base → lemma
	// words holds what the small lists say of a form (function-word tags,
	// verb homograph classes, separable particle), so that one probe
	// answers every question a stage asks of a token (see buildWords);
	// wordMap collects them during the load.
	words       *table
	wordMap     map[string]wordInfo
	nFunction   int // forms with function-word tags
	nParticles  int
	maxParticle int // length in bytes of the longest particle
	// particleFirst has bit b set when a particle starts with byte b:
	// IsSeparablePrefix rules out every other word (Haus, 2014, ein)
	// without a probe.
	particleFirst [4]uint64
	particleTrie  particleTrie
	// nouns maps a noun form to its lemma (see nounLemma for the record).
	nouns *table
	// nounLemmas is built on first use (IsNounLemma, which the stages do
	// not ask) from nouns, so that start-up does not pay for it.
	nounLemmas    *table // no value bytes
	nounLemmaOnce sync.Once
	// nounEndings holds the last three bytes of every noun form: every
	// head CompoundHead tries ends like the word itself, so one look-up
	// here rules out most names (Peskow) before any head is tried.
	nounEndings endingSet
	heads       headFilter // noun forms of two or more bytes, for CompoundHead
	// names maps a proper-name form to its lemma and types (see name).
	names *table
}

// wordInfo is the entry of a form in Lexicon.words. The flags are the
// answers of hasTag and friends on function, computed once at load.
type wordInfo struct {
	function  string // function-word tags (FunctionWord)
	homograph string // other word classes of a verb form (VerbHomograph)
	flags     wordFlags
}

type wordFlags uint8

const (
	wDeterminer    wordFlags = 1 << iota // function has DET
	wPronoun                             // function has PRO:PER
	wZus                                 // function has ZUS
	wPrepositional                       // prepositional(function)
	wFunctionFirst                       // functionFirst(function)
	wParticle                            // a separable particle
	// wProductive marks the particles that form many verbs in the table
	// (an, auf, mit, zurück, ...), which may form verbs Morphy lacks.
	wProductive
)

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the lexicon built from the embedded data, loading it on
// the first call. It is safe for concurrent use; the returned Lexicon is
// shared and immutable.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load() })
	return defaultLex, defaultErr
}

// Load builds a new Lexicon from the embedded data in models/lexicon.
func Load() (*Lexicon, error) { return LoadFS(models.Lexicon, "lexicon") }

// LoadFS builds a Lexicon from the files verbs.tsv, separable.tsv,
// nouns.tsv and names.tsv in dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*Lexicon, error) {
	l := &Lexicon{}
	var wg sync.WaitGroup
	errs := make([]error, 6)
	l.wordMap = make(map[string]wordInfo, 2048)
	// The two big files decompress and parse independently; loading them in
	// parallel roughly halves the start-up time on two cores.
	wg.Add(2)
	go func() {
		defer wg.Done()
		errs[0] = l.loadVerbs(fsys, dir+"/verbs.tsv")
	}()
	go func() {
		defer wg.Done()
		errs[1] = l.loadNouns(fsys, dir+"/nouns.tsv")
	}()
	errs[2] = l.loadSeparable(fsys, dir+"/separable.tsv")
	errs[3] = l.loadNames(fsys, dir+"/names.tsv")
	errs[4] = l.loadHomographs(fsys, dir+"/verb-homographs.tsv")
	errs[5] = l.loadFunctionWords(fsys, dir+"/function-words.tsv")
	for k, w := range l.wordMap {
		f := w.function
		if hasTag(f, "DET") {
			w.flags |= wDeterminer
		}
		if hasTag(f, "PRO:PER") {
			w.flags |= wPronoun
		}
		if hasTag(f, "ZUS") {
			w.flags |= wZus
		}
		if prepositional(f) {
			w.flags |= wPrepositional
		}
		if f != "" && functionFirst(f) {
			w.flags |= wFunctionFirst
		}
		l.wordMap[k] = w
	}
	l.particleTrie = newParticleTrie(l.wordMap)
	if err := l.buildWords(); err != nil {
		return nil, err
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	l.pack()
	return l, nil
}

// wordMark is set in the last byte of a verb record's reading index when
// the record's form is in the word lists too (see markWords).
const wordMark = 0x80

// hasWord reports whether the form of the verb record at v is in the word
// lists: verbInfo probes them only then.
func (l *Lexicon) hasWord(v int) bool { return l.verbs.blob[v+4]&wordMark != 0 }

// wordVerbRecords returns the verb records (offsets) whose forms are in
// the word lists, for pack to mark.
func (l *Lexicon) wordVerbRecords() []int {
	var vs []int
	b := l.words.blob
	for off := 0; off < len(b); {
		k := int(b[off])
		if v := l.verbs.find(b[off+1 : off+1+k]); v >= 0 {
			vs = append(vs, v)
		}
		v := off + 1 + k + 1 // flags
		v += 1 + int(b[v])   // function tags
		off = v + 1 + int(b[v])
	}
	return vs
}

// verbRecord returns the readings of the verb record at v, or nil for -1.
func (l *Lexicon) verbRecord(v int) []VerbReading {
	if v < 0 {
		return nil
	}
	b := l.verbs.blob
	n := int(b[v])
	i := int(b[v+1]) | int(b[v+2])<<8 | int(b[v+3])<<16 | int(b[v+4]&^wordMark)<<24
	return l.readings[i : i+n : i+n]
}

// buildWords lays out l.wordMap as the table l.words. A record holds the
// flags (one byte), then the function-word tags and the homograph classes,
// each as its length (one byte) and its bytes.
func (l *Lexicon) buildWords() error {
	size := 0
	for k, w := range l.wordMap {
		if len(w.function) > 255 || len(w.homograph) > 255 || len(k) > 255 {
			return fmt.Errorf("lexicon: word list entry %q too long", k)
		}
		size += len(k) + len(w.function) + len(w.homograph) + 4
	}
	tb := newTableBuilder(len(l.wordMap), size)
	tb.packed = true // see pack
	for k, w := range l.wordMap {
		tb.add(k)
		tb.blob = append(tb.blob, byte(w.flags), byte(len(w.function)))
		tb.blob = append(tb.blob, w.function...)
		tb.blob = append(tb.blob, byte(len(w.homograph)))
		tb.blob = append(tb.blob, w.homograph...)
	}
	l.words = tb.build()
	l.wordMap = nil
	return nil
}

// word returns the entry of form in the small word lists (the zero value
// for other forms).
func (l *Lexicon) word(form string) wordInfo { return l.wordAt(l.words.find(form)) }

// wordAt decodes the word record at v (-1: none).
func (l *Lexicon) wordAt(v int) wordInfo {
	if v < 0 {
		return wordInfo{}
	}
	b := l.words.blob
	w := wordInfo{flags: wordFlags(b[v])}
	n := int(b[v+1])
	w.function = b[v+2 : v+2+n]
	v += 2 + n
	n = int(b[v])
	w.homograph = b[v+1 : v+1+n]
	return w
}

// readingView is the readings of one verb form, packed from a verb record
// or, for guessed readings, a slice.
type readingView struct {
	packed string // six bytes a reading: code (2), lemma reference (4)
	l      *Lexicon
	rs     []VerbReading // when packed is empty
	n      int           // the number of readings, asked in every loop
}

func (v readingView) len() int { return v.n }

func (v readingView) at(i int) VerbReading {
	if v.rs != nil {
		return v.rs[i]
	}
	p := v.packed[6*i : 6*i+6]
	r := unpackReading(uint16(p[0]) | uint16(p[1])<<8)
	r.Lemma = v.l.lemmaAt(uint32(p[2]) | uint32(p[3])<<8 | uint32(p[4])<<16 | uint32(p[5])<<24)
	return r
}

// form is at(i) without the lemma, for the tests of tense, mood and
// person.
func (v readingView) form(i int) VerbReading {
	if v.rs != nil {
		return v.rs[i]
	}
	return unpackReading(uint16(v.packed[6*i]) | uint16(v.packed[6*i+1])<<8)
}

// verbView is VerbReadings as a readingView. No verb form has a capital
// (verbsLower), so a capitalised form skips its own probe and looks up
// its lower case only. (Measured in Round 4 with a case test per look-up
// added, that saved 2 % of the probes' L2 misses and cost more
// instructions than it saved; the case is now known from lowerCase,
// which the second probe needs anyway.)
func (l *Lexicon) verbView(form string) readingView {
	var buf [64]byte
	low, changed, _ := lowerCase(buf[:0], form)
	v := -1
	if !changed || !l.verbsLower {
		v = l.verbs.find(form)
	}
	if v < 0 && changed {
		v = l.verbs.find(low)
	}
	return l.recordView(v)
}

// recordView is verbRecord as a readingView.
func (l *Lexicon) recordView(v int) readingView {
	if v < 0 {
		return readingView{}
	}
	n := int(l.verbs.blob[v])
	return readingView{packed: l.verbs.blob[v+5 : v+5+6*n], l: l, n: n}
}

// packReading packs a reading without its lemma into 14 bits.
func packReading(r VerbReading) uint16 {
	c := uint16(r.Tense) | uint16(r.Mood)<<3 | uint16(r.Person)<<6 | uint16(r.Number)<<8
	for i, b := range [...]bool{r.Aux, r.Modal, r.Strong, r.Joined} {
		if b {
			c |= 1 << (10 + i)
		}
	}
	return c
}

func unpackReading(c uint16) VerbReading {
	return VerbReading{
		Tense:  Tense(c & 7),
		Mood:   Mood(c >> 3 & 7),
		Person: int8(c >> 6 & 3),
		Number: Number(c >> 8 & 3),
		Aux:    c&(1<<10) != 0,
		Modal:  c&(1<<11) != 0,
		Strong: c&(1<<12) != 0,
		Joined: c&(1<<13) != 0,
	}
}

// nounForm returns the lemma of a noun form as it stands.
func (l *Lexicon) nounForm(form string) (string, bool) {
	v := l.nouns.find(form)
	if v < 0 {
		return "", false
	}
	return l.nounLemma(v, len(form)), true
}

// nounLemma decodes the noun record at v of a key of keyLen bytes (97 %
// of the noun forms are their lemma or start with it, see appendLemma).
func (l *Lexicon) nounLemma(v, keyLen int) string {
	lemma, _ := lemmaAt(l.nouns.blob, v, keyLen)
	return lemma
}

func readFile(fsys fs.FS, path string) (string, error) {
	if f, ok := fsys.(embed.FS); ok && f == models.Lexicon {
		// The embedded big files, without a copy (models.LexiconFile).
		if s, ok := models.LexiconFile(path); ok {
			return s, nil
		}
	}
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return "", fmt.Errorf("lexicon: %w", err)
	}
	if len(b) == 0 {
		return "", nil
	}
	// b is this call's own copy and is never written, so the tables' keys
	// can be substrings of it without a second copy of 8 MB.
	return unsafe.String(&b[0], len(b)), nil
}

// eachLine calls fn with the tab-separated fields of every line of s. The
// fields are substrings of s, so map keys built from them share its memory.
func eachLine(s string, n int, fn func(f []string)) {
	f := make([]string, n)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		var line string
		if i < 0 {
			line, s = s, ""
		} else {
			line, s = s[:i], s[i+1:]
		}
		k := 0
		for k < n-1 {
			j := strings.IndexByte(line, '\t')
			if j < 0 {
				break
			}
			f[k], line = line[:j], line[j+1:]
			k++
		}
		if k != n-1 {
			continue
		}
		f[k] = line
		fn(f)
	}
}

func (l *Lexicon) loadVerbs(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	lines := strings.Count(s, "\n")
	tb := newTableBuilder(lines, len(s)+len(s)/8)
	tb.packed = true // see pack
	// One backing array for all readings keeps the load to a few allocations.
	l.readings = make([]VerbReading, 0, strings.Count(s, ",")+lines)
	// The lemmas go to one string, in which each reading's record names its
	// lemma by offset and length (refs, parallel to the readings of the
	// current form: a whole parallel array was 1.2 MB of fresh pages).
	var lemmaBytes []byte
	refs := make([]uint32, 0, 64)
	ids := make(map[string]uint32, lines/8)
	var bad error
	// The source is sorted by form, so the lines of a form with several
	// lemmas follow each other and its readings stay consecutive.
	last, start := "", 0
	lastLemma, lastRef := "", uint32(0)
	capital := false
	var low [256]byte
	end := func() {
		if last == "" {
			return
		}
		if _, changed, _ := lowerCase(low[:0], last); changed {
			capital = true
		}
		n := len(l.readings) - start
		if start >= 1<<31 {
			bad = fmt.Errorf("lexicon: %s: too many verb readings", path)
		}
		if n > 255 {
			bad = fmt.Errorf("lexicon: %s: %d readings of %q", path, n, last)
			n = 255
		}
		tb.add(last)
		tb.blob = append(tb.blob, byte(n), byte(start), byte(start>>8), byte(start>>16), byte(start>>24))
		for k, r := range l.readings[start : start+n] {
			c, ref := packReading(r), refs[k]
			tb.blob = append(tb.blob, byte(c), byte(c>>8), byte(ref), byte(ref>>8), byte(ref>>16), byte(ref>>24))
		}
	}
	eachLine(s, 3, func(f []string) {
		form, lemma := f[0], f[1]
		if lemma == "=" {
			lemma = form
		}
		if form != last {
			end()
			last, start = form, len(l.readings)
			refs = refs[:0]
		}
		// The forms of a lemma mostly follow each other (the source is
		// sorted by form), so the lemma of the line before saves two
		// thirds of the map look-ups.
		ref, ok := lastRef, lemma == lastLemma && lemma != ""
		if !ok {
			ref, ok = ids[lemma]
		}
		lastLemma, lastRef = lemma, ref
		if !ok {
			if len(lemmaBytes) >= 1<<24 || len(lemma) > 255 {
				bad = fmt.Errorf("lexicon: %s: too many verb lemmas", path)
			}
			ref = uint32(len(lemmaBytes))<<8 | uint32(len(lemma))
			ids[lemma] = ref
			lemmaBytes = append(lemmaBytes, lemma...)
			lastRef = ref
		}
		codes := f[2]
		for codes != "" {
			c := codes
			if i := strings.IndexByte(codes, ','); i >= 0 {
				c, codes = codes[:i], codes[i+1:]
			} else {
				codes = ""
			}
			r, ok := parseCode(c)
			if !ok {
				bad = fmt.Errorf("lexicon: %s: bad verb code %q for %q", path, c, form)
				continue
			}
			// The lemma's text is the file's (the readings kept their
			// own lemma strings before pack moved lemmaBlob).
			r.Lemma = lemma
			l.readings = append(l.readings, r)
			refs = append(refs, ref)
		}
	})
	end()
	l.verbsLower = !capital
	l.verbs = tb.build()
	l.lemmaBlob = string(lemmaBytes)
	// The map of the lemmas' references is the set of lemmas already: a
	// second map of its keys cost 1 % of the load's instructions. Its keys
	// are substrings of the file's text (read-only memory for the embedded
	// lexicon).
	l.verbLemmas = ids
	return bad
}

// lemmaAt returns the verb lemma of a reference (offset<<8 | length).
func (l *Lexicon) lemmaAt(ref uint32) string {
	return l.lemmaBlob[ref>>8 : ref>>8+ref&0xFF]
}

func parseCode(c string) (VerbReading, bool) {
	var r VerbReading
	if len(c) < 4 {
		return r, false
	}
	switch c[0] {
	case '1', '2', '3':
		r.Person = int8(c[0] - '0')
	}
	switch c[1] {
	case 's':
		r.Number = Singular
	case 'p':
		r.Number = Plural
	}
	switch c[2] {
	case 'P':
		r.Tense = Present
	case 'T':
		r.Tense = Past
	case 'I':
		r.Tense = Infinitive
	case 'Z':
		r.Tense = ZuInfinitive
	case '1':
		r.Tense = PresentParticiple
	case '2':
		r.Tense = Participle
	default:
		return r, false
	}
	switch c[3] {
	case 'I':
		r.Mood = Indicative
	case 'S':
		r.Mood = Subjunctive1
	case 'W':
		r.Mood = Subjunctive2
	case 'M':
		r.Mood = Imperative
	}
	for _, x := range c[4:] {
		switch x {
		case 'n':
			r.Joined = true
		case 'a':
			r.Aux = true
		case 'm':
			r.Modal = true
		case 's':
			r.Strong = true
		}
	}
	return r, true
}

func (l *Lexicon) loadSeparable(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	l.separable = make(map[string]string, strings.Count(s, "\n"))
	particles := map[string]bool{}
	eachLine(s, 3, func(f []string) {
		l.separable[f[0]+"\t"+f[1]] = f[2]
		particles[f[0]] = true
	})
	count := map[string]int{}
	for k := range l.separable {
		p, _, _ := strings.Cut(k, "\t")
		count[p]++
	}
	l.nParticles = len(particles)
	for p := range particles {
		l.maxParticle = max(l.maxParticle, len(p))
		if p != "" {
			l.particleFirst[p[0]>>6] |= 1 << (p[0] & 63)
		}
		w := l.wordMap[p]
		w.flags |= wParticle
		if count[p] >= minProductive {
			w.flags |= wProductive
		}
		l.wordMap[p] = w
	}
	return nil
}

func (l *Lexicon) loadNouns(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	n := strings.Count(s, "\n")
	tb := newTableBuilder(n, len(s))
	tb.packed = true // see pack
	ends := make([]uint32, 0, n)
	l.heads = newHeadFilter()
	eachLine(s, 2, func(f []string) {
		form, lemma := f[0], f[1]
		if lemma == "=" {
			lemma = form
		}
		tb.add(form)
		tb.blob = appendLemma(tb.blob, form, lemma)
		if len(form) >= 3 {
			ends = append(ends, ending(form))
		}
		if len(form) >= 2 {
			l.heads.add(form)
		}
	})
	l.nouns = tb.build()
	l.nounEndings = newEndingSet(ends)
	return nil
}

func (l *Lexicon) loadNames(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	type entry struct{ form, lemma, types string }
	var entries []entry
	index := make(map[string]int, strings.Count(s, "\n"))
	eachLine(s, 3, func(f []string) {
		lemma := f[1]
		if lemma == "=" {
			lemma = f[0]
		}
		if i, ok := index[f[0]]; ok {
			entries[i].types += "," + f[2]
			return
		}
		index[f[0]] = len(entries)
		entries = append(entries, entry{f[0], lemma, f[2]})
	})
	tb := newTableBuilder(len(entries), len(s))
	tb.packed = true // see pack
	for _, e := range entries {
		if len(e.lemma) > 255 || len(e.types) > 255 {
			return fmt.Errorf("lexicon: %s: entry of %q too long", path, e.form)
		}
		tb.add(e.form)
		tb.blob = appendLemma(tb.blob, e.form, e.lemma)
		tb.blob = append(tb.blob, byte(len(e.types)))
		tb.blob = append(tb.blob, e.types...)
	}
	l.names = tb.build()
	return nil
}

// appendLemma appends the lemma of a form to a record: the lemma of most
// forms is the form or a prefix of it (Präsidenten → Präsident), stored as
// its length, one byte that points into the key; the others (Häuser →
// Haus) as 0xFF, the lemma's length and its bytes.
func appendLemma(b []byte, form, lemma string) []byte {
	if strings.HasPrefix(form, lemma) && len(form) < 0xFF {
		return append(b, byte(len(lemma)))
	}
	b = append(b, 0xFF, byte(len(lemma)))
	return append(b, lemma...)
}

// lemmaAt decodes a lemma written by appendLemma at offset v of blob, in
// the record of a key of keyLen bytes, and returns the offset after it.
func lemmaAt(blob string, v, keyLen int) (string, int) {
	if p := int(blob[v]); p != 0xFF {
		return blob[v-keyLen : v-keyLen+p], v + 1
	}
	n := int(blob[v+1])
	return blob[v+2 : v+2+n], v + 2 + n
}

func (l *Lexicon) loadHomographs(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	eachLine(s, 2, func(f []string) {
		w := l.wordMap[f[0]]
		w.homograph = f[1]
		l.wordMap[f[0]] = w
	})
	return nil
}

func (l *Lexicon) loadFunctionWords(fsys fs.FS, path string) error {
	s, err := readFile(fsys, path)
	if err != nil {
		return err
	}
	eachLine(s, 2, func(f []string) {
		w := l.wordMap[f[0]]
		if w.function == "" {
			l.nFunction++
		}
		w.function = f[1]
		l.wordMap[f[0]] = w
	})
	return nil
}

// FunctionWord returns the closed-class tags of a form (case-sensitive,
// comma-joined): ART:DEF, ART:IND, PRO:PER, PRO:POS, PRO:DEM, PRO:IND,
// PRO:REF, PRO:RIN (relative/interrogative), PRP, KON, ADV, NEG, ZAL, INJ,
// ZUS (verb particle), ABK, and DET when the form can stand before a noun.
// It returns "" for open-class words: die → "ART:DEF,DET,PRO:DEM,PRO:PER".
func (l *Lexicon) FunctionWord(form string) string { return l.word(form).function }

// IsDeterminer reports whether form can be an article or determiner
// (der, eine, keine, seine, diese, alle), trying lower case too.
func (l *Lexicon) IsDeterminer(form string) bool {
	if l.word(form).flags&wDeterminer != 0 {
		return true
	}
	var buf [64]byte
	low, changed, _ := lowerCase(buf[:0], form)
	return changed && l.wordAt(l.words.find(low)).flags&wDeterminer != 0
}

// IsPersonalPronoun reports whether form is a personal pronoun (er, sie,
// wir, Sie).
func (l *Lexicon) IsPersonalPronoun(form string) bool {
	return l.word(form).flags&wPronoun != 0
}

func hasTag(tags, tag string) bool {
	for t := range strings.SplitSeq(tags, ",") {
		if t == tag {
			return true
		}
	}
	return false
}

// VerbHomograph returns the other word classes (Morphy tags, comma-joined:
// ADJ, ADV, ART, PRO, PRP, KON, NEG, ZAL, INJ, ABK) of a lower-case verb
// form, or "": einen → "ART,PRO", sein → "PRO", weiß → "ADJ". Stages use
// it to keep articles and pronouns from being taken for verbs.
func (l *Lexicon) VerbHomograph(form string) string { return l.word(form).homograph }

// VerbReadings returns every analysis of a verb form, or nil. The lookup is
// case-insensitive (sentence-initial "Traf" finds "traf"). The returned
// slice is shared: callers must not modify it.
func (l *Lexicon) VerbReadings(form string) []VerbReading {
	var buf [64]byte
	low, changed, _ := lowerCase(buf[:0], form)
	if !changed || !l.verbsLower {
		if v := l.verbs.find(form); v >= 0 {
			return l.verbRecord(v)
		}
	}
	if changed {
		return l.verbRecord(l.verbs.find(low))
	}
	return nil
}

// VerbLemma returns the infinitive of a verb form, or "" when the form is
// not a known verb form. When a form has several lemmas (the source lists
// them in byte order), the first is returned.
func (l *Lexicon) VerbLemma(form string) string {
	rs := l.VerbReadings(form)
	if len(rs) == 0 {
		return ""
	}
	return rs[0].Lemma
}

// IsVerbLemma reports whether s is a known infinitive.
func (l *Lexicon) IsVerbLemma(s string) bool {
	_, ok := l.verbLemmas[s]
	return ok
}

// IsSeparablePrefix reports whether word can be the detached particle of a
// separable verb (an, auf, teil, statt, fest, ...). It is case-sensitive:
// particles are lower case.
func (l *Lexicon) IsSeparablePrefix(word string) bool {
	if word != "" && l.particleFirst[word[0]>>6]&(1<<(word[0]&63)) == 0 {
		return false
	}
	return l.word(word).flags&wParticle != 0
}

// minProductive is how many particle verbs of the table a particle must
// form before it may form unlisted ones: an, mit, zurück, wieder form
// hundreds; gut, mal, zufrieden a handful, and mostly stand as adverbs.
const minProductive = 20

// IsProductivePrefix reports whether a separable particle forms many verbs
// (an, auf, mit, zurück), so that particle + verb is a plausible particle
// verb even where the lexicon lacks it (mitkommen, hinzukommen).
func (l *Lexicon) IsProductivePrefix(word string) bool { return l.word(word).flags&wProductive != 0 }

// SeparableLemma joins a detached particle and the lemma of the finite verb
// into the lemma of the particle verb (an + kündigen → ankündigen, teil +
// nehmen → teilnehmen). It returns "" when no such verb is known.
func (l *Lexicon) SeparableLemma(prefix, verbLemma string) string {
	if lemma, ok := l.separable[prefix+"\t"+verbLemma]; ok {
		return lemma
	}
	// Verbs whose zu-infinitive the source lacks still appear as lemmas.
	if l.IsSeparablePrefix(prefix) && l.IsVerbLemma(prefix+verbLemma) {
		return prefix + verbLemma
	}
	return ""
}

// IsCommonNoun reports whether a capitalised form is a form of a common
// noun (Präsident, Präsidenten, Treffen, Möglichkeit) and not also a proper
// name, a country or an acronym. All-caps headline words (PRÄSIDENT) are
// tried in title case.
func (l *Lexicon) IsCommonNoun(form string) bool {
	_, ok := l.noun(form)
	return ok
}

// NounLemma returns the nominative singular of a common noun form
// (Präsidenten → Präsident), or "" when the form is not a known common noun.
func (l *Lexicon) NounLemma(form string) string {
	lemma, _ := l.noun(form)
	return lemma
}

// IsNounLemma reports whether s is the lemma of a known common noun.
func (l *Lexicon) IsNounLemma(s string) bool { return l.nounLemmaSet().find(s) >= 0 }

func (l *Lexicon) nounLemmaSet() *table {
	l.nounLemmaOnce.Do(func() {
		b := l.nouns.blob
		seen := make(map[string]bool, l.nouns.n/2)
		lb := newTableBuilder(l.nouns.n/2, len(b)/3)
		for off := 0; off < len(b); {
			k := int(b[off])
			lemma, next := lemmaAt(b, off+1+k, k)
			if !seen[lemma] {
				seen[lemma] = true
				lb.add(lemma)
			}
			off = next
		}
		l.nounLemmas = lb.build()
	})
	return l.nounLemmas
}

func (l *Lexicon) noun(form string) (string, bool) {
	if lemma, ok := l.nounForm(form); ok {
		return lemma, true
	}
	// The title-case form is built in a stack buffer: the lemma found
	// points into the table, not into the key.
	var buf [64]byte
	if t, ok := appendTitleIfCaps(buf[:0], form); ok {
		v := l.nouns.findBytes(t)
		if v < 0 {
			return "", false
		}
		return l.nounLemma(v, len(t)), true
	}
	return "", false
}

// CompoundHead splits a compound whose head is a known common noun
// (Gipfeltreffen → Treffen, Wirtschaftsministers → Minister). It returns the
// lemma of the whole compound (Gipfeltreffen, Wirtschaftsminister), the head
// lemma, and ok. The head must have at least minHead letters and the
// modifier at least two, so short heads (Ei, Ort) do not match by chance.
// Names that end in a noun (Bergmann) split too: callers that need "is this
// a name?" should ask IsName first.
func (l *Lexicon) CompoundHead(form string) (lemma, head string, ok bool) {
	const minHead = 4
	if r, _ := utf8.DecodeRuneInString(form); !unicode.IsUpper(r) {
		return "", "", false
	}
	if len(form) < 3 {
		return "", "", false
	}
	if !l.nounEndings.has(ending(form)) {
		return "", "", false
	}
	var buf [64]byte
	// Try the longest head first: Außenministerin → Ministerin before In.
	n, runes := 0, utf8.RuneCountInString(form)
	for i := range form {
		if i == 0 {
			continue
		}
		n++
		if n < 2 {
			continue
		}
		rest := form[i:]
		if runes-n < minHead { // the runes of rest
			break
		}
		r, size := utf8.DecodeRuneInString(rest)
		if r == '-' {
			// Bindestrich compounds: US-Präsidenten → Präsident.
			if h, ok := l.nounForm(rest[size:]); ok {
				return form[:i+size] + h, h, true
			}
			continue
		}
		// The head filter is asked without building the capitalised head
		// (most heads are no noun); a head that passes is built in a stack
		// buffer for the table.
		up := unicode.ToUpper(r)
		if !l.heads.hasCapitalised(up, rest[size:]) {
			continue
		}
		b := utf8.AppendRune(buf[:0], up)
		b = append(b, rest[size:]...)
		if v := l.nouns.findBytes(b); v >= 0 {
			h := l.nounLemma(v, len(b))
			hr, hs := utf8.DecodeRuneInString(h)
			lr := unicode.ToLower(hr)
			// Most heads' lemmas start the rest of the word (Ministers:
			// Minister), and then the compound's lemma is a prefix of the
			// form, which needs no new string.
			if r2, n2 := utf8.DecodeRuneInString(rest); r2 == lr && r2 != utf8.RuneError && strings.HasPrefix(rest[n2:], h[hs:]) {
				return form[:i+n2+len(h)-hs], h, true
			}
			return form[:i] + string(lr) + h[hs:], h, true
		}
	}
	return "", "", false
}

// IsName reports whether form is a form of a proper name in the lexicon
// (Putin, Putins, Berlin, Europa, Müller).
func (l *Lexicon) IsName(form string) bool {
	return l.names.find(form) >= 0
}

// Name returns the lemma and types of a proper-name form.
func (l *Lexicon) Name(form string) (lemma string, types NameTypes, ok bool) {
	v := l.names.find(form)
	if v < 0 {
		return "", "", false
	}
	lemma, v = lemmaAt(l.names.blob, v, len(form))
	n := int(l.names.blob[v])
	return lemma, NameTypes(l.names.blob[v+1 : v+1+n]), true
}

// Stats reports the number of entries, for logs and docs.
func (l *Lexicon) Stats() map[string]int {
	return map[string]int{
		"verb_forms":        l.verbs.n,
		"verb_lemmas":       len(l.verbLemmas),
		"separable_verbs":   len(l.separable),
		"particles":         l.nParticles,
		"noun_forms":        l.nouns.n,
		"noun_lemmas":       l.nounLemmaSet().n,
		"proper_name_forms": l.names.n,
		"function_words":    l.nFunction,
	}
}

// lowerCase returns s in lower case, whether that changed s (the changed
// of appendLower) and whether s has an upper-case letter (when
// appendLowerIfNeeded lowers it), in one pass. A lower-case ASCII form,
// the common case, is returned as it is, without a copy; otherwise the
// lower case is built in b's memory as appendLower builds it
// (appendLower and appendLowerIfNeeded, in the tests, are the
// references).
func lowerCase(b []byte, s string) (low string, changed, upper bool) {
	i := 0
	if len(s) >= 8 {
		// Eight bytes at a time: a high bit is a non-ASCII byte; for
		// ASCII bytes, adding 0x80-'A' sets the high bit of those >= 'A'
		// and adding 0x80-'Z'-1 that of those > 'Z', without carries.
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		var up uint64
		for ; i+8 <= len(s) || i < len(s); i += 8 {
			if i+8 > len(s) {
				i = len(s) - 8 // the last eight bytes, overlapping
			}
			w := load64(unsafe.Pointer(unsafe.StringData(s)), i)
			if w&highs != 0 {
				return lowerCaseRunes(b, s)
			}
			up |= (w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones) & highs
		}
		upper = up != 0
	} else {
		for ; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				return lowerCaseRunes(b, s)
			}
			upper = upper || 'A' <= c && c <= 'Z'
		}
	}
	if !upper {
		return s, false, false
	}
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(&b[n], len(s)), true, true
}

func lowerCaseRunes(b []byte, s string) (string, bool, bool) {
	n := len(b)
	changed, upper := false, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				changed, upper = true, true
			}
			b = append(b, c)
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+00C0 to U+00FF, German's umlauts and ß: the capitals
			// À to Þ but × lower-case 32 code points on.
			if d := s[i+1]; d <= 0x9E && d != 0x97 {
				b = append(b, 0xC3, d+0x20)
				changed, upper = true, true
			} else {
				b = append(b, 0xC3, d)
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		changed = changed || lr != r
		upper = upper || unicode.IsUpper(r)
		b = utf8.AppendRune(b, lr)
		i += size
	}
	return unsafe.String(unsafe.SliceData(b[n:]), len(b)-n), changed, upper
}

// appendTitleIfCaps appends titleIfCaps(s) to b and reports whether it
// differs from s.
func appendTitleIfCaps(b []byte, s string) ([]byte, bool) {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return b, false
		}
		n++
	}
	if n < 3 {
		return b, false
	}
	_, size := utf8.DecodeRuneInString(s)
	b = append(b, s[:size]...)
	changed := false
	for _, r := range s[size:] {
		lr := unicode.ToLower(r)
		changed = changed || lr != r
		b = utf8.AppendRune(b, lr)
	}
	return b, changed
}
