package events_test

import (
	"testing"

	"github.com/ereignis/ereignis/events"
	"github.com/ereignis/ereignis/internal/benchdata"
)

// BenchmarkLoad measures a cold load of the embedded model (LoadFS parses
// and indexes the files on every call; nothing is cached), in CPU ms per
// load: the process' user+system time, so that the collector's work on
// other threads counts too.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := benchdata.CPUTime()
	for b.Loop() {
		if _, err := events.Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}
