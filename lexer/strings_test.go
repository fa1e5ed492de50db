package lexer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// stringToken lexes src, which must hold exactly one String token.
func stringToken(t *testing.T, src string) plexer.Token {
	t.Helper()
	toks := lexOK(t, src)
	if len(toks) != 3 || toks[0].Type != String {
		t.Fatalf("%q: not one string: %s", src, dump(toks))
	}
	return toks[0]
}

func TestDecodeString(t *testing.T) {
	tests := []struct {
		src, want        string
		bytes, raw, fstr bool
	}{
		{`'abc'`, "abc", false, false, false},
		{`"a'b"`, "a'b", false, false, false},
		{`'\n\t\\\'\"\a\b\f\v\r'`, "\n\t\\'\"\a\b\f\v\r", false, false, false},
		{`'\x41\101\0\7\777'`, "AA\x00\x07\u01ff", false, false, false},
		{`'\u00e9\U0001F600é'`, "é😀é", false, false, false},
		{`'\q\ '`, `\q\ `, false, false, false},
		{"'a\\\nb'", "ab", false, false, false},
		{"'''a\r\nb\rc'''", "a\nb\nc", false, false, false},
		{`r'\n\''`, `\n\'`, false, true, false},
		{"r'a\\\nb'", "a\\\nb", false, true, false},
		{`b'\x41\xff\777\u1234'`, "A\xff\xff\\u1234", true, false, false},
		{`Rb'\x41'`, `\x41`, true, true, false},
		{`u'x'`, "x", false, false, false},
		{`f'{x}'`, "", false, false, true},
		{`rF'{x}'`, "", false, true, true},
		{`''''''`, "", false, false, false},
	}
	for _, tt := range tests {
		lit, err := DecodeString(stringToken(t, tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		want := StringLit{Value: tt.want, Bytes: tt.bytes, Raw: tt.raw, F: tt.fstr}
		if lit != want {
			t.Errorf("%s: got %#v, want %#v", tt.src, lit, want)
		}
	}
}

func TestDecodeStringErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = b'é'", "t.py:1:5: SyntaxError: bytes can only contain ASCII literal characters"},
		{`x = '\x4'`, `t.py:1:6: SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
		{`x = '\u12'`, `t.py:1:6: SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape`},
		{`x = 'ab\U00110000'`, `t.py:1:8: SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-11: illegal Unicode character`},
		{`x = b'\x4'`, `t.py:1:7: SyntaxError: (value error) invalid \x escape at position 0`},
		{"x = '''\n\\N{BULLET}'''", `t.py:2:1: SyntaxError: (unicode error) \N{...} escapes are not supported by pyish`},
		{`'\ud800'`, `t.py:1:2: SyntaxError: (unicode error) lone surrogates such as \ud800 are not supported by pyish`},
	}
	for _, tt := range tests {
		toks := lexOK(t, tt.src)
		_, err := DecodeString(toks[len(toks)-3])
		var e *Error
		if !errors.As(err, &e) || e.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

// fdump renders f-string parts compactly: literals quoted, fields in braces.
func fdump(parts []FPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Expr == "" {
			fmt.Fprintf(&b, "%q", p.Literal)
			continue
		}
		fmt.Fprintf(&b, "{%q", p.Expr)
		if p.Debug != "" {
			fmt.Fprintf(&b, " debug=%q", p.Debug)
		}
		if p.Conversion != 0 {
			fmt.Fprintf(&b, " !%c", p.Conversion)
		}
		if p.Spec != nil {
			fmt.Fprintf(&b, " :[%s]", fdump(p.Spec))
		}
		fmt.Fprintf(&b, " @%d:%d}", p.ExprPos.Line, p.ExprPos.Column)
	}
	return b.String()
}

func TestSplitFString(t *testing.T) {
	tests := []struct{ src, want string }{
		{`f''`, ``},
		{`f'abc'`, `"abc"`},
		{`f'a{x}b'`, `"a"{"x" @1:5}"b"`},
		{`f'{{}}{{x}}'`, `"{}{x}"`},
		{`f'a}}b{{c'`, `"a}b{c"`},
		{`f'{ x }'`, `{" x " @1:4}`},
		{`f'{x!r}{y!s}{z!a}'`, `{"x" !r @1:4}{"y" !s @1:9}{"z" !a @1:14}`},
		{`f'{x:>10}'`, `{"x" :[">10"] @1:4}`},
		{`f'{x:}'`, `{"x" :[] @1:4}`},
		{`f'{x!r:^{w}.{p}f}'`, `{"x" !r :["^"{"w" @1:10}"."{"p" @1:14}"f"] @1:4}`},
		{`f'{x=}'`, `{"x" debug="x=" !r @1:4}`},
		{`f'{x = }'`, `{"x " debug="x = " !r @1:4}`},
		{`f'{x=!s}'`, `{"x" debug="x=" !s @1:4}`},
		{`f'{x=:>4}'`, `{"x" debug="x=" :[">4"] @1:4}`},
		{`f'{x!=3}{x==3}{x<=3=}{a>b}'`, `{"x!=3" @1:4}{"x==3" @1:10}{"x<=3" debug="x<=3=" !r @1:16}{"a>b" @1:23}`},
		{`f'{x:=5}'`, `{"x" :["=5"] @1:4}`},
		{`f'{(x:=5)}'`, `{"(x:=5)" @1:4}`},
		{`f'{d["k"]}{ {1: 2}[1] }{f(a, b=1)!r}'`, `{"d[\"k\"]" @1:4}{" {1: 2}[1] " @1:12}{"f(a, b=1)" !r @1:25}`},
		{`f"{'}'}"`, `{"'}'" @1:4}`},
		{`f'\n\x41{x}\t'`, `"\nA"{"x" @1:10}"\t"`},
		{`rf'\n{x}'`, `"\\n"{"x" @1:7}`},
		{`f'\{x}'`, `"\\"{"x" @1:5}`},
		{`f'\\{x}'`, `"\\"{"x" @1:6}`},
		{`f'{x:\x41}'`, `{"x" :["A"] @1:4}`},
		{"f'''a\n{\nx\n}'''", `"a\n"{"\nx\n" @2:2}`},
		{`f'é{x}'`, `"é"{"x" @1:5}`},
		{`rf'\N{x}'`, `"\\N"{"x" @1:7}`},
		{"f'''a\r\n{x}'''", `"a\n"{"x" @2:2}`},
	}
	for _, tt := range tests {
		parts, err := SplitFString(stringToken(t, tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if got := fdump(parts); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestSplitFStringErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`f'}'`, "1:3: SyntaxError: f-string: single '}' is not allowed"},
		{`f'{{}'`, "1:5: SyntaxError: f-string: single '}' is not allowed"},
		{`f'{'`, "1:4: SyntaxError: f-string: expecting '}'"},
		{`f'{x'`, "1:5: SyntaxError: f-string: expecting '}'"},
		{`f'{x!'`, "1:6: SyntaxError: f-string: expecting '}'"},
		{`f'{x:'`, "1:6: SyntaxError: f-string: expecting '}'"},
		{`f'{x!r }'`, "1:7: SyntaxError: f-string: expecting '}'"},
		{`f'{x!r=}'`, "1:7: SyntaxError: f-string: expecting '}'"},
		{`f'{x!z}'`, "1:6: SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'"},
		{`f'{}'`, "1:4: SyntaxError: f-string: empty expression not allowed"},
		{`f'{ }'`, "1:5: SyntaxError: f-string: empty expression not allowed"},
		{`f'{!r}'`, "1:4: SyntaxError: f-string: expression required before '!'"},
		{`f'{=}'`, "1:4: SyntaxError: f-string: expression required before '='"},
		{`f'{ :x}'`, "1:5: SyntaxError: f-string: expression required before ':'"},
		{`f'{x[:{{}}'`, "1:11: SyntaxError: f-string: unmatched '['"},
		{`f'{)}'`, "1:4: SyntaxError: f-string: unmatched ')'"},
		{`f'{[}'`, "1:5: SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '['"},
		{`f'{a\n}'`, "1:5: SyntaxError: f-string expression part cannot include a backslash"},
		{`f'{"\n"}'`, "1:5: SyntaxError: f-string expression part cannot include a backslash"},
		{`f'{a#}'`, "1:5: SyntaxError: f-string expression part cannot include '#'"},
		{`f'{"abc}'`, "1:4: SyntaxError: f-string: unterminated string"},
		{`f'{a:{b:{c}}}'`, "1:9: SyntaxError: f-string: expressions nested too deeply"},
		{`f'{a}\N{BULLET}{b}'`, "1:6: SyntaxError: (unicode error) \\N{...} escapes are not supported by pyish"},
		{`f'\x4{a}'`, "1:3: SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"},
	}
	for _, tt := range tests {
		_, err := SplitFString(stringToken(t, tt.src))
		var e *Error
		if !errors.As(err, &e) || e.Error() != "t.py:"+tt.want {
			t.Errorf("%s:\n got %v\nwant t.py:%s", tt.src, err, tt.want)
		}
	}
}

func TestTokenizeExpr(t *testing.T) {
	tok := stringToken(t, "f'''\n{ a +\n  b[1] }'''")
	parts, err := SplitFString(tok)
	if err != nil || len(parts) != 2 {
		t.Fatalf("split: %v %s", err, fdump(parts))
	}
	toks, err := TokenizeExpr(parts[1].Expr, parts[1].ExprPos)
	if err != nil {
		t.Fatal(err)
	}
	if got := dump(toks); got != "a + b [ Int:1 ] EOF" {
		t.Errorf("tokens: %s", got)
	}
	if p := toks[0].Pos; p.Line != 2 || p.Column != 3 || p.Offset != 7 {
		t.Errorf("a at %#v", p)
	}
	if p := toks[2].Pos; p.Line != 3 || p.Column != 3 || p.Offset != 13 {
		t.Errorf("b at %#v", p)
	}
	for _, src := range []string{"a)", "(a", "1abc", "x €"} {
		if _, err := TokenizeExpr(src, plexer.Position{Filename: "t.py", Line: 1, Column: 4}); err == nil {
			t.Errorf("TokenizeExpr(%q): no error", src)
		}
	}
}

func TestSplitFStringPartial(t *testing.T) {
	// CPython compiles "a b" before it sees the bad conversion, so the
	// parser needs the fields scanned before the error.
	parts, err := SplitFString(stringToken(t, `f'x{y}{a b!z}'`))
	if err == nil || fdump(parts) != `"x"{"y" @1:5}{"a b" @1:8}` {
		t.Errorf("got %s, %v", fdump(parts), err)
	}
	parts, err = SplitFString(stringToken(t, `f'{x:>{w{}}'`))
	if err == nil || fdump(parts) != `{"x" :[">"{"w{}" @1:8}] @1:4}` {
		t.Errorf("got %s, %v", fdump(parts), err)
	}
}
