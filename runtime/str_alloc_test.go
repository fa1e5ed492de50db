package runtime

import (
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestStrBuilt checks that strs built by concatenation, join and replace
// at every inline size (and past it) hold the right text, length in code
// points and ASCII flag, and hash like the same text made by Str.
func TestStrBuilt(t *testing.T) {
	for _, n := range []int{1, 2, 15, 16, 17, 31, 32, 33, 48, 49, 64, 65, 95, 96, 97, 127, 128, 300} {
		for _, tail := range []string{"x", "é"} {
			a := strings.Repeat("a", n)
			want := a + tail
			got := []Value{
				concatStr(newString(a), newString(tail)),
				mustJoin(t, newString(""), []Value{Str(a), Str(tail)}),
				mustReplace(t, newString(a+"_"), "_", tail),
			}
			for i, v := range got {
				s := v.o.(*String)
				if s.s != want || s.runeCount() != utf8.RuneCountInString(want) || s.isASCII() != strIsASCII(want) {
					t.Errorf("case %d, n=%d tail %q: got %q (len %d, ascii %v)", i, n, tail, s.s, s.runeCount(), s.isASCII())
				}
				if s.cachedHash() != StrHash(want) {
					t.Errorf("case %d, n=%d: hash differs from StrHash", i, n)
				}
			}
		}
	}
}

// TestConcatBuffer checks that strings sharing a growable buffer keep
// their own text when both are extended.
func TestConcatBuffer(t *testing.T) {
	base := concatStr(newString(strings.Repeat("b", 200)), newString("c")).o.(*String)
	x := concatStr(base, newString("X")).o.(*String)
	y := concatStr(base, newString("Yé")).o.(*String)
	z := concatStr(x, newString("Z")).o.(*String)
	for _, c := range []struct {
		s    *String
		tail string
		n    int
	}{{base, "c", 201}, {x, "cX", 202}, {y, "cYé", 203}, {z, "XZ", 203}} {
		if !strings.HasSuffix(c.s.s, c.tail) || c.s.runeCount() != c.n {
			t.Errorf("got ...%q (len %d), want suffix %q, len %d", c.s.s[195:], c.s.runeCount(), c.tail, c.n)
		}
	}
	if y.isASCII() || !z.isASCII() {
		t.Errorf("ascii flags: y %v z %v", y.isASCII(), z.isASCII())
	}
}

func mustJoin(t *testing.T, sep *String, items []Value) Value {
	v, err := joinStrs(sep, items)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustReplace(t *testing.T, s *String, old, nw string) Value {
	v, err := replaceStr(s, newString(old), newString(nw), -1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPlainStrGC keeps strs built in unscanned memory (allocPlain) alive
// only through Values and Go strings while the collector runs and the
// heap is reused, then checks their text. Run it under
// GODEBUG=gccheckmark=1 to have the collector verify its marking.
func TestPlainStrGC(t *testing.T) {
	const n = 20000
	vals := make([]Value, n)
	texts := make([]string, n)
	for round := 0; round < 3; round++ {
		for i := range vals {
			a := strings.Repeat("k", i%90+1)
			v := concatStr(newString(a), newString("!"))
			if i%2 == 0 {
				vals[i] = v
			} else {
				texts[i] = v.o.(*String).s // only the bytes are held
			}
			if i%5000 == 0 {
				goruntime.GC()
			}
		}
		goruntime.GC()
		for i := range vals {
			want := strings.Repeat("k", i%90+1) + "!"
			got := texts[i]
			if i%2 == 0 {
				got = vals[i].o.(*String).s
			}
			if got != want {
				t.Fatalf("round %d, str %d: got %q, want %q", round, i, got, want)
			}
		}
	}
}

// TestSplitPartsGC keeps a few of a split's short parts, which share
// unscanned chunks, alive through Values or Go strings alone while the
// collector runs and the heap is reused, then checks their text, length
// and hash.
func TestSplitPartsGC(t *testing.T) {
	words := make([]string, 5000)
	for i := range words {
		words[i] = strings.Repeat(string(rune('a'+i%26)), i%(copyPart+4)+2) // some past copyPart
	}
	text := newString(strings.Join(words, " "))
	var vals []Value
	var texts []string
	for round := 0; round < 4; round++ {
		parts := splitSep(text, " ", len(words)).o.(*List).Items
		for i, p := range parts {
			switch {
			case i%7 == round:
				vals = append(vals, p)
			case i%11 == round:
				texts = append(texts, p.o.(*String).s)
			}
		}
		goruntime.GC()
	}
	goruntime.GC()
	check := func(got string, want string) {
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	k := 0
	for round := 0; round < 4; round++ {
		for i, w := range words {
			if i%7 == round {
				s := vals[k].o.(*String)
				check(s.s, w)
				if s.cachedHash() != StrHash(w) || s.runeCount() != len(w) || !s.isASCII() {
					t.Fatalf("part %q: bad hash, length or ASCII flag", w)
				}
				k++
			}
		}
	}
	k = 0
	for round := 0; round < 4; round++ {
		for i, w := range words {
			if i%7 != round && i%11 == round {
				check(texts[k], w)
				k++
			}
		}
	}
}

// TestStrOpAllocs keeps the allocation budget of common str operations:
// a split's parts of up to copyPart bytes share one allocation (up to
// partChunk of them) and the list is one more, one-character parts and str() of small ints
// cost none, and a short result of a method call or a chain of
// concatenations shares a chunk with others (arenaAlloc), under one
// allocation each.
func TestStrOpAllocs(t *testing.T) {
	th := NewThread()
	call := func(name string, self Value, args ...Value) func() {
		m, _ := StrType.Lookup(name)
		fn := m.Object().(*BuiltinMethod).Fn
		return func() { _, _ = fn(th, self, args, nil) }
	}
	short := Str("w12_3")
	chain := []Value{Str("w"), StrFromInt(12), Str("_"), Str("3")}
	cases := []struct {
		name string
		fn   func()
		want float64
	}{
		{"split into one-character parts", call("split", Str("a,b,c,d,e,f,g,h"), Str(",")), 1},
		{"split into short parts", call("split", Str("w12_3,w12_3,w12_3"), Str(",")), 2},
		{"upper", call("upper", short), 0},
		{"replace", call("replace", short, Str("_"), Str("-")), 0},
		{"startswith", call("startswith", short, Str("w1")), 0},
		{"str(999)", func() { _ = StrFromInt(999) }, 0},
		{"chain w + 12 + _ + 3", func() {
			_ = ConcatChainAdd(th, chain[:2])
			_ = ConcatChainAdd(th, chain[:3])
			_, _ = ConcatChainEnd(th, chain)
		}, 0},
		{"upper of 49 characters", call("upper", Str(strings.Repeat("a", arenaPlainMax+1))), 1},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(100, c.fn); got != c.want {
			t.Errorf("%s: %v allocations, want %v", c.name, got, c.want)
		}
	}
}

// TestArenaConcurrent builds short strs on several goroutines at once,
// which carve the same chunks, and checks that none overwrote another
// (run it with -race too).
func TestArenaConcurrent(t *testing.T) {
	const workers, n = 4, 20000
	got := make([][]Value, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				a := strings.Repeat(string(rune('a'+w)), i%arenaPlainMax+1)
				got[w] = append(got[w], concatStr(newString(a), newString(strconv.Itoa(i))))
			}
		}()
	}
	wg.Wait()
	goruntime.GC()
	for w := range workers {
		for i, v := range got[w] {
			want := strings.Repeat(string(rune('a'+w)), i%arenaPlainMax+1) + strconv.Itoa(i)
			if s := v.o.(*String); s.s != want || s.cachedHash() != StrHash(want) {
				t.Fatalf("worker %d, str %d: got %q, want %q", w, i, s.s, want)
			}
		}
	}
}

// TestJoinLarge checks the one-pass join of many items against
// strings.Join, with estimates that fall short and ones that overshoot.
func TestJoinLarge(t *testing.T) {
	for _, n := range []int{joinOnePass + 1, 1000, 5000} {
		for _, c := range []struct{ sep, short, long string }{{",", "a", "bbbbbbbbbbbbbbbbbbbbbbbb"}, {"é", "xy", "z"}, {"", "", "q"}} {
			items := make([]Value, n)
			texts := make([]string, n)
			for i := range items {
				texts[i] = c.short
				if i > n/2 { // longer items than the sample suggests for half of them
					texts[i] = c.long
				}
				items[i] = Str(texts[i])
			}
			want := strings.Join(texts, c.sep)
			s := mustJoin(t, newString(c.sep), items).o.(*String)
			if s.s != want || s.runeCount() != utf8.RuneCountInString(want) || s.isASCII() != strIsASCII(want) || s.cachedHash() != StrHash(want) {
				t.Errorf("n=%d sep %q: got len %d (runes %d, ascii %v), want len %d", n, c.sep, len(s.s), s.runeCount(), s.isASCII(), len(want))
			}
		}
	}
}
