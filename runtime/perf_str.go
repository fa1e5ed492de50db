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

// ConcatChainAdd and ConcatChainEnd run a chain a + b + c + … of at
// most ConcatChainMax operands that the compiler expects to build a str,
// without the throwaway strs of its inner additions. The chain's
// operands so far are pieces, in one stack region: pieces[0] is the
// value so far and the last is the operand just evaluated. Adding exact
// strs has no effect but its result, so while the value so far and every
// later operand are exact strs the additions wait, and the end joins
// them all in one allocation. Any other operand makes the chain add what
// it holds at once, in Python's order (the waiting strs, then that
// operand), before a later operand is evaluated; the slots it has added
// are left null. A sum past maxStrBytes adds at once too, so MemoryError
// comes where CPython raises it.
//
// ConcatChainAdd handles the operand just evaluated.
func ConcatChainAdd(th *Thread, pieces []Value) error {
	if chainWaits(pieces) {
		return nil
	}
	return chainAdd(th, pieces)
}

// ConcatChainEnd handles the last operand and returns the chain's value;
// the caller drops the region.
func ConcatChainEnd(th *Thread, pieces []Value) (Value, error) {
	if chainWaits(pieces) {
		return concatPieces(pieces), nil
	}
	if err := chainAdd(th, pieces); err != nil {
		return Value{}, err
	}
	return pieces[0], nil
}

// ConcatChainMax is the most operands one chain may have.
const ConcatChainMax = 16

// chainShort is a length below which ConcatChainMax strs cannot sum past
// maxStrBytes.
const chainShort = maxStrBytes / ConcatChainMax

// chainWaits reports whether the addition of the last piece can wait:
// it and pieces[0] are exact strs, and the pieces' total length is
// within maxStrBytes. The pieces between are exact strs or null (each
// was the last piece of an earlier step), and each is short when it was
// checked as one, so only two pieces need a look while all are short.
func chainWaits(pieces []Value) bool {
	first, ok := pieces[0].o.(*String)
	if !ok || first.sub() != nil {
		return false
	}
	last, ok := pieces[len(pieces)-1].o.(*String)
	if !ok || last.sub() != nil {
		return false
	}
	if len(first.s) < chainShort && len(last.s) < chainShort {
		return true
	}
	n := 0
	for i := range pieces {
		if s, ok := pieces[i].o.(*String); ok {
			n += len(s.s)
		}
	}
	return n <= maxStrBytes
}

// chainAdd adds the waiting strs before the last operand, then that
// operand, leaving the sum in pieces[0] and null after it.
func chainAdd(th *Thread, pieces []Value) error {
	k := len(pieces) - 1
	acc := pieces[0]
	if s, ok := acc.o.(*String); ok && s.sub() == nil && k > 1 {
		acc = concatPieces(pieces[:k]) // exact strs or null, as chainWaits left them
	}
	r, err := Binary(th, OpAdd, acc, pieces[k])
	if err != nil {
		return err
	}
	pieces[0] = r
	clear(pieces[1:])
	return nil
}

// concatPieces is the concatenation of exact strs, null pieces skipped,
// in one allocation (a piece itself when the others are empty).
func concatPieces(pieces []Value) Value {
	total, ascii, only := 0, true, 0
	for i := range pieces {
		if s, ok := pieces[i].o.(*String); ok && len(s.s) > 0 {
			total += len(s.s)
			ascii = ascii && s.isASCII()
			only = i
		}
	}
	switch {
	case total == 0:
		return Obj(emptyString)
	case total == len(pieces[only].o.(*String).s):
		return pieces[only]
	}
	h, buf := allocStr(total, ascii)
	w := 0
	for i := range pieces {
		if s, ok := pieces[i].o.(*String); ok {
			w = putText(buf, w, s.s)
		}
	}
	return sealStr(h, buf)
}

// ExactBuiltinType is the type of v when v is an exact str, dict or
// list (no subclass), else nil. Such a value has no attributes of its
// own and its type's methods never change, so a method the vm found on
// that type once is the method every time.
func ExactBuiltinType(v Value) *Type {
	switch o := v.o.(type) {
	case *String:
		if o.x == nil || o.x.sub == nil {
			return StrType
		}
	case *Dict:
		if o.sub == nil {
			return DictType
		}
	case *List:
		if o.sub == nil {
			return ListType
		}
	}
	return nil
}
