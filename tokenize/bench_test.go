package tokenize_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/stem"
	"github.com/ereignis/ereignis/tokenize"
	"github.com/jdkato/prose/v2"
)

const gnad = "../../shared/data/news-10kgnad/test.csv"

// articles reads the texts of the 10kGNAD test split (1,028 Austrian news
// articles), the real text the throughput bar is measured on.
func articles(b *testing.B) ([]string, int64) {
	f, err := os.Open(gnad)
	if err != nil {
		b.Skipf("10kGNAD not found (%s): ../shared is absent", gnad)
	}
	defer f.Close()
	var texts []string
	var n int64
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err == nil {
			texts = append(texts, a.Text)
			n += int64(len(a.Text))
		}
		return true
	})
	if err != nil || len(texts) == 0 {
		b.Fatalf("reading %s: %v (%d articles)", gnad, err, len(texts))
	}
	return texts, n
}

// reportCPU adds MB per CPU-second of the process (all threads, so the
// garbage collector counts), next to the wall-clock MB/s of SetBytes.
func reportCPU(b *testing.B, n int64, start time.Duration) {
	if cpu := benchdata.CPUTime() - start; cpu > 0 && start > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// benchStages runs the stages over every article once per iteration,
// reusing one Document's slices as a pipeline worker would.
func benchStages(b *testing.B, stages ...document.Stage) {
	texts, n := articles(b)
	ctx := context.Background()
	d := &document.Document{}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			d.Text = t
			for _, s := range stages {
				if err := s.Process(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	reportCPU(b, n, start)
}

// BenchmarkTokenize measures the tokeniser alone.
func BenchmarkTokenize(b *testing.B) {
	tk, err := tokenize.New()
	if err != nil {
		b.Fatal(err)
	}
	texts, n := articles(b)
	var toks []document.Token
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			toks = tk.AppendTokens(toks[:0], t)
		}
	}
	reportCPU(b, n, start)
}

// BenchmarkTokenizeSplit measures the tokenize stage: tokens and sentences.
func BenchmarkTokenizeSplit(b *testing.B) {
	s, err := tokenize.NewStage()
	if err != nil {
		b.Fatal(err)
	}
	benchStages(b, s)
}

// BenchmarkTokenizeSplitStem measures tokeniser + sentence splitter +
// Snowball stemmer (package stem), the bar of >= 20 MB/s on one core.
func BenchmarkTokenizeSplitStem(b *testing.B) {
	s, err := tokenize.NewStage()
	if err != nil {
		b.Fatal(err)
	}
	benchStages(b, s, stem.NewStage())
}

// BenchmarkProse measures prose v2's tokeniser and sentence segmenter on
// the same articles, for the comparison in docs/tokenize.md.
func BenchmarkProse(b *testing.B) {
	texts, n := articles(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			if _, err := prose.NewDocument(t, prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, n, start)
}
