//go:build !unix

package ner_test

import "time"

// cpuTime is not measured on this platform; the CPU metrics are skipped.
func cpuTime() time.Duration { return 0 }
