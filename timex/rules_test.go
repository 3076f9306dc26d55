package timex_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ereignis/ereignis/document"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/timex"
)

// exampleDCT is the fixed reference time of every rule example: a
// Wednesday, so that "last" and "next" weekdays differ from the DCT's.
var exampleDCT = document.DCT{Time: time.Date(2025, 5, 7, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay, Origin: "test"}

func describe(tx []document.Timex) string {
	var b strings.Builder
	for _, t := range tx {
		fmt.Fprintf(&b, " [%s %q %s %s mod=%s]", t.Rule, t.Span.Text, t.Type, t.Value, t.Mod)
	}
	if b.Len() == 0 {
		return " nothing"
	}
	return b.String()
}

// TestRuleExamples runs every example of every rule: a positive example
// must yield a timex from that rule on exactly the marked span with the
// expected value (and attributes), a negative one nothing from that rule.
func TestRuleExamples(t *testing.T) {
	tg, err := timex.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range tg.Rules().Rules() {
		for _, ex := range r.Examples {
			n++
			d := document.New("example", ex.Pos, ex.Text)
			d.DCT = exampleDCT
			tg.Tag(d)
			if !ex.Positive {
				for _, tx := range d.Timexes {
					if tx.Rule == r.Name {
						t.Errorf("%s: rule %s fired on negative example %q:%s", ex.Pos, r.Name, ex.Text, describe(d.Timexes))
					}
				}
				continue
			}
			ok := false
			for _, tx := range d.Timexes {
				if tx.Span.Start != ex.Start || tx.Span.End != ex.End || tx.Rule != r.Name || tx.Value != ex.Value {
					continue
				}
				good := true
				for k, v := range ex.Attrs {
					got := map[string]string{"mod": tx.Mod, "quant": tx.Quant, "freq": tx.Freq, "type": tx.Type}[k]
					if got != v {
						good = false
					}
				}
				ok = ok || good
			}
			if !ok {
				t.Errorf("%s: rule %s on %q: want [%s] = %s %v, got%s", ex.Pos, r.Name, ex.Text, ex.Text[ex.Start:ex.End], ex.Value, ex.Attrs, describe(d.Timexes))
			}
		}
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}

func TestLoadErrors(t *testing.T) {
	base := fstest.MapFS{
		"m/patterns/month.txt": {Data: []byte("Mai\t05\n")},
	}
	cases := []struct {
		name, rules, want string
	}{
		{"unknown pattern", "rule a\nmatch %nosuch\ntype DATE\nvalue x\n+ Mai => x\n- y\n", "m/rules/x.rules:2: unknown pattern %nosuch"},
		{"no examples", "rule a\nmatch %month\ntype DATE\nvalue {m}\n", "m/rules/x.rules:4: template refers to group"},
		{"no negative", "rule a\nmatch (?P<m>%month)\ntype DATE\nvalue {m|month}\n+ Mai => 05\n", "m/rules/x.rules:1: rule \"a\" needs at least one positive"},
		{"unknown table", "rule a\nmatch (?P<m>%month)\ntype DATE\nvalue {m|nosuch}\n", "m/rules/x.rules:4: unknown template function"},
		{"bad type", "rule a\nmatch (?P<m>%month)\ntype DAY\n", "m/rules/x.rules:3: unknown type"},
	}
	for _, c := range cases {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["m/rules/x.rules"] = &fstest.MapFile{Data: []byte(c.rules)}
		_, err := timex.Load(fsys, "m")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}
