package re

import (
	"strconv"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file parses and expands replacement templates (sub's repl,
// Match.expand), as re._parser.parse_template.

// template is literal text and group references.
type template struct {
	pieces []piece
}

// piece is literal text (group < 0) or a group's text.
type piece struct {
	lit   string
	group int
}

// templateEscapes are the one-character escapes of a template.
var templateEscapes = map[rune]string{'a': "\a", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t", 'v': "\v", '\\': "\\"}

// parseTemplate parses src against p's groups.
func (p *Pattern) parseTemplate(src string, srcVal value) (*template, error) {
	tp := &templateParser{src: []rune(src), pat: p}
	err := (&parser{}).catch(tp.parse)
	if err != nil {
		return nil, p.mod.newError(err.msg, srcVal, err.pos)
	}
	if tp.unknownName != "" {
		return nil, p.mod.indexError("unknown group name '" + tp.unknownName + "'")
	}
	tp.flush()
	return &tp.t, nil
}

type templateParser struct {
	src         []rune
	pos         int
	pat         *Pattern
	t           template
	lit         strings.Builder
	unknownName string
}

func (tp *templateParser) fail(pos int, msg string) {
	panic(&patternError{msg: msg, pos: pos})
}

func (tp *templateParser) flush() {
	if tp.lit.Len() > 0 {
		tp.t.pieces = append(tp.t.pieces, piece{lit: tp.lit.String(), group: -1})
		tp.lit.Reset()
	}
}

func (tp *templateParser) addGroup(g, pos int) {
	if g > tp.pat.eng.t.groups {
		tp.fail(pos, "invalid group reference "+strconv.Itoa(g))
	}
	tp.flush()
	tp.t.pieces = append(tp.t.pieces, piece{group: g})
}

func (tp *templateParser) peek() rune {
	if tp.pos < len(tp.src) {
		return tp.src[tp.pos]
	}
	return -1
}

func (tp *templateParser) parse() {
	for tp.pos < len(tp.src) && tp.unknownName == "" {
		c := tp.src[tp.pos]
		tp.pos++
		if c != '\\' {
			tp.lit.WriteRune(c)
			continue
		}
		tp.escape(tp.pos - 1)
	}
}

// escape parses one backslash escape starting at start.
func (tp *templateParser) escape(start int) {
	c := tp.peek()
	if c == -1 {
		tp.fail(start, "bad escape (end of pattern)")
	}
	tp.pos++
	switch {
	case c == 'g':
		tp.named()
	case c == '0':
		n := 0
		for i := 0; i < 2 && isOct(tp.peek()); i++ {
			n = n*8 + int(tp.src[tp.pos]-'0')
			tp.pos++
		}
		tp.lit.WriteRune(rune(n & 0xff))
	case c >= '1' && c <= '9':
		tp.number(start, c)
	default:
		if s, ok := templateEscapes[c]; ok {
			tp.lit.WriteString(s)
		} else if c < 0x80 && (c|0x20 >= 'a' && c|0x20 <= 'z') {
			tp.fail(start, "bad escape \\"+string(c))
		} else {
			tp.lit.WriteRune('\\')
			tp.lit.WriteRune(c)
		}
	}
}

// number parses \N, \NN or a three-digit octal escape.
func (tp *templateParser) number(start int, c rune) {
	digits := string(c)
	if d := tp.peek(); d >= '0' && d <= '9' {
		tp.pos++
		digits += string(d)
		if isOct(c) && isOct(d) && isOct(tp.peek()) {
			digits += string(tp.src[tp.pos])
			tp.pos++
			n, _ := strconv.ParseInt(digits, 8, 32)
			if n > 0o377 {
				tp.fail(start, "octal escape value \\"+digits+" outside of range 0-0o377")
			}
			tp.lit.WriteRune(rune(n))
			return
		}
	}
	g, _ := strconv.Atoi(digits)
	tp.addGroup(g, start+1)
}

// named parses \g<name> or \g<number> after the 'g'.
func (tp *templateParser) named() {
	if tp.peek() != '<' {
		tp.fail(tp.pos, "missing <")
	}
	tp.pos++
	s := tp.pos
	for {
		c := tp.peek()
		if c == -1 {
			if tp.pos == s {
				tp.fail(tp.pos, "missing group name")
			}
			tp.fail(s, "missing >, unterminated name")
		}
		tp.pos++
		if c == '>' {
			break
		}
	}
	name := string(tp.src[s : tp.pos-1])
	if name == "" {
		tp.fail(s, "missing group name")
	}
	if isASCIIDecimal(name) {
		g, err := strconv.Atoi(name)
		if err != nil || g >= 1<<30 {
			tp.fail(s, "invalid group reference "+name)
		}
		tp.addGroup(g, s)
		return
	}
	if !isIdentifier(name) {
		tp.fail(s, "bad character in group name "+runtime.StrRepr(name))
	}
	g, ok := tp.pat.eng.t.names[name]
	if !ok {
		tp.unknownName = name
		return
	}
	tp.addGroup(g, s)
}

func isASCIIDecimal(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// usesGroups reports whether the template refers to a group other than 0.
func (t *template) usesGroups() bool {
	for _, pc := range t.pieces {
		if pc.group > 0 {
			return true
		}
	}
	return false
}

// expand writes the template for m; unmatched groups are empty.
func (t *template) expand(m *Match) string {
	if len(t.pieces) == 1 && t.pieces[0].group < 0 {
		return t.pieces[0].lit
	}
	var b strings.Builder
	for _, pc := range t.pieces {
		if pc.group < 0 {
			b.WriteString(pc.lit)
			continue
		}
		if a := m.spans[2*pc.group]; a >= 0 {
			b.WriteString(m.sub.s[m.sub.off(a):m.sub.off(m.spans[2*pc.group+1])])
		}
	}
	return b.String()
}
