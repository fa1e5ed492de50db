package re

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pyish/pyish/runtime"
)

// This file runs a translated pattern on a subject with Go's regexp:
// the variants of the RE2 pattern, pos/endpos, code-point positions and
// the refusals decided at match time.

// mode is how a match is anchored.
type mode uint8

const (
	modeSearch mode = iota
	modeMatch
	modeFull
)

// variant names one RE2 compilation of a pattern.
type variant struct {
	multiDollar bool // `$` as (?m:$), else \z
	prefix      bool // one character of context before pos
	mode        mode
	longest     bool
	ascii       bool // the program for ASCII subjects (sets cut to ASCII)
}

// engine holds a translation and its compiled variants.
type engine struct {
	t        *translation
	source   string // the pattern, for the ASCII translation
	tflags   int    // the flags it was translated with
	clipped  string // the ASCII translation's RE2 text, once made
	mu       sync.Mutex
	variants map[variant]*regexp.Regexp
}

// compileVariant returns the RE2 program of v, compiling it once.
func (e *engine) compileVariant(v variant) (*regexp.Regexp, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if re, ok := e.variants[v]; ok {
		return re, nil
	}
	dollar := `\z`
	if v.multiDollar {
		dollar = `(?m:$)`
	}
	src := "(?:" + strings.ReplaceAll(e.re2(v.ascii), dollarMark, dollar) + ")"
	if v.prefix {
		src = `(?s:.)` + src
	}
	switch v.mode {
	case modeMatch:
		src = `\A` + src
	case modeFull:
		src = `\A` + src + `\z`
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: the pattern is beyond Go's regexp: %v", err)
	}
	if v.longest {
		re.Longest()
	}
	if e.variants == nil {
		e.variants = map[variant]*regexp.Regexp{}
	}
	e.variants[v] = re
	return re, nil
}

// re2 is the RE2 text of the pattern, or of its ASCII translation.
func (e *engine) re2(ascii bool) string {
	if !ascii {
		return e.t.re2
	}
	if e.clipped == "" {
		// The pattern parsed once already: this parse cannot fail.
		t, _ := translate(e.source, e.tflags, true)
		e.clipped = t.re2
	}
	return e.clipped
}

// subject is a str being matched, with its code-point offsets when it is
// not ASCII.
type subject struct {
	s      string
	ascii  bool
	n      int     // length in code points
	byteAt []int32 // code point index → byte offset (non-ASCII only)
	wide   uint8   // hasWideWord: 0 unknown, 1 no, 2 yes
}

func newSubject(s string) *subject {
	sub := &subject{s: s, ascii: true, n: len(s)}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			sub.ascii = false
			break
		}
	}
	if !sub.ascii {
		sub.byteAt = make([]int32, 0, len(s)+1)
		for i := range s {
			sub.byteAt = append(sub.byteAt, int32(i))
		}
		sub.n = len(sub.byteAt)
		sub.byteAt = append(sub.byteAt, int32(len(s)))
	}
	return sub
}

// hasWideWord reports whether the subject has a non-ASCII word character,
// the only place where RE2's ASCII \b differs from Python's Unicode one.
// The answer is kept.
func (s *subject) hasWideWord() bool {
	if s.ascii {
		return false
	}
	if s.wide == 0 {
		s.wide = 1
		word := unicodeSets()[1]
		for _, c := range s.s {
			if c >= 0x80 && word.has(c) {
				s.wide = 2
				break
			}
		}
	}
	return s.wide == 2
}

// off is the byte offset of code point i.
func (s *subject) off(i int) int {
	if s.ascii {
		return i
	}
	return int(s.byteAt[i])
}

