package main

// This file is the interactive REPL: readline on its own goroutine (this
// one), every input run as a task on the interpreter's event loop, which
// runs on a goroutine of its own the whole time (pyish.Console).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/chzyer/readline"

	"github.com/pyish/pyish"
)

const (
	primaryPrompt   = ">>> "
	secondaryPrompt = "... "
)

// repl runs the interactive console until Ctrl-D or exit() and returns
// the exit status. script, if not empty, is run first as __main__ and the
// console then works in its globals (-i).
func repl(opts pyish.Options, script string) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)

	out := &lineWriter{direct: os.Stdout}
	interrupts := make(chan struct{}, 1)
	opts.Stdout, opts.Stderr = out, out
	opts.Stdin = echoedInput{r: os.Stdin, out: out, ready: readyOrInterrupted(int(os.Stdin.Fd()), interrupts)}
	in := pyish.New(opts)
	if script == "" {
		fmt.Fprint(out, banner())
	} else {
		runScript(in, out, script, sigs)
	}
	console := in.NewConsole()
	if _, ok := in.Get("asyncio"); !ok {
		console.Import("asyncio") // as python -m asyncio does; fails only if asyncio is not allowed
	}
	end := &lineEnd{out: out}
	rl, err := newReadline(console, out, end.filter)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pyish:", err)
		return 1
	}
	go console.RunLoop()
	go exitOnRequest(console, out, terminalRestorer())

	end.rl = rl
	s := &session{rl: rl, out: out, end: end, console: console, sigs: sigs, interrupts: interrupts}
	status := s.readLoop()
	console.Close()
	out.mu.Lock()
	out.endLine()
	out.mu.Unlock()
	rl.Close()
	return status
}

// newReadline sets up line editing with history and completion, and
// sends output through it while a prompt is shown.
func newReadline(console *pyish.Console, out *lineWriter, filter func(rune) (rune, bool)) (*readline.Instance, error) {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:              primaryPrompt,
		HistoryFile:         historyPath(),
		HistorySearchFold:   true,
		InterruptPrompt:     "^C",
		AutoComplete:        completer{console},
		FuncFilterInputRune: filter,
		Stdout:              os.Stdout,
		Stderr:              os.Stderr,
	})
	if err != nil {
		return nil, err
	}
	out.mu.Lock()
	out.prompt = rl.Stdout()
	out.mu.Unlock()
	return rl, nil
}

// terminalRestorer records the terminal's state (call it before the first
// prompt makes the terminal raw) and returns a function that restores it.
func terminalRestorer() func() {
	fd := int(os.Stdin.Fd())
	cooked, err := readline.GetState(fd)
	return func() {
		if err == nil {
			readline.Restore(fd, cooked)
		}
	}
}

// exitOnRequest ends the process when a background task calls sys.exit,
// as the asyncio REPL does. The REPL goroutine may be inside Readline,
// which cannot be stopped (readline issue 217), so the terminal is put
// back in the state it was in before the first prompt.
func exitOnRequest(console *pyish.Console, out *lineWriter, restoreTerminal func()) {
	code := <-console.Exits()
	console.Close()
	restoreTerminal()
	out.mu.Lock()
	out.prompting = false
	out.endLine()
	os.Stdout.WriteString("\n")
	os.Exit(code)
}

// banner is printed when the REPL starts.
func banner() string {
	return fmt.Sprintf("pyish %s asyncio REPL (a Python 3 subset) on %s/%s\n", pyish.Version, runtime.GOOS, runtime.GOARCH) +
		"Use \"await\" directly instead of \"asyncio.run()\"; ps() lists the running tasks.\n" +
		primaryPrompt + "import asyncio\n"
}

