package runtime

import "testing"

func TestClosestName(t *testing.T) {
	for _, c := range []struct {
		wrong      string
		candidates []string
		c, py      string // suggestions.c's answer and traceback.py's
	}{
		{"prnt", []string{"print", "sorted"}, "print", "print"},
		{"sqr", []string{"sin", "sqrt"}, "sqrt", "sqrt"},
		{"PI", []string{"e", "pi"}, "pi", ""}, // traceback.py caps the distance at len-1
		{"valeu", []string{"value", "valeu"}, "value", "value"},
		{"abc", []string{"xyz"}, "", ""},
		{"Volume", []string{"volume", "column"}, "volume", "volume"},
		{"apend", []string{"append", "extend"}, "append", "append"},
	} {
		if got := closestName(c.wrong, c.candidates); got != c.c {
			t.Errorf("closestName(%q, %q) = %q, want %q", c.wrong, c.candidates, got, c.c)
		}
		if got := pyClosestName(c.wrong, c.candidates); got != c.py {
			t.Errorf("pyClosestName(%q, %q) = %q, want %q", c.wrong, c.candidates, got, c.py)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"kitten", "sitting", 6}, // two substitutions and an insertion, 2 each
		{"abc", "ABC", 3},        // three case changes, 1 each
		{"", "abc", 6},
		{"same", "same", 0},
	} {
		if got := levenshtein([]byte(c.a), []byte(c.b), 100, substitutionCost); got != c.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := levenshtein([]byte("abcdef"), []byte("uvwxyz"), 3, substitutionCost); got != 4 {
		t.Errorf("past maxCost: got %d, want maxCost+1 = 4", got)
	}
}
