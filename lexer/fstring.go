// This file splits f-string tokens into literal text and replacement fields,
// following CPython 3.11 (fstring_find_literal and fstring_find_expr).

package lexer

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// FPart is a piece of an f-string: literal text, or a replacement field.
type FPart struct {
	Literal    string          // decoded text, when Expr == ""
	Expr       string          // source text of the expression inside {}, blanks included
	ExprPos    plexer.Position // file position of Expr's first byte
	Debug      string          // for {x=}: the text "x=" as written (with blanks) to prepend; "" otherwise
	Conversion byte            // 0, 'r', 's' or 'a'; 'r' for {x=} without conversion and spec
	Spec       []FPart         // format spec pieces (literals and nested fields); nil when there is no ':'
}

// maxFNesting is the deepest field nesting: {x:{y}} is allowed, {x:{y:{z}}} not.
const maxFNesting = 2

// fsplitter is the state of one SplitFString call.
type fsplitter struct {
	tok  plexer.Token
	body string
	off  int // offset of body in the token text
	raw  bool
	i    int // next byte of body
}

// SplitFString splits an f-string token into parts: {{ and }} are literal
// braces; a field is {expr[=][!conv][:spec]}; the expression ends at the
// first '!' (not "!="), ':', '=' (not "==") or '}' outside brackets and
// quotes. Escapes in literal parts are decoded unless the string is raw.
//
// On error the parts found so far come back too, including the field being
// scanned once its expression is complete (with the spec parts found so
// far). CPython compiles each expression as soon as it has found its end,
// so a syntax error in one of those expressions takes precedence.
func SplitFString(tok plexer.Token) ([]FPart, error) {
	l := splitLiteral(tok.Value)
	f := &fsplitter{tok: tok, body: l.body, off: l.bodyOff, raw: l.Raw}
	parts, err := f.parts(0)
	if err == nil && f.i < len(f.body) {
		err = f.errorf(f.i, "f-string: single '}' is not allowed")
	}
	return parts, err
}

// errorf builds a SyntaxError at byte i of the body.
func (f *fsplitter) errorf(i int, format string, args ...any) error {
	return posError(f.tok, f.off+i, format, args...)
}

// parts scans literals and fields until the end of the body, or, inside a
// format spec (level > 0), until the '}' that closes the field.
func (f *fsplitter) parts(level int) ([]FPart, error) {
	var parts []FPart
	for {
		lit, err := f.literal(level)
		if err != nil {
			return parts, err
		}
		if lit != "" {
			parts = append(parts, FPart{Literal: lit})
		}
		if f.i >= len(f.body) || f.body[f.i] == '}' {
			return parts, nil
		}
		field, err := f.field(level + 1)
		if field.Expr != "" {
			parts = append(parts, field)
		}
		if err != nil {
			return parts, err
		}
	}
}

// literal scans literal text up to a field or the end and returns it
// decoded. At the top level {{ and }} are braces and a single } is an error;
// in a spec a } ends the spec.
func (f *fsplitter) literal(level int) (string, error) {
	var b strings.Builder
	start := f.i
	for f.i < len(f.body) {
		c := f.body[f.i]
		if c == '\\' && !f.raw {
			f.skipEscape()
			continue
		}
		if c != '{' && c != '}' {
			f.i++
			continue
		}
		if level > 0 || f.i+1 >= len(f.body) || f.body[f.i+1] != c {
			if level == 0 && c == '}' {
				return "", f.errorf(f.i, "f-string: single '}' is not allowed")
			}
			break
		}
		if err := f.appendDecoded(&b, start, f.i+1); err != nil {
			return "", err
		}
		f.i += 2
		start = f.i
	}
	if err := f.appendDecoded(&b, start, f.i); err != nil {
		return "", err
	}
	return b.String(), nil
}

// skipEscape moves past a backslash and the character it escapes, keeping
// \N{...} whole; a brace after the backslash is left for literal.
func (f *fsplitter) skipEscape() {
	f.i++
	if f.i >= len(f.body) {
		return
	}
	switch f.body[f.i] {
	case '{', '}':
		return
	case 'N':
		if f.i+1 < len(f.body) && f.body[f.i+1] == '{' {
			if end := strings.IndexByte(f.body[f.i:], '}'); end >= 0 {
				f.i += end + 1
				return
			}
		}
	}
	f.i++
}

