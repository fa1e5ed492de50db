package main

import (
	"bytes"
	"io"
	"sync"
)

// lineWriter passes output to the terminal a whole line per write: readline
// redraws the prompt around each write, and a line written in pieces would
// be cut up by the redraw. A trailing partial line waits for its newline or
// for flushPartial (before a prompt is drawn).
type lineWriter struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte
}

// Write buffers p and writes every completed line.
func (lw *lineWriter) Write(p []byte) (int, error) {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	lw.partial = append(lw.partial, p...)
	i := bytes.LastIndexByte(lw.partial, '\n')
	if i < 0 {
		return len(p), nil
	}
	_, err := lw.w.Write(lw.partial[:i+1])
	lw.partial = append(lw.partial[:0], lw.partial[i+1:]...)
	return len(p), err
}

// flushPartial ends a pending partial line with a newline so the prompt
// redraw does not erase it.
func (lw *lineWriter) flushPartial() {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if len(lw.partial) == 0 {
		return
	}
	lw.w.Write(append(lw.partial, '\n'))
	lw.partial = lw.partial[:0]
}
