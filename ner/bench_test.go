package ner_test

import (
	"context"
	"io/fs"
	"runtime"
	"testing"
	"time"

	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/models"
	"github.com/ereignis/ereignis/ner"
)

// BenchmarkStage measures the NER stage (recognition and linking) over
// real news text on one goroutine; MB/s counts article bytes.
func BenchmarkStage(b *testing.B) {
	docs, n := benchdata.Tokenized(b)
	st, err := ner.DefaultStage()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := benchdata.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	// On a shared machine the wall-clock MB/s drops with the load; the
	// process CPU time per byte does not (it includes the GC's time).
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
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
	cpu0 := benchdata.CPUTime()
	for b.Loop() {
		if _, err := ner.Load(sub); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
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
