package extract_test

import (
	"context"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// BenchmarkPipeline runs the whole default pipeline, one core, over the
// 10kGNAD articles as the CLI does (batch.Run): one op is the whole set,
// MB/s counts article text, each article's record is built, and the
// document and record are then handed to document.Recycle, so later
// articles reuse their memory.
func BenchmarkPipeline(b *testing.B) { benchPipeline(b, recycle) }

// BenchmarkPipelineJSON is BenchmarkPipeline with each record encoded as
// the CLI writes it (Record.AppendJSON into a reused buffer): the whole
// work of a batch worker short of the write. The JSON is 18 times the
// text (outMB/op), so encoding it costs a seventh of a pass and evicts
// the models' cache lines.
func BenchmarkPipelineJSON(b *testing.B) { benchPipeline(b, recycle|encode) }

// BenchmarkPipelineFresh is BenchmarkPipeline for a caller that keeps its
// documents or records (no document.Recycle): every article allocates its
// token slices anew.
func BenchmarkPipelineFresh(b *testing.B) { benchPipeline(b, 0) }

// What benchPipeline does with each article's record.
const (
	recycle = 1 << iota // hand document and record to document.Recycle
	encode              // encode the record as JSON
)

func benchPipeline(b *testing.B, mode int) {
	arts, size := benchdata.Articles(b)
	p, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var out []byte
	outBytes := 0
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for j := range arts {
			d := arts[j].Document()
			if err := p.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			r := document.ToRecord(d)
			if mode&encode != 0 {
				out = r.AppendJSON(out[:0])
				outBytes += len(out)
			}
			if mode&recycle != 0 {
				document.Recycle(d, r)
			}
		}
	}
	benchdata.ReportCPU(b, start, size)
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	if mode&encode != 0 {
		b.ReportMetric(float64(outBytes)/float64(b.N)/1e6, "outMB/op")
	}
}

// BenchmarkPipelineUpto runs the pipeline up to and including each stage
// in turn (Options.Upto), so the difference between two lines is the cost
// of one stage with everything it depends on in place. No record is built.
func BenchmarkPipelineUpto(b *testing.B) {
	arts, size := benchdata.Articles(b)
	full, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, name := range full.Stages() {
		b.Run(name, func(b *testing.B) {
			p, err := extract.New(extract.Options{Upto: name})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			start := benchdata.CPUTime()
			for i := 0; i < b.N; i++ {
				for j := range arts {
					if err := p.Process(ctx, arts[j].Document()); err != nil {
						b.Fatal(err)
					}
				}
			}
			benchdata.ReportCPU(b, start, size)
		})
	}
}

// BenchmarkNew measures building the default pipeline (loading every
// stage's embedded models): the serial start-up of every CLI run, which
// bounds how much -j can speed up a short batch. Shared models load once
// per process (sync.Once), so only -benchtime 1x measures a cold build.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := extract.New(extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToRecord measures document.ToRecord alone over the 10kGNAD
// articles, processed once by the whole pipeline beforehand. Each record
// goes to document.Recycle (the documents are kept), so this times the
// conversion rather than the allocation of the record's slices.
func BenchmarkToRecord(b *testing.B) {
	arts, size := benchdata.Articles(b)
	p, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*document.Document, len(arts))
	for j := range arts {
		docs[j] = arts[j].Document()
		if err := p.Process(context.Background(), docs[j]); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			document.Recycle(nil, document.ToRecord(d))
		}
	}
	benchdata.ReportCPU(b, start, size)
}
