package eval_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/eval"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/ner"
)

const germevalDev = "../../shared/data/germeval2014/NER-de-dev.tsv"

// Bars of the NER stage on GermEval 2014 dev (strict span+type, outer
// chunks). The stage is rules and lists only: nothing was trained on this
// file, so the score is a fair estimate (rules were written against the
// mechanisms, not against single sentences). Raise the bars when the
// stage improves.
const (
	barOuter  = 0.64
	barOuter4 = 0.64
	barM1     = 0.64
)

func TestNERGermEvalDev(t *testing.T) {
	if _, err := os.Stat(germevalDev); err != nil {
		t.Skipf("GermEval dev not found (%s): ../shared is absent", germevalDev)
	}
	sents, err := eval.ReadGermEvalFile(germevalDev)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2200 {
		t.Fatalf("read %d sentences, want 2200", len(sents))
	}
	st, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.NER(context.Background(), st, sents, germevalDev)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteTable(&b)
	t.Log("\n" + b.String())
	for _, c := range []struct {
		name string
		bar  float64
	}{{"outer", barOuter}, {"outer4", barOuter4}, {"m1", barM1}} {
		if f := rep.Score(c.name).F1(); f < c.bar {
			t.Errorf("%s F1 = %.4f, below the bar %.2f", c.name, f, c.bar)
		}
	}
	for _, l := range []string{"PER", "LOC", "ORG", "OTH"} {
		if rep.Score(l).TP == 0 {
			t.Errorf("no %s found at all", l)
		}
	}
}

// TestChunks checks the conlleval reading of BIO tags, including an I-
// tag that opens a chunk and a type change inside a run.
func TestChunks(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"}
	got := eval.Chunks(tags)
	want := []eval.Chunk{{0, 2, "PER"}, {3, 5, "LOC"}, {5, 6, "LOC"}, {6, 7, "ORG"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chunk %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestGermEvalDocument checks that the document built from gold tokens
// keeps the tokens as they are, with offsets into the joined text.
func TestGermEvalDocument(t *testing.T) {
	d := eval.GermEvalDocument("x", []string{"Die", "UN", "-", "Ver\u00adsammlung", "."})
	for _, tok := range d.Tokens {
		if d.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, d.Text[tok.Start:tok.End])
		}
	}
	if len(d.Sentences) != 1 || d.Sentences[0].TokEnd != 5 {
		t.Errorf("sentences = %+v", d.Sentences)
	}
}

// TestNERScoring scores a tiny stage against a tiny gold file, so that the
// counting itself is checked independently of the recogniser.
func TestNERScoring(t *testing.T) {
	gold := "#\tx\n1\tPutin\tB-PER\tO\n2\tin\tO\tO\n3\tMoskau\tB-LOC\tO\n4\tund\tO\tO\n5\tdeutsche\tB-LOCderiv\tO\n\n"
	sents, err := eval.ReadGermEval(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.NER(context.Background(), fixedStage{}, sents, "inline")
	if err != nil {
		t.Fatal(err)
	}
	// fixedStage finds Putin as PER (right), Moskau as ORG (wrong type),
	// and misses deutsche.
	if c := rep.Score("outer"); c.TP != 1 || c.FP != 1 || c.FN != 2 {
		t.Errorf("outer = %+v, want TP 1 FP 1 FN 2", c)
	}
	if c := rep.Score("outer4"); c.TP != 1 || c.FP != 1 || c.FN != 2 {
		t.Errorf("outer4 = %+v", c)
	}
	if c := rep.Score("LOC"); c.TP != 0 || c.FN != 1 {
		t.Errorf("LOC = %+v", c)
	}
}

// fixedStage marks token 0 as PER and token 2 as ORG.
type fixedStage struct{}

func (fixedStage) Name() string               { return "fixed" }
func (fixedStage) Requires() []document.Layer { return nil }
func (fixedStage) Provides() []document.Layer { return []document.Layer{document.LayerEntities} }
func (fixedStage) Process(_ context.Context, d *document.Document) error {
	d.Entities = []document.Entity{
		{ID: "e1", Type: "PER", TokStart: 0, TokEnd: 1},
		{ID: "e2", Type: "ORG", TokStart: 2, TokEnd: 3},
	}
	return nil
}
