package benchdata

import (
	"syscall"
	"time"
	"unsafe"
)

// ThreadCPUTime is the CPU time the calling OS thread has used so far
// (CLOCK_THREAD_CPUTIME_ID, nanoseconds). Call it from a goroutine locked
// to its thread (runtime.LockOSThread); a call costs a system call, well
// under a microsecond.
func ThreadCPUTime() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
