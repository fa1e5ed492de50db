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

// fusions lists the sequences fuseSequences looks for; where two of the
// same length match, the earlier wins. BINARY_OP in a pattern also
// matches INPLACE_OP: the fast paths of the two are the same.
var fusions = []struct {
	op  Opcode
	seq []Opcode
}{
	{LOAD_FAST_AUG_ITEM, []Opcode{LOAD_FAST, LOAD_INT, DUP_TOP2, BINARY_SUBSCR, LOAD_FAST, LOAD_FAST, BINARY_OP, INPLACE_OP, ROT_THREE, STORE_SUBSCR}},
	{LOAD_FAST2_BINARY_STORE, []Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP, STORE_FAST}},
	{LOAD_FAST_ITEM_DUP, []Opcode{LOAD_FAST, LOAD_INT, DUP_TOP2, BINARY_SUBSCR}},
	{LOAD_FAST2_BINARY2, []Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP, BINARY_OP}},
	{INPLACE_STORE_SUBSCR, []Opcode{INPLACE_OP, ROT_THREE, STORE_SUBSCR}},
	{LOAD_FAST2_BINARY, []Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP}},
	{LOAD_FAST_CONST_BINARY, []Opcode{LOAD_FAST, LOAD_CONST, BINARY_OP}},
	{LOAD_FAST_CMP_INT_JUMP, []Opcode{LOAD_FAST, LOAD_INT, COMPARE_JUMP}},
	{LOAD_FAST2_CMP_JUMP, []Opcode{LOAD_FAST, LOAD_FAST, COMPARE_JUMP}},
	{LOAD_FAST_BINARY_INT, []Opcode{LOAD_FAST, BINARY_OP_INT}},
	{INPLACE_OP_STORE, []Opcode{INPLACE_OP, STORE_FAST}},
	{BINARY_OP_STORE, []Opcode{BINARY_OP, STORE_FAST}},
	{FOR_ITER_STORE, []Opcode{FOR_ITER, STORE_FAST}},
	{LOAD_FAST2, []Opcode{LOAD_FAST, LOAD_FAST}},
	{STORE_FAST2, []Opcode{STORE_FAST, STORE_FAST}},
	{STORE_LOAD_FAST, []Opcode{STORE_FAST, LOAD_FAST}},
	{RETURN_FAST, []Opcode{LOAD_FAST, RETURN_VALUE}},
}

// fuseSequences rewrites the first instruction of every sequence in
// fusions (overlapping ones too: each superinstruction stands alone).
// Where sequences overlap, straight-line code runs the superinstruction
// at an instruction and then the one after the sequence it covers, so
// the choice at each instruction is the one that leaves the fewest
// dispatches to the end of the code (dynamic programming from the end):
// a STORE_FAST; LOAD_FAST pair must not swallow the first instruction of
// a longer sequence that follows.
func fuseSequences(code []uint32) {
	orig := make([]Opcode, len(code))
	for i, ins := range code {
		orig[i] = Opcode(ins & 0xff)
	}
	cost := make([]int, len(code)+1) // dispatches from i to the end
	for i := len(code) - 1; i >= 0; i-- {
		op, n := fusionAt(orig, code, i, cost)
		cost[i] = 1 + cost[min(i+n, len(code))]
		if op != orig[i] {
			code[i] = code[i]&^0xff | uint32(op)
		}
	}
}

// fusionAt chooses the superinstruction for the instruction at i (or its
// own opcode) and the number of instructions it covers, given the cost
// of every later instruction.
func fusionAt(orig []Opcode, code []uint32, i int, cost []int) (Opcode, int) {
	best, bestN := orig[i], 1
	try := func(op Opcode, n int) {
		if i+n <= len(code) && cost[i+n] < cost[i+bestN] {
			best, bestN = op, n
		}
	}
	if orig[i] == UNPACK_SEQUENCE {
		if n := unpackTreeLen(orig[i:], code[i:]); n > 0 && !unpackStores(orig[i+1:], int(code[i]>>argShift)) {
			try(UNPACK_TREE, n)
		} else if unpackStores(orig[i+1:], int(code[i]>>argShift)) {
			try(UNPACK_STORE, int(code[i]>>argShift)+1)
		}
	}
	for _, fu := range fusions {
		if matchSeq(orig[i:], fu.seq) {
			try(fu.op, len(fu.seq))
		}
	}
	return best, bestN
}

// maxUnpackTree bounds the instructions of an UNPACK_TREE (its fast path
// checks the whole tree before it stores anything).
const maxUnpackTree = 32

