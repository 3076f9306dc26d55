package ner_test

import (
	"context"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/lexicon"
	"github.com/ereignis/ereignis/ner"
	"github.com/ereignis/ereignis/stem"
	"github.com/ereignis/ereignis/timex"
	"github.com/ereignis/ereignis/tokenize"
)

// BenchmarkInPipeline times the NER stage inside the whole default
// pipeline, where the other stages' tables evict its own from the CPU
// caches between articles: the thread CPU time of the NER stage alone is
// reported as ner-ms per corpus pass (no subtraction of two noisy runs).
func BenchmarkInPipeline(b *testing.B) {
	arts, size := benchdata.Articles(b)
	tk, err := tokenize.NewStage()
	if err != nil {
		b.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	nst, err := ner.DefaultStage()
	if err != nil {
		b.Fatal(err)
	}
	tg, err := timex.Default()
	if err != nil {
		b.Fatal(err)
	}
	ev, err := events.New()
	if err != nil {
		b.Fatal(err)
	}
	// NER_BENCH_SKIP=1 leaves the NER stage out (its layer stays empty), for
	// a cost by difference under a simulator.
	timed := &timedStage{Stage: nst, skip: os.Getenv("NER_BENCH_SKIP") == "1"}
	p, err := extract.NewPipeline(tk, stem.NewStage(), lexicon.NewStage(lex), timed, timex.NewStage(tg), ev)
	if err != nil {
		b.Fatal(err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ctx := context.Background()
	b.SetBytes(size)
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for j := range arts {
			d := arts[j].Document()
			if err := p.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			_ = document.ToRecord(d)
		}
	}
	benchdata.ReportCPU(b, start, size)
	b.ReportMetric(float64(timed.cpu.Milliseconds())/float64(b.N), "ner-ms")
}

type timedStage struct {
	document.Stage
	cpu  time.Duration
	skip bool
}

func (t *timedStage) Process(ctx context.Context, d *document.Document) error {
	if t.skip {
		return nil
	}
	t0 := threadCPU()
	err := t.Stage.Process(ctx, d)
	t.cpu += threadCPU() - t0
	return err
}

func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTimeID = 3
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}
