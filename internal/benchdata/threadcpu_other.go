//go:build !linux

package benchdata

import "time"

// ThreadCPUTime is not measured on this platform; it returns 0.
func ThreadCPUTime() time.Duration { return 0 }
