package pyish_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestScripts runs every testdata/AREA/NAME.pyish and compares its stdout
// with NAME.out. Scripts that must fail have NAME.err: the last line of the
// error report (for SyntaxError-like errors only the exception name is
// compared, as in the conformance corpus); with NAME.tb the whole report
// is compared too. Expected files come from CPython 3.12.
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.pyish")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no scripts under testdata/")
	}
	for _, file := range files {
		file := file
		name := strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".pyish")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runScript(t, file)
		})
	}
}

func runScript(t *testing.T, file string) {
	base := strings.TrimSuffix(file, ".pyish")
	want, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatalf("missing expected output: %v", err)
	}
	var stdout, stderr bytes.Buffer
	// Virtual time: timer order as in real time, without depending on how
	// loaded the machine is (the conformance corpus runs in real time).
	in := pyish.New(pyish.Options{Stdout: &stdout, Stderr: &stderr, Args: []string{file}, VirtualTime: true})
	runErr := in.ExecFile(context.Background(), file)
	if got := stdout.String(); got != string(want) {
		t.Errorf("stdout differs\n--- got ---\n%s\n--- want ---\n%s", got, want)
	}
	wantErr, _ := os.ReadFile(base + ".err")
	checkError(t, runErr, strings.TrimSpace(string(wantErr)))
	if tb, err := os.ReadFile(base + ".tb"); err == nil {
		checkReport(t, runErr, string(tb))
	}
	if code, err := os.ReadFile(base + ".code"); err == nil {
		if got, want := exitCode(runErr), strings.TrimSpace(string(code)); got != want {
			t.Errorf("exit status %s, want %s", got, want)
		}
	}
}

// checkReport compares the whole report of the uncaught error err with
// want (NAME.tb: CPython's stderr, the script's directory made relative).
func checkReport(t *testing.T, err error, want string) {
	t.Helper()
	var pe *pyish.Error
	if !errors.As(err, &pe) {
		t.Fatalf("want an uncaught exception, got %v", err)
	}
	if got := pe.Traceback(); got != want {
		t.Errorf("report differs\n--- got ---\n%s\n--- want ---\n%s", got, want)
	}
}

// exitCode is the status `pyish FILE` exits with after err.
func exitCode(err error) string {
	var exit *pyish.ExitError
	switch {
	case err == nil:
		return "0"
	case errors.As(err, &exit):
		return strconv.Itoa(exit.Code)
	}
	return "1"
}

// checkError compares a run's error with the expected last line ("" = success).
func checkError(t *testing.T, err error, want string) {
	t.Helper()
	var exit *pyish.ExitError
	if errors.As(err, &exit) {
		if exit.Message == "" {
			err = nil
		} else {
			err = errors.New(exit.Message)
		}
	}
	if want == "" {
		if err != nil {
			t.Errorf("unexpected error: %v", traceback(err))
		}
		return
	}
	if err == nil {
		t.Fatalf("ran without error, want %q", want)
	}
	got := err.Error()
	if got != want && strings.HasPrefix(want, "+---") {
		got = lastReportLine(err) // an exception group's report ends in its box
	}
	switch want {
	case "SyntaxError", "IndentationError", "TabError":
		got, _, _ = strings.Cut(got, ":")
	}
	if got != want {
		t.Errorf("error %q, want %q\n%s", got, want, traceback(err))
	}
}

func traceback(err error) string {
	var pe *pyish.Error
	if errors.As(err, &pe) {
		return pe.Traceback()
	}
	return err.Error()
}

// lastReportLine is the last line pyish prints on stderr for err: the last
// line of the traceback (an exception group's closing box line), else
// Error().
func lastReportLine(err error) string {
	var pe *pyish.Error
	if errors.As(err, &pe) && pe.Traceback() != "" {
		text := strings.TrimRight(pe.Traceback(), "\n")
		return strings.TrimSpace(text[strings.LastIndexByte(text, '\n')+1:])
	}
	return err.Error()
}
