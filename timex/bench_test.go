package timex_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/lexicon"
	"github.com/ereignis/ereignis/models"
	"github.com/ereignis/ereignis/timex"
)

const gnadTest = "../../shared/data/news-10kgnad/test.csv"

func loadArticles(tb testing.TB) []string {
	f, err := os.Open(gnadTest)
	if err != nil {
		tb.Skipf("10kGNAD not available (%v)", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		a := corpus.ParseCSVLine(gnadTest, sc.Bytes())
		if a.Err == nil && a.Text != "" {
			out = append(out, a.Text)
		}
	}
	if len(out) == 0 {
		tb.Skip("no articles in " + gnadTest)
	}
	return out
}

// BenchmarkTag measures the time stage alone (matching, anchoring, tense)
// over real Austrian news articles, one core.
func BenchmarkTag(b *testing.B) {
	arts := loadArticles(b)
	tg, err := timex.Default()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, a := range arts {
		size += int64(len(a))
	}
	dct := document.DCT{Time: time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay, Origin: "flag"}
	b.SetBytes(size)
	b.ResetTimer()
	c0 := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			d := document.New("bench", "bench", a)
			d.DCT = dct
			tg.Tag(d)
		}
	}
	if c := (benchdata.CPUTime() - c0).Seconds(); c > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/c, "MB/cpu-s")
	}
}

// BenchmarkTagLongSentence guards against quadratic time in one long
// "sentence" full of mentions (a list that lost its punctuation).
func BenchmarkTagLongSentence(b *testing.B) {
	tg, err := timex.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("heute am Montag um 20 Uhr, ", 4000)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		d := document.New("bench", "bench", text)
		tg.Tag(d)
	}
}

// BenchmarkLoad measures a cold load of the rules from the embedded models
// (parsing, compiling the regexps and building the automata), which every
// CLI run does once before its workers start.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := benchdata.CPUTime()
	for b.Loop() {
		if _, err := timex.Load(models.Timex, "timex"); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkColdTag measures what one CLI run pays for the time stage: a
// cold load of the rules and one pass over the articles (automata built
// on use are built in that pass), CPU ms per load and pass.
func BenchmarkColdTag(b *testing.B) {
	arts := loadArticles(b)
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	dct := document.DCT{Time: time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay, Origin: "flag"}
	b.ReportAllocs()
	cpu0 := benchdata.CPUTime()
	for b.Loop() {
		rs, err := timex.Load(models.Timex, "timex")
		if err != nil {
			b.Fatal(err)
		}
		tg := timex.New(rs, lex)
		for _, a := range arts {
			d := document.New("bench", "bench", a)
			d.DCT = dct
			tg.Tag(d)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}
