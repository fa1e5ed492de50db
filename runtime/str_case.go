package runtime

// This file defines the case mappings of str (lower, upper, title, …,
// with Unicode's full mappings such as ß → SS) and the is* predicates.

import (
	"strings"
	"unicode"
)

// upperRune writes the full upper-case mapping of r.
func upperRune(b *strings.Builder, r rune) {
	if s, ok := specialUpper[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToUpper(r))
}

// lowerRune writes the full lower-case mapping of r.
func lowerRune(b *strings.Builder, r rune) {
	if s, ok := specialLower[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

// titleRune writes the full title-case mapping of r.
func titleRune(b *strings.Builder, r rune) {
	if s, ok := specialTitle[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToTitle(r))
}

// isUpperProp and isLowerProp are Unicode's Uppercase and Lowercase
// properties (categories Lu/Ll plus Other_Uppercase/Other_Lowercase, such
// as Ⅰ, Ⓐ and ͅ), which Python's isupper, islower and swapcase use.
func isUpperProp(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }

func isLowerProp(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// isCased reports whether r has case (Uppercase, Lowercase or Lt).
func isCased(r rune) bool {
	return isUpperProp(r) || isLowerProp(r) || unicode.IsTitle(r)
}

// mapRunes builds a str by writing each code point through f, which sees
// all code points (for context such as the final sigma) and the index.
func mapRunes(s string, f func(b *strings.Builder, rs []rune, i int)) Value {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := range rs {
		f(&b, rs, i)
	}
	return Str(b.String())
}

// lowerAt writes the lower case of rs[i], with Unicode's Final_Sigma
// rule: Σ at the end of a word becomes ς.
func lowerAt(b *strings.Builder, rs []rune, i int) {
	if rs[i] == 'Σ' && isFinalSigma(rs, i) {
		b.WriteRune('ς')
		return
	}
	lowerRune(b, rs[i])
}

// isFinalSigma reports whether the Σ at rs[i] follows a cased letter and
// precedes none (ignoring case-ignorable characters).
func isFinalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && isCaseIgnorable(rs[k]) {
		k++
	}
	return k == len(rs) || !isCased(rs[k])
}

// isCaseIgnorable approximates Unicode's Case_Ignorable property.
func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xb7, 0x2019:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// strCaseMethod wraps a no-argument str → str method.
func strCaseMethod(name string, f func(s *String) Value) MethodFunc {
	qualified := "str." + name // built once: a call must not allocate
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(qualified, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return f(strSelf(self)), nil
	}
}

// strLower is str.lower().
func strLower(s *String) Value {
	if s.isASCII() {
		return lowerASCII(s.s)
	}
	return mapRunes(s.s, lowerAt)
}

// strUpper is str.upper().
func strUpper(s *String) Value {
	if s.isASCII() {
		return upperASCII(s.s)
	}
	return mapRunes(s.s, func(b *strings.Builder, rs []rune, i int) { upperRune(b, rs[i]) })
}

// strCasefold is str.casefold(): lower case with ß → ss and friends.
func strCasefold(s *String) Value {
	return mapRunes(s.s, func(b *strings.Builder, rs []rune, i int) {
		if f, ok := specialFold[rs[i]]; ok {
			b.WriteString(f)
			return
		}
		lowerRune(b, rs[i])
	})
}

// strCapitalize is str.capitalize(): title-case the first character,
// lower-case the rest.
func strCapitalize(s *String) Value {
	return mapRunes(s.s, func(b *strings.Builder, rs []rune, i int) {
		if i == 0 {
			titleRune(b, rs[i])
		} else {
			lowerAt(b, rs, i)
		}
	})
}

// strTitle is str.title(): words start after any uncased character.
func strTitle(s *String) Value {
	prevCased := false
	return mapRunes(s.s, func(b *strings.Builder, rs []rune, i int) {
		if prevCased {
			lowerAt(b, rs, i)
		} else {
			titleRune(b, rs[i])
		}
		prevCased = isCased(rs[i])
	})
}

// strSwapcase is str.swapcase().
func strSwapcase(s *String) Value {
	return mapRunes(s.s, func(b *strings.Builder, rs []rune, i int) {
		switch r := rs[i]; {
		case isUpperProp(r):
			lowerAt(b, rs, i)
		case isLowerProp(r):
			upperRune(b, r)
		default:
			b.WriteRune(r)
		}
	})
}

// strPredicate wraps an is* method: true when s is non-empty (unless
// emptyOK) and every code point satisfies f.
func strPredicate(name string, emptyOK bool, f func(r rune) bool) MethodFunc {
	qualified := "str." + name // built once: a call must not allocate
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(qualified, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		s := strSelf(self).s
		if s == "" {
			return Bool(emptyOK), nil
		}
		for _, r := range s {
			if !f(r) {
				return False, nil
			}
		}
		return True, nil
	}
}

// isDecimalRune is str.isdecimal for one code point (category Nd).
func isDecimalRune(r rune) bool { return unicode.Is(pyDecimal, r) }

// isDigitRune is str.isdigit for one code point.
func isDigitRune(r rune) bool { return unicode.Is(pyDigit, r) }

// isNumericRune is str.isnumeric for one code point.
func isNumericRune(r rune) bool { return unicode.Is(pyNumeric, r) }

// isAlnumRune is str.isalnum for one code point.
func isAlnumRune(r rune) bool { return unicode.Is(pyAlpha, r) || unicode.Is(pyNumeric, r) }

// isIdentStart and isIdentContinue are XID_Start (with '_') and
// XID_Continue.
func isIdentStart(r rune) bool { return unicode.Is(pyIdentStart, r) }

func isIdentContinue(r rune) bool { return unicode.Is(pyIdentContinue, r) }

// str_isidentifier is str.isidentifier().
func str_isidentifier(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.isidentifier", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	return Bool(IsIdentifier(strSelf(self).s)), nil
}

// IsIdentifier reports whether s is a valid Python identifier.
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if (i == 0 && !isIdentStart(r)) || !isIdentContinue(r) {
			return false
		}
	}
	return true
}

// strCaseTest implements isupper and islower: some cased character, and
// none of the opposite case or title case.
func strCaseTest(name string, upper bool) MethodFunc {
	qualified := "str." + name // built once: a call must not allocate
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(qualified, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		cased := false
		for _, r := range strSelf(self).s {
			isUp, isLow := isUpperProp(r), isLowerProp(r)
			if unicode.IsTitle(r) || (upper && isLow) || (!upper && isUp) {
				return False, nil
			}
			cased = cased || isUp || isLow
		}
		return Bool(cased), nil
	}
}

// str_istitle is str.istitle().
func str_istitle(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.istitle", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	cased, prevCased := false, false
	for _, r := range strSelf(self).s {
		switch {
		case isUpperProp(r) || unicode.IsTitle(r):
			if prevCased {
				return False, nil
			}
			prevCased, cased = true, true
		case isLowerProp(r):
			if !prevCased {
				return False, nil
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return Bool(cased), nil
}
