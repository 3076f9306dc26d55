package timex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Underspecified values the rules emit, and how Resolve anchors them:
//
//	DCT±N<unit>[@S]     N units from the article date; unit Y, Q, H (half),
//	                    M, W, WE (weekend), D, DE (decade), CE (century).
//	                    The result has the unit's granularity; @S appends a
//	                    part: ANCHOR+0Y@SU → 2025-SU, DCT-1D@TEV → 2025-05-04TEV.
//	LAST±N<unit>[@S]    the same from the last mentioned date (anaphora).
//	ANCHOR±N<unit>[@S]  the article date in news, the last mentioned date
//	                    in narrative text (no DCT).
//	ANCHOR~WDn, ~WE     weekday n or the weekend, direction from the tense
//	                    of the clause; < forces the last one, > the next.
//	XXXX-…              year (and month, day) missing: filled from the
//	                    anchor; a time of day takes the date last mentioned
//	                    in its sentence, else the article day.
//	…EASTER±n           a movable feast, computed once the year is known.
//
// Anything else is already a TIMEX3 value and stays as it is.

var ()

// relMatch is relRE.FindStringSubmatch, nil-ness as ok, for the regexp
// ^(DCT|LAST|ANCHOR)([+-][0-9]+)(WE|DE|CE|Y|Q|H|M|W|D)(?:@(.+))?$ (kept
// in ref_test.go), read by bytes: every anchored value passes here, and
// the regexp's submatch slice was most of resolve's cost.
func relMatch(v string) (m [5]string, ok bool) {
	kind, rest := anchorOf(v)
	if kind == "" || len(rest) < 2 || rest[0] != '+' && rest[0] != '-' {
		return m, false
	}
	j := 1
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j == 1 {
		return m, false
	}
	for _, u := range [...]string{"WE", "DE", "CE", "Y", "Q", "H", "M", "W", "D"} {
		if strings.HasPrefix(rest[j:], u) {
			if suf, ok := atSuffix(rest[j+len(u):]); ok {
				return [5]string{v, kind, rest[:j], u, suf}, true
			}
		}
	}
	return m, false
}

// wdMatch is wdRE.FindStringSubmatch as relMatch is relRE's, for
// ^(DCT|LAST|ANCHOR)([~<>])(WD[1-7]|WE)(?:@(.+))?$.
func wdMatch(v string) (m [5]string, ok bool) {
	kind, rest := anchorOf(v)
	if kind == "" || len(rest) < 3 || rest[0] != '~' && rest[0] != '<' && rest[0] != '>' {
		return m, false
	}
	w := ""
	switch {
	case len(rest) >= 4 && rest[1:3] == "WD" && rest[3] >= '1' && rest[3] <= '7':
		w = rest[1:4]
	case rest[1:3] == "WE":
		w = "WE"
	default:
		return m, false
	}
	if suf, ok := atSuffix(rest[1+len(w):]); ok {
		return [5]string{v, kind, rest[:1], w, suf}, true
	}
	return m, false
}

// anchorOf splits the anchor's name (DCT, LAST, ANCHOR) off v; kind is
// "" when v starts with none.
func anchorOf(v string) (kind, rest string) {
	for _, k := range [...]string{"DCT", "LAST", "ANCHOR"} {
		if strings.HasPrefix(v, k) {
			return k, v[len(k):]
		}
	}
	return "", v
}

// atSuffix reads the end of a value as (?:@(.+))?$ does: nothing, or @
// and one or more runes none of which is a newline.
func atSuffix(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	if len(s) < 2 || s[0] != '@' || strings.IndexByte(s, '\n') >= 0 {
		return "", false
	}
	return s[1:], true
}

// cal is a calendar date known to a precision.
type cal struct {
	t    time.Time
	prec int // 1 year, 2 month, 3 day
	id   string
}

const (
	precYear  = 1
	precMonth = 2
	precDay   = 3
)

// Tense of the clause around a mention, for the direction of weekdays.
type Tense int

const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

// resolver holds the per-document state of one resolution pass.
type resolver struct {
	dct       *cal // nil when the document has no date, else &dctCal
	dctCal    cal
	last      *cal
	lastDay   *cal // last mentioned date of day precision
	lastDaySn int  // its sentence
}

func calOf(y, m, d, prec int) cal {
	return cal{t: time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC), prec: prec}
}

