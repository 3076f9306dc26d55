//go:build unix

package timex_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time of this process. Benchmarks report MB per CPU
// second beside the wall-clock MB/s, because on a shared machine the wall
// clock measures the neighbours as much as the code.
func cpuTime() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
