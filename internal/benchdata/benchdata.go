// Package benchdata gives the benchmarks of every stage the same real input
// (the 1,028 articles of the 10kGNAD test split in ../shared/data) and the
// same CPU-time measure, so their MB/s figures are comparable.
package benchdata

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

// GNADPath is the 10kGNAD test split, relative to the repository root.
const GNADPath = "../shared/data/news-10kgnad/test.csv"

// root finds the repository root (the folder holding go.mod with ereignis'
// module line) from the test's working directory, which is its package.
func root() string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "models", "models.go")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// Articles reads the 10kGNAD articles (error rows left out) and their total
// text size; the benchmark is skipped when ../shared is absent.
func Articles(tb testing.TB) ([]corpus.Article, int64) {
	tb.Helper()
	path := filepath.Join(root(), GNADPath)
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("10kGNAD not found (%s): ../shared is absent", path)
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
	if err != nil || len(arts) == 0 {
		tb.Fatalf("%s: %v (%d articles)", path, err, len(arts))
	}
	return arts, size
}

// Tokenized returns the 10kGNAD articles as documents that the tokenize
// stage has already run over, so a benchmark can time a later stage alone.
func Tokenized(tb testing.TB) ([]*document.Document, int64) {
	tb.Helper()
	arts, size := Articles(tb)
	tk, err := tokenize.NewStage()
	if err != nil {
		tb.Fatal(err)
	}
	docs := make([]*document.Document, 0, len(arts))
	for i := range arts {
		d := arts[i].Document()
		if err := tk.Process(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs, size
}

// ReportCPU adds the metric MB/cpu-s: text bytes per second of process CPU
// time since start (a CPUTime reading). On a shared machine it is steadier
// than the wall-clock MB/s; run with -cpu 1 so it is one core's.
func ReportCPU(b *testing.B, start time.Duration, size int64) {
	if cpu := CPUTime() - start; cpu > 0 && start > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}
