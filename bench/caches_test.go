package bench_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestCacheScripts runs testdata/*.pyish, programs that exercise what the
// vm's inline caches and fast paths must keep (rebound and deleted
// globals, shadowed builtins, patched methods, subclasses of built-in
// containers), and compares their output with CPython's (NAME.out,
// recorded with python3.11).
func TestCacheScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.pyish")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".pyish")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(path, ".pyish") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			in := pyish.New(pyish.Options{Stdout: &out, Stderr: io.Discard})
			if err := in.ExecFile(context.Background(), path); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if got := out.String(); got != string(want) {
				t.Errorf("%s: output differs\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
			}
		})
	}
}