// parseCal reads the leading calendar date of a TIMEX3 value, as the
// regexps ^BC([0-9]{4})$ and ^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?
// read it (parseCalRef in ref_test.go), by bytes: it runs on every date
// and time a document has, and the regexps' submatch slices were most of
// its cost.
func parseCal(v string) (cal, bool) {
	if len(v) == 6 && v[0] == 'B' && v[1] == 'C' {
		if n, ok := digitsAt(v, 2, 4); ok {
			// 479 BC is year -478 in the proleptic calendar time.Date uses.
			return calOf(1-n, 1, 1, precYear), true
		}
	}
	y, ok := digitsAt(v, 0, 4)
	if !ok {
		return cal{}, false
	}
	if len(v) >= 7 && v[4] == '-' {
		if mo, ok := digitsAt(v, 5, 2); ok {
			if len(v) >= 10 && v[7] == '-' {
				if d, ok := digitsAt(v, 8, 2); ok {
					if mo < 1 || mo > 12 || d < 1 || d > 31 {
						return cal{}, false
					}
					return calOf(y, mo, d, precDay), true
				}
			}
			if mo < 1 || mo > 12 {
				return cal{}, false
			}
			return calOf(y, mo, 1, precMonth), true
		}
	}
	if len(v) > 4 && v[4] != '-' { // a decade or century is not a year
		return cal{}, false
	}
	if len(v) > 5 && v[5] == 'W' {
		// A week is derived from another date ("in der dritten Woche"
		// counts from the date before it), so it does not become the
		// reference itself.
		return cal{}, false
	}
	return calOf(y, 1, 1, precYear), true
}

