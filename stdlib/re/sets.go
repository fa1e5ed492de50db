package re

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// This file holds character sets as range lists: Python's categories
// (\d \w \s) and case folding, which RE2's \d \w \s and (?i) do not give.

// runeRange is the characters lo..hi.
type runeRange struct{ lo, hi rune }

// rangeSet is a list of ranges; normalize sorts and merges it.
type rangeSet []runeRange

// normalize returns s sorted with overlapping and adjacent ranges merged.
func (s rangeSet) normalize() rangeSet {
	if len(s) == 0 {
		return s
	}
	t := append(rangeSet(nil), s...)
	sort.Slice(t, func(i, j int) bool { return t[i].lo < t[j].lo })
	out := t[:1]
	for _, r := range t[1:] {
		last := &out[len(out)-1]
		if r.lo <= last.hi+1 {
			last.hi = max(last.hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// complement returns the characters not in s (s normalized).
func (s rangeSet) complement() rangeSet {
	var out rangeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

// re2 writes the set as an RE2 class.
func (s rangeSet) re2() string {
	if len(s) == 0 {
		return `[^\x{0}-\x{10ffff}]`
	}
	var b strings.Builder
	b.WriteByte('[')
	for _, r := range s {
		b.WriteString(hexRune(r.lo))
		if r.hi != r.lo {
			b.WriteByte('-')
			b.WriteString(hexRune(r.hi))
		}
	}
	b.WriteByte(']')
	return b.String()
}

// clipASCII returns the ASCII part of s.
func (s rangeSet) clipASCII() rangeSet {
	var out rangeSet
	for _, r := range s {
		if r.lo < 0x80 {
			out = append(out, runeRange{r.lo, min(r.hi, 0x7f)})
		}
	}
	return out
}

func hexRune(r rune) string { return `\x{` + strconv.FormatInt(int64(r), 16) + `}` }

// fromTables is the union of Unicode tables as ranges.
func fromTables(tables ...*unicode.RangeTable) rangeSet {
	var s rangeSet
	for _, t := range tables {
		for _, r := range t.R16 {
			s = addStrided(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			s = addStrided(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return s
}

func addStrided(s rangeSet, lo, hi, stride rune) rangeSet {
	if stride == 1 {
		return append(s, runeRange{lo, hi})
	}
	for c := lo; c <= hi; c += stride {
		s = append(s, runeRange{c, c})
	}
	return s
}

// Python's whitespace: str.isspace() (bidirectional WS, B, S or Zs).
var unicodeSpace = rangeSet{{'\t', '\r'}, {0x1c, 0x20}, {0x85, 0x85}, {0xa0, 0xa0},
	{0x1680, 0x1680}, {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f},
	{0x205f, 0x205f}, {0x3000, 0x3000}}

var (
	asciiDigit = rangeSet{{'0', '9'}}
	asciiWord  = rangeSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	asciiSpace = rangeSet{{'\t', '\r'}, {' ', ' '}}
)

// unicodeSets are \d (Nd: str.isdecimal()) and \w (str.isalnum() or
// '_': letters and numbers), built once.
var unicodeSets = sync.OnceValue(func() [2]rangeSet {
	digit := fromTables(unicode.Nd).normalize()
	word := append(fromTables(unicode.L, unicode.N), runeRange{'_', '_'}).normalize()
	return [2]rangeSet{digit, word}
})

// category is the set of \d \D \s \S \w \W.
func category(c rune, ascii bool) rangeSet {
	var s rangeSet
	switch c | 0x20 {
	case 'd':
		s = asciiDigit
		if !ascii {
			s = unicodeSets()[0]
		}
	case 'w':
		s = asciiWord
		if !ascii {
			s = unicodeSets()[1]
		}
	case 's':
		s = asciiSpace
		if !ascii {
			s = unicodeSpace
		}
	}
	if c >= 'A' && c <= 'Z' {
		return s.complement()
	}
	return s
}

// foldTables are the case data of IGNORECASE: the characters whose
// simple lowercase differs from themselves, grouped by that lowercase,
// and CPython's _casefix: lowercase characters sharing an uppercase.
type foldTables struct {
	byLower map[rune][]rune
	fixes   map[rune][]rune
}

var folds = sync.OnceValue(func() *foldTables {
	t := &foldTables{byLower: map[rune][]rune{}, fixes: map[rune][]rune{}}
	byUpper := map[rune][]rune{}
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if l := unicode.ToLower(c); l != c {
			t.byLower[l] = append(t.byLower[l], c)
		}
		if u := unicode.ToUpper(c); u != c && unicode.ToLower(c) == c {
			byUpper[u] = append(byUpper[u], c)
		}
	}
	for u, ls := range byUpper {
		if ul := unicode.ToLower(u); ul == u || !contains(ls, ul) {
			ls = append(ls, ul)
		}
		for _, a := range ls {
			for _, b := range ls {
				if a != b && unicode.ToLower(b) == b && unicode.ToLower(a) == a {
					t.fixes[a] = append(t.fixes[a], b)
				}
			}
		}
	}
	return t
})

func contains(s []rune, c rune) bool {
	for _, x := range s {
		if x == c {
			return true
		}
	}
	return false
}

func asciiLower(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// foldSet is the set of characters ch whose lowercase is the lowercase
// of a member of s or one of its _casefix equivalents, as sre's
// IGNORECASE tests ch (ASCII letters only under re.ASCII).
func foldSet(s rangeSet, ascii bool) rangeSet {
	if ascii {
		out := append(rangeSet(nil), s...)
		for _, r := range s {
			for c := max(r.lo, 'A'); c <= min(r.hi, 'z'); c++ {
				if l := asciiLower(c); l != c {
					out = append(out, runeRange{l, l})
				} else if c >= 'a' && c <= 'z' {
					out = append(out, runeRange{c - 32, c - 32})
				}
			}
		}
		return out.normalize()
	}
	t := folds()
	// lowers: the lowercase of each member; then every character whose
	// lowercase is among them.
	var lowers rangeSet
	for _, r := range s {
		lowers = append(lowers, r)
	}
	for l, cs := range t.byLower {
		for _, c := range cs {
			if s.has(c) {
				lowers = append(lowers, runeRange{l, l})
			}
		}
		_ = l
	}
	lowers = lowers.normalize()
	// Members that are not their own lowercase do not stand for
	// themselves: ch matches only through its lowercase.
	var base rangeSet
	for _, r := range lowers {
		base = append(base, r)
	}
	extra := rangeSet{}
	for l, fs := range t.fixes {
		if lowers.has(l) {
			for _, f := range fs {
				extra = append(extra, runeRange{f, f})
			}
		}
	}
	all := append(base, extra...).normalize()
	var out rangeSet
	for _, r := range all {
		out = append(out, r)
	}
	for l, cs := range t.byLower {
		if all.has(l) {
			for _, c := range cs {
				out = append(out, runeRange{c, c})
			}
		}
	}
	out = out.normalize()
	return out.dropUnfolded(all, t)
}

// dropUnfolded removes from out the characters that are not their own
// lowercase and whose lowercase is not in all: they entered through a
// range of s but match only by their lowercase.
func (s rangeSet) dropUnfolded(all rangeSet, t *foldTables) rangeSet {
	var drop rangeSet
	for l, cs := range t.byLower {
		if all.has(l) {
			continue
		}
		for _, c := range cs {
			if s.has(c) {
				drop = append(drop, runeRange{c, c})
			}
		}
	}
	if len(drop) == 0 {
		return s
	}
	return s.minus(drop.normalize())
}

// minus returns s without the members of d (both normalized).
func (s rangeSet) minus(d rangeSet) rangeSet {
	return append(s.complement(), d...).normalize().complement()
}

// has reports whether c is in s (s normalized).
func (s rangeSet) has(c rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= c })
	return i < len(s) && s[i].lo <= c
}
