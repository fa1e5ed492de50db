package re

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// This file parses a Python pattern with sre_parse's grammar and writes
// the RE2 pattern that means the same.

// Flag values, as in CPython's re module.
const (
	flagTemplate   = 1
	flagIgnoreCase = 2
	flagLocale     = 4
	flagMultiline  = 8
	flagDotAll     = 16
	flagUnicode    = 32
	flagVerbose    = 64
	flagDebug      = 128
	flagASCII      = 256

	// flagBytes marks a bytes pattern for translate (never a Python flag).
	flagBytes = 1 << 20
)

// dollarMark stands for a `$` without MULTILINE in a translated pattern;
// it is replaced by `\z` or `(?m:$)` depending on the subject. A raw NUL
// never appears otherwise: literals are written as escapes.
const dollarMark = "\x00"

// patternError is a re.error: a message and the position it points at.
type patternError struct {
	msg      string
	pos      int
	overflow bool // an OverflowError, not a re.error
}

// refusal is a construct pyish does not translate.
type refusal struct{ what string }

// translation is a parsed pattern.
type translation struct {
	re2      string // RE2 syntax, with dollarMark for non-MULTILINE `$`
	flags    int    // the pattern's flags, inline global flags included
	groups   int
	names    map[string]int
	nameOf   []string // group index → name ("" unnamed); index 0 unused
	parent   []int    // group index → enclosing group (0: none)
	boundary bool     // uses \b or \B with Unicode rules
	dollar   bool     // uses `$` without MULTILINE
	refused  *refusal // first unsupported construct found
	context  bool     // uses ^ \A \b \B: a search from pos needs the character before it
}

// parser holds the state of one parse.
type parser struct {
	src   []rune
	pos   int
	flags int // global flags
	t     *translation
	open  []int // groups being parsed
	clip  bool  // cut sets to ASCII
	bytes bool  // a bytes pattern (Latin-1 characters, ASCII classes)
}

// ascii reports whether classes and case folding follow ASCII rules.
func (p *parser) ascii(f int) bool { return f&flagASCII != 0 || p.bytes }

// set writes a character set for RE2.
func (p *parser) set(s rangeSet) string {
	if p.clip {
		s = s.clipASCII()
	}
	return s.re2()
}

// atom is one translated item of a sequence.
type atom struct {
	text     string
	at       bool // an assertion (^ $ \A \Z \b \B): cannot be repeated
	repeated bool
	nullable bool // can match the empty string
	captures bool // holds a capturing group
}

// translate parses pattern with the given flags. With clip, every set is
// cut to ASCII: the program for ASCII subjects, where that changes no
// answer and makes RE2's classes small.
func translate(pattern string, flags int, clip bool) (*translation, *patternError) {
	p := &parser{src: []rune(pattern), flags: flags &^ flagBytes, bytes: flags&flagBytes != 0, clip: clip, t: &translation{names: map[string]int{}, nameOf: []string{""}, parent: []int{0}}}
	var out string
	err := p.catch(func() {
		out = p.parseTop()
	})
	if err != nil {
		return nil, err
	}
	p.t.re2 = out
	p.t.flags = p.flags
	if p.flags&flagASCII == 0 && p.flags&flagLocale == 0 && !p.bytes {
		p.t.flags |= flagUnicode
	}
	return p.t, nil
}

// catch runs f, turning a panicked *patternError into a result.
func (p *parser) catch(f func()) (err *patternError) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*patternError)
			if !ok {
				panic(r)
			}
			err = pe
		}
	}()
	f()
	return nil
}

// fail raises re.error at pos.
func (p *parser) fail(pos int, format string, args ...any) {
	panic(&patternError{msg: fmt.Sprintf(format, args...), pos: pos})
}

// refuse records an unsupported construct; parsing goes on so that a
// later syntax error is still reported as CPython does.
func (p *parser) refuse(what string) {
	if p.t.refused == nil {
		p.t.refused = &refusal{what}
	}
}

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func (p *parser) peek() rune {
	if p.eof() {
		return -1
	}
	return p.src[p.pos]
}

func (p *parser) next() rune {
	c := p.peek()
	p.pos++
	return c
}

func (p *parser) match(c rune) bool {
	if p.peek() == c {
		p.pos++
		return true
	}
	return false
}

// parseTop parses the whole pattern.
func (p *parser) parseTop() string {
	out, _ := p.parseAlt(-1, true)
	if !p.eof() {
		// Only a ')' stops parseAlt early.
		p.fail(p.pos, "unbalanced parenthesis")
	}
	return out
}

// parseAlt parses alternatives separated by '|' up to ')' or the end.
func (p *parser) parseAlt(scoped int, top bool) (string, atom) {
	var parts []string
	info := atom{}
	for i := 0; ; i++ {
		s, a := p.parseSeq(scoped, top && i == 0)
		parts = append(parts, s)
		info.nullable = info.nullable || a.nullable
		info.captures = info.captures || a.captures
		if !p.match('|') {
			break
		}
	}
	return strings.Join(parts, "|"), info
}

