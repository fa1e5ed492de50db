package parser

// This file benchmarks parsing a generated 5,000-line program.

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchSource generates about n lines of realistic Python: classes with
// methods, functions with loops and comprehensions, f-strings, try blocks.
func benchSource(n int) []byte {
	var b strings.Builder
	b.WriteString("import asyncio\nfrom collections import defaultdict as dd\n\n")
	for i := 0; strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, benchUnit, i, i, i, i, i, i)
	}
	return []byte(b.String())
}

const benchUnit = `
class Shape%d(Base, metaclass=Meta):
    """A shape with an area."""
    count = 0

    def __init__(self, w, h=1.5, *args, scale=2, **kw):
        self.w = w
        self.h = h
        self.items = [x * scale for x in args if x > 0]
        Shape%d.count += 1

    @property
    def area(self) -> float:
        return self.w * self.h / 2 + (self.w ** 2 - 3) // 4

    def describe(self, prefix=""):
        parts = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        return f"{prefix}{type(self).__name__}(w={self.w!r}, h={self.h:.2f}) {parts}"


def compute_%d(data, limit=10):
    total, seen = 0, set()
    for i, value in enumerate(data):
        if value in seen or i > limit:
            continue
        elif value %% 2 == 0 and not value < 0:
            total += value * 2
        else:
            total -= value
        seen.add(value)
    while total > 100:
        total = total - 7 if total %% 3 else total // 2
    try:
        result = data[1:-1:2][0]
    except (IndexError, KeyError) as exc:
        result = None
    finally:
        pass
    return total, result, [s for s in sorted(seen, key=lambda s: -s)][:3]


async def fetch_%d(session, urls):
    results = dd(list)
    async with session.lock as guard:
        for url in urls:
            data = await session.get(url, timeout=5)
            results[url].append(data)
    return {u: len(r) for u, r in results.items()}


def gen_%d(n):
    x = yield n
    while x is not None:
        x = yield x + 1
    yield from range(n)
    assert n >= 0, "negative"
    del x
    return [(a, b) for a in range(n) for b in range(a) if a != b]


VALUE_%d = compute_0([1, 2, 3], limit=-1) if True else {"a": 1, **{}}
`

// BenchmarkParse5000 parses a generated 5,000-line file. Set
// PYISH_BENCH_OUT to a path to also write the file, for timing CPython's
// ast.parse on it.
func BenchmarkParse5000(b *testing.B) {
	src := benchSource(5000)
	if out := os.Getenv("PYISH_BENCH_OUT"); out != "" {
		if err := os.WriteFile(out, src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := ParseFile("bench.py", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFile("bench.py", src); err != nil {
			b.Fatal(err)
		}
	}
}
