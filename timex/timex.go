package timex

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
	"github.com/ereignis/ereignis/models"
)

// VerbLexicon is what the tense heuristic asks of a lexicon.
type VerbLexicon interface {
	VerbReadings(form string) []lexicon.VerbReading
}

// Tagger finds and normalises the time expressions of a document. It is
// immutable after New and safe for concurrent use.
type Tagger struct {
	rules   *Rules
	lex     VerbLexicon // nil: word lists only
	scratch sync.Pool   // *tagScratch
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger built from the embedded models and the
// default lexicon, loading them on first use.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		rs, err := Load(models.Timex, "timex")
		if err != nil {
			defaultErr = err
			return
		}
		var lex VerbLexicon
		if l, err := lexicon.Default(); err == nil && l != nil {
			lex = l
		}
		defaultTagger = New(rs, lex)
	})
	return defaultTagger, defaultErr
}

// New builds a tagger from loaded rules and an optional verb lexicon.
func New(rs *Rules, lex VerbLexicon) *Tagger { return &Tagger{rules: rs, lex: lex} }

// Rules returns the rule set.
func (tg *Tagger) Rules() *Rules { return tg.rules }

// Tag finds the time expressions of d, anchors them and stores them in
// d.Timexes (replacing what was there). A month- or year-precision DCT is
// made exact when the text names the day (am Montag (5. Mai)). Without any
// DCT, narrative anchoring on the last mentioned date is used and relative
// values that cannot be anchored stay underspecified; d gets a warning.
func (tg *Tagger) Tag(d *document.Document) {
	text := d.Text
	sc, _ := tg.scratch.Get().(*tagScratch)
	if sc == nil {
		sc = new(tagScratch)
	}
	defer tg.scratch.Put(sc)
	ms := tg.rules.find(sc.ms, text)
	sc.ms = ms
	d.Timexes = d.Timexes[:0]
	if len(ms) == 0 {
		return
	}
	if cap(d.Timexes) < len(ms) {
		d.Timexes = make([]document.Timex, 0, len(ms))
	}
	sents := sc.sentenceRanges(d)
	sentOf := func(off int) int {
		i := sort.Search(len(sents), func(i int) bool { return sents[i][1] > off })
		if i == len(sents) {
			return len(sents) - 1
		}
		return i
	}
	// The sentence of each mention, and the sentences with a clock time;
	// the cues of a sentence are cues[cueAt[sn][0]:cueAt[sn][1]] once
	// asked for (cueAt[sn][0] < 0 before).
	msSent := sc.msSent[:0]
	clock := sc.clock[:0]
	cueAt := sc.cueAt[:0]
	for range sents {
		clock = append(clock, false)
		cueAt = append(cueAt, [2]int32{-1, -1})
	}
	for _, m := range ms {
		sn := sentOf(m.Start)
		msSent = append(msSent, sn)
		if m.Type == "TIME" && sn >= 0 {
			clock[sn] = true
		}
	}
	cues := sc.cues[:0]
	defer func() { sc.msSent, sc.clock, sc.cueAt, sc.cues = msSent, clock, cueAt, cues }()
	tenseAt := func(sn, off int) Tense {
		if sn < 0 || sn >= len(sents) {
			return TenseUnknown
		}
		s := text[sents[sn][0]:sents[sn][1]]
		if len(s) > 2000 {
			// A "sentence" this long is a list or has lost its punctuation:
			// look only at the words around the mention, so that many
			// mentions in it do not cost quadratic time.
			lo, hi := max(sents[sn][0], off-300), min(sents[sn][1], off+300)
			for lo < off && !utf8.RuneStart(text[lo]) {
				lo++
			}
			for hi > off && hi < len(text) && !utf8.RuneStart(text[hi]) {
				hi--
			}
			n := len(cues)
			cues = tg.appendCues(cues, text[lo:hi])
			t := decideTense(text[lo:hi], off-lo, cues[n:])
			cues = cues[:n]
			return t
		}
		if cueAt[sn][0] < 0 {
			n := len(cues)
			cues = tg.appendCues(cues, s)
			cueAt[sn] = [2]int32{int32(n), int32(len(cues))}
		}
		return decideTense(s, off-sents[sn][0], cues[cueAt[sn][0]:cueAt[sn][1]])
	}

	tg.fixDCT(d, ms)
	r := &resolver{}
	if d.DCT.Known() {
		p := precYear
		switch d.DCT.Precision {
		case document.PrecisionMonth:
			p = precMonth
		case document.PrecisionDay:
			p = precDay
		}
		t := d.DCT.Time
		r.dctCal = cal{t: time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC), prec: p}
		r.dct = &r.dctCal
	}
	unresolved := false
	for i, m := range ms {
		sn := msSent[i]
		sentIdx := sn
		if len(d.Sentences) > 0 {
			sentIdx = d.SentenceAt(m.Start)
		}
		tx := document.Timex{
			ID:       timexID(i + 1),
			Type:     m.Type,
			Mod:      m.Mod,
			Quant:    m.Quant,
			Freq:     m.Freq,
			Span:     d.SpanOf(m.Start, m.End),
			Sentence: sentIdx,
			Rule:     m.Rule.Name,
		}
		v, how := m.Value, ""
		if m.Type == "DATE" || m.Type == "TIME" {
			tense := TenseUnknown
			if strings.Contains(m.Value, "~") || strings.HasPrefix(m.Value, "XXXX-") || m.Generic != "" {
				tense = tenseAt(sn, m.Start) // only weekdays, bare months and generic readings need it
			}
			if m.Generic != "" && (tense == TensePresent || tense == TenseUnknown) && !(sn >= 0 && clock[sn]) {
				v = m.Generic
			} else {
				v, how = r.resolve(m.Value, tense, sn)
			}
		}
		if m.Type == "DURATION" {
			v = canonDuration(v)
		}
		if (m.Type == "DATE" || m.Type == "TIME") && isRelative(m.Value) && (how == "" || strings.HasPrefix(v, "X")) {
			unresolved = true
			v, how = underspecified(v), ""
		}
		tx.Value, tx.Anchor = v, how
		d.Timexes = append(d.Timexes, tx)
		if (m.Type == "DATE" || m.Type == "TIME") && !endPoint(text, m.Start) {
			if c, ok := parseCal(tx.Value); ok {
				c.id = tx.ID
				p := &c
				r.last = p
				if c.prec == precDay {
					r.lastDay, r.lastDaySn = p, sn
				}
			}
		}
	}
	tg.pairWeekdays(d, ms)
	if unresolved && !d.DCT.Known() {
		d.Warn("timex: no article date (DCT): relative time expressions left underspecified")
	}
}

