package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/hugemem"
)

// Exit statuses of ereignis extract.
const (
	exitOK          = 0 // every article gave a record
	exitSomeFailed  = 1 // the batch finished, some articles gave error records
	exitUsage       = 2 // bad flags or arguments, or --resume over other inputs
	exitFatal       = 3 // the output could not be written; the batch stopped
	exitInterrupted = 130
)

const extractUsage = `usage: ereignis extract [flags] PATH...

Writes one JSON record per article (JSON Lines), in input order, to stdout
or to -o FILE. PATH is a folder (walked recursively for .txt, .jsonl,
.ndjson and .csv files), a file, or - for JSON Lines on stdin.

exit status: 0 all articles ok, 1 some gave error records (the batch still
finished), 2 usage, 3 output failed, 130 interrupted (SIGINT/SIGTERM; with
-o the records so far are kept in FILE.part for --resume).

flags:`

type extractFlags struct {
	out       string
	workers   int
	date      string
	forceDate bool
	maxSize   string
	timeout   time.Duration
	resume    bool
	latin1    bool
	progress  string
	quiet     bool
	cpuProf   string
	memProf   string
}

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var fl extractFlags
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, extractUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&fl.out, "o", "", "write the records to `FILE` (atomically, via FILE.part) instead of stdout")
	fs.IntVar(&fl.workers, "j", runtime.NumCPU(), "number of articles processed at once, and of cores used (GOMAXPROCS)")
	fs.StringVar(&fl.date, "date", "", "article `DATE` (YYYY, YYYY-MM or YYYY-MM-DD) for articles that carry none")
	fs.BoolVar(&fl.forceDate, "force-date", false, "let --date replace the articles' own dates too")
	fs.StringVar(&fl.maxSize, "max-size", "10MB", "largest article (file, JSON line, CSV row); larger ones get an error record")
	fs.DurationVar(&fl.timeout, "timeout", time.Minute, "per-article time limit; 0 for none")
	fs.BoolVar(&fl.resume, "resume", false, "continue an interrupted -o run: skip the articles already in FILE.part (or FILE)")
	fs.BoolVar(&fl.latin1, "latin1", false, "decode input that is not UTF-8 as Windows-1252 (with a warning) instead of failing it")
	fs.StringVar(&fl.progress, "progress", "auto", "progress line on stderr: auto (only on a terminal), on, off")
	fs.BoolVar(&fl.quiet, "q", false, "no summary on stderr")
	fs.StringVar(&fl.cpuProf, "cpuprofile", "", "write a CPU profile of the whole run (start-up included) to `FILE`")
	fs.StringVar(&fl.memProf, "memprofile", "", "write an allocation profile to `FILE` at the end")
	// Flags may follow the paths (`ereignis extract - --date 2025-05`):
	// parse, take the next argument as a path, parse the rest again.
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "ereignis extract: "+format+"\n", a...)
		return exitUsage
	}
	if len(paths) == 0 {
		return usageErr("no input PATH (use - for JSON Lines on stdin)")
	}
	if fl.workers < 1 {
		return usageErr("-j must be at least 1")
	}
	if fl.resume && fl.out == "" {
		return usageErr("--resume needs -o FILE")
	}
	opts := corpus.Options{Latin1: fl.latin1, ForceDate: fl.forceDate}
	var err error
	if opts.MaxSize, err = parseSize(fl.maxSize); err != nil {
		return usageErr("--max-size: %v", err)
	}
	if fl.date != "" {
		if opts.Date, err = corpus.ParseDateFlag(fl.date); err != nil {
			return usageErr("--date: %v", err)
		}
	} else if fl.forceDate {
		return usageErr("--force-date needs --date")
	}
	// -j N means N cores, not only N workers: the garbage collector and the
	// reader/writer goroutines stay within them too, so N one-core processes
	// side by side (xargs -P, Spark pipe()) do not overbook the machine. An
	// explicit GOMAXPROCS in the environment wins.
	if os.Getenv("GOMAXPROCS") == "" && fl.workers < runtime.NumCPU() {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(fl.workers))
	}
	showProgress := fl.progress == "on" || fl.progress == "auto" && isTerminal(stderr)
	if fl.progress != "on" && fl.progress != "off" && fl.progress != "auto" {
		return usageErr("--progress must be auto, on or off")
	}

	if fl.cpuProf != "" {
		stopProf, err := startCPUProfile(fl.cpuProf)
		if err != nil {
			fmt.Fprintln(stderr, "ereignis extract:", err)
			return exitFatal
		}
		defer stopProf()
	}
	if fl.memProf != "" {
		defer writeMemProfile(fl.memProf, stderr)
	}
	built := time.Now()
	p, err := newPipeline()
	if err != nil {
		fmt.Fprintln(stderr, "ereignis extract:", err)
		return exitFatal
	}

	var out io.Writer
	var rf *recordFile
	var flush func() error
	if fl.out != "" {
		if rf, err = openRecordFile(fl.out, fl.resume); err != nil {
			fmt.Fprintln(stderr, "ereignis extract:", err)
			return exitFatal
		}
		out, flush = rf, rf.Flush
	} else {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		out, flush = bw, bw.Flush
	}

	// First SIGINT/SIGTERM: stop reading, finish what is in flight, flush.
	// A second one exits at once (the part file stays resumable).
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	var interrupted atomic.Bool
	go func() {
		for range sigs {
			if interrupted.Swap(true) {
				fmt.Fprintln(stderr, "\nereignis extract: second signal, exiting without waiting")
				os.Exit(exitInterrupted)
			}
			fmt.Fprintln(stderr, "\nereignis extract: interrupted; finishing the articles in flight (signal again to quit at once)")
			stop()
		}
	}()

	var st stats
	st.start = time.Now()
	st.startup = st.start.Sub(built)
	var skip int
	var mismatch error
	if rf != nil {
		skip = len(rf.done)
	}
	src := func(ctx context.Context, yield func(corpus.Article) bool) error {
		return opts.Walk(ctx, paths, stdin, func(a corpus.Article) bool {
			if a.Seq < skip {
				if recordKey(a.ID, a.Source) != rf.done[a.Seq] {
					mismatch = fmt.Errorf("--resume: record %d of %s is not the record of article %d (%s); the inputs differ from the interrupted run's", a.Seq+1, rf.part, a.Seq+1, a.Source)
					return false
				}
				st.resumed.Add(1)
				return true
			}
			return yield(a)
		})
	}
	var prog *progress
	if showProgress {
		prog = startProgress(stderr, &st)
	}
	var writeErr error
	runErr := batch.Run(ctx, p, batch.Options{Workers: fl.workers, Timeout: fl.timeout, ReuseLines: true}, src, func(r batch.Result) error {
		st.articles.Add(1)
		st.bytes.Add(r.Article.Size)
		if r.Err != nil {
			st.errors.Add(1)
			if r.Detail != "" {
				fmt.Fprintf(stderr, "ereignis extract: %s\n%s\n", r.Err.Error.Message, r.Detail)
			}
		} else {
			st.records.Add(1)
		}
		if _, err := out.Write(r.Line); err != nil {
			writeErr = err
			return err
		}
		if rf == nil { // a pipe reader wants each record as soon as it is ready
			if err := flush(); err != nil {
				writeErr = err
				return err
			}
		}
		return nil
	})
	prog.stop()
	if mismatch == nil && rf != nil && int(st.resumed.Load()) < skip && runErr == nil && !interrupted.Load() {
		mismatch = fmt.Errorf("--resume: %s holds %d records but the inputs have only %d articles", rf.part, skip, st.resumed.Load())
	}

	code := exitOK
	switch {
	case mismatch != nil:
		fmt.Fprintln(stderr, "ereignis extract:", mismatch)
		if rf != nil {
			rf.Abort()
		}
		return exitUsage
	case writeErr != nil:
		fmt.Fprintln(stderr, "ereignis extract: writing output:", writeErr)
		code = exitFatal
	case runErr != nil && !errors.Is(runErr, context.Canceled):
		fmt.Fprintln(stderr, "ereignis extract:", runErr)
		code = exitFatal
	case interrupted.Load():
		code = exitInterrupted
	case st.errors.Load() > 0:
		code = exitSomeFailed
	}
	if err := flush(); err != nil && code != exitFatal {
		fmt.Fprintln(stderr, "ereignis extract: writing output:", err)
		code = exitFatal
	}
	if rf != nil {
		var err error
		if code == exitOK || code == exitSomeFailed {
			err = rf.Commit()
		} else {
			err = rf.Abort()
		}
		if err != nil {
			fmt.Fprintln(stderr, "ereignis extract:", err)
			code = exitFatal
		}
	}
	if !fl.quiet {
		st.summary(stderr, fl, rf, code)
	}
	return code
}

