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

// ConcatChainAdd and ConcatChainEnd run a chain a + b + c + … that the
// compiler expects to build a str, without the throwaway strs of its
// inner additions. The chain's operands so far are pieces, in one stack
// region: pieces[0] is the value so far and the last is the operand just
// evaluated. Adding exact strs has no effect but its result, so while
// the value so far and every later operand are exact strs the additions
// wait, and the end joins them all in one allocation. Any other operand
// makes the chain add what it holds at once, in Python's order (the
// waiting strs, then that operand), before a later operand is evaluated;
// the slots it has added are left null. A sum past maxStrBytes adds at
// once too, so MemoryError comes where CPython raises it.
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

// chainWaits reports whether the pieces are all exact strs (or null)
// whose total length is within maxStrBytes, so their addition can wait.
func chainWaits(pieces []Value) bool {
	n := 0
	for _, p := range pieces {
		if p.o == nil {
			continue
		}
		s, ok := p.o.(*String)
		if !ok || s.sub() != nil {
			return false
		}
		n += len(s.s)
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
// in one allocation (a piece itself when it is the only non-empty one).
func concatPieces(pieces []Value) Value {
	total, ascii, only := 0, true, Value{}
	for _, p := range pieces {
		if s, ok := p.o.(*String); ok && len(s.s) > 0 {
			total += len(s.s)
			ascii = ascii && s.isASCII()
			only = p
		}
	}
	switch {
	case total == 0:
		return Obj(emptyString)
	case total == len(only.o.(*String).s):
		return only
	}
	h, buf := allocStr(total, ascii)
	w := 0
	for _, p := range pieces {
		if s, ok := p.o.(*String); ok {
			w += copy(buf[w:], s.s)
		}
	}
	return sealStr(h, buf)
}
