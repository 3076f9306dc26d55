package extract_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

// gnadArticles reads the 1,028 real articles of the 10kGNAD test split.
func gnadArticles(b *testing.B) ([]corpus.Article, int64) {
	f, err := os.Open("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		b.Skip("../shared/data/news-10kgnad absent")
	}
	defer f.Close()
	var arts []corpus.Article
	var size int64
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err == nil {
			arts = append(arts, a)
			size += int64(len(a.Text))
		}
		return true
	})
	if err != nil {
		b.Fatal(err)
	}
	return arts, size
}

// BenchmarkPipeline runs the whole default pipeline, one core, over the
// 10kGNAD articles; one op is the whole set, MB/s counts article text, and
// the record is built too (as the CLI does).
func BenchmarkPipeline(b *testing.B) {
	arts, size := gnadArticles(b)
	p, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range arts {
			d := arts[j].Document()
			if err := p.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			_ = document.ToRecord(d)
		}
	}
	reportCPU(b, start, size)
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// reportCPU adds MB per CPU-second: on a shared, loaded machine it is
// steadier than the wall-clock MB/s (run with -cpu 1 so it is one core's).
func reportCPU(b *testing.B, start time.Duration, size int64) {
	if cpu := cpuTime() - start; cpu > 0 && start > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkPipelineUpto runs the pipeline up to and including each stage
// in turn (Options.Upto), so the difference between two lines is the cost
// of one stage with everything it depends on in place.
func BenchmarkPipelineUpto(b *testing.B) {
	arts, size := gnadArticles(b)
	full, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, name := range full.Stages() {
		b.Run(name, func(b *testing.B) {
			p, err := extract.New(extract.Options{Upto: name})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				for j := range arts {
					if err := p.Process(ctx, arts[j].Document()); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportCPU(b, start, size)
		})
	}
}

// BenchmarkNew measures building the default pipeline (loading every
// stage's embedded models): the serial start-up of every CLI run, which
// bounds how much -j can speed up a short batch. Shared models load once
// per process (sync.Once), so only -benchtime 1x measures a cold build.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := extract.New(extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
