//go:build unix

package ner_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used so far (user + system, all
// threads). Benchmarks report throughput per CPU second as well as per
// wall second, because on a shared machine the wall clock mostly measures
// the other processes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
