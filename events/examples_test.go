package events_test

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/models"
)

// TestExamples runs every example of models/events/examples.txt through the
// whole pipeline: positive examples must yield an event of their type with
// the listed attributes, negative ones must yield none of that type.
func TestExamples(t *testing.T) {
	data, err := models.Events.ReadFile("events/examples.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n, pos, neg := 0, map[string]int{}, map[string]int{}
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("examples.txt:%d: want type, +/-, sentence", n)
		}
		typ, sign, text := cols[0], cols[1], cols[2]
		d, err := p.ExtractText(context.Background(), "ex", text, document.DCT{})
		if err != nil {
			t.Fatalf("examples.txt:%d: %v", n, err)
		}
		var ev *document.Event
		for k := range d.Events {
			if d.Events[k].Type == typ {
				ev = &d.Events[k]
				break
			}
		}
		if sign == "-" {
			neg[typ]++
			if ev != nil {
				t.Errorf("examples.txt:%d: %q: unexpected %s event on %q (rule %s)", n, text, typ, ev.Trigger.Text, ev.Rule)
			}
			continue
		}
		pos[typ]++
		if ev == nil {
			t.Errorf("examples.txt:%d: %q: no %s event (got %s)", n, text, typ, summary(d))
			continue
		}
		if len(cols) > 3 {
			for _, kv := range strings.Fields(cols[3]) {
				k, v, _ := strings.Cut(kv, "=")
				v = strings.ReplaceAll(v, "_", " ")
				if got, ok := attr(ev, k, v); !ok {
					t.Errorf("examples.txt:%d: %q: %s event: %s = %q, want %q", n, text, typ, k, got, v)
				}
			}
		}
	}
	// every type of the taxonomy has a positive and a negative example
	m, err := loadTypes()
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range m {
		if pos[typ] == 0 || neg[typ] == 0 {
			t.Errorf("type %s has %d positive and %d negative examples; want both", typ, pos[typ], neg[typ])
		}
	}
}

func loadTypes() ([]string, error) {
	data, err := models.Events.ReadFile("events/types.tsv")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.Split(l, "\t")[0])
	}
	return out, nil
}

func attr(ev *document.Event, k, v string) (string, bool) {
	switch k {
	case "polarity":
		return ev.Polarity, ev.Polarity == v
	case "modality":
		return ev.Modality, ev.Modality == v
	case "lemma":
		return ev.Lemma, ev.Lemma == v
	case "source":
		if ev.Attribution == nil || ev.Attribution.Source == nil {
			return "", false
		}
		return ev.Attribution.Source.Text, ev.Attribution.Source.Text == v
	}
	var got []string
	for _, a := range ev.Arguments {
		if a.Role == k {
			if a.Span.Text == v {
				return v, true
			}
			got = append(got, a.Span.Text)
		}
	}
	return strings.Join(got, "|"), false
}

func summary(d *document.Document) string {
	var b []string
	for _, e := range d.Events {
		b = append(b, e.Type+":"+e.Trigger.Text)
	}
	return "[" + strings.Join(b, " ") + "]"
}
