//go:build unix

package main

import (
	"errors"

	"golang.org/x/sys/unix"

	"github.com/pyish/pyish"
)

// readyOrInterrupted returns a wait for the terminal fd to have input,
// in short polls rather than one blocking read, so that Ctrl-C (a value
// on interrupt) stops an input() with KeyboardInterrupt, as in CPython.
func readyOrInterrupted(fd int, interrupt <-chan struct{}) func() error {
	return func() error {
		for {
			select {
			case <-interrupt:
				return pyish.NewKeyboardInterrupt()
			default:
			}
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			n, err := unix.Poll(fds, 50)
			switch {
			case errors.Is(err, unix.EINTR) || n == 0 && err == nil:
				continue
			case err != nil:
				return err
			}
			return nil
		}
	}
}
