package runtime

import (
	"strings"
	"testing"
)

// TestPlainKeyEqual compares keys of every length around the word sizes
// that differ in each single byte, and the keys plainKeyEqual must leave
// to the general comparison.
func TestPlainKeyEqual(t *testing.T) {
	for n := 0; n <= 20; n++ {
		text := strings.Repeat("k", n)
		s := newString(text)
		same := Str(strings.Clone(text))
		if eq, ok := plainKeyEqual(same, s); !ok || !eq {
			t.Errorf("n=%d: equal text: eq %v ok %v", n, eq, ok)
		}
		for i := 0; i < n; i++ {
			other := []byte(text)
			other[i] = 'j'
			if eq, ok := plainKeyEqual(Str(string(other)), s); !ok || eq {
				t.Errorf("n=%d: byte %d differs: eq %v ok %v", n, i, eq, ok)
			}
		}
		if eq, ok := plainKeyEqual(Str(text+"x"), s); !ok || eq {
			t.Errorf("n=%d: longer key: eq %v ok %v", n, eq, ok)
		}
	}
	if _, ok := plainKeyEqual(Int(1), newString("abcd")); ok {
		t.Error("an int key was compared as a str")
	}
	sub := Obj(&String{s: "abcd", x: &strExtra{ascii: true, sub: &subclassed{}}})
	if _, ok := plainKeyEqual(sub, newString("abcd")); ok {
		t.Error("a str subclass key was compared as an exact str")
	}
}
