package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

func TestLineWriter(t *testing.T) {
	var direct, prompt bytes.Buffer
	lw := &lineWriter{direct: &direct, prompt: &prompt}
	lw.Write([]byte("ab"))
	lw.Write([]byte("c\nd"))
	if direct.String() != "abc\n" {
		t.Fatalf("whole lines: %q", direct.String())
	}
	lw.Flush()
	if direct.String() != "abc\nd" {
		t.Fatalf("Flush without a prompt: %q", direct.String())
	}
	lw.mu.Lock()
	lw.startPrompt() // ends the flushed partial line
	lw.mu.Unlock()
	if direct.String() != "abc\nd\n" {
		t.Fatalf("before the prompt: %q", direct.String())
	}
	lw.Write([]byte("e"))
	lw.Flush() // kept: the prompt's redraw would erase it
	lw.Write([]byte("f\n"))
	if prompt.String() != "ef\n" {
		t.Fatalf("through readline while prompting: %q", prompt.String())
	}
	lw.Write([]byte("g"))
	lw.endPrompt()
	lw.mu.Lock()
	lw.startPrompt()
	lw.mu.Unlock()
	if !strings.HasSuffix(direct.String(), "\ng\n") {
		t.Fatalf("partial line before a prompt: %q", direct.String())
	}
}

func TestEchoedInputEndsLine(t *testing.T) {
	var direct bytes.Buffer
	lw := &lineWriter{direct: &direct}
	lw.Write([]byte("name? "))
	lw.Flush()
	in := echoedInput{r: strings.NewReader("bob\n"), out: lw}
	in.Read(make([]byte, 10))
	lw.mu.Lock()
	lw.startPrompt()
	lw.mu.Unlock()
	if direct.String() != "name? " {
		t.Errorf("after an echoed line: %q, want no extra newline", direct.String())
	}
}

func TestCompleter(t *testing.T) {
	in := pyish.New(pyish.Options{})
	console := in.NewConsole()
	if err := console.Import("asyncio"); err != nil {
		t.Fatal(err)
	}
	go console.RunLoop()
	defer console.Close()
	c := completer{console}
	tests := []struct {
		line string
		want []string
		n    int
	}{
		{"t = asyncio.cre", []string{"ate_task("}, 3},
		{"pri", []string{"nt("}, 3},
		{"    ", []string{"    "}, 0},
		{"(ps", []string{"("}, 2},
		{"zzz", nil, 3},
	}
	for _, tt := range tests {
		line := []rune(tt.line)
		got, n := c.Do(line, len(line))
		var strs []string
		for _, r := range got {
			strs = append(strs, string(r))
		}
		if strings.Join(strs, "|") != strings.Join(tt.want, "|") || n != tt.n {
			t.Errorf("Do(%q) = %q, %d; want %q, %d", tt.line, strs, n, tt.want, tt.n)
		}
	}
}