// tagScratch is Tag's per-document memory, kept in the tagger's pool for
// the next document (the slices grow to the largest article and stay).
type tagScratch struct {
	ms     []Mention
	sents  [][2]int
	msSent []int
	clock  []bool
	cueAt  [][2]int32
	cues   []cue
}

// timexIDs are the ids of the first timexes of a document ("t1", ...),
// built once, so that Tag does not build the string for each.
var timexIDs = func() (t [256]string) {
	for i := range t {
		t[i] = "t" + strconv.Itoa(i)
	}
	return t
}()

func timexID(n int) string {
	if n < len(timexIDs) {
		return timexIDs[n]
	}
	return "t" + strconv.Itoa(n)
}

// endPoint reports whether the mention at start is introduced by "bis"
// (bis 1881, bis zum 5. Mai): the end of a span, not where the story
// stands, so it does not become the reference for what follows.
func endPoint(text string, start int) bool {
	before := strings.TrimRight(text[max(0, start-12):start], " \t\n")
	before = strings.TrimSuffix(strings.TrimSuffix(before, "zum"), "zur")
	before = strings.TrimRight(before, " \t\n")
	return strings.HasSuffix(before, " bis") || strings.HasSuffix(before, "\nbis") || before == "bis" || strings.HasSuffix(before, "Bis")
}

// isRelative reports whether a rule value needs anchoring.
func isRelative(v string) bool {
	if strings.HasPrefix(v, "XXXX") {
		return true
	}
	return anchorNamed(v) && (relMatched(v) || wdMatched(v))
}

func relMatched(v string) bool { _, ok := relMatch(v); return ok }
func wdMatched(v string) bool  { _, ok := wdMatch(v); return ok }

// anchorNamed reports whether v starts with an anchor's name, as every
// match of relRE and wdRE does; most values (dates, durations) do not,
// and need no regexp run.
func anchorNamed(v string) bool {
	return strings.HasPrefix(v, "DCT") || strings.HasPrefix(v, "LAST") || strings.HasPrefix(v, "ANCHOR")
}

// underspecified turns a rule value that could not be anchored into a
// TIMEX3 value with X for the unknown parts.
func underspecified(v string) string {
	if m, ok := relMatch(v); ok {
		return unresolved(m[3], m[4])
	}
	if m, ok := wdMatch(v); ok {
		if m[3] == "WE" {
			return "XXXX-WXX-WE"
		}
		return withSuffix("XXXX-WXX-"+m[3][2:], m[4])
	}
	return v
}

