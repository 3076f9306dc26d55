//go:build matchbench

// The matcher comparison behind the choice of the token trie. It pulls in
// github.com/coregx/ahocorasick and github.com/go-ego/gse, so it only
// builds with the matchbench tag (add ne to keep gse's 37 MB of Chinese
// and Japanese dictionaries out of the test binary):
//
//	go test -tags 'matchbench ne' -run '^$' -bench Matcher -benchmem ./ner
package ner_test

import (
	"bufio"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coregx/ahocorasick"
	"github.com/go-ego/gse"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/internal/benchdata"
	"github.com/ereignis/ereignis/models"
)

// names reads every surface form of places.tsv and entities.tsv.
func names(b *testing.B) []string {
	var out []string
	for _, file := range []string{"ner/places.tsv", "ner/entities.tsv"} {
		f, err := models.NER.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			p := strings.Split(line, "\t")
			out = append(out, p[0])
			if file == "ner/entities.tsv" && len(p) > 3 && p[3] != "" {
				out = append(out, strings.Split(p[3], "|")...)
			}
		}
		f.Close()
	}
	return out
}

func heapAfter(f func()) (time.Duration, float64) {
	runtime.GC()
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	t := time.Now()
	f()
	el := time.Since(t)
	runtime.GC()
	runtime.ReadMemStats(&b)
	return el, float64(int64(b.HeapAlloc)-int64(a.HeapAlloc)) / 1e6
}

// tokTrie is the token-sequence trie the recogniser uses (without the
// inflection variants, to compare like with like).
type tokTrie map[string]*tokNode

type tokNode struct {
	end  bool
	next tokTrie
}

func buildTokTrie(ns []string) tokTrie {
	root := tokTrie{}
	for _, n := range ns {
		level := root
		ws := strings.Fields(n)
		for i, w := range ws {
			nd := level[w]
			if nd == nil {
				nd = &tokNode{}
				level[w] = nd
			}
			if i == len(ws)-1 {
				nd.end = true
			} else {
				if nd.next == nil {
					nd.next = tokTrie{}
				}
				level = nd.next
			}
		}
	}
	return root
}

func (t tokTrie) count(d *document.Document) int {
	n := 0
	toks := d.Tokens
	for i := 0; i < len(toks); {
		level, best := t, 0
		for j := i; j < len(toks) && level != nil; j++ {
			nd := level[toks[j].Text]
			if nd == nil {
				break
			}
			if nd.end {
				best = j + 1 - i
			}
			level = nd.next
		}
		if best > 0 {
			n++
			i += best
		} else {
			i++
		}
	}
	return n
}

func BenchmarkMatcherTokenTrie(b *testing.B) {
	docs, size := benchdata.Tokenized(b)
	ns := names(b)
	var tr tokTrie
	el, mb := heapAfter(func() { tr = buildTokTrie(ns) })
	b.SetBytes(size)
	b.ResetTimer()
	found := 0
	for b.Loop() {
		found = 0
		for _, d := range docs {
			found += tr.count(d)
		}
	}
	b.ReportMetric(float64(found), "matches")
	b.ReportMetric(float64(el.Milliseconds()), "build-ms")
	b.ReportMetric(mb, "heap-MB")
}

func BenchmarkMatcherAhoCorasick(b *testing.B) {
	docs, size := benchdata.Tokenized(b)
	ns := names(b)
	var ac *ahocorasick.Automaton
	el, mb := heapAfter(func() {
		var err error
		ac, err = ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(ns).Build()
		if err != nil {
			b.Fatal(err)
		}
	})
	b.SetBytes(size)
	b.ResetTimer()
	found := 0
	for b.Loop() {
		found = 0
		for _, d := range docs {
			// Byte-level matches must then be checked against token
			// boundaries (Ulm inside Ulmen, Rom inside Roman).
			starts := map[int]bool{}
			ends := map[int]bool{}
			for _, t := range d.Tokens {
				starts[t.Start] = true
				ends[t.End] = true
			}
			for _, m := range ac.FindAll([]byte(d.Text), -1) {
				if starts[m.Start] && ends[m.End] {
					found++
				}
			}
		}
	}
	b.ReportMetric(float64(found), "matches")
	b.ReportMetric(float64(el.Milliseconds()), "build-ms")
	b.ReportMetric(mb, "heap-MB")
}

func BenchmarkMatcherGse(b *testing.B) {
	docs, size := benchdata.Tokenized(b)
	ns := names(b)
	var seg gse.Segmenter
	el, mb := heapAfter(func() {
		seg = gse.Segmenter{NotLoadHMM: true, SkipLog: true}
		seg.Dict = gse.NewDict()
		for _, n := range ns {
			seg.AddToken(n, 100)
		}
		seg.CalcToken()
	})
	b.SetBytes(size)
	b.ResetTimer()
	found := 0
	for b.Loop() {
		found = 0
		for _, d := range docs {
			for _, s := range seg.Segment([]byte(d.Text)) {
				if s.Token().Freq() >= 100 {
					found++
				}
			}
		}
	}
	b.ReportMetric(float64(found), "matches")
	b.ReportMetric(float64(el.Milliseconds()), "build-ms")
	b.ReportMetric(mb, "heap-MB")
}
