//go:build unix

package benchdata

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time the process has used so far (user + system, all
// threads).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
