package lexicon_test

import (
	"context"
	"testing"
	"time"

	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/lexicon"
)

// BenchmarkLemmaStage runs the lemma stage over the tokenised articles on
// one goroutine (MB/s of article text).
func BenchmarkLemmaStage(b *testing.B) {
	docs, n := benchdata.Tokenized(b)
	s := lexicon.NewStage(lex(b))
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, iters := benchdata.CPUTime(), 0
	for b.Loop() {
		iters++
		for _, d := range docs {
			if err := s.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu0, iters, n)
}

// reportCPU adds MB/s per second of process CPU time, a figure that a
// machine shared with other jobs disturbs far less than wall time.
func reportCPU(b *testing.B, cpu0 time.Duration, iters int, bytes int64) {
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(iters)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}
