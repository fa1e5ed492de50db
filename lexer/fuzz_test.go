package lexer

import (
	"errors"
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// FuzzTokenize checks that the lexer and the string helpers never panic,
// that every error is a positioned *Error, and that a successful stream
// balances Indent and Dedent and ends with EOF.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "x = 1\n", "if x:\n    y\nz\n", "def f(a, b=2):\n\treturn a+b\n",
		"x = (1,\n 2]\n", "  x\n", "if a:\n  b\n c\n", "x = 'abc\n", "'''\nabc",
		"0x_1f 0o17 0b1 1_000.5e-3j .5 1. 012 1__0 0b2", "f'{x!r:>{w}}{y=}{{}}'",
		"rb'\\x41' Br\"\\\\\" u'\\u00e9' '\\N{X}' '\\x4'", "a \\\n b", "a \\ b", "x = €\n",
		"class C:\n  async def m(self):\n    await x\n", "é = λ\n", "\ufeffx\r\ny\rz",
		"f'''{\na\n}''' f'{\"}\"}' f'{a:{b:{c}}}'", "x = [\n# c\n]\n", "\tif x:\n        y\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := Tokenize("f.py", []byte(src))
		if err != nil {
			checkError(t, src, err)
			return
		}
		checkStream(t, src, toks)
		for _, tok := range toks {
			if tok.Type == String {
				checkString(t, tok)
			}
		}
	})
}

// checkError fails unless err is an *Error with a position.
func checkError(t *testing.T, src string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Line <= 0 || e.Col <= 0 || e.Kind == "" || e.Msg == "" {
		t.Fatalf("%q: bad error %#v", src, err)
	}
}

// checkStream checks the layout invariants of a token stream.
func checkStream(t *testing.T, src string, toks []plexer.Token) {
	t.Helper()
	depth := 0
	for i, tok := range toks {
		switch tok.Type {
		case Indent:
			depth++
		case Dedent:
			depth--
		case plexer.EOF:
			if i != len(toks)-1 {
				t.Fatalf("%q: EOF before the end", src)
			}
		}
		if depth < 0 || tok.Pos.Line <= 0 || tok.Pos.Column <= 0 {
			t.Fatalf("%q: bad token %d %#v", src, i, tok)
		}
	}
	if depth != 0 || len(toks) == 0 || toks[len(toks)-1].Type != plexer.EOF {
		t.Fatalf("%q: unbalanced stream", src)
	}
}

// checkString runs the string helpers over one String token.
func checkString(t *testing.T, tok plexer.Token) {
	t.Helper()
	lit, err := DecodeString(tok)
	if err != nil {
		checkError(t, tok.Value, err)
		return
	}
	if !lit.F {
		return
	}
	parts, err := SplitFString(tok)
	if err != nil {
		checkError(t, tok.Value, err)
		return
	}
	checkFields(t, parts)
}

// checkFields lexes every field expression of an f-string.
func checkFields(t *testing.T, parts []FPart) {
	t.Helper()
	for _, p := range parts {
		if p.Expr == "" {
			continue
		}
		if _, err := TokenizeExpr(p.Expr, p.ExprPos); err != nil {
			checkError(t, p.Expr, err)
		}
		checkFields(t, p.Spec)
	}
}
