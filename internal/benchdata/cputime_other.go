//go:build !unix

package benchdata

import "time"

// CPUTime is not measured on this platform; CPU metrics are then skipped.
func CPUTime() time.Duration { return 0 }
