package re

// This file parses character sets [...] and writes them as explicit RE2
// classes.

// class parses a set after its '['; start is the bracket.
func (p *parser) class(start, scoped int) atom {
	f := p.eff(scoped)
	ascii := p.ascii(f)
	negate := p.match('^')
	first := p.pos
	var lits rangeSet // literals and ranges (folded under IGNORECASE)
	var cats rangeSet // categories (not folded)
	nonWord := false  // a Unicode \W, which is kept out of the union
	for {
		if p.eof() {
			p.fail(start, "unterminated character set")
		}
		itemStart := p.pos
		c := p.next()
		if c == ']' && itemStart != first {
			break
		}
		lo, cat := c, rune(0)
		if c == '\\' {
			lo, cat = p.classEscape(itemStart)
		}
		if p.peek() == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] == ']' {
			// "a-]": the hyphen is a literal.
			p.pos++
			p.addItem(&lits, &cats, &nonWord, lo, cat, ascii)
			lits = append(lits, runeRange{'-', '-'})
			p.pos++
			break
		}
		if !p.match('-') {
			p.addItem(&lits, &cats, &nonWord, lo, cat, ascii)
			continue
		}
		if p.eof() {
			p.fail(start, "unterminated character set")
		}
		thatStart := p.pos
		hi, cat2 := p.next(), rune(0)
		if hi == '\\' {
			hi, cat2 = p.classEscape(thatStart)
		}
		if cat != 0 || cat2 != 0 || hi < lo {
			p.fail(itemStart, "bad character range %s", string(p.src[itemStart:p.pos]))
		}
		lits = append(lits, runeRange{lo, hi})
	}
	if f&flagIgnoreCase != 0 {
		lits = foldSet(lits.normalize(), ascii)
	}
	set := append(lits, cats...).normalize()
	if nonWord {
		if negate {
			p.refuse(`\W inside a negated set [^...\W...]`)
			return atom{text: `(?:)`}
		}
		// [x\W] is x or a non-word character.
		return atom{text: "(?:" + p.set(set) + "|" + p.set(category('W', false)) + ")"}
	}
	if negate {
		set = set.complement()
	}
	return atom{text: p.set(set)}
}

// addItem adds one character or category to a set being built.
func (p *parser) addItem(lits, cats *rangeSet, nonWord *bool, r, cat rune, ascii bool) {
	switch {
	case cat == 0:
		*lits = append(*lits, runeRange{r, r})
	case cat == 'W' && !ascii:
		*nonWord = true
	default:
		*cats = append(*cats, category(cat, ascii)...)
	}
}
