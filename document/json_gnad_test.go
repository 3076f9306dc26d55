package document_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// gnadRecords runs the default pipeline over the 10kGNAD articles and keeps
// every record, so that the encoder sees what the CLI encodes (mostly token
// objects: short strings and small offsets), not the five golden files.
func gnadRecords(tb testing.TB) ([]*document.Record, int64) {
	tb.Helper()
	arts, size := benchdata.Articles(tb)
	p, err := extract.New(extract.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	recs := make([]*document.Record, len(arts))
	for i := range arts {
		d := arts[i].Document()
		if err := p.Process(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		recs[i] = document.ToRecord(d)
	}
	return recs, size
}

// TestAppendJSONMatchesRef10kGNAD holds AppendJSON to its reference, and to
// encoding/json, on every 10kGNAD record.
func TestAppendJSONMatchesRef10kGNAD(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over 10kGNAD")
	}
	recs, _ := gnadRecords(t)
	var got, want []byte
	var std bytes.Buffer
	enc := json.NewEncoder(&std)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		got = r.AppendJSON(got[:0])
		want = document.RefAppendJSON(r, want[:0])
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: AppendJSON differs from its reference at byte %d", r.ID, firstDiff(got, want))
		}
		std.Reset()
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, bytes.TrimSuffix(std.Bytes(), []byte("\n"))) {
			t.Fatalf("%s: AppendJSON differs from encoding/json", r.ID)
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// BenchmarkAppendJSON encodes the 10kGNAD records as batch.encodeTo does
// (into a reused buffer): one op is the whole set, MB/s and MB/cpu-s count
// article text like the stage benchmarks, json-MB/s the JSON written.
func BenchmarkAppendJSON(b *testing.B) {
	benchEncode(b, func(r *document.Record, buf []byte) []byte { return r.AppendJSON(buf[:0]) })
}

// BenchmarkAppendJSONRef is BenchmarkAppendJSON for the reference encoder.
func BenchmarkAppendJSONRef(b *testing.B) {
	benchEncode(b, func(r *document.Record, buf []byte) []byte { return document.RefAppendJSON(r, buf[:0]) })
}

func BenchmarkEncodingJSON(b *testing.B) {
	benchEncode(b, func(r *document.Record, buf []byte) []byte {
		w := bytes.NewBuffer(buf[:0])
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(r)
		return w.Bytes()
	})
}

func benchEncode(b *testing.B, enc func(*document.Record, []byte) []byte) {
	recs, size := gnadRecords(b)
	out := 0
	var buf []byte
	for _, r := range recs {
		buf = enc(r, buf)
		out += len(buf)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			buf = enc(r, buf)
		}
	}
	benchdata.ReportCPU(b, start, size)
	b.ReportMetric(float64(out)*float64(b.N)/b.Elapsed().Seconds()/1e6, "json-MB/s")
}