// unpackTreeLen is the number of instructions of a nested unpacking at
// the start of ops: UNPACK_SEQUENCE n (2..maxUnpackStore) followed by n
// targets, each a STORE_FAST or such a nested unpacking; 0 if ops does
// not start with one.
func unpackTreeLen(ops []Opcode, code []uint32) int {
	if len(ops) == 0 || ops[0] != UNPACK_SEQUENCE {
		return 0
	}
	n := int(code[0] >> argShift)
	if n < 2 || n > maxUnpackStore {
		return 0
	}
	k := 1
	for range n {
		switch {
		case k >= len(ops):
			return 0
		case ops[k] == STORE_FAST:
			k++
		default:
			m := unpackTreeLen(ops[k:], code[k:])
			if m == 0 {
				return 0
			}
			k += m
		}
		if k > maxUnpackTree {
			return 0
		}
	}
	return k
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

// binaryMixedFast is binaryFast with an int and a float too (an int
// that converts exactly), as in i * 0.5: LOAD_FAST_CONST_BINARY's fast
// path. (binaryFast itself stays as small as it is: it is inlined into
// the hotter superinstructions.)
func binaryMixedFast(op runtime.BinaryOp, x, y runtime.Value) (runtime.Value, bool) {
	switch {
	case x.IsInt() && y.IsFloat() && exactFloat(x.AsInt()):
		r, ok := floatOp(op, float64(x.AsInt()), y.AsFloat())
		return runtime.Float(r), ok
	case x.IsFloat() && y.IsInt() && exactFloat(y.AsInt()):
		r, ok := floatOp(op, x.AsFloat(), float64(y.AsInt()))
		return runtime.Float(r), ok
	}
	return binaryFast(op, x, y)
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

// firstOp maps each opcode to the instruction it stands for first: a
// superinstruction to the first of its sequence, any other to itself.
// The fast paths that walk the code after them (UNPACK_TREE) see
// rewritten opcodes there and read them through it.
var firstOp = func() (t [256]Opcode) {
	for i := range t {
		t[i] = Opcode(i)
	}
	for _, fu := range fusions {
		t[fu.op] = fu.seq[0]
	}
	t[UNPACK_STORE], t[UNPACK_TREE] = UNPACK_SEQUENCE, UNPACK_SEQUENCE
	return t
}()

// exactItems returns the items of an exact tuple or list.
func exactItems(v runtime.Value) ([]runtime.Value, bool) {
	if t := runtime.ExactTuple(v); t != nil {
		return t.Items, true
	}
	if l := runtime.ExactList(v); l != nil {
		return l.Items, true
	}
	return nil, false
}

// cmpJump is the fast path of LOAD_FAST2_CMP_JUMP: x compared with y
// (two ints or two floats) by COMPARE_JUMP's argument cj. It returns the
// next pc (jump, or the instruction after the sequence at pc) and false
// for other operands.
func cmpJump(x, y runtime.Value, cj uint32, pc int) (int, bool) {
	var t bool
	switch {
	case x.IsInt() && y.IsInt():
		t = intCompare(runtime.CmpOp(cj&7), x.AsInt(), y.AsInt())
	case x.IsFloat() && y.IsFloat():
		t = floatCompare(runtime.CmpOp(cj&7), x.AsFloat(), y.AsFloat())
	default:
		return 0, false
	}
	if t == (cj&cmpJumpIfTrue != 0) {
		return int(cj >> cmpJumpShift), true
	}
	return pc, true
}

// unpackTree is the fast path of UNPACK_TREE on seq, whose tree of
// targets is code (from the UNPACK_SEQUENCE on): while every level is an
// exact tuple or list of the length its UNPACK_SEQUENCE expects, the
// leaves go into the locals their STORE_FASTs name, in CPython's order.
// It returns the number of instructions of the tree, or 0 at the first
// level that does not fit. The leaves stored before that are the ones the
// instructions store before they reach that level, with the same values,
// so UNPACK_SEQUENCE can then run the tree from the top (and raise, or
// call an __iter__, where CPython does).
func unpackTree(seq runtime.Value, locals []runtime.Value, code []uint32) int {
	items, ok := exactItems(seq)
	if !ok || len(items) != int(code[0]>>argShift) {
		return 0
	}
	k := 1
	for i := range items {
		c := code[k]
		k++
		if firstOp[c&0xff] == STORE_FAST {
			locals[c>>argShift] = items[i]
			continue
		}
		// The two levels below are unpacked here (a call per level costs
		// more than the level), deeper ones by recursion.
		sub, ok := exactItems(items[i])
		if !ok || len(sub) != int(c>>argShift) {
			return 0
		}
		for j := range sub {
			c := code[k]
			k++
			if firstOp[c&0xff] == STORE_FAST {
				locals[c>>argShift] = sub[j]
				continue
			}
			leaves, ok := exactItems(sub[j])
			if !ok || len(leaves) != int(c>>argShift) {
				return 0
			}
			for l := range leaves {
				if c := code[k]; firstOp[c&0xff] == STORE_FAST {
					locals[c>>argShift] = leaves[l]
					k++
					continue
				}
				m := unpackTree(leaves[l], locals, code[k:])
				if m == 0 {
					return 0
				}
				k += m
			}
		}
	}
	return k
}

// augItem is the fast path of LOAD_FAST_AUG_ITEM, x[k] op2= b op1 c,
// where x is the first local and args the instructions after it (LOAD_INT
// k, DUP_TOP2, BINARY_SUBSCR, LOAD_FAST b, LOAD_FAST c, BINARY_OP op1,
// INPLACE_OP op2): for an exact list, k in range and binaryFast results,
// nothing else can run between the read and the store, so the item is
// updated in place. It is false, with nothing done, otherwise.
func augItem(x runtime.Value, locals []runtime.Value, args []uint32) bool {
	l := runtime.ExactList(x)
	k := uint64(args[0] >> argShift)
	if l == nil || k >= uint64(len(l.Items)) {
		return false
	}
	op1, op2 := runtime.BinaryOp(args[5]>>argShift), runtime.BinaryOp(args[6]>>argShift)
	b, c, old := locals[args[3]>>argShift], locals[args[4]>>argShift], l.Items[k]
	if b.IsFloat() && c.IsFloat() && old.IsFloat() { // the common case, without a call
		y, ok := floatOp(op1, b.AsFloat(), c.AsFloat())
		if !ok {
			return false
		}
		r, ok := floatOp(op2, old.AsFloat(), y)
		if !ok {
			return false
		}
		l.Items[k] = runtime.Float(r)
		return true
	}
	y, ok := binaryFast(op1, b, c)
	if !ok {
		return false
	}
	r, ok := binaryFast(op2, old, y)
	if !ok {
		return false
	}
	l.Items[k] = r
	return true
}
