// Package batch runs the extraction pipeline over a stream of articles on
// several workers and hands the results back in input order, so the output
// is byte-identical whatever the number of workers.
//
// Memory is bounded by a window: at most Window articles are between the
// reader and the writer at any time (being processed, or finished and
// waiting for an earlier one), so one slow article stalls the reader instead
// of letting finished records pile up.
package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

// Processor is what a batch runs per document; *extract.Pipeline is one.
type Processor interface {
	Process(ctx context.Context, d *document.Document) error
}

// Options tune a run. The zero value uses all cores and no timeout.
type Options struct {
	Workers int           // 0: runtime.GOMAXPROCS(0)
	Timeout time.Duration // per article; 0: none
	// Window bounds the articles in flight (read but not yet emitted);
	// 0: 4 per worker, at least 16.
	Window int
	// Grace is how long a worker waits, after an article's deadline, for a
	// stage that ignores its context before abandoning the article; 0: 2s.
	Grace time.Duration
	// ReuseLines recycles the buffer behind Result.Line once emit returns,
	// which saves the allocation of every record line (tens of KB per
	// article, a large part of the garbage a batch makes); emit must then
	// not keep Line. The CLI, which writes the line at once, sets it.
	ReuseLines bool
}

// Result is the outcome for one article, in input order.
type Result struct {
	Article corpus.Article // Text is cleared once the record is built
	// Line is the JSON record (or error record) with its trailing newline.
	Line []byte
	// Err is set when Line is an error record.
	Err *document.ErrorRecord
	// Detail carries what does not fit in a record line, e.g. the stack of
	// a stage panic, for the log.
	Detail string

	buf *bytes.Buffer // Line's buffer, returned to linePool after emit
}

// linePool holds record buffers for Options.ReuseLines.
var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Source produces articles by calling yield for each, in order, until yield
// returns false; corpus.Options.Walk fits it.
type Source func(ctx context.Context, yield func(corpus.Article) bool) error

// Run reads articles from src, processes them on opts.Workers goroutines
// and calls emit with every result in the order src produced them. When ctx
// ends, Run stops reading but still finishes and emits every article it has
// read (their processing runs under a context that only the per-article
// timeout ends), then returns ctx.Err(). An error from emit or src stops the
// run and is returned.
func Run(ctx context.Context, p Processor, opts Options, src Source, emit func(Result) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opts.Window
	if window <= 0 {
		window = max(4*workers, 16)
	}
	grace := opts.Grace
	if grace <= 0 {
		grace = 2 * time.Second
	}
	type job struct {
		i int
		a corpus.Article
	}
	type done struct {
		i int
		r Result
	}
	jobs := make(chan job)
	results := make(chan done, window)
	slots := make(chan struct{}, window) // a token per article in flight
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	workCtx := context.WithoutCancel(ctx)

	srcErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		i := 0
		err := src(readCtx, func(a corpus.Article) bool {
			select {
			case slots <- struct{}{}:
			case <-readCtx.Done():
				return false
			}
			jobs <- job{i, a}
			i++
			return true
		})
		if errors.Is(err, context.Canceled) && readCtx.Err() != nil {
			err = nil // stopping was asked for; Run reports ctx's own error
		}
		srcErr <- err
	}()

	workersDone := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			for j := range jobs {
				results <- done{j.i, processOne(workCtx, p, j.a, opts.Timeout, grace, opts.ReuseLines)}
			}
		}()
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-workersDone
		}
		close(results)
	}()

	pending := map[int]Result{}
	next := 0
	var emitErr error
	for d := range results {
		pending[d.i] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr == nil {
				if emitErr = emit(r); emitErr != nil {
					stopReading()
				}
			}
			if r.buf != nil {
				r.buf.Reset()
				linePool.Put(r.buf)
			}
			<-slots
		}
	}
	if err := <-srcErr; err != nil {
		return err
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

// processOne turns one article into its record line. It never panics: the
// pipeline recovers stage panics, and encoding runs under its own recover.
func processOne(ctx context.Context, p Processor, a corpus.Article, timeout, grace time.Duration, reuse bool) (res Result) {
	res.Article = a
	var buf *bytes.Buffer
	if reuse {
		buf = linePool.Get().(*bytes.Buffer)
		res.buf = buf
	}
	encodeLine := func(v any) []byte {
		if buf != nil {
			buf.Reset()
		}
		return encodeTo(buf, v)
	}
	defer func() {
		if r := recover(); r != nil {
			res.Err = errRecord(a, "encode", fmt.Sprintf("%s: building the record panicked: %v", a.Source, r))
			res.Line = encodeLine(res.Err)
		}
		res.Article.Text = ""
	}()
	if a.Err != nil {
		res.Err = a.ErrorRecord()
		res.Line = encodeLine(res.Err)
		return res
	}
	d := a.Document()
	var err error
	if timeout > 0 {
		err = processWithDeadline(ctx, p, d, timeout, grace)
	} else {
		err = p.Process(ctx, d)
	}
	if err != nil {
		res.Err, res.Detail = stageErrRecord(a, err, timeout)
		res.Line = encodeLine(res.Err)
		return res
	}
	rec := document.ToRecord(d)
	res.Line = encodeLine(rec)
	// Nothing refers to d or rec once the line is encoded, so the next
	// article reuses their slices: fresh token slices for every article cost
	// a third of the pipeline's time in allocation, zeroing and cache misses
	// (docs/performance.md, Round 6). An abandoned article (timeout) never
	// gets here, so a stage still running cannot share memory with another.
	document.Recycle(d, rec)
	return res
}

// errAbandoned marks an article whose stage kept running past its deadline.
var errAbandoned = errors.New("abandoned")

// processWithDeadline runs the pipeline under a deadline. A stage that
// honours its context returns soon after the deadline with the stage named;
// one that does not is abandoned after grace (its goroutine finishes on its
// own; Go cannot stop it), so the batch goes on either way.
func processWithDeadline(ctx context.Context, p Processor, d *document.Document, timeout, grace time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil { // only a Processor other than *extract.Pipeline can get here
				errc <- &extract.StageError{Stage: "pipeline", Doc: d.ID, Err: fmt.Errorf("%v", r), Panic: true}
			}
		}()
		errc <- p.Process(ctx, d)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case err := <-errc:
		if err == nil { // finished just in time
			return nil
		}
		return err
	case <-t.C:
		return errAbandoned
	}
}