// appendDecoded decodes body[from:to] onto b.
func (f *fsplitter) appendDecoded(b *strings.Builder, from, to int) error {
	if from >= to {
		return nil
	}
	s, err := decodeBody(f.tok, f.body[from:to], f.off+from, f.raw, false)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// field scans a replacement field; f.i is at its '{'.
func (f *fsplitter) field(level int) (FPart, error) {
	if level > maxFNesting {
		return FPart{}, f.errorf(f.i, "f-string: expressions nested too deeply")
	}
	f.i++
	start := f.i
	end, err := f.exprEnd()
	if err != nil {
		return FPart{}, err
	}
	expr := f.body[start:end]
	if strings.TrimSpace(expr) == "" {
		if c := f.body[end]; c != '}' {
			return FPart{}, f.errorf(end, "f-string: expression required before '%c'", c)
		}
		return FPart{}, f.errorf(end, "f-string: empty expression not allowed")
	}
	part := FPart{Expr: expr, ExprPos: positionIn(f.tok, f.off+start)}
	if f.body[f.i] == '=' {
		f.i++
		for f.i < len(f.body) && isSpace(f.body[f.i]) {
			f.i++
		}
		part.Debug = f.body[start:f.i]
	}
	return part, f.fieldTail(&part, level)
}

// fieldTail scans the optional !conversion and :spec and the closing '}'.
func (f *fsplitter) fieldTail(part *FPart, level int) error {
	if f.i < len(f.body) && f.body[f.i] == '!' {
		f.i++
		if f.i >= len(f.body) {
			return f.errorf(f.i, "f-string: expecting '}'")
		}
		switch c := f.body[f.i]; c {
		case 's', 'r', 'a':
			part.Conversion = c
			f.i++
		default:
			return f.errorf(f.i, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	if f.i < len(f.body) && f.body[f.i] == ':' {
		f.i++
		spec, err := f.parts(level)
		part.Spec = spec
		if part.Spec == nil {
			part.Spec = []FPart{}
		}
		if err != nil {
			return err
		}
	}
	if f.i >= len(f.body) || f.body[f.i] != '}' {
		return f.errorf(f.i, "f-string: expecting '}'")
	}
	f.i++
	if part.Debug != "" && part.Conversion == 0 && part.Spec == nil {
		part.Conversion = 'r'
	}
	return nil
}

// exprEnd scans the expression of a field from f.i and returns where it
// ends, leaving f.i there: at a top-level '!', ':', '=' or '}'.
func (f *fsplitter) exprEnd() (int, error) {
	var stack []byte
	for f.i < len(f.body) {
		c := f.body[f.i]
		switch c {
		case '\\':
			return 0, f.errorf(f.i, "f-string expression part cannot include a backslash")
		case '#':
			return 0, f.errorf(f.i, "f-string expression part cannot include '#'")
		case '\'', '"':
			if err := f.skipQuoted(); err != nil {
				return 0, err
			}
			continue
		case '(', '[', '{':
			if len(stack) >= maxBrackets {
				return 0, f.errorf(f.i, "f-string: too many nested parenthesis")
			}
			stack = append(stack, c)
		case ')', ']', '}':
			if c == '}' && len(stack) == 0 {
				return f.i, nil
			}
			if err := f.closeBracket(&stack, c); err != nil {
				return 0, err
			}
		case '!', '=', '<', '>', ':':
			if len(stack) > 0 {
				break
			}
			if byteAt(f.body, f.i+1) == '=' && c != ':' {
				f.i += 2
				continue
			}
			if c != '<' && c != '>' {
				return f.i, nil
			}
		}
		f.i++
	}
	if n := len(stack); n > 0 {
		return 0, f.errorf(f.i, "f-string: unmatched '%c'", stack[n-1])
	}
	return 0, f.errorf(f.i, "f-string: expecting '}'")
}

// closeBracket pops the bracket that c closes inside a field expression.
func (f *fsplitter) closeBracket(stack *[]byte, c byte) error {
	n := len(*stack)
	if n == 0 {
		return f.errorf(f.i, "f-string: unmatched '%c'", c)
	}
	if open := (*stack)[n-1]; open != opening(c) {
		return f.errorf(f.i, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, open)
	}
	*stack = (*stack)[:n-1]
	return nil
}

// skipQuoted skips a string literal inside a field expression.
func (f *fsplitter) skipQuoted() error {
	q := f.body[f.i]
	n := 1
	if byteAt(f.body, f.i+1) == q && byteAt(f.body, f.i+2) == q {
		n = 3
	}
	start := f.i
	f.i += n
	for f.i < len(f.body) {
		switch c := f.body[f.i]; {
		case c == '\\':
			return f.errorf(f.i, "f-string expression part cannot include a backslash")
		case c == q && (n == 1 || byteAt(f.body, f.i+1) == q && byteAt(f.body, f.i+2) == q):
			f.i += n
			return nil
		}
		f.i++
	}
	return f.errorf(start, "f-string: unterminated string")
}

// isSpace reports whether c is ASCII whitespace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
