//go:build !unix

package main

// readyOrInterrupted returns nil: without poll, input() reads block and
// Ctrl-C takes effect once the line is entered.
func readyOrInterrupted(fd int, interrupt <-chan struct{}) func() error { return nil }
