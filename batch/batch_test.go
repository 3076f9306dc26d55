package batch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
	_ "github.com/ereignis/ereignis/internal/golden"
)

// stage is a configurable test stage.
type stage struct {
	name string
	fn   func(ctx context.Context, d *document.Document) error
}

func (s stage) Name() string               { return s.name }
func (s stage) Requires() []document.Layer { return nil }
func (s stage) Provides() []document.Layer { return nil }
func (s stage) Process(ctx context.Context, d *document.Document) error {
	return s.fn(ctx, d)
}

func articles(n int) batch.Source {
	return func(ctx context.Context, yield func(corpus.Article) bool) error {
		for i := 0; i < n; i++ {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a := corpus.Article{Seq: i, ID: fmt.Sprint("a", i), Source: fmt.Sprint("src", i), Text: fmt.Sprint("Text ", i)}
			if i%7 == 3 {
				a.Err, a.ErrStage = errors.New("unreadable"), "read"
			}
			if !yield(a) {
				return nil
			}
		}
		return nil
	}
}

func run(t *testing.T, p batch.Processor, opts batch.Options, src batch.Source) ([]batch.Result, []byte) {
	t.Helper()
	var out bytes.Buffer
	var res []batch.Result
	err := batch.Run(context.Background(), p, opts, src, func(r batch.Result) error {
		res = append(res, r)
		out.Write(r.Line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, out.Bytes()
}

// TestOrderIndependentOfWorkers: random per-article delays, 1 vs 8 workers,
// byte-identical output in input order.
func TestOrderIndependentOfWorkers(t *testing.T) {
	p, _ := extract.NewPipeline(stage{"jitter", func(ctx context.Context, d *document.Document) error {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		d.Warn("seen " + d.ID)
		return nil
	}})
	_, one := run(t, p, batch.Options{Workers: 1}, articles(300))
	res, many := run(t, p, batch.Options{Workers: 8, Window: 9}, articles(300))
	if !bytes.Equal(one, many) {
		t.Fatal("output differs between -j 1 and -j 8")
	}
	if _, reused := run(t, p, batch.Options{Workers: 4, ReuseLines: true}, articles(300)); !bytes.Equal(one, reused) {
		t.Fatal("output differs with ReuseLines")
	}
	for i, r := range res {
		if r.Article.Seq != i {
			t.Fatalf("result %d has seq %d", i, r.Article.Seq)
		}
		if (i%7 == 3) != (r.Err != nil) {
			t.Fatalf("result %d: error record %v", i, r.Err)
		}
	}
	if n := bytes.Count(many, []byte("\n")); n != 300 {
		t.Fatalf("%d lines for 300 articles", n)
	}
}

// TestWindowBoundsMemory: with one article stuck, the reader stops after
// Window articles instead of piling up finished ones.
func TestWindowBoundsMemory(t *testing.T) {
	var read atomic.Int64
	release := make(chan struct{})
	p, _ := extract.NewPipeline(stage{"slow", func(ctx context.Context, d *document.Document) error {
		if d.ID == "a0" {
			<-release
		}
		return nil
	}})
	src := func(ctx context.Context, yield func(corpus.Article) bool) error {
		return articles(1000)(ctx, func(a corpus.Article) bool {
			read.Add(1)
			return yield(a)
		})
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		if n := read.Load(); n > 20+1 {
			t.Errorf("read %d articles while the first was stuck, window is 20", n)
		}
		close(release)
	}()
	res, _ := run(t, p, batch.Options{Workers: 4, Window: 20}, src)
	if len(res) != 1000 {
		t.Fatalf("%d results", len(res))
	}
}

func TestPanicBecomesErrorRecord(t *testing.T) {
	p, _ := extract.NewPipeline(
		stage{"tokenize", func(ctx context.Context, d *document.Document) error { return nil }},
		stage{"ner", func(ctx context.Context, d *document.Document) error {
			if d.ID == "a5" {
				var m map[string]int
				m["boom"]++ // nil map write
			}
			return nil
		}})
	res, _ := run(t, p, batch.Options{Workers: 3}, articles(10))
	r := res[5]
	if r.Err == nil || r.Err.Error.Stage != "ner" || !strings.Contains(r.Err.Error.Message, "a5") ||
		!strings.Contains(r.Err.Error.Message, "src5") || !strings.Contains(r.Err.Error.Message, "panicked") {
		t.Fatalf("panic record: %+v", r.Err)
	}
	if strings.Contains(r.Err.Error.Message, "\n") || !strings.Contains(r.Detail, "goroutine") {
		t.Errorf("stack belongs in Detail, not in the record: %q / %q", r.Err.Error.Message, r.Detail)
	}
	var rec document.ErrorRecord
	if err := json.Unmarshal(r.Line, &rec); err != nil || rec.ID != "a5" {
		t.Fatalf("line %s: %v", r.Line, err)
	}
	if res[6].Err != nil {
		t.Errorf("the batch must go on after a panic: %+v", res[6].Err)
	}
}

func TestTimeout(t *testing.T) {
	p, _ := extract.NewPipeline(
		stage{"polite", func(ctx context.Context, d *document.Document) error {
			if d.ID == "a1" {
				<-ctx.Done()
				return ctx.Err()
			}
			return nil
		}},
		stage{"stubborn", func(ctx context.Context, d *document.Document) error {
			if d.ID == "a2" {
				time.Sleep(3 * time.Second) // ignores ctx
			}
			return nil
		}})
	start := time.Now()
	res, _ := run(t, p, batch.Options{Workers: 2, Timeout: 100 * time.Millisecond, Grace: 100 * time.Millisecond}, articles(5))
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("a stage ignoring its deadline held the batch for %s", el)
	}
	for _, i := range []int{1, 2} {
		if e := res[i].Err; e == nil || e.Error.Stage != "timeout" || !strings.Contains(e.Error.Message, "src") {
			t.Errorf("article %d: want a timeout record, got %+v", i, e)
		}
	}
	if !strings.Contains(res[1].Err.Error.Message, "polite") {
		t.Errorf("timeout record should name the running stage: %s", res[1].Err.Error.Message)
	}
	if res[0].Err != nil || res[4].Err != nil {
		t.Error("other articles must not time out")
	}
}

// TestCancelFlushesReadArticles: cancelling stops reading, yet every
// article that was read is emitted, in order, without gaps.
func TestCancelFlushesReadArticles(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p, _ := extract.NewPipeline(stage{"slow", func(ctx context.Context, d *document.Document) error {
		time.Sleep(time.Millisecond)
		return ctx.Err() // the work context must not be the cancelled one
	}})
	var got []batch.Result
	err := batch.Run(ctx, p, batch.Options{Workers: 2}, articles(100000), func(r batch.Result) error {
		got = append(got, r)
		if len(got) == 50 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if len(got) < 50 || len(got) > 50+64 {
		t.Fatalf("%d results after cancelling at 50", len(got))
	}
	for i, r := range got {
		if r.Article.Seq != i {
			t.Fatalf("gap: result %d is seq %d", i, r.Article.Seq)
		}
		if r.Err != nil && i%7 != 3 {
			t.Fatalf("in-flight article %d failed: %v", i, r.Err.Error.Message)
		}
	}
}