// parseSeq parses one alternative. first says whether global flags may
// still appear (the start of the pattern).
func (p *parser) parseSeq(scoped int, first bool) (string, atom) {
	var items []atom
	for {
		if p.eff(scoped)&flagVerbose != 0 && p.skipVerbose() {
			continue
		}
		if p.eof() || p.peek() == '|' || p.peek() == ')' {
			break
		}
		start := p.pos
		c := p.next()
		switch c {
		case '*', '+', '?', '{':
			if !p.repeat(c, start, items) {
				items = append(items, p.literal(c, scoped))
			}
		case '(':
			if a, ok := p.group(start, scoped, first && len(items) == 0); ok {
				items = append(items, a)
			}
		case '[':
			items = append(items, p.class(start, scoped))
		case '.':
			if p.eff(scoped)&flagDotAll != 0 {
				items = append(items, atom{text: `(?s:.)`})
			} else {
				items = append(items, atom{text: `[^\n]`})
			}
		case '^':
			p.t.context = true
			if p.eff(scoped)&flagMultiline != 0 {
				items = append(items, atom{text: `(?m:^)`, at: true, nullable: true})
			} else {
				items = append(items, atom{text: `\A`, at: true, nullable: true})
			}
		case '$':
			items = append(items, p.dollar(scoped))
		case '\\':
			items = append(items, p.escape(start, scoped))
		default:
			items = append(items, p.literal(c, scoped))
		}
	}
	return joinSeq(items)
}

// joinSeq concatenates a sequence's atoms.
func joinSeq(items []atom) (string, atom) {
	var b strings.Builder
	info := atom{nullable: true}
	for _, a := range items {
		b.WriteString(a.text)
		info.nullable = info.nullable && a.nullable
		info.captures = info.captures || a.captures
	}
	return b.String(), info
}

// eff is the flag set in a scope: scoped, or the global flags when
// scoped is -1 (outside any flag group).
func (p *parser) eff(scoped int) int {
	if scoped < 0 {
		return p.flags
	}
	return scoped
}

// skipVerbose skips whitespace and a comment in verbose mode.
func (p *parser) skipVerbose() bool {
	c := p.peek()
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		p.pos++
		return true
	case '#':
		for !p.eof() && p.next() != '\n' {
		}
		return true
	}
	return false
}

func (p *parser) dollar(scoped int) atom {
	if p.eff(scoped)&flagMultiline != 0 {
		return atom{text: `(?m:$)`, at: true, nullable: true}
	}
	p.t.dollar = true
	return atom{text: dollarMark, at: true, nullable: true}
}

// literal is one character, folded under IGNORECASE.
func (p *parser) literal(c rune, scoped int) atom {
	f := p.eff(scoped)
	if f&flagIgnoreCase != 0 {
		set := foldSet(rangeSet{{c, c}}, p.ascii(f))
		if len(set) != 1 || set[0].lo != set[0].hi {
			return atom{text: p.set(set)}
		}
	}
	return atom{text: quoteRune(c)}
}

// quoteRune writes c for RE2: letters and digits as themselves, the rest
// as \x{...}.
func quoteRune(c rune) string {
	if c < 0x80 && (c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return string(c)
	}
	return `\x{` + strconv.FormatInt(int64(c), 16) + `}`
}

// repeat applies a quantifier to the last item; it reports false when a
// '{' does not start a valid quantifier and is a literal.
func (p *parser) repeat(c rune, start int, items []atom) bool {
	lo, hi := 0, -1
	switch c {
	case '+':
		lo = 1
	case '?':
		hi = 1
	case '{':
		var ok bool
		if lo, hi, ok = p.braces(start); !ok {
			return false
		}
	}
	if len(items) == 0 || items[len(items)-1].at {
		p.fail(start, "nothing to repeat")
	}
	last := &items[len(items)-1]
	if last.repeated {
		p.fail(start, "multiple repeat")
	}
	suffix := ""
	if p.match('?') {
		suffix = "?"
	} else if p.match('+') {
		p.refuse("possessive quantifier " + string(p.src[start:p.pos]))
	}
	if lo > 1000 || hi > 1000 {
		p.refuse("repeat count above 1000 " + string(p.src[start:p.pos]))
	}
	if last.nullable && last.captures && hi != 1 && hi != 0 {
		p.refuse("a repeated group that can match the empty string")
	}
	last.text = "(?:" + last.text + ")" + quant(lo, hi) + suffix
	last.repeated = true
	last.nullable = last.nullable || lo == 0
	return true
}

// quant writes a repeat count in RE2 syntax.
func quant(lo, hi int) string {
	switch {
	case lo == 0 && hi == -1:
		return "*"
	case lo == 1 && hi == -1:
		return "+"
	case lo == 0 && hi == 1:
		return "?"
	case hi == -1:
		return fmt.Sprintf("{%d,}", lo)
	case lo == hi:
		return fmt.Sprintf("{%d}", lo)
	}
	return fmt.Sprintf("{%d,%d}", lo, hi)
}

// maxRepeat is sre's MAXREPEAT.
const maxRepeat = 4294967295

// braces parses {m,n} after its '{' (start is the brace's position).
func (p *parser) braces(start int) (lo, hi int, ok bool) {
	if p.peek() == '}' {
		return 0, 0, false
	}
	los := p.digits()
	his := los
	if p.match(',') {
		his = p.digits()
	}
	if !p.match('}') {
		p.pos = start + 1
		return 0, 0, false
	}
	lo, hi = 0, -1
	if los != "" {
		lo = p.count(los)
	}
	if his != "" {
		hi = p.count(his)
		if hi < lo {
			p.fail(start+1, "min repeat greater than max repeat")
		}
	}
	return lo, hi, true
}

func (p *parser) digits() string {
	s := p.pos
	for !p.eof() && p.peek() >= '0' && p.peek() <= '9' {
		p.pos++
	}
	return string(p.src[s:p.pos])
}

// count converts a repeat count; CPython raises OverflowError past
// MAXREPEAT, which pyish reports the same way.
func (p *parser) count(s string) int {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n >= maxRepeat {
		panic(&patternError{msg: "the repetition number is too large", overflow: true})
	}
	return int(n)
}
