package timex_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/timex"
)

func tag(t *testing.T, text string, dct document.DCT) *document.Document {
	t.Helper()
	tg, err := timex.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("t", "t", text)
	d.DCT = dct
	tg.Tag(d)
	for _, x := range d.Timexes {
		if d.Text[x.Span.Start:x.Span.End] != x.Span.Text {
			t.Errorf("span %+v breaks Text[start:end] == mention", x.Span)
		}
	}
	return d
}

func values(d *document.Document) map[string]string {
	m := map[string]string{}
	for _, x := range d.Timexes {
		m[x.Span.Text] = x.Value
	}
	return m
}

// A month-precision DCT is made exact by a weekday-date apposition in that
// month, and both mentions take the date.
func TestDCTFixedByText(t *testing.T) {
	dct := document.DCT{Time: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionMonth, Origin: "metadata"}
	d := tag(t, `"Das ist nötig", sagte Peskow am Montag (5. Mai). Er berichtete am Wochenende davon.`, dct)
	if d.DCT.Value() != "2025-05-05" || d.DCT.Origin != "text" || d.DCT.InputValue != "2025-05" {
		t.Errorf("DCT = %+v, want 2025-05-05 from text with input 2025-05", d.DCT)
	}
	v := values(d)
	for span, want := range map[string]string{"Montag": "2025-05-05", "5. Mai": "2025-05-05", "Wochenende": "2025-W18-WE"} {
		if v[span] != want {
			t.Errorf("%s = %q, want %q (all: %v)", span, v[span], want, v)
		}
	}
}

func TestDCTFixedByOneMention(t *testing.T) {
	dct := document.DCT{Time: time.Date(2010, 2, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionMonth, Origin: "metadata"}
	d := tag(t, "Der Verein lädt am Donnerstag, 25. Februar, nach Bozen. Gestern war Ruhe.", dct)
	if d.DCT.Value() != "2010-02-25" || d.DCT.Origin != "text" {
		t.Errorf("DCT = %+v, want 2010-02-25 from the text", d.DCT)
	}
	if v := values(d)["Gestern"]; v != "2010-02-24" {
		t.Errorf("Gestern = %q, want 2010-02-24", v)
	}
}

// A weekday that does not fit the date beside it leaves the DCT alone.
func TestDCTNotFixedByWrongWeekday(t *testing.T) {
	dct := document.DCT{Time: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionMonth, Origin: "metadata"}
	d := tag(t, "Er sagte am Dienstag (5. Mai), es gehe.", dct)
	if d.DCT.Precision != document.PrecisionMonth {
		t.Errorf("DCT = %+v, want the month precision kept", d.DCT)
	}
}

// Without a DCT nothing comes from the machine clock: relative values stay
// underspecified and the document says so.
func TestNoDCT(t *testing.T) {
	d := tag(t, "Er kam am 5. Mai. Gestern ging sie.", document.DCT{})
	v := values(d)
	if v["5. Mai"] != "XXXX-05-05" || v["Gestern"] != "XXXX-XX-XX" {
		t.Errorf("values %v, want XXXX-05-05 and XXXX-XX-XX", v)
	}
	if len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], "DCT") {
		t.Errorf("want a DCT warning, got %v", d.Warnings)
	}
}

// Narrative text anchors on the last mentioned date.
func TestNarrativeAnchoring(t *testing.T) {
	d := tag(t, "Am 1. September 1939 begann der Krieg. Im Mai eroberte die Armee das Land. Zwei Tage später fiel die Stadt. Im Jahr darauf kam der Frieden.", document.DCT{})
	v := values(d)
	for span, want := range map[string]string{"Mai": "1939-05", "Zwei Tage später": "XXXX-XX-XX", "Jahr darauf": "1940"} {
		if v[span] != want {
			t.Errorf("%s = %q, want %q (all: %v)", span, v[span], want, v)
		}
	}
}

// Years before Christ anchor what follows them too.
func TestNarrativeBC(t *testing.T) {
	d := tag(t, "Im Jahr 480 v. Chr. zogen die Perser nach Athen. Bis Mitte des Jahres fiel die Stadt.", document.DCT{})
	v := values(d)
	if v["Jahr 480 v. Chr."] != "BC0480" || v["Mitte des Jahres"] != "BC0480" {
		t.Errorf("values %v, want BC0480 for both", v)
	}
}

// One Tagger serves many goroutines (run with -race).
func TestConcurrentTag(t *testing.T) {
	dct := document.DCT{Time: time.Date(2025, 5, 7, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				d := tag(t, "Seit 2021 und am vergangenen Freitag um 20.30 Uhr, jeden Montag, drei Jahre lang.", dct)
				if len(d.Timexes) != 5 {
					t.Errorf("got %d timexes", len(d.Timexes))
					return
				}
			}
		}()
	}
	wg.Wait()
}
