package vm

// This file defines the superinstructions: one dispatch of the run loop
// for a common sequence of instructions.
//
// fuseSequences rewrites only the opcode byte of a sequence's first
// instruction. Its argument and the instructions after it stay as they
// are, so a jump into the middle of a sequence runs the rest unchanged,
// and a superinstruction reads the arguments of the instructions it
// covers from the code. Its fast path covers the whole sequence and never
// raises (no traceback entry can point at the wrong instruction); when the
// fast path does not apply, it does what its first instruction alone does
// and the run loop goes on with the second, so no slow path is repeated.

import (
	"math/bits"

	"github.com/pyish/pyish/runtime"
)

// fusions lists the sequences fuseSequences looks for, the longer first
// where one starts another. BINARY_OP in a pattern also matches
// INPLACE_OP: the fast paths of the two are the same.
var fusions = []struct {
	op  Opcode
	seq []Opcode
}{
	{LOAD_FAST2_BINARY_STORE, []Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP, STORE_FAST}},
	{LOAD_FAST_ITEM_DUP, []Opcode{LOAD_FAST, LOAD_INT, DUP_TOP2, BINARY_SUBSCR}},
	{INPLACE_STORE_SUBSCR, []Opcode{INPLACE_OP, ROT_THREE, STORE_SUBSCR}},
	{LOAD_FAST2_BINARY, []Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP}},
	{LOAD_FAST_CMP_INT_JUMP, []Opcode{LOAD_FAST, LOAD_INT, COMPARE_JUMP}},
	{LOAD_FAST_BINARY_INT, []Opcode{LOAD_FAST, BINARY_OP_INT}},
	{LOAD_FAST2, []Opcode{LOAD_FAST, LOAD_FAST}},
	{STORE_FAST2, []Opcode{STORE_FAST, STORE_FAST}},
	{STORE_LOAD_FAST, []Opcode{STORE_FAST, LOAD_FAST}},
	{RETURN_FAST, []Opcode{LOAD_FAST, RETURN_VALUE}},
}

// fuseSequences rewrites the first instruction of every sequence in
// fusions (overlapping ones too: each superinstruction stands alone).
func fuseSequences(code []uint32) {
	orig := make([]Opcode, len(code))
	for i, ins := range code {
		orig[i] = Opcode(ins & 0xff)
	}
	for i := range code {
		if orig[i] == UNPACK_SEQUENCE && unpackStores(orig[i+1:], int(code[i]>>argShift)) {
			code[i] = code[i]&^0xff | uint32(UNPACK_STORE)
			continue
		}
		for _, fu := range fusions {
			if matchSeq(orig[i:], fu.seq) {
				code[i] = code[i]&^0xff | uint32(fu.op)
				break
			}
		}
	}
}

// maxUnpackStore is the most targets UNPACK_STORE takes.
const maxUnpackStore = 8

// unpackStores reports whether ops starts with n (2..maxUnpackStore)
// STORE_FASTs.
func unpackStores(ops []Opcode, n int) bool {
	if n < 2 || n > maxUnpackStore || len(ops) < n {
		return false
	}
	for _, op := range ops[:n] {
		if op != STORE_FAST {
			return false
		}
	}
	return true
}

// matchSeq reports whether ops starts with seq.
func matchSeq(ops, seq []Opcode) bool {
	if len(ops) < len(seq) {
		return false
	}
	for j, op := range seq {
		if o := ops[j]; o != op && !(op == BINARY_OP && o == INPLACE_OP) {
			return false
		}
	}
	return true
}

// binaryFast is the allocation-free part of BINARY_OP and INPLACE_OP:
// two floats (+ - * /) or two small ints (+ - * & | ^); ok is false when
// it does not apply (the instruction's own slow path then decides, or
// raises). It calls nothing (intOp's other operators are left to the
// slow path), so it needs no stack frame: as a call it costs little more
// than the operation.
func binaryFast(op runtime.BinaryOp, x, y runtime.Value) (runtime.Value, bool) {
	if x.IsFloat() {
		if y.IsFloat() {
			r, ok := floatOp(op, x.AsFloat(), y.AsFloat())
			return runtime.Float(r), ok
		}
	} else if x.IsInt() && y.IsInt() {
		a, b := x.AsInt(), y.AsInt()
		switch op {
		case runtime.OpAdd:
			r := a + b
			return runtime.Int(r), (a^r)&(b^r) >= 0
		case runtime.OpSub:
			r := a - b
			return runtime.Int(r), (a^b)&(a^r) >= 0
		case runtime.OpMul:
			hi, lo := bits.Mul64(uint64(abs(a)), uint64(abs(b)))
			ok := hi == 0 && lo <= 1<<62 && a != -1<<63 && b != -1<<63
			return runtime.Int(a * b), ok
		case runtime.OpAnd:
			return runtime.Int(a & b), true
		case runtime.OpOr:
			return runtime.Int(a | b), true
		case runtime.OpXor:
			return runtime.Int(a ^ b), true
		}
	}
	return runtime.Value{}, false
}

