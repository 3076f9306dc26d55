package extract

import (
	"context"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// BenchmarkPipelineStages runs what BenchmarkPipeline runs and reports the
// CPU time of each stage, of ToRecord, and of the garbage collector, in ms
// per pass over the 10kGNAD articles. The stages' times are the CPU time of
// the benchmark's own thread around each Process call, so they hold what
// each stage costs inside the whole pipeline (its tables evicted by the
// others, its mark assists) without subtracting two noisy totals as
// BenchmarkPipelineUpto does; gc-ms is the collector's whole CPU time
// (background marking on other threads and assists), from runtime/metrics.
// Linux only (ThreadCPUTime).
func BenchmarkPipelineStages(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if benchdata.ThreadCPUTime() == 0 {
		b.Skip("no thread CPU clock on this platform")
	}
	arts, size := benchdata.Articles(b)
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	cost := make([]time.Duration, len(p.stages)+1) // the stages, then ToRecord
	gc := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	metrics.Read(gc)
	gc0 := gc[0].Value.Float64()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for j := range arts {
			d := arts[j].Document()
			for k, s := range p.stages {
				t0 := benchdata.ThreadCPUTime()
				if err := runStage(ctx, s, d); err != nil {
					b.Fatal(err)
				}
				cost[k] += benchdata.ThreadCPUTime() - t0
			}
			t0 := benchdata.ThreadCPUTime()
			r := document.ToRecord(d)
			cost[len(p.stages)] += benchdata.ThreadCPUTime() - t0
			document.Recycle(d, r)
		}
	}
	benchdata.ReportCPU(b, start, size)
	metrics.Read(gc)
	perPass := func(d time.Duration) float64 { return float64(d) / 1e6 / float64(b.N) }
	for k, s := range p.stages {
		b.ReportMetric(perPass(cost[k]), s.Name()+"-ms")
	}
	b.ReportMetric(perPass(cost[len(p.stages)]), "record-ms")
	b.ReportMetric((gc[0].Value.Float64()-gc0)*1e3/float64(b.N), "gc-ms")
}