func stageErrRecord(a corpus.Article, err error, timeout time.Duration) (*document.ErrorRecord, string) {
	if errors.Is(err, errAbandoned) {
		return errRecord(a, "timeout", fmt.Sprintf("%s: no result after %s; a stage ignored the deadline and was abandoned", a.Source, timeout)), ""
	}
	stage := "pipeline"
	var se *extract.StageError
	if errors.As(err, &se) {
		stage = se.Stage
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return errRecord(a, "timeout", fmt.Sprintf("%s: no result after %s (stage %s was running)", a.Source, timeout, stage)), ""
	}
	if se != nil && se.Panic {
		msg, stack, _ := strings.Cut(se.Err.Error(), "\n")
		return errRecord(a, stage, fmt.Sprintf("%s: article %s: stage %s panicked: %s", a.Source, a.ID, stage, msg)), stack
	}
	msg := err.Error()
	if se != nil {
		msg = fmt.Sprintf("article %s: stage %s: %v", a.ID, stage, se.Err)
	}
	return errRecord(a, stage, a.Source+": "+msg), ""
}

func errRecord(a corpus.Article, stage, msg string) *document.ErrorRecord {
	return &document.ErrorRecord{Schema: document.SchemaVersion, ID: a.ID, Source: a.Source,
		Error: document.ErrorInfo{Stage: stage, Message: msg}}
}

// encodeTo renders v as one JSON line the way the golden files do
// (no HTML escaping), so CLI output and golden records agree byte for byte.
func encodeTo(buf *bytes.Buffer, v any) []byte {
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	if r, ok := v.(*document.Record); ok {
		// The same bytes as the encoder below, without reflection
		// (document.Record.AppendJSON). The record is appended to the
		// buffer's own bytes and the buffer then takes the slice over, so
		// the ~45 KB line is written once; appending to AvailableBuffer
		// and Write-ing it back copied every line a second time.
		b := append(r.AppendJSON(buf.Bytes()), '\n')
		*buf = *bytes.NewBuffer(b)
		return buf.Bytes()
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Records hold only strings and ints; this is unreachable short of
		// a bug, and then the article still gets its line.
		b, _ := json.Marshal(&document.ErrorRecord{Schema: document.SchemaVersion, Error: document.ErrorInfo{Stage: "encode", Message: err.Error()}})
		return append(b, '\n')
	}
	return buf.Bytes()
}
