package eval_test

import (
	"context"
	"os"
	"testing"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/extract"
	_ "github.com/ereignis/ereignis/internal/golden"
)

const spkAttFile = "../../shared/data/spkatt2023-news/spkatt2023_task2_train.jsonl.gz"

// TestAttributionBars runs the whole pipeline over the SpkAtt 2023 task 2
// train split (our dev set) and fails below the bars reached (the issue's
// bars are Message F1 ≥ 0.55 and joint F1 ≥ 0.45), both as micro counts
// and as the task's official macro averages.
func TestAttributionBars(t *testing.T) {
	if testing.Short() {
		t.Skip("full SpkAtt run (about 10 s) skipped in -short mode")
	}
	if _, err := os.Stat(spkAttFile); err != nil {
		t.Skipf("SpkAtt gold not available (%v): ../shared is absent", err)
	}
	docs, err := eval.ReadSpkAttFile(spkAttFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Attribution(context.Background(), p, docs, spkAttFile)
	if err != nil {
		t.Fatal(err)
	}
	bars := []struct {
		name string
		got  float64
		min  float64
	}{
		{"message F1 (micro)", rep.Score("message").F1(), 0.71},
		{"joint F1 (micro)", rep.Score("joint").F1(), 0.68},
		{"joint_full F1 (micro)", rep.Score("joint_full").F1(), 0.63},
		{"cue F1 (micro)", rep.Score("cue").F1(), 0.54},
		{"source F1 (micro)", rep.Score("source").F1(), 0.52},
		{"official message F1", rep.AccuracyOf("official_message_f1"), 0.71},
		{"official joint F1", rep.AccuracyOf("official_joint_f1"), 0.61},
	}
	for _, b := range bars {
		if b.got < b.min {
			t.Errorf("%s = %.4f, below the bar %.2f", b.name, b.got, b.min)
		} else {
			t.Logf("%s = %.4f (bar %.2f)", b.name, b.got, b.min)
		}
	}
}
