package batch_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// BenchmarkRun is the CLI's work without process start-up: the 10kGNAD
// articles through batch.Run (pipeline, record, JSON line) on 1 and 2
// workers; the ratio of the two is the -j speed-up of the processing.
// MB/cpu-s (process CPU time, so at j2 both workers') is the steadier
// figure on a shared machine.
func BenchmarkRun(b *testing.B) {
	data, err := os.ReadFile("../../shared/data/news-10kgnad/test.csv")
	if err != nil {
		b.Skip("../shared/data/news-10kgnad absent")
	}
	p, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			start := benchdata.CPUTime()
			for i := 0; i < b.N; i++ {
				src := func(ctx context.Context, yield func(corpus.Article) bool) error {
					return corpus.Options{}.ReadCSV(ctx, bytesReader(data), "test.csv", yield)
				}
				n := 0
				err := batch.Run(context.Background(), p, batch.Options{Workers: workers, ReuseLines: true}, src, func(r batch.Result) error {
					n++
					return nil
				})
				if err != nil || n != 1028 {
					b.Fatalf("%d results, %v", n, err)
				}
			}
			benchdata.ReportCPU(b, start, int64(len(data)))
		})
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