// index is the code point index of byte offset b.
func (s *subject) index(b int) int {
	if s.ascii {
		return b
	}
	lo, hi := 0, s.n
	for lo < hi {
		m := (lo + hi) / 2
		if int(s.byteAt[m]) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// clamp is sre's state_init adjustment of pos and endpos.
func clamp(pos, endpos, n int) (int, int) {
	pos = min(max(pos, 0), n)
	endpos = min(max(endpos, 0), n)
	return pos, endpos
}

// exec finds a match at or after pos (search) or at pos (match,
// fullmatch) within [0, endpos); spans are code point pairs, -1 for a
// group that did not take part. nil: no match.
func (e *engine) exec(sub *subject, pos, endpos int, m mode, groups bool) ([]int, error) {
	if pos > endpos {
		return nil, nil
	}
	if e.t.boundary && sub.hasWideWord() {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: \\b or \\B on a string with non-ASCII letters or digits is not supported (use re.ASCII)")
	}
	v := variant{mode: m, prefix: pos > 0 && e.t.context, ascii: sub.ascii}
	if e.t.dollar {
		md, err := dollarVariant(sub, pos, endpos)
		if err != nil {
			return nil, err
		}
		v.multiDollar = md
	}
	return e.run(sub, pos, endpos, v, groups)
}

// dollarVariant decides how `$` reads on the searched text: as \z when
// it does not end in '\n', as (?m:$) when its only newline is the last
// character; otherwise RE2 cannot say "before the final newline".
func dollarVariant(sub *subject, pos, endpos int) (bool, error) {
	bs, be := sub.off(pos), sub.off(endpos)
	if be == bs || sub.s[be-1] != '\n' {
		return false, nil
	}
	if strings.IndexByte(sub.s[bs:be-1], '\n') >= 0 {
		return false, runtime.Errorf(runtime.NotImplementedError, "pyish: re: $ without MULTILINE on a string with several lines ending in a newline is not supported")
	}
	return true, nil
}

// run executes one variant and converts its result. Without groups only
// the whole match is found (RE2 is faster without captures); the other
// spans read as unmatched.
func (e *engine) run(sub *subject, pos, endpos int, v variant, groups bool) ([]int, error) {
	re, err := e.compileVariant(v)
	if err != nil {
		return nil, err
	}
	start := sub.off(pos)
	if v.prefix {
		_, w := utf8.DecodeLastRuneInString(sub.s[:start])
		start -= w
	}
	var loc []int
	if groups {
		loc = re.FindStringSubmatchIndex(sub.s[start:sub.off(endpos)])
	} else if loc = re.FindStringIndex(sub.s[start:sub.off(endpos)]); loc != nil {
		for i := 0; i < e.t.groups; i++ {
			loc = append(loc, -1, -1)
		}
	}
	if loc == nil {
		return nil, nil
	}
	if v.prefix {
		_, w := utf8.DecodeRuneInString(sub.s[start+loc[0]:])
		loc[0] += w
	}
	for i, b := range loc {
		if b >= 0 {
			loc[i] = sub.index(b + start)
		}
	}
	return loc, nil
}

// execAdvance is a search from pos after an empty match at pos (Python
// 3.7+'s must_advance): a match there must not be empty.
func (e *engine) execAdvance(sub *subject, pos, endpos int, groups bool) ([]int, error) {
	loc, err := e.exec(sub, pos, endpos, modeSearch, groups)
	if err != nil || loc == nil || loc[0] != pos || loc[1] != pos {
		return loc, err
	}
	// The preferred match at pos is empty: Python backtracks to the next
	// non-empty one, which RE2 cannot name; if there is none, it searches
	// on from pos+1.
	v := variant{mode: modeMatch, prefix: pos > 0 && e.t.context, longest: true, ascii: sub.ascii}
	if e.t.dollar {
		v.multiDollar, _ = dollarVariant(sub, pos, endpos)
	}
	long, err := e.run(sub, pos, endpos, v, false)
	if err != nil {
		return nil, err
	}
	if long != nil && long[1] > pos {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: an empty match where a non-empty one is also possible, after an empty match, is not supported")
	}
	if pos+1 > endpos {
		return nil, nil
	}
	return e.exec(sub, pos+1, endpos, modeSearch, groups)
}