// runScript runs the -i script before the console starts, so that it may
// call asyncio.run. Like CPython's -i, the REPL starts even if the script
// failed or exited; Ctrl-C interrupts the script.
func runScript(in *pyish.Interpreter, out io.Writer, path string, sigs chan os.Signal) {
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-finished:
		}
	}()
	err := in.ExecFile(ctx, scriptPath(path))
	close(finished)
	cancel()
	var exit *pyish.ExitError
	var pe *pyish.Error
	switch {
	case err == nil:
	case errors.As(err, &exit):
		fmt.Fprintln(out, exit.Error())
	case errors.As(err, &pe):
		io.WriteString(out, pe.Traceback())
	default:
		fmt.Fprintf(out, "pyish: can't open file '%s': %v\n", path, err)
	}
}

// session is the state of the REPL goroutine.
type session struct {
	rl      *readline.Instance
	out     *lineWriter
	end     *lineEnd
	console *pyish.Console
	sigs    chan os.Signal // SIGINT, caught for the whole session
	// interrupts tells an input() waiting for the terminal about Ctrl-C.
	interrupts chan struct{}
}

// readLoop reads and runs inputs until EOF or exit().
func (s *session) readLoop() int {
	for {
		src, ok := s.readInput()
		if !ok {
			fmt.Fprintln(s.out, "exiting asyncio REPL...")
			return 0
		}
		if strings.TrimSpace(src) == "" {
			continue
		}
		if status := s.execute(src); status >= 0 {
			return status
		}
	}
}

// readInput reads lines until they form a complete input: `... ` follows
// an open bracket or string, and a compound statement until a blank line.
// ok is false at EOF (Ctrl-D on an empty line).
func (s *session) readInput() (src string, ok bool) {
	var lines []string
	for {
		prompt := primaryPrompt
		if len(lines) > 0 {
			prompt = secondaryPrompt
		}
		line, err := s.readLine(prompt)
		if errors.Is(err, readline.ErrInterrupt) {
			fmt.Fprintln(s.out, "KeyboardInterrupt")
			lines = nil
			continue
		}
		if err != nil {
			return "", false // readline has echoed ^D and ended the line
		}
		lines = append(lines, line)
		src = strings.Join(lines, "\n") + "\n"
		switch pyish.CheckInput(src) {
		case pyish.InputIncomplete:
			continue
		case pyish.InputNeedsBlankLine:
			if strings.TrimSpace(line) != "" {
				continue
			}
		}
		return src, true
	}
}

// readLine shows prompt and reads one line. The output lock is held from
// before the prompt is drawn until the terminal is reading, so task output
// cannot slip between the two and corrupt the prompt (readline issue 220),
// and again from the key that ends the line until Readline returns (see
// lineEnd).
func (s *session) readLine(prompt string) (string, error) {
	s.out.mu.Lock()
	s.out.startPrompt()
	keyed := s.end.arm()
	returned := make(chan struct{})
	released := make(chan struct{})
	go func() {
		defer close(released)
		defer s.out.mu.Unlock()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for !s.rl.Terminal.IsReading() {
			select {
			case <-returned:
				return
			case <-keyed:
				return
			case <-tick.C:
			}
		}
	}()
	s.rl.SetPrompt(prompt)
	line, err := s.rl.Readline()
	close(returned)
	<-released
	s.end.release()
	s.out.endPrompt()
	s.settle()
	return line, err
}

// settle waits (briefly) for readline's reader to notice that the line
// ended, so that the next readLine does not take a stale "reading" for
// its prompt's.
func (s *session) settle() {
	deadline := time.Now().Add(100 * time.Millisecond)
	for s.rl.Terminal.IsReading() && time.Now().Before(deadline) {
		time.Sleep(100 * time.Microsecond)
	}
}

// lineEnd closes the last window for a corrupted prompt: readline redraws
// the prompt around each write while its reader is active, which it still
// is for a moment after the key that ends the line; a task's output then
// would be followed by a stray prompt. So from that key (seen by
// FuncFilterInputRune, on readline's goroutine) until Readline returns,
// output waits, and then goes straight to the terminal.
type lineEnd struct {
	rl    *readline.Instance
	out   *lineWriter
	keyed chan struct{} // closed at the line-ending key (then held is true)
	held  bool          // the output lock is held for this line
}

