package events_test

import (
	"context"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/extract"
)

const gnadFile = "../../shared/data/news-10kgnad/test.csv"

// BenchmarkEventStage measures the event stage alone (one core) over the
// 10kGNAD test articles; the earlier stages run once before the timer.
func BenchmarkEventStage(b *testing.B) {
	f, err := os.Open(gnadFile)
	if err != nil {
		b.Skipf("10kGNAD not available (%v): ../shared is absent", err)
	}
	defer f.Close()
	pre, err := extract.New(extract.Options{Upto: "timex"})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	total := 0
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err != nil {
			return true
		}
		d := a.Document()
		if err := pre.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		total += len(d.Text)
		return len(docs) < 300
	})
	if err != nil {
		b.Fatal(err)
	}
	st, err := events.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	// The machine is shared, so wall-clock MB/s drops when other jobs run;
	// the thread's own CPU time gives the single-core rate as well.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := st.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// threadCPU is the user+system time of the calling OS thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