// digitsAt returns the number written by the n ASCII digits at v[i:], and
// false when v has fewer or another byte there.
func digitsAt(v string, i, n int) (int, bool) {
	if i+n > len(v) {
		return 0, false
	}
	x := 0
	for _, c := range []byte(v[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int(c-'0')
	}
	return x, true
}

func (r *resolver) anchorFor(kind string) (*cal, string) {
	switch kind {
	case "DCT":
		if r.dct != nil {
			return r.dct, "dct"
		}
		return r.last, "last"
	case "LAST":
		if r.last != nil {
			return r.last, "last"
		}
		return r.dct, "dct"
	}
	if r.dct != nil {
		return r.dct, "dct"
	}
	return r.last, "last"
}

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func withSuffix(v, s string) string {
	if s == "" {
		return v
	}
	if s[0] == 'T' {
		return v + s
	}
	return v + "-" + s
}

// resolve anchors one underspecified value. It returns the value and what
// it was anchored on: "dct", the id of the timex it was counted from, or ""
// when it could not be anchored.
func (r *resolver) resolve(v string, tense Tense, sentence int) (string, string) {
	if anchorNamed(v) { // else neither relRE nor wdRE can match
		if m, ok := relMatch(v); ok {
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
		if m, ok := wdMatch(v); ok {
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
		return easter(out), howIf(ref, how)
	}
	return easter(v), ""
}

// howIf names the anchor for the record: "dct", or the id of the timex
// whose date was used.
func howIf(ref *cal, how string) string {
	switch {
	case ref == nil:
		return ""
	case how == "dct":
		return "dct"
	}
	return ref.id
}

func relValue(ref *cal, n int, unit, suffix string) string {
	need := precYear
	switch unit {
	case "M", "Q", "H":
		need = precMonth
	case "D", "W", "WE":
		need = precDay
	}
	if ref == nil || ref.prec < need {
		return unresolved(unit, suffix)
	}
	t := ref.t
	var v string
	switch unit {
	case "Y":
		v = fmtYear(t.Year() + n)
	case "DE":
		v = fmt.Sprintf("%03d", t.Year()/10+n)
	case "CE":
		v = fmt.Sprintf("%02d", t.Year()/100+n)
	case "M":
		v = t.AddDate(0, n, 0).Format("2006-01")
		if t.Day() > 28 { // AddDate normalises 31 Jan + 1 month into March
			v = time.Date(t.Year(), t.Month()+time.Month(n), 1, 12, 0, 0, 0, time.UTC).Format("2006-01")
		}
	case "Q":
		q := (int(t.Month())-1)/3 + n
		y := t.Year() + floorDiv(q, 4)
		v = fmt.Sprintf("%04d-Q%d", y, mod(q, 4)+1)
	case "H":
		h := (int(t.Month())-1)/6 + n
		y := t.Year() + floorDiv(h, 2)
		v = fmt.Sprintf("%04d-H%d", y, mod(h, 2)+1)
	case "D":
		v = t.AddDate(0, 0, n).Format("2006-01-02")
	case "W":
		v = isoWeek(t.AddDate(0, 0, 7*n))
	case "WE":
		v = isoWeek(t.AddDate(0, 0, 7*n)) + "-WE"
	}
	return withSuffix(v, suffix)
}

// fmtYear writes a TIMEX3 year, BC for years before 1 (0 is 1 BC).
func fmtYear(y int) string {
	if y <= 0 {
		return fmt.Sprintf("BC%04d", 1-y)
	}
	return fmt.Sprintf("%04d", y)
}

func unresolved(unit, suffix string) string {
	var v string
	switch unit {
	case "Y":
		v = "XXXX"
	case "DE":
		v = "XXX"
	case "CE":
		v = "XX"
	case "M":
		v = "XXXX-XX"
	case "Q":
		v = "XXXX-QX"
	case "H":
		v = "XXXX-HX"
	case "D":
		v = "XXXX-XX-XX"
	case "W":
		v = "XXXX-WXX"
	case "WE":
		v = "XXXX-WXX-WE"
	}
	return withSuffix(v, suffix)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - floorDiv(a, b)*b }

// weekdayValue picks the weekday (or weekend) nearest the reference in the
// direction the text asks for: "<" before, ">" after, "~" by the tense
// (past → on or before the reference, otherwise on or after it).
func weekdayValue(ref *cal, dir, what, suffix string, tense Tense, narrative bool) string {
	if ref == nil || ref.prec < precDay {
		if what == "WE" {
			return "XXXX-WXX-WE"
		}
		return withSuffix("XXXX-WXX-"+what[2:], suffix)
	}
	refWd := int(ref.t.Weekday())
	if refWd == 0 {
		refWd = 7
	}
	past := dir == "<" || (dir == "~" && tense == TensePast && !narrative)
	strict := dir != "~"
	if what == "WE" {
		// The weekend is Saturday of the ISO week; Sunday belongs to it too.
		wd := 6
		if refWd == 7 {
			refWd = 6 // count Sunday as part of the same weekend
		}
		var d int
		if past {
			d = -mod(refWd-wd, 7)
			if strict && d == 0 && refWd != 6 {
				d = -7
			}
		} else {
			d = mod(wd-refWd, 7)
			if strict && d == 0 {
				d = 7
			}
		}
		return isoWeek(ref.t.AddDate(0, 0, d)) + "-WE"
	}
	wd := int(what[2] - '0')
	var d int
	if past {
		d = -mod(refWd-wd, 7)
		if strict && d == 0 {
			d = -7
		}
	} else {
		d = mod(wd-refWd, 7)
		if strict && d == 0 {
			d = 7
		}
	}
	return withSuffix(ref.t.AddDate(0, 0, d).Format("2006-01-02"), suffix)
}

// fillYear fills XXXX (and XX month of XXXX-XX-DD) from the reference. In
// news, a month named without a year is taken in the direction of the
// tense: in a past-tense clause a month after the article's month is last
// year's, in a future clause a month before it is next year's.
func fillYear(v string, ref *cal, tense Tense, news bool) string {
	if ref == nil {
		return v
	}
	y := ref.t.Year()
	rest := v[4:]
	if strings.HasPrefix(rest, "-XX-") {
		if ref.prec < precMonth {
			return v
		}
		return fmt.Sprintf("%04d-%02d", y, int(ref.t.Month())) + rest[3:]
	}
	if news && ref.prec >= precMonth && len(rest) >= 3 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9' {
		if mo, err := strconv.Atoi(rest[1:3]); err == nil {
			switch {
			case tense == TensePast && mo > int(ref.t.Month())+1:
				y--
			case tense == TenseFuture && mo < int(ref.t.Month())-1:
				y++
			}
		}
	}
	return fmt.Sprintf("%04d", y) + rest
}

var easterRE = regexp.MustCompile(`^([0-9]{4})-EASTER([+-][0-9]+)`)

// easter computes movable feasts (Gauss/Meeus algorithm for Western Easter).
// Only a value with -EASTER after its year can match easterRE, and few
// do: the others (every resolved value passes here) skip the regexp.
func easter(v string) string {
	if len(v) < 13 || v[4:11] != "-EASTER" {
		return v
	}
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