// arm prepares for a new line; it returns the channel closed at its end.
func (e *lineEnd) arm() <-chan struct{} {
	e.keyed = make(chan struct{})
	e.held = false
	return e.keyed
}

// filter is readline's FuncFilterInputRune: it sees every key first.
func (e *lineEnd) filter(r rune) (rune, bool) {
	if !e.held && e.endsLine(r) {
		close(e.keyed) // the prompt's hold on the lock, if still on, ends
		e.out.mu.Lock()
		e.out.prompting = false
		e.held = true
	}
	return r, true
}

// endsLine reports whether readline will end the line at key r: Enter,
// unless it picks a completion; Ctrl-C, unless it leaves a search or a
// completion.
func (e *lineEnd) endsLine(r rune) bool {
	op := e.rl.Operation
	switch {
	case op.IsInCompleteSelectMode():
		return false
	case r == readline.CharEnter || r == readline.CharCtrlJ:
		return true
	case r == readline.CharInterrupt:
		return !op.IsSearchMode() && !op.IsInCompleteMode()
	}
	return false
}

// release lets output through again once Readline has returned.
func (e *lineEnd) release() {
	if e.held {
		e.held = false
		e.out.mu.Unlock()
	}
}

// execute runs src as one input on the loop and waits for it; Ctrl-C
// meanwhile interrupts it. It returns an exit status when the input
// exited, else -1.
func (s *session) execute(src string) int {
	for len(s.sigs) > 0 {
		<-s.sigs // a Ctrl-C from before this input
	}
	for len(s.interrupts) > 0 {
		<-s.interrupts
	}
	done := make(chan error, 1)
	s.console.Submit("<stdin>", src, true, func(err error) { done <- err })
	interrupted := false
	for {
		select {
		case err := <-done:
			return s.report(err, interrupted)
		case <-s.sigs:
			interrupted = true
			s.console.Interrupt()
			select {
			case s.interrupts <- struct{}{}:
			default:
			}
		}
	}
}

// report prints an input's error; it returns an exit status for exit().
func (s *session) report(err error, interrupted bool) int {
	if err == nil {
		return -1
	}
	var exit *pyish.ExitError
	if errors.As(err, &exit) {
		if exit.Message != "" {
			fmt.Fprintln(s.out, exit.Message)
		}
		return exit.Code
	}
	var pe *pyish.Error
	if !errors.As(err, &pe) {
		fmt.Fprintln(s.out, err)
		return -1
	}
	if interrupted && pe.Type == "KeyboardInterrupt" {
		fmt.Fprint(s.out, "\nKeyboardInterrupt\n") // after the terminal's ^C, as CPython's asyncio REPL
		return -1
	}
	io.WriteString(s.out, pe.Traceback())
	return -1
}

// historyPath is $PYISH_HISTORY, or ~/.pyish_history.
func historyPath() string {
	if p := os.Getenv("PYISH_HISTORY"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".pyish_history")
}

// completer adapts Console.Complete to readline's AutoCompleter.
type completer struct{ console *pyish.Console }

// Do returns the completions of the word before the cursor, as the
// suffixes readline inserts, and the length of the word's last part. On
// a blank line Tab indents.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	if strings.TrimSpace(string(line[:pos])) == "" {
		return [][]rune{[]rune("    ")}, 0
	}
	start := pos
	for start > 0 && (isNameRune(line[start-1]) || line[start-1] == '.') {
		start--
	}
	word := string(line[start:pos])
	last := word[strings.LastIndexByte(word, '.')+1:]
	var out [][]rune
	for _, cand := range c.console.Complete(word) {
		out = append(out, []rune(strings.TrimPrefix(cand, word)))
	}
	return out, len([]rune(last))
}

func isNameRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}
