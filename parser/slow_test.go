package parser

import (
	"strings"
	"testing"
)

// TestSlowInputs checks that large or deeply nested inputs cost linear
// work: doubling the input may at most about double the allocations (a
// backtracking or quadratic parser re-allocates its nodes). Allocation
// counts are deterministic, unlike wall time on a shared machine.
func TestSlowInputs(t *testing.T) {
	type shape struct {
		prefix, unit, suffix string
		n                    int
	}
	for _, s := range []shape{
		{"", "(", "", 99}, // closed below by mirrored suffixes
		{"", "-", "1", 1000},
		{"", "not ", "1", 1000},
		{"", "lambda: ", "1", 1000},
		{"", "a if b else ", "1", 1000},
		{"", "x.", "y", 8000},
		{"", "f()", "", 8000},
		{"", "a + ", "1", 8000},
		{"", "a ** ", "1", 1000},
		{"", "x = ", "1", 8000},
		{"", "\n", "", 20000},
		{"", "\"a\" ", "", 8000},
		{"", "f'{x}' ", "", 4000},
	} {
		build := func(n int) string {
			src := s.prefix + strings.Repeat(s.unit, n) + s.suffix
			if s.unit == "(" {
				src += strings.Repeat(")", n)
			}
			return src
		}
		small, large := build(s.n), build(2*s.n)
		a := testing.AllocsPerRun(1, func() { ParseFile("s", []byte(small)); ParseExpr("s", []byte(small)) })
		b := testing.AllocsPerRun(1, func() { ParseFile("s", []byte(large)); ParseExpr("s", []byte(large)) })
		if b > 2.5*a+100 {
			t.Errorf("%.30q... x%d: %.0f allocations, x%d: %.0f (more than linear)", s.unit, s.n, a, 2*s.n, b)
		}
	}
}

// TestDeepNestingFinishes parses deeply nested and odd inputs once each:
// none may hang or panic (the old exponential shapes of DESIGN.md).
func TestDeepNestingFinishes(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("[", 199) + strings.Repeat("]", 199),
		strings.Repeat("{", 199) + strings.Repeat("}", 199),
		"with " + strings.Repeat("(", 199) + "a" + strings.Repeat(")", 199) + ": pass\n",
		"match " + strings.Repeat("(", 199) + "a" + strings.Repeat(")", 199) + "\n",
		strings.Repeat("f(", 199) + strings.Repeat(")", 199),
		strings.Repeat("f'{", 3) + "x" + strings.Repeat("}'", 3),
		"if x:\n pass\n",
	} {
		ParseFile("s", []byte(s))
		ParseExpr("s", []byte(s))
	}
}
