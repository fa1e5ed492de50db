package runtime

// Contract stubs for the numbers-and-strings owner (delete each one here
// when you implement it in its own file). The central functions call them
// for inline values (int, float, bool) before trying capability interfaces.

// numBinary applies op to two numbers (int, big int, float, bool); ok is
// false when either operand is not a number.
func numBinary(op BinaryOp, x, y Value) (r Value, ok bool, err error) {
	panic("runtime: numBinary not implemented")
}

// numUnary applies - + ~ to a number; ok is false for non-numbers.
func numUnary(op UnaryOp, x Value) (r Value, ok bool, err error) {
	panic("runtime: numUnary not implemented")
}

// numCompare compares two numbers; ok is false when either is not a number.
func numCompare(op CmpOp, x, y Value) (r bool, ok bool) { panic("runtime: numCompare not implemented") }

// numHash is hash() of a number, equal for equal numbers of any type.
func numHash(x Value) (h int64, ok bool) { panic("runtime: numHash not implemented") }

// numRepr is repr() of an inline value (int, float, bool, None).
func numRepr(x Value) string { panic("runtime: numRepr not implemented") }

// Format is Python's format(v, spec).
func Format(th *Thread, v Value, spec string) (string, error) {
	panic("runtime: Format not implemented")
}
