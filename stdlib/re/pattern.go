package re

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file defines re.Pattern: compiling, its attributes and repr.

type value = runtime.Value

// Pattern is a compiled pattern (re.Pattern).
type Pattern struct {
	source string // the pattern's text (a bytes pattern's bytes as Latin-1)
	value  value  // the pattern as given (str or bytes)
	bytes  bool
	eng    *engine
	mod    *module
}

// val is a result string: a str, or for a bytes pattern the bytes whose
// Latin-1 reading s is.
func (p *Pattern) val(s string) value {
	if p.bytes {
		return runtime.Bytes(fromLatin1(s))
	}
	return runtime.Str(s)
}

// toLatin1 reads bytes as Latin-1 characters, so that RE2 sees one
// character per byte and positions stay byte indices.
func toLatin1(b []byte) string {
	for _, c := range b {
		if c >= 0x80 {
			r := make([]rune, len(b))
			for i, c := range b {
				r[i] = rune(c)
			}
			return string(r)
		}
	}
	return string(b)
}

// fromLatin1 is the inverse of toLatin1.
func fromLatin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// PatternType is re.Pattern.
var PatternType = runtime.NewType("re.Pattern", nil)

// Type implements runtime.Object.
func (p *Pattern) Type() *runtime.Type { return PatternType }

// Hash implements runtime.HasHash (by pattern and flags, as CPython).
func (p *Pattern) Hash(th *runtime.Thread) (int64, error) {
	return runtime.StrHash(p.source) ^ int64(p.eng.t.flags), nil
}

// Compare implements runtime.HasCompare: equal pattern and flags.
func (p *Pattern) Compare(th *runtime.Thread, op runtime.CmpOp, other value) (value, error) {
	o, ok := other.Object().(*Pattern)
	if !ok || (op != runtime.CmpEq && op != runtime.CmpNe) {
		return runtime.NotImplemented, nil
	}
	eq := o.source == p.source && o.bytes == p.bytes && o.eng.t.flags == p.eng.t.flags
	return runtime.Bool(eq == (op == runtime.CmpEq)), nil
}

// patternFlagNames are the flags _sre's pattern repr names, in its order.
var patternFlagNames = []struct {
	name string
	bit  int
}{{"re.TEMPLATE", flagTemplate}, {"re.IGNORECASE", flagIgnoreCase}, {"re.LOCALE", flagLocale},
	{"re.MULTILINE", flagMultiline}, {"re.DOTALL", flagDotAll}, {"re.UNICODE", flagUnicode},
	{"re.VERBOSE", flagVerbose}, {"re.DEBUG", flagDebug}, {"re.ASCII", flagASCII}}

// Repr implements runtime.HasRepr: re.compile('a+', re.IGNORECASE).
func (p *Pattern) Repr(th *runtime.Thread) (string, error) {
	r, err := runtime.Repr(th, p.value)
	if err != nil {
		return "", err
	}
	r = truncate(r, 200)
	flags := p.eng.t.flags &^ flagUnicode // implied for a str pattern
	if flags == 0 {
		return "re.compile(" + r + ")", nil
	}
	var names []string
	for _, f := range patternFlagNames {
		if flags&f.bit != 0 {
			names = append(names, f.name)
			flags &^= f.bit
		}
	}
	if flags != 0 {
		names = append(names, "0x"+strings.ToLower(hexInt(flags)))
	}
	return "re.compile(" + r + ", " + strings.Join(names, "|") + ")", nil
}

func hexInt(n int) string {
	const digits = "0123456789abcdef"
	s := ""
	for n > 0 {
		s = string(digits[n%16]) + s
		n /= 16
	}
	return s
}

// truncate is printf's %.Ns: the first n code points.
func truncate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func patternMembers() map[string]runtime.MemberFunc {
	return map[string]runtime.MemberFunc{
		"pattern": func(th *runtime.Thread, s value) (value, error) { return pat(s).value, nil },
		"flags":   func(th *runtime.Thread, s value) (value, error) { return runtime.Int(int64(pat(s).eng.t.flags)), nil },
		"groups":  func(th *runtime.Thread, s value) (value, error) { return runtime.Int(int64(pat(s).eng.t.groups)), nil },
		"groupindex": func(th *runtime.Thread, s value) (value, error) {
			return runtime.Obj(pat(s).groupindex()), nil
		},
	}
}

func pat(v value) *Pattern { return v.Object().(*Pattern) }

// groupindex is a dict of group names to numbers, in group order.
func (p *Pattern) groupindex() *runtime.Dict {
	d := runtime.NewDict()
	for g, name := range p.eng.t.nameOf {
		if name != "" {
			d.SetStr(name, runtime.Int(int64(g)))
		}
	}
	return d
}

// compile translates pattern, reporting re.error, OverflowError or a
// refusal.
func (m *module) compile(pattern string, flags int, isBytes bool, pv value) (*Pattern, error) {
	switch {
	case !isBytes && flags&flagLocale != 0:
		return nil, runtime.Errorf(runtime.ValueError, "cannot use LOCALE flag with a str pattern")
	case isBytes && flags&flagUnicode != 0:
		return nil, runtime.Errorf(runtime.ValueError, "cannot use UNICODE flag with a bytes pattern")
	case flags&flagLocale != 0:
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: the LOCALE flag is not supported")
	}
	if flags&flagASCII != 0 && flags&flagUnicode != 0 {
		return nil, runtime.Errorf(runtime.ValueError, "ASCII and UNICODE flags are incompatible")
	}
	if flags&(flagDebug|flagTemplate) != 0 {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: the DEBUG and TEMPLATE flags are not supported")
	}
	tflags := flags
	if isBytes {
		tflags |= flagBytes
	}
	t, perr := translate(pattern, tflags, false)
	if perr != nil {
		if perr.overflow {
			return nil, runtime.Errorf(runtime.OverflowError, "%s", perr.msg)
		}
		return nil, m.newError(perr.msg, pv, perr.pos)
	}
	if t.refused != nil {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: %s is not supported", t.refused.what)
	}
	p := &Pattern{source: pattern, value: pv, bytes: isBytes, eng: &engine{t: t, source: pattern, tflags: tflags}, mod: m}
	// Compile the plain search program now so that RE2's own limits
	// show at compile time.
	if _, err := p.eng.compileVariant(variant{}); err != nil {
		return nil, err
	}
	return p, nil
}
