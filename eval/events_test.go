package eval_test

import (
	"context"
	"os"
	"testing"

	"github.com/ereignis/ereignis/eval"
	"github.com/ereignis/ereignis/extract"
)

const smartDataFile = "../../shared/data/smartdata/v3_20200302_dev.json.gz"

// TestEventsBars runs the whole pipeline over the SmartData dev split and
// fails below the bars reached: document-level type F1 over the news
// types ≥ 0.69 (issue bar 0.60), argument F1 ≥ 0.45, trigger F1 ≥ 0.44.
func TestEventsBars(t *testing.T) {
	if testing.Short() {
		t.Skip("full SmartData run skipped in -short mode")
	}
	if _, err := os.Stat(smartDataFile); err != nil {
		t.Skipf("SmartData gold not available (%v): ../shared is absent", err)
	}
	docs, err := eval.ReadSmartDataFile(smartDataFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 228 {
		t.Fatalf("read %d documents, want 228", len(docs))
	}
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Events(context.Background(), p, docs, smartDataFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		name string
		min  float64
	}{{"doc_type", 0.69}, {"arguments", 0.45}, {"triggers", 0.44}} {
		c := rep.Score(b.name)
		if c.F1() < b.min {
			t.Errorf("%s F1 = %.4f (TP %d FP %d FN %d), below the bar %.2f", b.name, c.F1(), c.TP, c.FP, c.FN, b.min)
		} else {
			t.Logf("%s F1 = %.4f (bar %.2f)", b.name, c.F1(), b.min)
		}
	}
}
