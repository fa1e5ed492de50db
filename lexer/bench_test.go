package lexer

import (
	"fmt"
	"strings"
	"testing"
)

// benchSource generates a Python file of about n lines mixing classes,
// functions, loops, literals, comments and brackets.
func benchSource(n int) []byte {
	var b strings.Builder
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, `# Section %d: a class with methods.
class Point%d(Base):
    """A point, number %d."""

    def __init__(self, x=0, y=0.5):
        self.x = x  # horizontal
        self.y = y

    async def move(self, dx, dy, *, scale=1_000):
        await sleep(0)
        for i in range(10):
            if i %% 2 == 0 and not self.done:
                self.x += dx * scale ** 2
            elif i > 5:
                self.y -= dy / 3.25e-3
            else:
                continue
        return {"x": self.x, 'y': self.y, "pts": [p for p in (1, 2, 3)]}

    def __repr__(self):
        return f"Point%d({self.x!r}, {self.y:.2f})" + r'\d+' + b'\x00'.hex()


`, i, i, i, i)
	}
	return []byte(b.String())
}

func BenchmarkTokenize(b *testing.B) {
	src := benchSource(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Tokenize("bench.py", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchSource(t *testing.T) {
	toks := lexOK(t, string(benchSource(5000)))
	if len(toks) < 20000 {
		t.Errorf("only %d tokens", len(toks))
	}
}