// binaryIntFast is the allocation-free part of BINARY_OP_INT with
// argument arg on x. Like binaryFast it calls nothing: the operators it
// leaves to the slow path are << and >>.
func binaryIntFast(arg uint32, x runtime.Value) (runtime.Value, bool) {
	k := int64(arg >> binIntShift) // never negative
	op := runtime.BinaryOp(arg & 0xf)
	if x.IsInt() {
		a := x.AsInt()
		switch op {
		case runtime.OpAdd:
			r := a + k
			return runtime.Int(r), r >= a
		case runtime.OpSub:
			r := a - k
			return runtime.Int(r), r <= a
		case runtime.OpMul:
			hi, lo := bits.Mul64(uint64(abs(a)), uint64(k))
			return runtime.Int(a * k), hi == 0 && lo <= 1<<62 && a != -1<<63
		case runtime.OpMod:
			if k > 0 {
				r := a % k
				if r < 0 {
					r += k
				}
				return runtime.Int(r), true
			}
		case runtime.OpFloorDiv:
			if k > 0 {
				q := a / k
				if a < 0 && q*k != a {
					q--
				}
				return runtime.Int(q), true
			}
		case runtime.OpAnd:
			return runtime.Int(a & k), true
		case runtime.OpOr:
			return runtime.Int(a | k), true
		case runtime.OpXor:
			return runtime.Int(a ^ k), true
		}
		return runtime.Value{}, false
	}
	if x.IsFloat() {
		r, ok := floatOp(op, x.AsFloat(), float64(k))
		return runtime.Float(r), ok
	}
	return runtime.Value{}, false
}

// cmpIntJump is the fast path of LOAD_FAST_CMP_INT_JUMP: x compared with
// k by COMPARE_JUMP's argument cj. It returns the next pc (jump, or the
// instruction after the sequence at pc) and false when x is not an int.
func cmpIntJump(x runtime.Value, k int64, cj uint32, pc int) (int, bool) {
	if !x.IsInt() {
		return 0, false
	}
	if intCompare(runtime.CmpOp(cj&7), x.AsInt(), k) == (cj&cmpJumpIfTrue != 0) {
		return int(cj >> cmpJumpShift), true
	}
	return pc, true
}

// unpackStore is the fast path of UNPACK_STORE: the items of an exact
// tuple or list of len(stores) items go straight into the locals the
// STORE_FASTs name. It is false for anything else.
func unpackStore(seq runtime.Value, locals []runtime.Value, stores []uint32) bool {
	var items []runtime.Value
	if t := runtime.ExactTuple(seq); t != nil {
		items = t.Items
	} else if l := runtime.ExactList(seq); l != nil {
		items = l.Items
	} else {
		return false
	}
	if len(items) != len(stores) {
		return false
	}
	for i, ins := range stores {
		locals[ins>>argShift] = items[i]
	}
	return true
}

// listItem returns l[k] for an exact list x and an index k in range.
func listItem(x runtime.Value, k int64) (runtime.Value, bool) {
	if l := runtime.ExactList(x); l != nil && uint64(k) < uint64(len(l.Items)) {
		return l.Items[k], true
	}
	return runtime.Value{}, false
}

// inplaceStoreSubscr is INPLACE_STORE_SUBSCR on the stack obj key old
// delta (top): obj[key] = old op delta for an exact list, an int key in
// range and a binaryFast result. It is false, with the stack untouched,
// otherwise.
func inplaceStoreSubscr(op runtime.BinaryOp, s []runtime.Value) bool {
	l := runtime.ExactList(s[0])
	if l == nil || !s[1].IsInt() {
		return false
	}
	i := s[1].AsInt()
	if i < 0 {
		i += int64(len(l.Items))
	}
	if uint64(i) >= uint64(len(l.Items)) {
		return false
	}
	var r runtime.Value
	ok := false
	if x, y := s[2], s[3]; x.IsFloat() && y.IsFloat() { // the common case, without a call
		f, ok := floatOp(op, x.AsFloat(), y.AsFloat())
		if !ok {
			return false
		}
		r = runtime.Float(f)
	} else if r, ok = binaryFast(op, x, y); !ok {
		return false
	}
	l.Items[i] = r
	s[0], s[1], s[2], s[3] = runtime.Value{}, runtime.Value{}, runtime.Value{}, runtime.Value{}
	return true
}

// inplaceSlow is INPLACE_OP past the fast paths.
func inplaceSlow(th *runtime.Thread, op runtime.BinaryOp, s []runtime.Value) error {
	v, err := runtime.InplaceBinary(th, op, s[0], s[1])
	if err != nil {
		return err
	}
	s[0], s[1] = v, runtime.Value{}
	return nil
}
