package runtime

// This file gives the vm allocation-light fast paths over exact strs.

// ConcatExact returns a + b when both are exact strs (no subclass, whose
// reflected __radd__ could come first) and the result is not too big;
// ok is false otherwise and the caller takes the general path.
func ConcatExact(a, b Value) (Value, bool) {
	x, ok := a.o.(*String)
	if !ok || x.sub() != nil {
		return Value{}, false
	}
	y, ok := b.o.(*String)
	if !ok || y.sub() != nil || len(x.s)+len(y.s) > maxStrBytes {
		return Value{}, false
	}
	return concatStr(x, y), true
}

// strOfKnown is str(v) for an exact str (v itself, as CPython returns it)
// or an int64, without a call; ok is false for any other value.
func strOfKnown(v Value) (Value, bool) {
	if v.IsInt() {
		return StrFromInt(v.AsInt()), true
	}
	if s, ok := v.o.(*String); ok && s.sub() == nil {
		return v, true
	}
	return Value{}, false
}

// FormatPlain is format(v, "") for an exact str (v itself) or an int64
// (its decimal str), as an f-string field without conversion or spec
// formats it; ok is false for any other value.
func FormatPlain(v Value) (Value, bool) { return strOfKnown(v) }

// ConcatStrs is the concatenation of parts when all are exact strs, in
// one allocation, as an f-string builds its result; ok is false when a
// part is anything else.
func ConcatStrs(parts []Value) (Value, bool) {
	for _, p := range parts {
		if s, ok := p.o.(*String); !ok || s.sub() != nil {
			return Value{}, false
		}
	}
	v, err := joinStrs(emptyString, parts)
	return v, err == nil
}
