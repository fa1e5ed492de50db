package pyish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestNeverAwaitedWarnings compares the whole stderr of scripts that drop
// coroutines with CPython's (NAME.stderr, with the working directory
// taken out of the absolute paths the warnings show).
func TestNeverAwaitedWarnings(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"never_awaited", "never_awaited_error"} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", "asyncio", name+".pyish")
			want, err := os.ReadFile(strings.TrimSuffix(file, ".pyish") + ".stderr")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			in := pyish.New(pyish.Options{Stdout: &stdout, Stderr: &stderr, VirtualTime: true})
			if err := in.ExecFile(context.Background(), file); err != nil {
				stderr.WriteString(traceback(err))
			}
			got := strings.ReplaceAll(stderr.String(), wd+string(filepath.Separator), "")
			if got != string(want) {
				t.Errorf("stderr differs\n--- got ---\n%s--- want ---\n%s", got, want)
			}
		})
	}
}

// TestNeverAwaitedHeldElsewhere checks that a coroutine dropped by an
// expression statement but held, and awaited, elsewhere gets no warning,
// and that one warning is shown once across runs.
func TestNeverAwaitedHeldElsewhere(t *testing.T) {
	var stderr bytes.Buffer
	in, _ := newInterp(t, pyish.Options{Stderr: &stderr})
	mustExec(t, in, `
import asyncio
held = []
async def f():
    pass
def make():
    c = f()
    held.append(c)
    return c
make()
asyncio.run(held[0])
`)
	if stderr.Len() != 0 {
		t.Errorf("warned about an awaited coroutine:\n%s", stderr.String())
	}
	for i := 0; i < 2; i++ {
		mustExec(t, in, "make()\n")
	}
	if got := strings.Count(stderr.String(), "RuntimeWarning: coroutine 'f' was never awaited"); got != 1 {
		t.Errorf("%d warnings, want 1:\n%s", got, stderr.String())
	}
}
