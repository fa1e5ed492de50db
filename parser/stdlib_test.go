package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdlibMatchesCPython compares trees for CPython's own library when
// PYISH_STDLIB names its directory (it is slow: an opt-in check).
func TestStdlibMatchesCPython(t *testing.T) {
	dir := os.Getenv("PYISH_STDLIB")
	if dir == "" {
		t.Skip("set PYISH_STDLIB=/usr/lib/python3.11")
	}
	var files []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".py") && !strings.Contains(path, "site-packages") &&
			!strings.Contains(path, "lib2to3/tests/data") && !strings.Contains(path, "bad") {
			files = append(files, path)
		}
		return nil
	})
	want := cpythonDumps(t, files)
	refused := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		got, err := goDump(f, src)
		w := want[f]
		if got == w {
			continue
		}
		if e, ok := err.(*Error); ok && strings.Contains(e.Msg, "not supported") {
			refused++
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		t.Errorf("%s: %s", f, firstDiff(got, w))
	}
	t.Logf("%d files, %d refused (unsupported features)", len(files), refused)
}
