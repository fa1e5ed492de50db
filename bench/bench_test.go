package bench_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyish/pyish"
	"github.com/pyish/pyish/parser"
)

// scripts are the benchmark programs run in-process by BenchmarkScripts.
var scripts = []string{
	"fib", "loops", "nbody", "strdict", "classes",
	"async_switch", "async_gather", "async_tree", "async_queue", "async_as_completed",
}

// BenchmarkScripts runs each benchmark script through the embedding API with
// output discarded. A script the interpreter cannot run yet is skipped, not
// failed, so the suite measures whatever works today.
func BenchmarkScripts(b *testing.B) {
	for _, name := range scripts {
		b.Run(name, func(b *testing.B) {
			path := name + ".pyish"
			if err := execScript(path); err != nil {
				b.Skipf("%s: %v", path, lastLine(err.Error()))
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := execScript(path); err != nil {
					b.Fatalf("%s: %v", path, err)
				}
			}
		})
	}
}

// BenchmarkParked runs async_parked.pyish with 10,000 tasks parked on one
// Event: task creation, parking and a mass wake-up.
func BenchmarkParked(b *testing.B) {
	const path = "async_parked.pyish"
	args := []string{path, "10000"}
	if err := execScript(path, args...); err != nil {
		b.Skipf("%s: %v", path, lastLine(err.Error()))
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := execScript(path, args...); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
	}
}

// BenchmarkParse5000 parses the benchmark scripts concatenated and repeated to
// at least 5,000 lines (bench/run.sh builds the same text for CPython's
// ast.parse).
func BenchmarkParse5000(b *testing.B) {
	src, err := parseInput()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := parser.ParseFile("parse5000.pyish", src); err != nil {
		b.Skipf("parse: %v", lastLine(err.Error()))
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parser.ParseFile("parse5000.pyish", src); err != nil {
			b.Fatal(err)
		}
	}
}

// execScript runs the script at path in a fresh interpreter; args, if given,
// become sys.argv.
func execScript(path string, args ...string) error {
	in := pyish.New(pyish.Options{Stdout: io.Discard, Stderr: io.Discard, Args: args})
	return in.ExecFile(context.Background(), path)
}

// parseInput concatenates bench/*.pyish in name order, whole passes at a time,
// until the text has at least 5,000 lines.
func parseInput() ([]byte, error) {
	files, err := filepath.Glob("*.pyish")
	if err != nil {
		return nil, err
	}
	var texts [][]byte
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		texts = append(texts, t)
	}
	if len(texts) == 0 {
		return nil, os.ErrNotExist
	}
	var out []byte
	lines := 0
	for lines < 5000 {
		for _, t := range texts {
			out = append(out, t...)
			lines += strings.Count(string(t), "\n")
		}
	}
	return out, nil
}

// lastLine returns the last non-empty line of s (a traceback's summary).
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
