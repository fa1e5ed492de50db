package main

import (
	"bytes"
	"io"
	"sync"
)

// lineWriter passes output to the terminal a whole line per write:
// readline redraws the prompt around each write, and a line written in
// pieces would be cut up by the redraw. A trailing partial line waits for
// its newline, for Flush (when no prompt is shown) or for the next prompt,
// which it is ended before so the redraw does not erase it.
type lineWriter struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte
	midLine bool        // the last byte written to w was not a newline
	reading func() bool // whether a prompt is shown (nil: never)
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
	lw.midLine = false
	return len(p), err
}

// Flush writes a pending partial line (an input() prompt, print(end=""))
// unless a prompt is shown, whose redraw would erase it.
func (lw *lineWriter) Flush() error {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if len(lw.partial) == 0 || lw.reading != nil && lw.reading() {
		return nil
	}
	_, err := lw.w.Write(lw.partial)
	lw.partial = lw.partial[:0]
	lw.midLine = true
	return err
}

// endLine ends the output's last line, if it is not ended, so that the
// prompt drawn next starts a line of its own. The caller holds mu.
func (lw *lineWriter) endLine() {
	if len(lw.partial) > 0 {
		lw.w.Write(append(lw.partial, '\n'))
		lw.partial = lw.partial[:0]
	} else if lw.midLine {
		lw.w.Write([]byte{'\n'})
	}
	lw.midLine = false
}
