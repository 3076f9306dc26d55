package lexicon_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
	"github.com/ereignis/ereignis/tokenize"
)

const gnad = "../../shared/data/news-10kgnad/test.csv"

// tokenized reads the 1,028 articles of the 10kGNAD test split and
// tokenises them once, so that the benchmark times the lemma stage alone.
func tokenized(b *testing.B) ([]*document.Document, int64) {
	f, err := os.Open(gnad)
	if err != nil {
		b.Skipf("10kGNAD not found (%s): ../shared is absent", gnad)
	}
	defer f.Close()
	tk, err := tokenize.New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	var n int64
	err = corpus.Options{}.ReadCSV(context.Background(), f, "test.csv", func(a corpus.Article) bool {
		if a.Err == nil {
			d := document.New("", "", a.Text)
			d.Tokens, d.Sentences = tk.Split(a.Text)
			docs = append(docs, d)
			n += int64(len(a.Text))
		}
		return true
	})
	if err != nil || len(docs) == 0 {
		b.Fatalf("reading %s: %v (%d articles)", gnad, err, len(docs))
	}
	return docs, n
}

// BenchmarkLemmaStage runs the lemma stage over the tokenised articles on
// one goroutine (MB/s of article text).
func BenchmarkLemmaStage(b *testing.B) {
	docs, n := tokenized(b)
	s := lexicon.NewStage(lex(b))
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, iters := cpuTime(), 0
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
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(iters)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}
