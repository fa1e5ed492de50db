package re

import (
	"strings"
	"testing"
)

// TestRefused checks that each construct RE2 cannot give exactly is
// refused with a message naming it.
func TestRefused(t *testing.T) {
	cases := map[string]string{
		`(a)\1`:          `backreference \1`,
		`(?P<x>a)(?P=x)`: `backreference (?P=x)`,
		`a(?=b)`:         `lookahead (?=...)`,
		`a(?!b)`:         `lookahead (?!...)`,
		`(?<=a)b`:        `lookbehind (?<=...)`,
		`(?<!a)b`:        `lookbehind (?<!...)`,
		`(a)?(?(1)b|c)`:  `conditional`,
		`(?>a+)`:         `atomic group`,
		`a*+`:            `possessive quantifier *+`,
		`a{2,3}+`:        `possessive quantifier {2,3}+`,
		`a{1001}`:        `repeat count above 1000`,
		`(a|)+`:          `repeated group that can match the empty string`,
		`\N{DIGIT ONE}`:  `\N{...}`,
		`[^a\W]`:         `\W inside a negated set`,
	}
	for pat, want := range cases {
		tr, err := translate(pat, 0, false)
		if err != nil {
			t.Errorf("%q: unexpected re.error %q", pat, err.msg)
			continue
		}
		if tr.refused == nil || !strings.Contains(tr.refused.what, want) {
			t.Errorf("%q: refusal %+v, want %q", pat, tr.refused, want)
		}
	}
}

// TestSupported checks that common patterns are translated, not refused.
func TestSupported(t *testing.T) {
	for _, pat := range []string{`(a*)b`, `(?:a|)+`, `(a)+`, `[\w\s]+`, `[^\d\s]`, `[a\W]`, `\bx\B`, `^a$`, `(?i)straße`, `(?x) a # c`} {
		tr, err := translate(pat, 0, false)
		if err != nil || tr.refused != nil {
			t.Errorf("%q: err %v refused %+v", pat, err, tr)
		}
	}
}

// TestSubjectOffsets checks the code point ↔ byte conversion.
func TestSubjectOffsets(t *testing.T) {
	s := newSubject("aé中b")
	if s.ascii || s.n != 4 {
		t.Fatalf("subject %+v", s)
	}
	for i, b := range []int{0, 1, 3, 6, 7} {
		if s.off(i) != b || s.index(b) != i {
			t.Errorf("cp %d: off %d index %d, want %d", i, s.off(i), s.index(b), b)
		}
	}
	if a := newSubject("abc"); !a.ascii || a.off(2) != 2 || a.index(3) != 3 {
		t.Errorf("ascii subject %+v", a)
	}
}

// TestFoldSet checks IGNORECASE's sets against CPython's answers.
func TestFoldSet(t *testing.T) {
	cases := []struct {
		c    rune
		want string
	}{{'k', "Kk\u212a"}, {'s', "Ss\u017f"}, {'i', "Ii\u0130\u0131"}, {'\u03c3', "\u03a3\u03c2\u03c3"}}
	for _, tc := range cases {
		got := foldSet(rangeSet{{tc.c, tc.c}}, false)
		var b strings.Builder
		for _, r := range got {
			for c := r.lo; c <= r.hi; c++ {
				b.WriteRune(c)
			}
		}
		if b.String() != tc.want {
			t.Errorf("fold %q = %q, want %q", tc.c, b.String(), tc.want)
		}
	}
}
