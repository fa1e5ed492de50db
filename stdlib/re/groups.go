package re

import (
	"strings"
	"unicode"
)

// This file parses groups: capturing, named, non-capturing, flags,
// comments, and the extensions pyish refuses.

// group parses what follows a '(' at start. ok is false for a group that
// adds nothing (global flags, a comment).
func (p *parser) group(start, scoped int, first bool) (atom, bool) {
	if !p.match('?') {
		return p.capture(start, scoped, ""), true
	}
	c := p.next()
	switch {
	case c == -1:
		p.fail(p.pos-1, "unexpected end of pattern")
	case c == ':':
		return p.sub(start, scoped, "(?:"), true
	case c == 'P':
		return p.groupP(start, scoped)
	case c == '=' || c == '!':
		p.refuse("lookahead (?" + string(c) + "...)")
		return p.sub(start, scoped, "(?:"), true
	case c == '<':
		d := p.next()
		if d != '=' && d != '!' {
			if d == -1 {
				p.fail(p.pos-1, "unexpected end of pattern")
			}
			p.fail(start+1, "unknown extension ?<%c", d)
		}
		p.refuse("lookbehind (?<" + string(d) + "...)")
		return p.sub(start, scoped, "(?:"), true
	case c == '#':
		for {
			if p.eof() {
				p.fail(start, "missing ), unterminated comment")
			}
			if p.next() == ')' {
				return atom{}, false
			}
		}
	case c == '(':
		p.refuse("conditional (?(...)...)")
		for !p.eof() && p.peek() != ')' {
			p.pos++
		}
		p.match(')')
		return p.sub(start, scoped, "(?:"), true
	case c == '>':
		p.refuse("atomic group (?>...)")
		return p.sub(start, scoped, "(?:"), true
	case strings.ContainsRune(flagLetters, c) || c == '-':
		return p.flagGroup(start, scoped, first, c)
	}
	p.fail(start+1, "unknown extension ?%c", c)
	return atom{}, false
}

// groupP parses (?P<name>...) and (?P=name).
func (p *parser) groupP(start, scoped int) (atom, bool) {
	switch p.next() {
	case '<':
		name := p.groupName('>')
		return p.capture(start, scoped, name), true
	case '=':
		name := p.groupName(')')
		if _, ok := p.t.names[name]; !ok {
			p.fail(start+4, "unknown group name '%s'", name)
		}
		p.refuse("backreference (?P=" + name + ")")
		return atom{text: `(?:)`, nullable: true}, true
	case -1:
		p.fail(p.pos-1, "unexpected end of pattern")
	}
	p.fail(start+1, "unknown extension ?P%c", p.src[p.pos-1])
	return atom{}, false
}

// groupName reads a group name up to term.
func (p *parser) groupName(term rune) string {
	s := p.pos
	for {
		if p.eof() {
			p.fail(s, "missing %c, unterminated name", term)
		}
		if p.next() == term {
			break
		}
	}
	name := string(p.src[s : p.pos-1])
	if name == "" {
		p.fail(s, "missing group name")
	}
	if !isIdentifier(name) {
		p.fail(s, "bad character in group name '%s'", name)
	}
	return name
}

// isIdentifier approximates str.isidentifier().
func isIdentifier(s string) bool {
	for i, c := range s {
		ok := c == '_' || unicode.IsLetter(c) || unicode.Is(unicode.Nl, c)
		if i > 0 {
			ok = ok || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Mc, c) || unicode.Is(unicode.Pc, c)
		}
		if !ok {
			return false
		}
	}
	return true
}

// capture parses a capturing group's body.
func (p *parser) capture(start, scoped int, name string) atom {
	t := p.t
	t.groups++
	g := t.groups
	if name != "" {
		if old, ok := t.names[name]; ok {
			p.fail(start+4, "redefinition of group name '%s' as group %d; was group %d", name, g, old)
		}
		t.names[name] = g
	}
	t.nameOf = append(t.nameOf, name)
	parent := 0
	if len(p.open) > 0 {
		parent = p.open[len(p.open)-1]
	}
	t.parent = append(t.parent, parent)
	p.open = append(p.open, g)
	a := p.sub(start, scoped, "(")
	p.open = p.open[:len(p.open)-1]
	a.captures = true
	return a
}

// sub parses a group's alternatives and its ')'.
func (p *parser) sub(start, scoped int, open string) atom {
	text, info := p.parseAlt(scoped, false)
	if !p.match(')') {
		p.fail(start, "missing ), unterminated subpattern")
	}
	info.text = open + text + ")"
	return info
}

const flagLetters = "aiLmsux"

func flagOf(c rune) int {
	switch c {
	case 'a':
		return flagASCII
	case 'i':
		return flagIgnoreCase
	case 'L':
		return flagLocale
	case 'm':
		return flagMultiline
	case 's':
		return flagDotAll
	case 'u':
		return flagUnicode
	case 'x':
		return flagVerbose
	}
	return 0
}

const typeFlags = flagASCII | flagLocale | flagUnicode

// flagGroup parses (?flags) and (?flags-flags:...), as _parse_flags.
func (p *parser) flagGroup(start, scoped int, first bool, c rune) (atom, bool) {
	add, del := 0, 0
	if c != '-' {
		for {
			if c == 'L' && !p.bytes {
				p.fail(p.pos, "bad inline flags: cannot use 'L' flag with a str pattern")
			}
			if c == 'L' {
				p.refuse("the LOCALE flag")
			}
			if c == 'u' && p.bytes {
				p.fail(p.pos, "bad inline flags: cannot use 'u' flag with a bytes pattern")
			}
			f := flagOf(c)
			add |= f
			if f&typeFlags != 0 && add&typeFlags != f {
				p.fail(p.pos, "bad inline flags: flags 'a', 'u' and 'L' are incompatible")
			}
			c = p.next()
			if c == -1 {
				p.fail(p.pos-1, "missing -, : or )")
			}
			if c == ')' || c == '-' || c == ':' {
				break
			}
			if !strings.ContainsRune(flagLetters, c) {
				p.fail(p.pos-1, "%s", unknownFlag(c, "missing -, : or )"))
			}
		}
	}
	if c == ')' {
		if !first {
			p.fail(start, "global flags not at the start of the expression")
		}
		p.flags |= add
		return atom{}, false
	}
	if c == '-' {
		c = p.next()
		if c == -1 {
			p.fail(p.pos-1, "missing flag")
		}
		if !strings.ContainsRune(flagLetters, c) {
			p.fail(p.pos-1, "%s", unknownFlag(c, "missing flag"))
		}
		for {
			f := flagOf(c)
			if f&typeFlags != 0 {
				p.fail(p.pos, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
			}
			del |= f
			c = p.next()
			if c == -1 {
				p.fail(p.pos-1, "missing :")
			}
			if c == ':' {
				break
			}
			if !strings.ContainsRune(flagLetters, c) {
				p.fail(p.pos-1, "%s", unknownFlag(c, "missing :"))
			}
		}
	}
	if add&del != 0 {
		p.fail(p.pos-1, "bad inline flags: flag turned on and off")
	}
	a := p.sub(start, (p.eff(scoped)|add)&^del, "(?:")
	return a, true
}

func unknownFlag(c rune, other string) string {
	if unicode.IsLetter(c) {
		return "unknown flag"
	}
	return other
}
