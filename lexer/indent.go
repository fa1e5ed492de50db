// This file turns leading whitespace into Indent and Dedent tokens.

package lexer

import plexer "github.com/alecthomas/participle/v2/lexer"

// indentation skips blank and comment-only lines, then measures the
// indentation of the logical line that starts at s.off and emits Indent or
// Dedent tokens. At the end of input it does nothing: finish closes levels.
func (s *scanner) indentation() error {
	for {
		col, alt := s.measureIndent()
		if s.off >= len(s.src) {
			return nil
		}
		switch s.src[s.off] {
		case '#':
			s.skipComment()
			if s.off >= len(s.src) {
				return nil
			}
			s.newline()
		case '\n', '\r':
			s.newline()
		default:
			return s.setIndent(col, alt)
		}
	}
}

// measureIndent skips leading blanks and returns the indentation column with
// tabs to the next multiple of 8 and with tabs counted as 1 (CPython's
// "altcol"). A form feed resets both, as in CPython.
func (s *scanner) measureIndent() (col, alt int) {
	for ; s.off < len(s.src); s.off++ {
		switch s.src[s.off] {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/8 + 1) * 8
			alt++
		case '\f':
			col, alt = 0, 0
		default:
			return col, alt
		}
	}
	return col, alt
}

// setIndent compares a logical line's indentation with the stack.
func (s *scanner) setIndent(col, alt int) error {
	top := len(s.indents) - 1
	p := s.pos(s.off)
	switch {
	case col == s.indents[top]:
		if alt != s.alts[top] {
			return s.tabError(p)
		}
	case col > s.indents[top]:
		return s.indent(col, alt, p)
	default:
		return s.dedent(col, alt, p)
	}
	return nil
}

// indent pushes a level and emits Indent, whose value is the whitespace.
func (s *scanner) indent(col, alt int, p plexer.Position) error {
	top := len(s.indents) - 1
	switch {
	case alt <= s.alts[top]:
		return s.tabError(p)
	case len(s.toks) == 0:
		return s.firstLineIndent(p)
	case top+1 >= maxIndents:
		return s.errorAt(p, KindIndentation, "too many levels of indentation")
	}
	s.indents = append(s.indents, col)
	s.alts = append(s.alts, alt)
	s.emitLayout(Indent, s.src[s.lineStart:s.off], s.pos(s.lineStart))
	return nil
}

// dedent pops levels down to col, emitting one Dedent per level.
func (s *scanner) dedent(col, alt int, p plexer.Position) error {
	top := len(s.indents) - 1
	for top > 0 && col < s.indents[top] {
		top--
	}
	if col != s.indents[top] {
		return s.errorAt(p, KindIndentation, "unindent does not match any outer indentation level")
	}
	if alt != s.alts[top] {
		return s.tabError(p)
	}
	for i := len(s.indents) - 1; i > top; i-- {
		s.emitLayout(Dedent, "", p)
	}
	s.indents, s.alts = s.indents[:top+1], s.alts[:top+1]
	return nil
}

// tabError reports indentation that depends on the tab size.
func (s *scanner) tabError(p plexer.Position) error {
	return s.errorAt(p, KindTab, "inconsistent use of tabs and spaces in indentation")
}

// firstLineIndent reports an indented first line. CPython's tokenizer
// rejects a bad line continuation at the start of that line first.
func (s *scanner) firstLineIndent(p plexer.Position) error {
	if s.src[s.off] == '\\' {
		if err := s.continuation(); err != nil {
			return err
		}
	}
	return s.errorAt(p, KindIndentation, "unexpected indent")
}
