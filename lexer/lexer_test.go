package lexer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// dump renders tokens as "Type:value" words, layout tokens by name only.
func dump(toks []plexer.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch t.Type {
		case Newline, Indent, Dedent, plexer.EOF:
			b.WriteString(TypeName(t.Type))
		case Op, Name:
			b.WriteString(t.Value)
		default:
			fmt.Fprintf(&b, "%s:%s", TypeName(t.Type), t.Value)
		}
	}
	return b.String()
}

func lexOK(t *testing.T, src string) []plexer.Token {
	t.Helper()
	toks, err := Tokenize("t.py", []byte(src))
	if err != nil {
		t.Fatalf("Tokenize(%q): %v", src, err)
	}
	return toks
}

func TestTokenStreams(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "EOF"},
		{"\n\n  \n# c\n", "EOF"},
		{"x = 1\n", "x = Int:1 Newline EOF"},
		{"x = 1", "x = Int:1 Newline EOF"},
		{"if x:\n    y\n", "Keyword:if x : Newline Indent y Newline Dedent EOF"},
		{"if x:\n    y", "Keyword:if x : Newline Indent y Newline Dedent EOF"},
		{"if a:\n  if b:\n    c\nd\n", "Keyword:if a : Newline Indent Keyword:if b : Newline Indent c Newline Dedent Dedent d Newline EOF"},
		{"if a:\n  if b:\n    c\n  e\n", "Keyword:if a : Newline Indent Keyword:if b : Newline Indent c Newline Dedent e Newline Dedent EOF"},
		{"if a:\n\n   # comment\n  b\n\n  c\n", "Keyword:if a : Newline Indent b Newline c Newline Dedent EOF"},
		{"if a:\n\tb\n", "Keyword:if a : Newline Indent b Newline Dedent EOF"},
		{"x = (1,\n  2)\n", "x = ( Int:1 , Int:2 ) Newline EOF"},
		{"x = [\n\n# c\n]\n", "x = [ ] Newline EOF"},
		{"x = 1 + \\\n  2\n", "x = Int:1 + Int:2 Newline EOF"},
		{"x = 1  # c\ny\n", "x = Int:1 Newline y Newline EOF"},
		{"a\r\nb\r\n", "a Newline b Newline EOF"},
		{"\ufeffx\n", "x Newline EOF"},
		{"match case type _ λ x1 _a e\u0301 x\u00b7y\n", "match case type _ λ x1 _a e\u0301 x\u00b7y Newline EOF"},
		{"if a:\n\f  b\n\x0c\n", "Keyword:if a : Newline Indent b Newline Dedent EOF"},
		{"x = 1\n  y\n", "x = Int:1 Newline Indent y Newline Dedent EOF"},
		{"if a:\n  \t b\n", "Keyword:if a : Newline Indent b Newline Dedent EOF"},
		{"def f(): pass\n", "Keyword:def f ( ) : Keyword:pass Newline EOF"},
		{"True False None and not or is in lambda await async\n",
			"Keyword:True Keyword:False Keyword:None Keyword:and Keyword:not Keyword:or Keyword:is Keyword:in Keyword:lambda Keyword:await Keyword:async Newline EOF"},
	}
	for _, tt := range tests {
		if got := dump(lexOK(t, tt.src)); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestOperators(t *testing.T) {
	src := "( ) [ ] { } , : ; . ... = -> += -= *= /= //= %= **= >>= <<= &= ^= |= @= @ + - * / // % ** << >> & | ^ ~ < > <= >= == != := !"
	toks := lexOK(t, src)
	want := strings.Fields(src)
	if len(toks) != len(want)+2 {
		t.Fatalf("got %d tokens: %s", len(toks), dump(toks))
	}
	for i, w := range want {
		if toks[i].Type != Op || toks[i].Value != w {
			t.Errorf("token %d = %s %q, want Op %q", i, TypeName(toks[i].Type), toks[i].Value, w)
		}
	}
	if got := dump(lexOK(t, "a.b..c**=-1\n")); got != "a . b . . c **= - Int:1 Newline EOF" {
		t.Errorf("glued operators: %s", got)
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct{ src, want string }{
		{"0 00 0_0 123 1_000 0x1F 0X_ff 0o17 0b1_0", "Int:0 Int:00 Int:0_0 Int:123 Int:1_000 Int:0x1F Int:0X_ff Int:0o17 Int:0b1_0"},
		{"1. .5 1.5 1e5 1E-5 1_000.5e-3 0.0 00.5 09.5 09e1", "Float:1. Float:.5 Float:1.5 Float:1e5 Float:1E-5 Float:1_000.5e-3 Float:0.0 Float:00.5 Float:09.5 Float:09e1"},
		{"3j 1.5J 1e3j 09j", "Imag:3j Imag:1.5J Imag:1e3j Imag:09j"},
		{"1if x else 2", "Int:1 Keyword:if x Keyword:else Int:2"},
		{"1 .real 1..real", "Int:1 . real Float:1. . real"},
		{"$ ? `", "$ ? `"},
	}
	for _, tt := range tests {
		toks := lexOK(t, tt.src)
		if got := dump(toks[:len(toks)-2]); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestStringTokens(t *testing.T) {
	tests := []string{
		`'a'`, `"a"`, `'''a'b''c'''`, `"""a"b""c"""`, `r'\'\\'`, `b'x'`, `B"x"`, `u'x'`, `U'x'`,
		`f'{x}'`, `F"x"`, `rb'x'`, `bR'x'`, `Rb'x'`, `BR'x'`, `fr'x'`, `rF'x'`, `'a\'b'`, `"a\"b"`,
		"'a\\\nb'", "'''a\nb'''", `''`, `""""""`,
	}
	for _, src := range tests {
		toks := lexOK(t, src)
		if len(toks) != 3 || toks[0].Type != String || toks[0].Value != src {
			t.Errorf("%q: got %s", src, dump(toks))
		}
	}
	if got := dump(lexOK(t, "x'a' ur'b'\n")); got != "x String:'a' ur String:'b' Newline EOF" {
		t.Errorf("non-prefix names before quotes: %s", got)
	}
}

func TestPositions(t *testing.T) {
	toks := lexOK(t, "if é:\n  x = '''a\nb''' + y\nz\n")
	type pc struct {
		val       string
		line, col int
		off       int
	}
	want := []pc{
		{"if", 1, 1, 0}, {"é", 1, 4, 3}, {":", 1, 5, 5}, {"\n", 1, 6, 6},
		{"  ", 2, 1, 7}, {"x", 2, 3, 9}, {"=", 2, 5, 11}, {"'''a\nb'''", 2, 7, 13},
		{"+", 3, 6, 23}, {"y", 3, 8, 25}, {"\n", 3, 9, 26}, {"", 4, 1, 27}, {"z", 4, 1, 27},
		{"\n", 4, 2, 28}, {"", 5, 1, 29},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %s", dump(toks))
	}
	for i, w := range want {
		p := toks[i].Pos
		if toks[i].Value != w.val || p.Line != w.line || p.Column != w.col || p.Offset != w.off || p.Filename != "t.py" {
			t.Errorf("token %d: %q at %#v, want %q at %d:%d (offset %d)", i, toks[i].Value, p, w.val, w.line, w.col, w.off)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src, want  string
		incomplete bool
	}{
		{"  x=1\n", "t.py:1:3: IndentationError: unexpected indent", false},
		{"if x:\n    a\n  b\n", "t.py:3:3: IndentationError: unindent does not match any outer indentation level", false},
		{"if x:\n\tif y:\n        a\n", "t.py:3:9: TabError: inconsistent use of tabs and spaces in indentation", false},
		{"if x:\n        a\n\tb\n", "t.py:3:2: TabError: inconsistent use of tabs and spaces in indentation", false},
		{"x = (1,\n", "t.py:1:5: SyntaxError: '(' was never closed", true},
		{"x = (1, [2,\n", "t.py:1:9: SyntaxError: '[' was never closed", true},
		{"x = 1)\n", "t.py:1:6: SyntaxError: unmatched ')'", false},
		{"x = (1]\n", "t.py:1:7: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", false},
		{"x = (1,\n2]\n", "t.py:2:2: SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1", false},
		{"x = 'abc\n", "t.py:1:5: SyntaxError: unterminated string literal (detected at line 1)", false},
		{"x = \"abc", "t.py:1:5: SyntaxError: unterminated string literal (detected at line 1)", false},
		{"x = 'abc\\\ndef\n", "t.py:1:5: SyntaxError: unterminated string literal (detected at line 2)", false},
		{"x = 'abc\\\n", "t.py:1:5: SyntaxError: unterminated string literal (detected at line 1)", true},
		{"x = rb'abc\n", "t.py:1:5: SyntaxError: unterminated string literal (detected at line 1)", false},
		{"x = '''abc\n\n", "t.py:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 2)", true},
		{"x = '''abc", "t.py:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 1)", true},
		{"x = 1abc\n", "t.py:1:5: SyntaxError: invalid decimal literal", false},
		{"x = 1_\n", "t.py:1:6: SyntaxError: invalid decimal literal", false},
		{"x = 1__0\n", "t.py:1:6: SyntaxError: invalid decimal literal", false},
		{"x = 1e\n", "t.py:1:5: SyntaxError: invalid decimal literal", false},
		{"x = 1e+\n", "t.py:1:7: SyntaxError: invalid decimal literal", false},
		{"x = 0x\n", "t.py:1:6: SyntaxError: invalid hexadecimal literal", false},
		{"x = 0x1g\n", "t.py:1:7: SyntaxError: invalid hexadecimal literal", false},
		{"x = 0o8\n", "t.py:1:7: SyntaxError: invalid digit '8' in octal literal", false},
		{"x = 0b12\n", "t.py:1:8: SyntaxError: invalid digit '2' in binary literal", false},
		{"x = 012\n", "t.py:1:5: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", false},
		{"x = 1jx\n", "t.py:1:6: SyntaxError: invalid imaginary literal", false},
		{"x = €\n", "t.py:1:5: SyntaxError: invalid character '€' (U+20AC)", false},
		{"x = \u00a0\n", "t.py:1:5: SyntaxError: invalid non-printable character U+00A0", false},
		{"x = $ + 'a\n", "t.py:1:9: SyntaxError: unterminated string literal (detected at line 1)", false},
		{"    \\ x\n", "t.py:1:6: SyntaxError: unexpected character after line continuation character", false},
		{"    \\\n", "t.py:1:6: SyntaxError: unexpected EOF while parsing", true},
		{"    \\\nx\n", "t.py:1:5: IndentationError: unexpected indent", false},
		{"x = \x7f\n", "t.py:1:5: SyntaxError: invalid non-printable character U+007F", false},
		{"x = 1 + \\\n", "t.py:1:10: SyntaxError: unexpected EOF while parsing", true},
		{"x = 1 + \\", "t.py:1:10: SyntaxError: unexpected EOF while parsing", true},
		{"x = 1 + \\ 2\n", "t.py:1:10: SyntaxError: unexpected character after line continuation character", false},
		{"x\x00", "t.py:1:2: SyntaxError: source code cannot contain null bytes", false},
		{"x\ny\x00", "t.py:2:2: SyntaxError: source code cannot contain null bytes", false},
		{"x = 1\n'\xff'", "t.py:2:2: SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", false},
		{strings.Repeat("(", 201), "t.py:1:201: SyntaxError: too many nested parentheses", false},
		{deepIndent(101), "t.py:101:101: IndentationError: too many levels of indentation", false},
	}
	for _, tt := range tests {
		_, err := Tokenize("t.py", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want *Error", tt.src, err)
			continue
		}
		deferred := e.Kind != KindSyntax || tt.incomplete && !strings.Contains(e.Msg, "unterminated")
		if e.Deferred() != deferred {
			t.Errorf("%q: Deferred() = %v", tt.src, e.Deferred())
		}
		if e.Error() != tt.want || e.Incomplete() != tt.incomplete {
			t.Errorf("%q:\n got %s (incomplete %v)\nwant %s (incomplete %v)", tt.src, e, e.Incomplete(), tt.want, tt.incomplete)
		}
	}
}

// deepIndent returns n nested if statements.
func deepIndent(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	return b.String() + strings.Repeat(" ", n) + "pass\n"
}

func TestLexerDefinition(t *testing.T) {
	syms := Lexer.Symbols()
	for _, name := range []string{"EOF", "Newline", "Indent", "Dedent", "Name", "Keyword", "Int", "Float", "Imag", "String", "Op"} {
		if _, ok := syms[name]; !ok {
			t.Errorf("Symbols() lacks %s", name)
		}
	}
	if syms["EOF"] != plexer.EOF || syms["Dedent"] == plexer.EOF {
		t.Errorf("bad symbol values: %v", syms)
	}
	lx, err := Lexer.Lex("r.py", strings.NewReader("x\n"))
	if err != nil {
		t.Fatal(err)
	}
	toks, err := plexer.ConsumeAll(lx)
	if err != nil || dump(toks) != "x Newline EOF" {
		t.Errorf("Lex: %s, %v", dump(toks), err)
	}
	lx, _ = Lexer.(plexer.StringDefinition).LexString("s.py", "x = (\n")
	if _, err := plexer.ConsumeAll(lx); err == nil || !strings.Contains(err.Error(), "was never closed") {
		t.Errorf("LexString error: %v", err)
	}
}

func TestPartialTokens(t *testing.T) {
	toks, err := Tokenize("t.py", []byte("x = 1\nif y:\n    z\n  w = 'a\n"))
	if err == nil || dump(toks) != "x = Int:1 Newline Keyword:if y : Newline Indent z Newline" {
		t.Errorf("got %s, %v", dump(toks), err)
	}
}
