package eval

import (
	"testing"

	"github.com/ereignis/ereignis/document"
)

func TestOverlapCounts(t *testing.T) {
	c := overlapCounts([]int{1, 2, 3, 4}, []int{3, 4, 5})
	if c != (Counts{TP: 2, FP: 1, FN: 2}) {
		t.Errorf("overlapCounts = %+v", c)
	}
}

// The assignment must prefer the pairing with the larger total overlap,
// not the greedy first match.
func TestMaxAssignment(t *testing.T) {
	w := [][]float64{
		{0.9, 0.8},
		{0.85, 0.0},
	}
	got := maxAssignment(w)
	if got[0] != 1 || got[1] != 0 {
		t.Errorf("maxAssignment = %v, want [1 0]", got)
	}
	// more rows than columns: one row stays unassigned
	got = maxAssignment([][]float64{{0.2}, {0.7}, {0.1}})
	if got[1] != 0 || got[0] != -1 || got[2] != -1 {
		t.Errorf("maxAssignment = %v, want [-1 0 -1]", got)
	}
}

// spkSystem maps byte spans onto gold tokens and drops cue and source
// tokens from the message of indirect speech, not of reported speech.
func TestSpkSystemMapping(t *testing.T) {
	gd := &SpkAttDoc{}
	gd.Sentences = append(gd.Sentences, struct {
		ID     int      `json:"SentenceId"`
		Tokens []string `json:"Tokens"`
	}{0, []string{"Er", "sagte", ",", "es", "regne", "."}})
	text, offs := spkText(gd)
	if text != "Er sagte , es regne ." {
		t.Fatalf("text = %q", text)
	}
	d := document.New("x", "x", text)
	cue := d.SpanOf(3, 8)
	src := d.SpanOf(0, 2)
	d.Statements = []document.Statement{{Kind: "indirect", Cue: &cue, Source: &src, Message: d.SpanOf(0, 18)}}
	g := spkSystem(d, offs)
	if m := g[0].roles["Message"]; len(m) != 3 || m[0] != 2 || m[2] != 4 {
		t.Errorf("message tokens = %v, want [2 3 4]", m)
	}
	if f := g[0].roles["Frame"]; len(f) != 2 {
		t.Errorf("frame tokens = %v, want [0 1]", f)
	}
}