// canonDuration writes hours, minutes and seconds after a T (P24H → PT24H,
// P30MIN → PT30M), as TIMEX3 wants.
func canonDuration(v string) string {
	if !strings.HasPrefix(v, "P") || strings.Contains(v, "T") {
		return v
	}
	body := v[1:]
	i := 0
	for i < len(body) {
		j := i
		for j < len(body) && (body[j] >= '0' && body[j] <= '9' || body[j] == '.' || body[j] == 'X') {
			j++
		}
		k := j
		for k < len(body) && body[k] >= 'A' && body[k] <= 'Z' {
			k++
		}
		unit := body[j:k]
		if unit == "H" || unit == "MIN" || unit == "S" {
			date := body[:i]
			timePart := strings.ReplaceAll(body[i:], "MIN", "M")
			return "P" + date + "T" + timePart
		}
		if k == i {
			break
		}
		i = k
	}
	return v
}

// pairWeekdays gives a weekday the value of the date beside it in
// apposition: "am Montag (5. Mai)", "Montag, 5. Mai".
func (tg *Tagger) pairWeekdays(d *document.Document, ms []Mention) {
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		wd := weekdayOf(a.Value)
		if wd == 0 || !appositive(d.Text[a.End:b.Start]) {
			continue
		}
		c, ok := parseCal(d.Timexes[i+1].Value)
		if !ok || c.prec != precDay {
			continue
		}
		d.Timexes[i].Value = d.Timexes[i+1].Value
		d.Timexes[i].Anchor = d.Timexes[i+1].ID
	}
}

func weekdayOf(v string) int {
	if !anchorNamed(v) {
		return 0
	}
	if m, ok := wdMatch(v); ok && m[3] != "WE" {
		return int(m[3][2] - '0')
	}
	return 0
}

func appositive(between string) bool {
	s := strings.TrimSpace(between)
	return s == "(" || s == "," || s == ", den" || s == "den"
}

// fixDCT narrows a month- or year-precision DCT to the day the text names
// in a weekday-date apposition in that month whose weekday agrees
// (am Montag (5. Mai) with date 2025-05).
func (tg *Tagger) fixDCT(d *document.Document, ms []Mention) {
	if !d.DCT.Known() || d.DCT.Precision == document.PrecisionDay {
		return
	}
	for i := 0; i < len(ms); i++ {
		// The weekday and the date: one mention (Donnerstag, 25. Februar)
		// or two in apposition (Montag (5. Mai)).
		b, wd := ms[i], ms[i].Weekday
		if wd == 0 {
			if i+1 == len(ms) {
				break
			}
			a := ms[i]
			b = ms[i+1]
			wd = weekdayOf(a.Value)
			if wd == 0 || !appositive(d.Text[a.End:b.Start]) {
				continue
			}
		}
		y, mo, day, ok := explicitDay(b.Value, d.DCT.Time.Year())
		if !ok || y != d.DCT.Time.Year() {
			continue
		}
		if d.DCT.Precision == document.PrecisionMonth && time.Month(mo) != d.DCT.Time.Month() {
			continue
		}
		t := time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
		w := int(t.Weekday())
		if w == 0 {
			w = 7
		}
		if w != wd {
			continue
		}
		d.DCT = document.DCT{Time: t, Precision: document.PrecisionDay, Origin: "text", InputValue: d.DCT.Value()}
		return
	}
}

// explicitDay reads YYYY-MM-DD or XXXX-MM-DD (year taken as defYear).
func explicitDay(v string, defYear int) (y, m, d int, ok bool) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return 0, 0, 0, false
	}
	if v[:4] == "XXXX" {
		y = defYear
	} else if n, err := strconv.Atoi(v[:4]); err == nil {
		y = n
	} else {
		return 0, 0, 0, false
	}
	m, err1 := strconv.Atoi(v[5:7])
	d, err2 := strconv.Atoi(v[8:10])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// sentenceRanges returns the sentences of d as byte ranges: the
