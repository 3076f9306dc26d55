package ner_test

import (
	"context"
	"io/fs"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/models"
	"github.com/ereignis/ereignis/ner"
	"github.com/ereignis/ereignis/tokenize"
)

const gnad = "../../shared/data/news-10kgnad/test.csv"

// tokenized reads the 10kGNAD test split and tokenises it once, so that
// the benchmark measures the NER stage alone.
func tokenized(b *testing.B) ([]*document.Document, int64) {
	f, err := os.Open(gnad)
	if err != nil {
		b.Skipf("10kGNAD not found (%s): ../shared is absent", gnad)
	}
	defer f.Close()
	tk, err := tokenize.NewStage()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	var n int64
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err == nil {
			d := a.Document()
			if err := tk.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
			docs = append(docs, d)
			n += int64(len(d.Text))
		}
		return true
	})
	if err != nil || len(docs) == 0 {
		b.Fatalf("reading %s: %v", gnad, err)
	}
	return docs, n
}

// BenchmarkStage measures the NER stage (recognition and linking) over
// real news text on one goroutine; MB/s counts article bytes.
func BenchmarkStage(b *testing.B) {
	docs, n := tokenized(b)
	st, err := ner.DefaultStage()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	// On a shared machine the wall-clock MB/s drops with the load; the
	// process CPU time per byte does not (it includes the GC's time).
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}

// BenchmarkLoad measures building the model from the embedded data into a
// ready matcher (not the lexicon, which the lexicon package owns).
func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(models.NER, "ner")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := ner.Load(sub); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// TestLoadBudget keeps the model load under 300 ms and its live heap under
// 200 MB (the bars), with room for a slow CI machine.
func TestLoadBudget(t *testing.T) {
	sub, err := fs.Sub(models.NER, "ner")
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	m, err := ner.Load(sub)
	el := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(m)
	t.Logf("load %v, live heap %.1f MB", el, float64(heap)/1e6)
	if el > 600*time.Millisecond {
		t.Errorf("load took %v, want < 300 ms (600 ms with CI slack)", el)
	}
	if heap > 200e6 {
		t.Errorf("model holds %.0f MB, want < 200 MB", float64(heap)/1e6)
	}
}
