package runtime

import (
	"strings"
	"testing"
)

func TestStrMethodTable(t *testing.T) {
	th := NewThread()
	for _, c := range strMethodTable {
		m, ok := strMethods[c.method]
		if !ok {
			t.Errorf("no method str.%s", c.method)
			continue
		}
		v, err := m(th, Str(c.self), c.args, nil)
		var got string
		if err != nil {
			got = numErrText(err)
		} else {
			got, err = Repr(th, v)
			if err != nil {
				got = numErrText(err)
			}
		}
		if got != c.want {
			t.Errorf("%q.%s(%v) = %s, want %s", c.self, c.method, c.args, got, c.want)
		}
	}
}

func TestStrRepr(t *testing.T) {
	cases := []struct{ s, want string }{
		{"a", "'a'"}, {"it's", `"it's"`}, {`say "hi"`, `'say "hi"'`}, {`it's "x"`, `'it\'s "x"'`},
		{"\n\t\r\\", `'\n\t\r\\'`}, {"\x00\x7f", `'\x00\x7f'`}, {"é", "'é'"}, {"\u200b", `'\u200b'`},
		{"\u00a0", `'\xa0'`}, {"\U0001F600", "'\U0001F600'"}, {"\U000e0001", `'\U000e0001'`}, {"", "''"},
	}
	for _, c := range cases {
		if got := StrRepr(c.s); got != c.want {
			t.Errorf("StrRepr(%q) = %s, want %s", c.s, got, c.want)
		}
	}
}

func TestStrIndexing(t *testing.T) {
	th := NewThread()
	for _, s := range []string{"hello", "héllo wörld"} {
		v := Str(s)
		rs := []rune(s)
		for i := -len(rs); i < len(rs); i++ {
			c, err := GetItem(th, v, Int(int64(i)))
			j := i
			if j < 0 {
				j += len(rs)
			}
			if got, _ := AsString(c); err != nil || got != string(rs[j]) {
				t.Errorf("%q[%d] = %q, %v", s, i, got, err)
			}
		}
		if _, err := GetItem(th, v, Int(int64(len(rs)))); err == nil || !strings.Contains(numErrText(err), "string index out of range") {
			t.Errorf("%q[len]: %v", s, err)
		}
		sl, err := GetItem(th, v, NewSlice(None, None, Int(-1)))
		got, _ := AsString(sl)
		if err != nil || got != reverseRunes(rs) {
			t.Errorf("%q[::-1] = %q, %v", s, got, err)
		}
		sl, _ = GetItem(th, v, NewSlice(Int(1), Int(-1), Int(2)))
		got, _ = AsString(sl)
		want := ""
		for k := 1; k < len(rs)-1; k += 2 {
			want += string(rs[k])
		}
		if got != want {
			t.Errorf("%q[1:-1:2] = %q, want %q", s, got, want)
		}
	}
}

func reverseRunes(rs []rune) string {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return string(out)
}

func TestStrConcatRepeat(t *testing.T) {
	th := NewThread()
	cases := []struct {
		a, b Value
		op   BinaryOp
		want string
	}{
		{Str("ab"), Str("cd"), OpAdd, "'abcd'"},
		{Str("ab"), Int(3), OpMul, "'ababab'"},
		{Int(2), Str("é"), OpMul, "'éé'"},
		{Str("ab"), Int(-1), OpMul, "''"},
		{Str("ab"), Int(1), OpAdd, `TypeError: can only concatenate str (not "int") to str`},
		{Int(1), Str("ab"), OpAdd, "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
		{Str("ab"), Float(1.5), OpMul, "TypeError: can't multiply sequence by non-int of type 'float'"},
		{Str("%d%%"), Int(5), OpMod, "'5%'"},
		{Bytes([]byte("a")), Str("b"), OpAdd, "TypeError: can't concat str to bytes"},
		{Bytes([]byte("a'")), Bytes([]byte{0, 200}), OpAdd, `b"a'\x00\xc8"`},
	}
	for _, c := range cases {
		v, err := Binary(th, c.op, c.a, c.b)
		got := ""
		if err != nil {
			got = numErrText(err)
		} else {
			got, _ = Repr(th, v)
		}
		if got != c.want {
			t.Errorf("%v %v %v = %s, want %s", c.a, c.op, c.b, got, c.want)
		}
	}
}

func TestStrLenAndAllocs(t *testing.T) {
	th := NewThread()
	if n, _ := Len(th, Str("héllo")); n != 5 {
		t.Errorf("len('héllo') = %d", n)
	}
	if n := testing.AllocsPerRun(100, func() { Str("a") }); n != 0 {
		t.Errorf("one-character ASCII str allocates %v", n)
	}
}

func TestStrConcatSharedBuffer(t *testing.T) {
	th := NewThread()
	base := Str(strings.Repeat("x", 200))
	a, _ := Binary(th, OpAdd, base, Str("a"))
	b, _ := Binary(th, OpAdd, a, Str("b"))  // appends in place
	c, _ := Binary(th, OpAdd, a, Str("c"))  // must not clobber b
	d, _ := Binary(th, OpAdd, b, Str("dd")) // b still ends the buffer
	for _, tc := range []struct {
		v    Value
		tail string
	}{{a, "xa"}, {b, "ab"}, {c, "ac"}, {d, "bdd"}} {
		s, _ := AsString(tc.v)
		if !strings.HasSuffix(s, tc.tail) || !strings.HasPrefix(s, strings.Repeat("x", 200)) {
			t.Errorf("got ...%q, want suffix %q", s[190:], tc.tail)
		}
	}
	n := testing.AllocsPerRun(100, func() {
		x := Str(strings.Repeat("y", 300))
		for i := 0; i < 50; i++ {
			x, _ = Binary(th, OpAdd, x, Str("z"))
		}
	})
	if n > 70 {
		t.Errorf("50 appends allocate %v times", n)
	}
}
