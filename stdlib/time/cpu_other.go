//go:build !unix

package time

// processNanos falls back to the monotonic clock where getrusage is missing.
func processNanos() int64 { return monoNanos() }
