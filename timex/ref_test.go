package timex

import (
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
)

var (
	relRE     = regexp.MustCompile(`^(DCT|LAST|ANCHOR)([+-][0-9]+)(WE|DE|CE|Y|Q|H|M|W|D)(?:@(.+))?$`)
	wdRE      = regexp.MustCompile(`^(DCT|LAST|ANCHOR)([~<>])(WD[1-7]|WE)(?:@(.+))?$`)
	fullRERef = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?`)
	bcRERef   = regexp.MustCompile(`^BC([0-9]{4})$`)
)

func newCalRef(y, m, d, prec int) *cal {
	if m == 0 {
		m = 1
	}
	if d == 0 {
		d = 1
	}
	return &cal{t: time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC), prec: prec}
}

// The functions below are Tag and its helpers as they were before the
// tagger kept its per-document buffers in a pool and parseCal and easter
// stopped running regexps on every value; TestTagMatchesRef holds the new
// code to them on every 10kGNAD article.

func (tg *Tagger) tagRef(d *document.Document) {
	text := d.Text
	ms := tg.rules.Find(text)
	d.Timexes = d.Timexes[:0]
	if len(ms) == 0 {
		return
	}
	sents := sentenceRangesRef(d)
	sentOf := func(off int) int {
		i := sort.Search(len(sents), func(i int) bool { return sents[i][1] > off })
		if i == len(sents) {
			return len(sents) - 1
		}
		return i
	}
	// The sentence of each mention, and the sentences with a clock time.
	msSent := make([]int, len(ms))
	clock := map[int]bool{}
	for i, m := range ms {
		msSent[i] = sentOf(m.Start)
		if m.Type == "TIME" {
			clock[msSent[i]] = true
		}
	}
	cueCache := map[int][]cue{}
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
			return tg.clauseTenseRef(text[lo:hi], off-lo)
		}
		c, ok := cueCache[sn]
		if !ok {
			c = tg.appendCues(nil, s)
			cueCache[sn] = c
		}
		return decideTenseRef(s, off-sents[sn][0], c)
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
		r.dct = &cal{t: time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC), prec: p}
	}
	unresolved := false
	for i, m := range ms {
		sn := msSent[i]
		sentIdx := sn
		if len(d.Sentences) > 0 {
			sentIdx = d.SentenceAt(m.Start)
		}
		tx := document.Timex{
			ID:       "t" + strconv.Itoa(i+1),
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
			if m.Generic != "" && (tense == TensePresent || tense == TenseUnknown) && !clock[sn] {
				v = m.Generic
			} else {
				v, how = r.resolveRef(m.Value, tense, sn)
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
			if c := parseCalRef(tx.Value); c != nil {
				c.id = tx.ID
				r.last = c
				if c.prec == precDay {
					r.lastDay, r.lastDaySn = c, sn
				}
			}
		}
	}
	tg.pairWeekdaysRef(d, ms)
	if unresolved && !d.DCT.Known() {
		d.Warn("timex: no article date (DCT): relative time expressions left underspecified")
	}
}

func sentenceRangesRef(d *document.Document) [][2]int {
	if len(d.Sentences) > 0 {
		out := make([][2]int, len(d.Sentences))
		for i, s := range d.Sentences {
			out[i] = [2]int{s.Start, s.End}
		}
		return out
	}
	text := d.Text
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
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

// clauseTenseRef and the cues in tagRef use appendCues: it is the old
// cues with an append target, and forEachWordPos did not change.
func (tg *Tagger) clauseTenseRef(s string, at int) Tense {
	return decideTenseRef(s, at, tg.appendCues(nil, s))
}

func decideTenseRef(s string, at int, cues []cue) Tense {
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
	decide := func(cs []cue) Tense {
		future, past, aux, part, present := false, false, false, false, false
		for _, c := range cs {
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
		return TenseUnknown
	}
	var seg []cue
	for _, c := range cues {
		if c.pos >= segStart && c.pos < segEnd {
			seg = append(seg, c)
		}
	}
	if t := decide(seg); t != TenseUnknown {
		return t
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

func parseCalRef(v string) *cal {
	if m := bcRERef.FindStringSubmatch(v); m != nil {
		// 479 BC is year -478 in the proleptic calendar time.Date uses.
		n, _ := strconv.Atoi(m[1])
		return newCalRef(1-n, 1, 1, precYear)
	}
	m := fullRERef.FindStringSubmatch(v)
	if m == nil {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	switch {
	case m[3] != "":
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return nil
		}
		return newCalRef(y, mo, d, precDay)
	case m[2] != "":
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return nil
		}
		return newCalRef(y, mo, 1, precMonth)
	}
	if len(v) > 4 && v[4] != '-' { // a decade or century is not a year
		return nil
	}
	if len(v) > 5 && v[5] == 'W' {
		// A week is derived from another date ("in der dritten Woche"
		// counts from the date before it), so it does not become the
		// reference itself.
		return nil
	}
	if len(v) == 4 || v[4] == '-' {
		return newCalRef(y, 1, 1, precYear)
	}
	return nil
}

func (r *resolver) resolveRef(v string, tense Tense, sentence int) (string, string) {
	if anchorNamed(v) { // else neither relRE nor wdRE can match
		if m := relRE.FindStringSubmatch(v); m != nil {
			ref, how := r.anchorFor(m[1])
			n, _ := strconv.Atoi(m[2])
			if how == "last" && ref != nil && ref.prec == precMonth && (m[3] == "W" || m[3] == "WE") {
				// "in der dritten Woche" after "im Juli 2013": weeks counted
				// from the first day of the month named last.
				day := *ref // keeps the id
				day.prec = precDay
				ref = &day
			}
			return relValue(ref, n, m[3], m[4]), howIf(ref, how)
		}
		if m := wdRE.FindStringSubmatch(v); m != nil {
			ref, how := r.anchorFor(m[1])
			return weekdayValue(ref, m[2], m[3], m[4], tense, how == "last"), howIf(ref, how)
		}
	}
	if strings.HasPrefix(v, "XXXX-XX-XXT") {
		// A clock time belongs to the day last named (Donnerstag, 25.
		// Februar … um 20.30 Uhr), else to the article's day.
		ref, how := r.lastDay, "last"
		if ref == nil && r.dct != nil && r.dct.prec == precDay {
			ref, how = r.dct, "dct"
		}
		if ref == nil || ref.prec < precDay {
			return v, ""
		}
		return ref.t.Format("2006-01-02") + v[10:], howIf(ref, how)
	}
	if strings.HasPrefix(v, "XXXX") {
		ref, how := r.anchorFor("ANCHOR")
		out := fillYear(v, ref, tense, how == "dct")
		if out == v {
			return v, ""
		}
		return easterRef(out), howIf(ref, how)
	}
	return easterRef(v), ""
}

func easterRef(v string) string {
	m := easterRE.FindStringSubmatch(v)
	if m == nil {
		return v
	}
	y, _ := strconv.Atoi(m[1])
	off, _ := strconv.Atoi(m[2])
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	mm := (a + 11*h + 22*l) / 451
	month := (h + l - 7*mm + 114) / 31
	day := (h+l-7*mm+114)%31 + 1
	t := time.Date(y, time.Month(month), day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, off)
	return t.Format("2006-01-02") + v[len(m[0]):]
}

func (tg *Tagger) pairWeekdaysRef(d *document.Document, ms []Mention) {
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		wd := weekdayOf(a.Value)
		if wd == 0 || !appositive(d.Text[a.End:b.Start]) {
			continue
		}
		c := parseCalRef(d.Timexes[i+1].Value)
		if c == nil || c.prec != precDay {
			continue
		}
		d.Timexes[i].Value = d.Timexes[i+1].Value
		d.Timexes[i].Anchor = d.Timexes[i+1].ID
	}
}

// TestTagMatchesRef tags every 10kGNAD article with Tag and with tagRef,
// with the tokenizer's sentences and without (the light split), under a
// DCT of day, month and year precision and none, and with a document
// whose Timexes still hold a previous article's (as a recycled one does).
func TestTagMatchesRef(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := benchdata.Tokenized(t)
	day := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	dcts := []document.DCT{
		{Time: day, Precision: document.PrecisionDay, Origin: "flag"},
		{Time: day, Precision: document.PrecisionMonth, Origin: "flag"},
		{Time: day, Precision: document.PrecisionYear, Origin: "flag"},
		{},
	}
	var prev []document.Timex
	diffs := 0
	for _, d := range docs {
		for _, withSents := range []bool{true, false} {
			for _, dct := range dcts {
				run := func(tag func(*document.Document)) *document.Document {
					c := document.New(d.ID, d.Source, d.Text)
					if withSents {
						c.Tokens, c.Sentences = d.Tokens, d.Sentences
					}
					c.DCT = dct
					c.Timexes = append(c.Timexes, prev...)
					tag(c)
					return c
				}
				got, want := run(tg.Tag), run(tg.tagRef)
				if !reflect.DeepEqual(got.Timexes, want.Timexes) || got.DCT != want.DCT || !reflect.DeepEqual(got.Warnings, want.Warnings) {
					diffs++
					if diffs <= 5 {
						t.Errorf("%s (sentences %v, DCT %v):\n got  %+v %v %q\n want %+v %v %q", d.ID, withSents, dct, got.Timexes, got.DCT, got.Warnings, want.Timexes, want.DCT, want.Warnings)
					}
				}
				prev = want.Timexes
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d runs differ", diffs, len(docs)*2*len(dcts))
	}
}

// TestParseCalMatchesRef compares parseCal, easter, relMatch and wdMatch
// with the regexps they replace, on edge cases and on every value Tag
// gives the 10kGNAD articles, before and after resolving.
func TestParseCalMatchesRef(t *testing.T) {
	vals := []string{"", "1", "201", "2016", "2016-", "2016-0", "2016-03", "2016-3", "2016-13", "2016-00",
		"2016-03-", "2016-03-0", "2016-03-01", "2016-03-32", "2016-03-00", "2016-00-05", "2016-03-01T20:30",
		"2016-W05", "2016-W05-WE", "2016-SU", "2016-Q1", "201X", "199", "19", "BC0479", "BC479", "BC04790",
		"bc0479", "BCXXXX", "XXXX-03-01", "2016-XX-01", "2016-03-1x", "２０１６", "2016-EASTER+1",
		"2016-EASTER-2TEV", "2016-EASTER+", "2016-EASTER", "2016-EASTERx1", "X016-EASTER+1", "2016EASTER+1"}
	if tg, err := Default(); err == nil {
		docs, _ := benchdata.Tokenized(t)
		for _, d := range docs {
			for _, m := range tg.rules.Find(d.Text) {
				vals = append(vals, m.Value, m.Generic)
			}
			c := *d
			c.DCT = document.DCT{Time: time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay}
			tg.Tag(&c)
			for _, x := range c.Timexes {
				vals = append(vals, x.Value)
			}
		}
	}
	for _, v := range []string{"DCT+1Y", "DCT-12M@SU", "LAST+0WE", "LAST+0W", "LAST+0WEX", "LAST+0W@", "LAST+0W@x",
		"ANCHOR+3DE", "ANCHOR-1CE@T", "DCT+Y", "DCT1Y", "DCT+1", "DCT+1YY", "DCT+1Y@a\nb", "DCT+1Y@\xff", "DCT~WD1",
		"DCT<WD7@TEV", "DCT>WD8", "DCT~WE", "DCT~WE@x", "DCT~WEx", "DCT~WD", "DCT~W", "DCT~", "ANCHORE~WD1", "LAS+1Y",
		"dct+1Y", "DCT-0D@TMO", "DCT+1Q", "DCT+1H", "DCT+1M", "DCT+1D", "DCT+1DE@@", "DCT+01WE@WE"} {
		vals = append(vals, v)
	}
	for _, v := range vals {
		for _, c := range []struct {
			re *regexp.Regexp
			f  func(string) ([5]string, bool)
		}{{relRE, relMatch}, {wdRE, wdMatch}} {
			want := c.re.FindStringSubmatch(v)
			got, ok := c.f(v)
			if ok != (want != nil) || ok && !reflect.DeepEqual(got[:], want) {
				t.Errorf("%v on %q: %q %v, want %q", c.re, v, got, ok, want)
			}
		}
		got, ok := parseCal(v)
		want := parseCalRef(v)
		if ok != (want != nil) || ok && got != *want {
			t.Errorf("parseCal(%q) = %v %v, want %v", v, got, ok, want)
		}
		if g, w := easter(v), easterRef(v); g != w {
			t.Errorf("easter(%q) = %q, want %q", v, g, w)
		}
	}
}
