package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// stats are updated by the writer and read by the progress line.
type stats struct {
	start                     time.Time
	startup                   time.Duration // building the pipeline (models)
	articles, records, errors atomic.Int64
	resumed, bytes            atomic.Int64
}

func (s *stats) rate() (mbps, aps float64, el time.Duration) {
	el = time.Since(s.start)
	sec := el.Seconds()
	if sec <= 0 {
		return 0, 0, el
	}
	return float64(s.bytes.Load()) / (1 << 20) / sec, float64(s.articles.Load()) / sec, el
}

func (s *stats) summary(w io.Writer, fl extractFlags, rf *recordFile, code int) {
	mbps, aps, el := s.rate()
	fmt.Fprintf(w, "ereignis extract: %d articles, %d records, %d errors, %.1f MB in %s (%.2f MB/s, %.1f articles/s, -j %d)",
		s.articles.Load(), s.records.Load(), s.errors.Load(), float64(s.bytes.Load())/(1<<20), el.Round(time.Millisecond), mbps, aps, fl.workers)
	fmt.Fprintf(w, "; start-up %s", s.startup.Round(time.Millisecond))
	if n := s.resumed.Load(); n > 0 {
		fmt.Fprintf(w, "; %d resumed from an earlier run", n)
	}
	fmt.Fprintln(w)
	if rf != nil {
		switch code {
		case exitOK, exitSomeFailed:
			fmt.Fprintf(w, "ereignis extract: wrote %s\n", rf.path)
		default:
			fmt.Fprintf(w, "ereignis extract: incomplete; records so far are in %s (rerun with --resume to continue)\n", rf.part)
		}
	}
}

// isTerminal reports whether w is a character device, i.e. a terminal and
// not a pipe or a file.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress redraws one status line on a terminal a few times a second.
type progress struct {
	done chan struct{}
	fin  chan struct{}
}

func startProgress(w io.Writer, s *stats) *progress {
	p := &progress{done: make(chan struct{}), fin: make(chan struct{})}
	go func() {
		defer close(p.fin)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-t.C:
				mbps, aps, el := s.rate()
				fmt.Fprintf(w, "\r\033[K%d articles  %d errors  %.1f MB  %.2f MB/s  %.0f art/s  %s",
					s.articles.Load(), s.errors.Load(), float64(s.bytes.Load())/(1<<20), mbps, aps, el.Round(time.Second))
			}
		}
	}()
	return p
}

func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.done)
	<-p.fin
}