// tokenizer's when present, else a light split at sentence punctuation;
// in sc.sents, which it reuses.
func (sc *tagScratch) sentenceRanges(d *document.Document) [][2]int {
	out := sc.sents[:0]
	defer func() { sc.sents = out }()
	if len(d.Sentences) > 0 {
		for _, s := range d.Sentences {
			out = append(out, [2]int{s.Start, s.End})
		}
		return out
	}
	text := d.Text
	start := 0
	for i := 0; i < len(text); i++ {
		// Most bytes cannot end a sentence: skip them in a loop of their
		// own (the split ran a switch per byte, 13 % of BenchmarkTag).
		for i < len(text) && !sentPunct[text[i]] {
			i++
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		end := -1
		switch {
		case c == '\n' && i+1 < len(text) && text[i+1] == '\n':
			end = i
		case (c == '.' || c == '!' || c == '?') && i+2 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n'):
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			prev := i - 1
			// "5. Mai", "20. Jahrhundert": a number before the dot is an ordinal.
			if unicode.IsUpper(r) && !(prev >= 0 && text[prev] >= '0' && text[prev] <= '9') {
				end = i + 1
			}
		}
		if end >= 0 && end > start {
			out = append(out, [2]int{start, end})
			start = end
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// sentPunct marks the bytes at which the light split may end a sentence.
var sentPunct = [256]bool{'\n': true, '.': true, '!': true, '?': true}

// cue is a verb form that says something about tense.
type cue struct {
	pos  int
	kind Tense
	aux  bool // haben/sein: perfect only with a participle
	part bool
}

// appendCues appends the tense cues of a sentence to cues.
func (tg *Tagger) appendCues(cues []cue, s string) []cue {
	rs := tg.rules
	var buf [32]byte
	forEachWordPos(s, func(pos int, w string) {
		// One probe of the merged tense lists; an ASCII word is lowered
		// into buf (a map index by string(bytes) does not allocate).
		var c cue
		var ok bool
		if b, ascii := lowerASCII(buf[:0], w); ascii {
			c, ok = rs.tenseWords[string(b)]
		} else {
			c, ok = rs.tenseWords[strings.ToLower(w)]
		}
		if ok {
			c.pos = pos
			cues = append(cues, c)
			return
		}
		if tg.lex != nil {
			if pos > 0 && !unicode.IsLower(firstRune(w)) {
				return // a capitalised word inside a sentence is no verb form
			}
			for _, r := range tg.lex.VerbReadings(w) {
				switch {
				case r.Tense == lexicon.Past && r.Mood == lexicon.Indicative:
					cues = append(cues, cue{pos: pos, kind: TensePast})
					return
				case r.Tense == lexicon.Participle:
					cues = append(cues, cue{pos: pos, part: true})
					return
				case r.Tense == lexicon.Present && r.Mood == lexicon.Indicative && r.Person == 3 && unicode.IsLower(firstRune(w)):
					cues = append(cues, cue{pos: pos, kind: TensePresent})
					return
				}
			}
		} else if lw := strings.ToLower(w); len(lw) > 5 && strings.HasPrefix(lw, "ge") && (strings.HasSuffix(lw, "t") || strings.HasSuffix(lw, "en")) {
			cues = append(cues, cue{pos: pos, part: true})
		}
	})
	return cues
}

// decideTense guesses the tense of the clause around a mention (byte
// offset at in sentence s, whose tense cues are cues): the sentence is
// cut at commas, semicolons, colons and brackets, and the verb cues of the
// mention's segment decide (future auxiliary or planning word > past
// finite verb or perfect > present finite verb). A segment without cues
// takes the cue nearest to the mention in the sentence.
func decideTense(s string, at int, cues []cue) Tense {
	segStart, segEnd := 0, len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';', ':', '(', ')':
			if i < at {
				segStart = i + 1
			} else if i >= at && segEnd == len(s) {
				segEnd = i
			}
		}
	}
	// The cues of the mention's segment decide, if they can.
	{
		future, past, aux, part, present := false, false, false, false, false
		for _, c := range cues {
			if c.pos < segStart || c.pos >= segEnd {
				continue
			}
			switch {
			case c.kind == TenseFuture:
				future = true
			case c.kind == TensePast:
				past = true
			case c.aux:
				aux = true
			case c.part:
				part = true
			case c.kind == TensePresent:
				present = true
			}
		}
		switch {
		case future:
			return TenseFuture
		case past || aux && part:
			return TensePast
		case present || aux:
			return TensePresent
		}
	}
	// Nearest cue in the sentence (a participle counts with an auxiliary).
	best, bestD := TenseUnknown, len(s)+1
	hasAux := false
	for _, c := range cues {
		hasAux = hasAux || c.aux
	}
	for _, c := range cues {
		k := c.kind
		if c.part {
			if !hasAux {
				continue
			}
			k = TensePast
		}
		if k == TenseUnknown {
			continue
		}
		d := c.pos - at
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// lowerASCII appends w lowered to dst when w is ASCII (as strings.ToLower
// lowers it); ascii is false otherwise.
func lowerASCII(dst []byte, w string) (_ []byte, ascii bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// tenseCues merges the tense word lists into one table, each word with
// the cue of the first list that has it (future, perfect auxiliary, past),
// the order cues asks them in.
func tenseCues(patterns map[string]*patternList) map[string]cue {
	m := map[string]cue{}
	for _, l := range []struct {
		name string
		c    cue
	}{{"tense-past", cue{kind: TensePast}}, {"tense-perfect", cue{kind: TensePresent, aux: true}}, {"tense-future", cue{kind: TenseFuture}}} {
		if pl := patterns[l.name]; pl != nil {
			for k := range pl.values {
				m[k] = l.c // a later (earlier-asked) list overrides
			}
		}
	}
	return m
}

func forEachWordPos(s string, fn func(int, string)) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(start, s[start:])
	}
}
