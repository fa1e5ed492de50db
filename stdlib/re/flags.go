package re

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file defines re.RegexFlag, the int subclass of the flag
// constants, with enum.IntFlag's repr and operators.

// regexFlagNames are RegexFlag's members in definition order (the order
// of a combined repr).
var regexFlagNames = []struct {
	name, short string
	bit         int
}{{"ASCII", "A", flagASCII}, {"IGNORECASE", "I", flagIgnoreCase}, {"LOCALE", "L", flagLocale},
	{"UNICODE", "U", flagUnicode}, {"MULTILINE", "M", flagMultiline}, {"DOTALL", "S", flagDotAll},
	{"VERBOSE", "X", flagVerbose}, {"TEMPLATE", "T", flagTemplate}, {"DEBUG", "", flagDebug}}

const allFlags = flagASCII | flagIgnoreCase | flagLocale | flagUnicode | flagMultiline | flagDotAll | flagVerbose | flagTemplate | flagDebug

// flagRepr is repr() of a RegexFlag: re.IGNORECASE|re.MULTILINE.
func flagRepr(n int64) string {
	if n == 0 {
		return "re.NOFLAG"
	}
	if n < 0 {
		n &= allFlags
	}
	var parts []string
	for _, f := range regexFlagNames {
		if n&int64(f.bit) != 0 {
			parts = append(parts, "re."+f.name)
			n &^= int64(f.bit)
		}
	}
	if n != 0 {
		parts = append(parts, "0x"+hexInt(int(n)))
	}
	return strings.Join(parts, "|")
}

// Flag is a re.RegexFlag value. pyish cannot subclass int from Go, so
// it is its own type acting as an int: operators, comparison, hash and
// __index__ (which every int parameter accepts).
type Flag struct{ n int64 }

// FlagType is re.RegexFlag.
var FlagType = runtime.NewType("re.RegexFlag", nil)

func init() {
	// Marked as a Go subclass so that int() and the like find __int__.
	FlagType.Flags |= runtime.FlagGoSubclass
	FlagType.SetMethods(map[string]runtime.MethodFunc{
		"__index__": flag_int,
		"__int__":   flag_int,
	})
}

func flag_int(th *runtime.Thread, s value, args []value, kw []string) (value, error) {
	return runtime.Int(s.Object().(*Flag).n), nil
}

// Type implements runtime.Object.
func (f *Flag) Type() *runtime.Type { return FlagType }

// Repr implements runtime.HasRepr.
func (f *Flag) Repr(th *runtime.Thread) (string, error) { return flagRepr(f.n), nil }

// Hash implements runtime.HasHash: the int's hash.
func (f *Flag) Hash(th *runtime.Thread) (int64, error) { return runtime.Hash(th, runtime.Int(f.n)) }

// Truth implements runtime.HasTruth.
func (f *Flag) Truth(th *runtime.Thread) (bool, error) { return f.n != 0, nil }

// Binary implements runtime.HasBinary: | & ^ between flags give a flag;
// anything else is the int's operator.
func (f *Flag) Binary(th *runtime.Thread, op runtime.BinaryOp, other value, right bool) (value, error) {
	o, isFlag := other.Object().(*Flag)
	if isFlag || other.IsInt() {
		b := other.AsInt()
		if isFlag {
			b = o.n
		}
		switch op {
		case runtime.OpOr:
			return runtime.Obj(&Flag{f.n | b}), nil
		case runtime.OpAnd:
			return runtime.Obj(&Flag{f.n & b}), nil
		case runtime.OpXor:
			return runtime.Obj(&Flag{f.n ^ b}), nil
		}
	}
	if isFlag {
		other = runtime.Int(o.n)
	}
	if right {
		return runtime.Binary(th, op, other, runtime.Int(f.n))
	}
	return runtime.Binary(th, op, runtime.Int(f.n), other)
}

// Unary implements runtime.HasUnary: ~flag keeps the flag bits.
func (f *Flag) Unary(th *runtime.Thread, op runtime.UnaryOp) (value, error) {
	if op == runtime.OpInvert {
		return runtime.Obj(&Flag{^f.n & allFlags}), nil
	}
	return runtime.Unary(th, op, runtime.Int(f.n))
}

// Compare implements runtime.HasCompare: as the int.
func (f *Flag) Compare(th *runtime.Thread, op runtime.CmpOp, other value) (value, error) {
	if o, ok := other.Object().(*Flag); ok {
		other = runtime.Int(o.n)
	}
	return runtime.Compare(th, op, runtime.Int(f.n), other)
}

// setFlags installs the flag constants in the module.
func setFlags(m *runtime.Module) {
	for _, f := range regexFlagNames {
		v := runtime.Obj(&Flag{int64(f.bit)})
		m.Dict.SetStr(f.name, v)
		if f.short != "" {
			m.Dict.SetStr(f.short, v)
		}
	}
	m.Dict.SetStr("NOFLAG", runtime.Obj(&Flag{}))
	m.Dict.SetStr("RegexFlag", runtime.Obj(FlagType))
}
