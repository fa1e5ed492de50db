package main

import (
	"bytes"
	"io"
	"sync"
)

// lineWriter passes output to the terminal a whole line per write. While
// a prompt is shown it writes through readline, which redraws the prompt
// and the half-typed line after each write, and a line written in pieces
// would be cut up by the redraw; otherwise it writes to the terminal
// directly. A trailing partial line waits for its newline, for Flush (when
// no prompt is shown) or for the next prompt, which it is ended before so
// the redraw does not erase it.
type lineWriter struct {
	mu        sync.Mutex
	direct    io.Writer // the terminal
	prompt    io.Writer // the terminal through readline (nil: none yet)
	prompting bool      // a prompt is shown or about to be
	partial   []byte
	midLine   bool // the last byte written was not a newline
}

// target returns where output goes now. The caller holds mu.
func (lw *lineWriter) target() io.Writer {
	if lw.prompting && lw.prompt != nil {
		return lw.prompt
	}
	return lw.direct
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
	_, err := lw.target().Write(lw.partial[:i+1])
	lw.partial = append(lw.partial[:0], lw.partial[i+1:]...)
	lw.midLine = false
	return len(p), err
}

// Flush writes a pending partial line (an input() prompt, print(end=""))
// unless a prompt is shown, whose redraw would erase it.
func (lw *lineWriter) Flush() error {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if len(lw.partial) == 0 || lw.prompting {
		return nil
	}
	_, err := lw.direct.Write(lw.partial)
	lw.partial = lw.partial[:0]
	lw.midLine = true
	return err
}

// startPrompt ends the output's last line, if it is not ended, so that
// the prompt drawn next starts a line of its own, and sends output
// through readline from now on. The caller holds mu.
func (lw *lineWriter) startPrompt() {
	lw.endLine()
	lw.prompting = true
}

// endPrompt sends output to the terminal directly again.
func (lw *lineWriter) endPrompt() {
	lw.mu.Lock()
	lw.prompting = false
	lw.mu.Unlock()
}

// endLine ends a partial line. The caller holds mu.
func (lw *lineWriter) endLine() {
	if len(lw.partial) > 0 {
		lw.target().Write(append(lw.partial, '\n'))
		lw.partial = lw.partial[:0]
	} else if lw.midLine {
		lw.target().Write([]byte{'\n'})
	}
	lw.midLine = false
}

// echoedInput is the REPL's stdin for input(): the terminal echoes the
// newline that ends each line read, which ends the output's line too.
type echoedInput struct {
	r   io.Reader
	out *lineWriter
	// ready, if set, waits until r can be read without blocking; it
	// fails if the wait is interrupted.
	ready func() error
}

// Read reads from the terminal and notes an echoed newline.
func (in echoedInput) Read(p []byte) (int, error) {
	if in.ready != nil {
		if err := in.ready(); err != nil {
			return 0, err
		}
	}
	n, err := in.r.Read(p)
	if n > 0 && bytes.IndexByte(p[:n], '\n') >= 0 {
		in.out.mu.Lock()
		in.out.midLine = false
		in.out.mu.Unlock()
	}
	return n, err
}
