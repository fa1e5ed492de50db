package main

// This file is the interactive REPL: readline on its own goroutine, every
// statement run as a task on the interpreter's event loop (pyish.Console).

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/chzyer/readline"

	"github.com/pyish/pyish"
)

const (
	primaryPrompt   = ">>> "
	secondaryPrompt = "... "
)

// repl runs the interactive console until Ctrl-D or exit(); it returns the
// exit status. script, if not empty, is run first in the same globals (-i).
func repl(opts pyish.Options, script string) int {
	out := &lineWriter{}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:            primaryPrompt,
		HistoryFile:       historyPath(),
		HistorySearchFold: true,
		InterruptPrompt:   "^C",
		Stdout:            os.Stdout,
		Stderr:            os.Stderr,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pyish:", err)
		return 1
	}
	out.w = rl.Stdout()
	opts.Stdout, opts.Stderr = out, out
	in := pyish.New(opts)
	console := in.NewConsole()
	rl.Config.AutoComplete = completer{console}
	go console.RunLoop()

	r := &session{rl: rl, out: out, console: console}
	status := r.start(script)
	if status < 0 {
		status = r.readLoop()
	}
	console.Close()
	out.flushPartial()
	rl.Close()
	return status
}

// session is the state of the REPL goroutine.
type session struct {
	rl      *readline.Instance
	out     *lineWriter
	console *pyish.Console
}

// start prints the banner and runs the -i script; it returns an exit status
// if the script exited, else -1.
func (s *session) start(script string) int {
	fmt.Fprintf(s.out, "pyish %s (Python 3.12 compatible) — asyncio REPL\n", pyish.Version)
	fmt.Fprintln(s.out, `Use "await" directly instead of "asyncio.run()". Type ps() to list running tasks.`)
	if script == "" {
		return -1
	}
	src, err := os.ReadFile(script)
	if err != nil {
		fmt.Fprintf(s.out, "pyish: can't open file '%s': %v\n", script, err)
		return 2
	}
	return s.execute(script, string(src), false)
}

// readLoop reads statements until EOF or exit().
func (s *session) readLoop() int {
	for {
		src, ok := s.readStatement()
		if !ok {
			return 0
		}
		if strings.TrimSpace(src) == "" {
			continue
		}
		if status := s.execute("<stdin>", src, true); status >= 0 {
			return status
		}
	}
}

// readStatement reads lines until they form a complete input. ok is false
// at EOF (Ctrl-D on an empty prompt).
func (s *session) readStatement() (src string, ok bool) {
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
			if len(lines) > 0 {
				return strings.Join(lines, "\n") + "\n", true
			}
			fmt.Fprintln(s.out)
			return "", false
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
// cannot slip between the two and corrupt the prompt (readline issue 220).
func (s *session) readLine(prompt string) (string, error) {
	s.out.flushPartial()
	s.out.mu.Lock()
	released := make(chan struct{})
	go func() {
		deadline := time.Now().Add(time.Second)
		for !s.rl.Terminal.IsReading() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		s.out.mu.Unlock()
		close(released)
	}()
	s.rl.SetPrompt(prompt)
	line, err := s.rl.Readline()
	<-released
	return line, err
}

// execute runs src as one statement on the loop and waits for it, turning
// Ctrl-C into cancellation of that statement. It returns an exit status
// when the code exited, else -1.
func (s *session) execute(filename, src string, interactive bool) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	done := make(chan error, 1)
	s.console.Submit(filename, src, interactive, func(err error) { done <- err })
	for {
		select {
		case err := <-done:
			return s.report(err)
		case <-sigs:
			s.console.Interrupt()
		}
	}
}

// report prints a statement's error; it returns an exit status for exit().
func (s *session) report(err error) int {
	s.out.flushPartial()
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
	if errors.As(err, &pe) {
		io.WriteString(s.out, pe.Traceback())
		return -1
	}
	fmt.Fprintln(s.out, err)
	return -1
}

func historyPath() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".pyish_history")
}

// completer adapts Console.Complete to readline's AutoCompleter.
type completer struct{ console *pyish.Console }

// Do returns the completions of the word before the cursor, as suffixes.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	head := string(line[:pos])
	start := strings.LastIndexFunc(head, func(r rune) bool {
		return !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	}) + 1
	word := head[start:]
	prefix := word
	if i := strings.LastIndexByte(word, '.'); i >= 0 {
		prefix = word[i+1:]
	}
	var out [][]rune
	for _, cand := range c.console.Complete(word) {
		out = append(out, []rune(strings.TrimPrefix(cand, prefix)))
	}
	return out, len([]rune(prefix))
}
