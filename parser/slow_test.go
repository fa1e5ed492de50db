package parser

import (
	"strings"
	"testing"
	"time"
)

// TestSlowInputs checks that large or deeply nested inputs take linear time.
func TestSlowInputs(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("(", 199) + strings.Repeat(")", 199),
		strings.Repeat("[", 199) + strings.Repeat("]", 199),
		strings.Repeat("{", 199) + strings.Repeat("}", 199),
		"with " + strings.Repeat("(", 199) + "a" + strings.Repeat(")", 199) + ": pass\n",
		"match " + strings.Repeat("(", 199) + "a" + strings.Repeat(")", 199) + "\n",
		strings.Repeat("-", 5000) + "1",
		strings.Repeat("not ", 5000) + "1",
		strings.Repeat("lambda: ", 5000) + "1",
		strings.Repeat("a if b else ", 5000) + "1",
		strings.Repeat("x.", 50000) + "y",
		strings.Repeat("f()", 50000),
		strings.Repeat("a + ", 50000) + "1",
		strings.Repeat("a ** ", 5000) + "1",
		strings.Repeat("x = ", 50000) + "1",
		strings.Repeat("f(", 199) + strings.Repeat(")", 199),
		strings.Repeat("f'{", 3) + "x" + strings.Repeat("}'", 3),
		strings.Repeat("if x:\n", 1) + strings.Repeat(" ", 1) + "pass\n",
		strings.Repeat("\n", 100000),
		strings.Repeat("\"a\" ", 50000),
		strings.Repeat("f'{x}' ", 20000),
	} {
		start := time.Now()
		ParseFile("s", []byte(s))
		ParseExpr("s", []byte(s))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%.40q...: %v", s, d)
		}
	}
}