// parseSize reads 10MB, 512KB, 1GB, or a byte count.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size like 10MB", s)
	}
	return int64(n * float64(mult)), nil
}

// newPipeline loads the models with the garbage collector off. The load
// allocates about 100 MB, nearly all of it the tables that live for the
// whole run, so every collection during it (at 4, 8, 16, 32 MB …) only
// marks again what stays; one collection after the load does the job. The
// collector is the process's, which the CLI owns; the library leaves it
// alone.
//
// After the load the collector runs at GOGC 30 unless GOGC is set. The
// batch runner recycles each article's slices (document.Recycle), which
// cuts the garbage per article eightfold, and the live heap (~52 MB of
// models) is mostly pointer-free, so a collection costs ~10 ms of CPU and
// all of them 2 % of a run even at 30 (GODEBUG=gctrace=1, 20,000
// articles). A higher value only lets a long run's heap grow past the
// load's peak, which is a short run's peak: a 100,000-article run peaked
// 22 % above a 1,000-article one at 100, 25 % at 75 and 17 % at 50 once
// the load got cheaper, and 4.7 % at 30 (docs/performance.md, Round 6).
func newPipeline() (*extract.Pipeline, error) {
	prev := debug.SetGCPercent(-1)
	if os.Getenv("GOGC") == "" {
		prev = batchGCPercent
	}
	defer debug.SetGCPercent(prev)
	hugemem.AdviseHeap(loadHeap)
	return extract.New(extract.Options{})
}

const batchGCPercent = 30

// loadHeap is how much of the heap newPipeline asks to have on huge pages
// before the load (hugemem.AdviseHeap): the ~90 MB the models take and
// room for the first articles. With it the start-up's page faults fell
// from 20,000 to 2,000 and the start-up by a fifth at -j 1 and a third at
// -j 2; peak RSS rose 4 MiB (docs/performance.md, Round 7).
const loadHeap = 128 << 20
