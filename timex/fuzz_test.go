package timex_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/timex"
)

// FuzzTag checks that no input makes the tagger panic or emit a span that
// is not a slice of the text at rune boundaries.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"am Montag (5. Mai)", "seit 2021 und im Juni 2021", "vom 3. bis 6. Oktober 2025",
		"um 20.30 Uhr", "Ende", "5.", "2021-", "jeden", "in zwei", "\xff\xfe 1939", "Jahr 0", "0. Jahrhundert",
		"1.1.00", "31.2.2021", "am 31. Februar", "99:99 Uhr", "halb null", "vor 0 Jahren", "v. Chr.",
	} {
		f.Add(s)
	}
	tg, err := timex.Default()
	if err != nil {
		f.Fatal(err)
	}
	dct := document.DCT{Time: time.Date(2025, 5, 7, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []document.DCT{dct, {}} {
			d := document.New("f", "f", s)
			d.DCT = c
			tg.Tag(d)
			for _, x := range d.Timexes {
				if x.Span.Start < 0 || x.Span.End > len(s) || x.Span.Start >= x.Span.End || s[x.Span.Start:x.Span.End] != x.Span.Text {
					t.Fatalf("bad span %+v in %q", x.Span, s)
				}
				if utf8.ValidString(s) && (!utf8.ValidString(x.Span.Text)) {
					t.Fatalf("span cuts a rune: %+v in %q", x.Span, s)
				}
				if x.Value == "" {
					t.Fatalf("empty value for %q in %q", x.Span.Text, s)
				}
			}
		}
	})
}
