package re

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file defines re.Pattern: compiling, its attributes and repr.

type value = runtime.Value

// Pattern is a compiled pattern (re.Pattern).
type Pattern struct {
	source string
	eng    *engine
	mod    *module
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
	eq := o.source == p.source && o.eng.t.flags == p.eng.t.flags
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
	r := truncate(runtime.StrRepr(p.source), 200)
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
		"pattern": func(th *runtime.Thread, s value) (value, error) { return runtime.Str(pat(s).source), nil },
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
func (m *module) compile(pattern string, flags int) (*Pattern, error) {
	if flags&flagLocale != 0 {
		return nil, runtime.Errorf(runtime.ValueError, "cannot use LOCALE flag with a str pattern")
	}
	if flags&flagASCII != 0 && flags&flagUnicode != 0 {
		return nil, runtime.Errorf(runtime.ValueError, "ASCII and UNICODE flags are incompatible")
	}
	if flags&(flagDebug|flagTemplate) != 0 {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: the DEBUG and TEMPLATE flags are not supported")
	}
	t, perr := translate(pattern, flags, false)
	if perr != nil {
		if perr.overflow {
			return nil, runtime.Errorf(runtime.OverflowError, "%s", perr.msg)
		}
		return nil, m.newError(perr.msg, pattern, perr.pos)
	}
	if t.refused != nil {
		return nil, runtime.Errorf(runtime.NotImplementedError, "pyish: re: %s is not supported", t.refused.what)
	}
	p := &Pattern{source: pattern, eng: &engine{t: t, source: pattern}, mod: m}
	// Compile the plain search program now so that RE2's own limits
	// show at compile time.
	if _, err := p.eng.compileVariant(variant{}); err != nil {
		return nil, err
	}
	return p, nil
}
