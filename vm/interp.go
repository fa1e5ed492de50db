package vm

// This file defines the bytecode interpreter: one run loop that switches
// between heap frames without recursing on the Go stack.

import (
	"math/bits"

	"github.com/pyish/pyish/runtime"
)

// runStatus says why run returned.
type runStatus uint8

const (
	stReturn  runStatus = iota // the entry frame returned (or raised)
	stYield                    // a generator frame yielded to its caller
	stSuspend                  // a coroutine chain waits: the value goes to the event loop
)

// runFrame runs f as a fresh entry frame until it returns.
func runFrame(th *runtime.Thread, f *Frame) (runtime.Value, error) {
	if err := pushDepth(th); err != nil {
		return runtime.Value{}, err
	}
	d := th.Depth - 1
	f.setEntry(true)
	v, _, _, err := run(th, f)
	th.Depth = d
	return v, err
}

// pushDepth counts one more active frame, raising RecursionError past the limit.
func pushDepth(th *runtime.Thread) error {
	th.Depth++
	if th.Depth > th.MaxDepth && th.MaxDepth > 0 {
		th.Depth--
		return runtime.Errorf(runtime.RecursionError, "maximum recursion depth exceeded")
	}
	return nil
}

// run executes from frame f until the entry frame of the chain returns,
// a generator frame yields, or the chain suspends. inner is the frame that
// was running when it stopped.
func run(th *runtime.Thread, f *Frame) (result runtime.Value, status runStatus, inner *Frame, err error) {
	var (
		code      []uint32
		vals      []runtime.Value // the locals, then the value stack from sp's base on
		sp, pc    int
		ins       uint32
		reraising bool
		steps     int64
	)
load:
	code, vals, sp, pc = frameRegs(f)
	if f.flags&fThrowing != 0 {
		exc := f.takeThrowing()
		if f.flags&fAtSend == 0 {
			err = exc
			goto raise
		}
		f.flags &^= fAtSend
		v, done, e := sendTo(th, vals[sp-2], runtime.None, exc)
		pc++
		switch {
		case e != nil:
			err = e
			goto raise
		case !done:
			f.sp, f.pc = sp, pc-1
			f.flags |= fAtSend
			return v, suspendStatus(f), f, nil
		}
		sp--
		vals[sp-1] = v
	}
	for {
		ins = code[pc]
		pc++
		switch Opcode(ins & 0xff) {
		case NOP:
		case POP_TOP:
			sp--
			if ins != uint32(POP_TOP) && !vals[sp].IsInline() { // arg 1: see noteDiscarded
				noteDiscarded(th, f, pc-1, vals[sp].Object())
			}
			vals[sp] = runtime.Value{}
		case POP_ITER:
			sp--
			it := vals[sp]
			vals[sp] = runtime.Value{}
			if e := closeLoopIter(th, it); e != nil {
				err = e
				goto raise
			}
		case DUP_TOP:
			vals[sp] = vals[sp-1]
			sp++
		case DUP_TOP2:
			vals[sp] = vals[sp-2]
			vals[sp+1] = vals[sp-1]
			sp += 2
		case ROT_TWO:
			vals[sp-1], vals[sp-2] = vals[sp-2], vals[sp-1]
		case ROT_THREE:
			vals[sp-1], vals[sp-2], vals[sp-3] = vals[sp-2], vals[sp-3], vals[sp-1]
		case LOAD_CONST:
			vals[sp] = f.code.Consts[ins>>argShift]
			sp++
		case LOAD_INT:
			vals[sp] = runtime.Int(int64(ins >> argShift))
			sp++
		case LOAD_NULL:
			vals[sp] = runtime.Value{}
			sp++

		case LOAD_FAST_CONST_BINARY:
			if r, ok := binaryMixedFast(runtime.BinaryOp(code[pc+1]>>argShift), vals[ins>>argShift], f.code.Consts[code[pc]>>argShift]); ok {
				vals[sp] = r
				sp++
				pc += 2
				continue
			}
			fallthrough
		case LOAD_FAST:
			v := vals[ins>>argShift]
			if v.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = v
			sp++
		case RETURN_FAST:
			if v := vals[ins>>argShift]; !v.IsNull() && f.flags&fSlowReturn == 0 && f.gen == nil {
				th.Depth--
				back := f.back
				f.back = nil
				f = back
				f.push(v)
				goto load
			}
			v := vals[ins>>argShift]
			if v.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = v
			sp++
		case STORE_FAST:
			sp--
			vals[ins>>argShift] = vals[sp]
		case LOAD_FAST2:
			x, y := vals[ins>>argShift], vals[code[pc]>>argShift]
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
			if !y.IsNull() {
				vals[sp] = y
				sp++
				pc++
			}
		case STORE_FAST2:
			vals[ins>>argShift] = vals[sp-1]
			vals[code[pc]>>argShift] = vals[sp-2]
			sp -= 2
			pc++
		case STORE_LOAD_FAST:
			sp--
			vals[ins>>argShift] = vals[sp]
			if y := vals[code[pc]>>argShift]; !y.IsNull() {
				vals[sp] = y
				sp++
				pc++
			}
		case LOAD_FAST_BINARY_INT:
			x := vals[ins>>argShift]
			if r, ok := binaryIntFast(code[pc]>>argShift, x); ok {
				vals[sp] = r
				sp++
				pc++
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case LOAD_FAST_CMP_INT_JUMP:
			x := vals[ins>>argShift]
			if next, ok := cmpIntJump(x, int64(code[pc]>>argShift), code[pc+1]>>argShift, pc+2); ok {
				pc = next
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case LOAD_FAST2_CMP_JUMP:
			x := vals[ins>>argShift]
			if next, ok := cmpJump(x, vals[code[pc]>>argShift], code[pc+1]>>argShift, pc+2); ok {
				pc = next
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case LOAD_FAST2_BINARY2:
			x := vals[ins>>argShift]
			if r, ok := binaryFast(runtime.BinaryOp(code[pc+1]>>argShift), x, vals[code[pc]>>argShift]); ok {
				if r2, ok := binaryFast(runtime.BinaryOp(code[pc+2]>>argShift), vals[sp-1], r); ok {
					vals[sp-1] = r2
					pc += 3
					continue
				}
				vals[sp] = r
				sp++
				pc += 2
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case LOAD_FAST2_BINARY, LOAD_FAST2_BINARY_STORE:
			x := vals[ins>>argShift]
			if r, ok := binaryFast(runtime.BinaryOp(code[pc+1]>>argShift), x, vals[code[pc]>>argShift]); ok {
				if Opcode(ins&0xff) == LOAD_FAST2_BINARY {
					vals[sp] = r
					sp++
					pc += 2
					continue
				}
				vals[code[pc+2]>>argShift] = r
				pc += 3
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case LOAD_FAST_AUG_ITEM:
			if augItem(vals[ins>>argShift], vals, code[pc:pc+7]) {
				pc += 9
				continue
			}
			fallthrough
		case LOAD_FAST_ITEM_DUP:
			x := vals[ins>>argShift]
			k := int64(code[pc] >> argShift)
			if v, ok := listItem(x, k); ok {
				vals[sp] = x
				vals[sp+1] = runtime.Int(k)
				vals[sp+2] = v
				sp += 3
				pc += 3
				continue
			}
			if x.IsNull() {
				err = unboundLocal(f.code.VarNames[ins>>argShift])
				goto raise
			}
			vals[sp] = x
			sp++
		case INPLACE_STORE_SUBSCR:
			if inplaceStoreSubscr(runtime.BinaryOp(ins>>argShift), vals[sp-4:sp]) {
				sp -= 4
				pc += 2
				continue
			}
			sp--
			if err = inplaceSlow(th, runtime.BinaryOp(ins>>argShift), vals[sp-1:sp+1]); err != nil {
				goto raise
			}
		case UNPACK_TREE:
			if n := unpackTree(vals[sp-1], vals, code[pc-1:]); n > 0 {
				sp--
				vals[sp] = runtime.Value{}
				pc += n - 1
				continue
			}
			if e := unpackSequence(th, vals[sp-1], vals[sp-1:sp-1+int(ins>>argShift)]); e != nil {
				err = e
				goto raise
			}
			sp += int(ins>>argShift) - 1
		case UNPACK_STORE:
			n := int(ins >> argShift)
			if unpackStore(vals[sp-1], vals, code[pc:pc+n]) {
				sp--
				vals[sp] = runtime.Value{}
				pc += n
				continue
			}
			if e := unpackSequence(th, vals[sp-1], vals[sp-1:sp-1+n]); e != nil {
				err = e
				goto raise
			}
			sp += n - 1
		case LOAD_GLOBAL:
			v, e := loadGlobal(th, f, ins>>argShift)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp] = v
			sp++
		case STORE_GLOBAL:
			sp--
			if err = dictSet(th, f.globals, f.code.NameVals[ins>>argShift], vals[sp]); err != nil {
				goto raise
			}
		case LOAD_DEREF:
			v := f.cells[ins>>argShift].v
			if v.IsNull() {
				err = unboundDeref(f, int(ins>>argShift))
				goto raise
			}
			vals[sp] = v
			sp++
		case STORE_DEREF:
			sp--
			f.cells[ins>>argShift].v = vals[sp]
		case LOAD_CLOSURE:
			vals[sp] = runtime.Obj(f.cells[ins>>argShift])
			sp++
		case LOAD_ATTR:
			v, e := loadAttr(th, f, pc-1, vals[sp-1], ins>>argShift)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case STORE_ATTR:
			sp -= 2
			if err = storeAttr(th, f, pc-1, vals[sp+1], ins>>argShift, vals[sp]); err != nil {
				goto raise
			}
		case LOAD_METHOD:
			m, self, e := loadMethodAt(th, f, pc-1, vals[sp-1], f.code.Names[ins>>argShift])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = m
			vals[sp] = self
			sp++
		case LOAD_SUPER_METHOD:
			if err = loadSuperMethod(th, f, pc-1, vals[sp-3:sp], ins>>argShift); err != nil {
				goto raise
			}
			sp--
		case BINARY_SUBSCR:
			sp--
			v, e := getItem(th, vals[sp-1], vals[sp])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case STORE_SUBSCR:
			sp -= 3
			if err = setItem(th, vals[sp+1], vals[sp+2], vals[sp]); err != nil {
				goto raise
			}
		case BUILD_SLICE:
			n := int(ins >> argShift)
			sp -= n
			step := runtime.None
			if n == 3 {
				step = vals[sp+2]
			}
			vals[sp] = newSlice(vals[sp], vals[sp+1], step)
			sp++

		case BINARY_OP_STORE, INPLACE_OP_STORE:
			if r, ok := binaryFast(runtime.BinaryOp(ins>>argShift), vals[sp-2], vals[sp-1]); ok {
				vals[code[pc]>>argShift] = r
				sp -= 2
				pc++
				continue
			}
			fallthrough
		case BINARY_OP, INPLACE_OP:
			sp--
			x, y := vals[sp-1], vals[sp]
			if x.IsInt() && y.IsInt() {
				a, b := x.AsInt(), y.AsInt()
				switch runtime.BinaryOp(ins >> argShift) {
				case runtime.OpAdd:
					if r := a + b; (a^r)&(b^r) >= 0 {
						vals[sp-1] = runtime.Int(r)
						continue
					}
				case runtime.OpSub:
					if r := a - b; (a^b)&(a^r) >= 0 {
						vals[sp-1] = runtime.Int(r)
						continue
					}
				default:
					if r, ok := intOp(runtime.BinaryOp(ins>>argShift), a, b); ok {
						vals[sp-1] = runtime.Int(r)
						continue
					}
				}
			} else if x.IsFloat() {
				if y.IsFloat() {
					if r, ok := floatOp(runtime.BinaryOp(ins>>argShift), x.AsFloat(), y.AsFloat()); ok {
						vals[sp-1] = runtime.Float(r)
						continue
					}
				} else if y.IsInt() && exactFloat(y.AsInt()) {
					if r, ok := floatOp(runtime.BinaryOp(ins>>argShift), x.AsFloat(), float64(y.AsInt())); ok {
						vals[sp-1] = runtime.Float(r)
						continue
					}
				}
			} else if y.IsFloat() {
				if x.IsInt() && exactFloat(x.AsInt()) {
					if r, ok := floatOp(runtime.BinaryOp(ins>>argShift), float64(x.AsInt()), y.AsFloat()); ok {
						vals[sp-1] = runtime.Float(r)
						continue
					}
				}
			} else if runtime.BinaryOp(ins>>argShift) == runtime.OpAdd {
				if r, ok := runtime.ConcatExact(x, y); ok {
					vals[sp-1] = r
					vals[sp] = runtime.Value{}
					continue
				}
			}
			// binaryFrame pushes a class's operator method (these lines
			// keep the count of the ones they replaced, for PGO).
			if nf := binaryFrame(th, f, ins, vals, sp, pc); nf != nil {
				f = nf
				goto load
			}
			v, e := binarySlow(th, ins, x, y)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case BINARY_OP_INT:
			x, arg := vals[sp-1], ins>>argShift
			k := int64(arg >> binIntShift)
			if x.IsInt() {
				a := x.AsInt()
				if runtime.BinaryOp(arg&0xf) == runtime.OpAdd {
					if r := a + k; r >= a {
						vals[sp-1] = runtime.Int(r)
						continue
					}
				} else if r, ok := intOp(runtime.BinaryOp(arg&0xf), a, k); ok {
					vals[sp-1] = runtime.Int(r)
					continue
				}
			} else if x.IsFloat() {
				if r, ok := floatOp(runtime.BinaryOp(arg&0xf), x.AsFloat(), float64(k)); ok {
					vals[sp-1] = runtime.Float(r)
					continue
				}
			}
			v, e := binaryIntSlow(th, arg, x)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case UNARY_OP:
			v, e := runtime.Unary(th, runtime.UnaryOp(ins>>argShift), vals[sp-1])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case UNARY_NOT:
			t, e := truth(th, vals[sp-1])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = runtime.Bool(!t)
		case COMPARE_OP:
			sp--
			x, y := vals[sp-1], vals[sp]
			if x.IsInt() && y.IsInt() {
				vals[sp-1] = runtime.Bool(intCompare(runtime.CmpOp(ins>>argShift), x.AsInt(), y.AsInt()))
				continue
			}
			if x.IsFloat() && y.IsFloat() {
				vals[sp-1] = runtime.Bool(floatCompare(runtime.CmpOp(ins>>argShift), x.AsFloat(), y.AsFloat()))
				continue
			}
			v, e := runtime.Compare(th, runtime.CmpOp(ins>>argShift), x, y)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case COMPARE_JUMP:
			sp -= 2
			t, e := compareJump(th, ins>>argShift, vals[sp:sp+2])
			if e != nil {
				err = e
				goto raise
			}
			if t {
				pc = int(ins >> (argShift + cmpJumpShift))
			}
		case IS_OP:
			sp--
			vals[sp-1] = runtime.Bool(vals[sp-1].Is(vals[sp]) != (ins>>argShift == 1))
		case CONTAINS_OP:
			sp--
			ok, e := containsOp(th, vals[sp], vals[sp-1])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = runtime.Bool(ok != (ins>>argShift == 1))

		case JUMP:
			target := int(ins >> argShift)
			if target < pc && th.Checking() {
				steps += int64(pc - target)
				if e := checkpoint(th, &steps); e != nil {
					err = e
					goto raise
				}
			}
			pc = target
		case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
			sp--
			v := vals[sp]
			var t bool
			if v.IsBool() {
				t = v.AsBool()
			} else {
				var e error
				if t, e = truth(th, v); e != nil {
					err = e
					goto raise
				}
			}
			if t == (Opcode(ins&0xff) == POP_JUMP_IF_TRUE) {
				pc = int(ins >> argShift)
			}
		case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
			t, e := truth(th, vals[sp-1])
			if e != nil {
				err = e
				goto raise
			}
			if t == (Opcode(ins&0xff) == JUMP_IF_TRUE_OR_POP) {
				pc = int(ins >> argShift)
			} else {
				sp--
			}
		case GET_ITER:
			if op := Opcode(code[pc] & 0xff); op == FOR_ITER || op == FOR_ITER_STORE { // a for loop: no iterator object for a list or tuple
				if it, ok := runtime.SeqLoop(vals[sp-1]); ok {
					vals[sp-1] = it
					continue
				}
			}
			it, e := getIter(th, vals[sp-1])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = it
		case FOR_ITER_STORE:
			if v, ok, seq := runtime.SeqLoopNext(&vals[sp-1]); seq {
				if ok {
					vals[code[pc]>>argShift] = v
					pc++
					continue
				}
				sp--
				vals[sp] = runtime.Value{}
				pc = int(ins >> argShift)
				continue
			}
			fallthrough
		case FOR_ITER:
			v, ok, seq := runtime.SeqLoopNext(&vals[sp-1])
			if !seq {
				var e error
				if v, ok, e = vals[sp-1].Object().(runtime.Iterator).Next(th); e != nil {
					err = e
					goto raise
				}
			}
			if !ok {
				sp--
				vals[sp] = runtime.Value{}
				pc = int(ins >> argShift)
				continue
			}
			vals[sp] = v
			sp++

		case BUILD_TUPLE:
			n := int(ins >> argShift)
			sp -= n
			vals[sp] = buildTuple(vals[sp : sp+n])
			sp++
		case BUILD_LIST:
			n := int(ins >> argShift)
			sp -= n
			vals[sp] = runtime.Obj(runtime.NewList(copyValues(vals[sp : sp+n])))
			sp++
		case BUILD_MAP:
			n := int(ins >> argShift)
			sp -= 2 * n
			v, e := buildMap(th, vals[sp:sp+2*n])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp] = v
			sp++
		case LIST_APPEND:
			sp--
			l := vals[sp-int(ins>>argShift)].Object().(*runtime.List)
			l.Items = append(l.Items, vals[sp])
		case BUILD_STRING:
			n := int(ins >> argShift)
			sp -= n
			v, e := buildString(th, vals[sp:sp+n])
			if e != nil {
				err = e
				goto raise
			}
			vals[sp] = v
			sp++
		case FORMAT_VALUE:
			arg := int(ins >> argShift)
			spec := runtime.Value{}
			if arg&fmtHaveSpec != 0 {
				sp--
				spec = vals[sp]
			}
			v, e := formatValue(th, vals[sp-1], arg&3, spec)
			if e != nil {
				err = e
				goto raise
			}
			vals[sp-1] = v
		case UNPACK_SEQUENCE:
			n := int(ins >> argShift)
			if e := unpackSequence(th, vals[sp-1], vals[sp-1:sp-1+n]); e != nil {
				err = e
				goto raise
			}
			sp += n - 1
		case MAKE_FUNCTION:
			co := f.code.Codes[ins>>argShift]
			n := co.MakeOperands
			sp -= n
			vals[sp] = runtime.Obj(makeFunction(th, co, f.globals, vals[sp:sp+n]))
			sp++
		case CALL, CALL_KW, CALL_METHOD, CALL_METHOD_KW:
			// The common call: a plain pyish function given exactly its
			// positional parameters, below the recursion limit (MaxDepth 0,
			// no limit, takes the general path), no checkpoint pending.
			if Opcode(ins&0xff) == CALL {
				base := sp - int(ins>>argShift) - 1
				if fn, ok := vals[base].Ref().(*Function); ok && fn.simpleArgc == int(ins>>argShift) &&
					uint(th.Depth) < uint(th.MaxDepth) && !th.Checking() {
					th.Depth++
					f = pushCall(f, fn, vals, base, sp, pc)
					goto load
				}
			}
			op := Opcode(ins & 0xff)
			n := int(ins >> argShift & 0xff)
			var kwnames []string
			if op == CALL_KW || op == CALL_METHOD_KW {
				kwnames = f.code.KwNames[ins>>(argShift+8)]
			}
			base := sp - n - 1 // the callable
			args := vals[base+1 : sp]
			hasSelf := false
			if op == CALL_METHOD || op == CALL_METHOD_KW {
				base--
				if hasSelf = !vals[base+1].IsNull(); hasSelf {
					args = vals[base+1 : sp]
				}
			}
			if th.Checking() {
				steps++
				if e := checkpoint(th, &steps); e != nil {
					err = e
					goto raise
				}
			}
			fnv := vals[base]
			if fn, ok := fnv.Object().(*Function); ok && len(kwnames) == 0 && fn.simpleCall(len(args)) {
				if th.Depth < th.MaxDepth || th.MaxDepth <= 0 {
					th.Depth++
					nf := simpleCallFrame(fn, args, f.child)
					clearValues(vals[base:sp])
					f.sp, f.pc = base, pc
					f.child = nf
					nf.back = f
					f = nf
					goto load
				}
			}
			if bm, ok := fnv.Object().(*runtime.BuiltinMethod); ok && hasSelf {
				v, e := bm.Fn(th, args[0], args[1:], kwnames)
				clearValues(vals[base:sp])
				sp = base
				if e != nil {
					err = e
					goto raise
				}
				vals[sp] = v
				sp++
				continue
			}
			if m, ok := fnv.Object().(*Method); ok && !hasSelf {
				// A bound method: self goes into the slot before the arguments.
				self := base
				if op == CALL_METHOD || op == CALL_METHOD_KW {
					self++
				}
				vals[self] = m.Self
				args = vals[self:sp]
				fnv = runtime.Obj(m.Fn)
			}
			slot := base
			if op == CALL_METHOD || op == CALL_METHOD_KW {
				slot++
			}
			if nf, e := calleeFrame(th, f, fnv, vals[:sp], slot, args, kwnames, hasSelf); e != nil || nf != nil {
				if e != nil {
					err = e
					goto raise
				}
				clearValues(vals[base:sp])
				f.sp, f.pc = base, pc
				f.child = nf
				nf.back = f
				f = nf
				goto load
			}
			v, e := callValue(th, fnv, args, kwnames)
			clearValues(vals[base:sp])
			sp = base
			if e != nil {
				err = e
				goto raise
			}
			vals[sp] = v
			sp++
		case CALL_HASH_TUPLE:
			if sp, err = callHashTuple(th, vals, sp, int(ins>>argShift)); err != nil {
				goto raise
			}
		case CALL_EX:
			withKw := ins>>argShift&1 != 0
			base := sp - 2
			if withKw {
				base--
			}
			if e := checkpoint(th, &steps); e != nil {
				err = e
				goto raise
			}
			v, e := callEx(th, vals[base], vals[base+1], vals[sp-1], withKw)
			clearValues(vals[base:sp])
			sp = base
			if e != nil {
				err = e
				goto raise
			}
			vals[sp] = v
			sp++
		case RETURN_VALUE:
			sp--
			v := vals[sp]
			if f.flags&fSlowReturn == 0 && f.gen == nil {
				// A plain call returns: hand v to the caller. (A module
				// body, whose echo the other paths return, always runs
				// in an entry frame or a coroutine.)
				th.Depth--
				back := f.back
				f.back = nil
				f = back
				f.push(v)
				goto load
			}
			if f.x != nil && f.code.Flags&flagModule != 0 && !f.x.echo.IsNull() {
				v = f.x.echo
			}
			f.sp, f.pc = sp, pc
			if f.flags&fEntry != 0 {
				if f.gen != nil {
					f.gen.finish()
				}
				return v, stReturn, f, nil
			}
			back, e := leaveFrame(th, f, v)
			f = back
			if e != nil {
				code, vals, sp, pc = frameRegs(f)
				err = e
				goto raise
			}
			goto load
		case SETUP_FINALLY:
			f.blocks = append(f.blocks, block{handler: int32(ins >> argShift), level: int32(sp)})
		case SETUP_WITH:
			f.blocks = append(f.blocks, block{handler: int32(ins >> argShift), level: int32(sp - 1)})
		case POP_BLOCK:
			f.blocks = f.blocks[:len(f.blocks)-1]
		case RERAISE:
			sp--
			err, reraising = vals[sp].Object().(*runtime.Exception), true
			goto raise
		case PUSH_EXC_INFO:
			exc := vals[sp-1]
			vals[sp-1] = excValue(f.handling)
			vals[sp] = exc
			sp++
			f.handling = exc.Object().(*runtime.Exception)
		case POP_EXCEPT:
			sp -= 2
			f.handling, _ = vals[sp].Object().(*runtime.Exception)
			clearValues(vals[sp : sp+2])
		case CLEANUP_RERAISE:
			sp -= 3
			f.handling, _ = vals[sp].Object().(*runtime.Exception)
			err, reraising = vals[sp+2].Object().(*runtime.Exception), true
			goto raise
		case YIELD_VALUE:
			sp--
			v := vals[sp]
			vals[sp] = runtime.Value{}
			f.sp, f.pc = sp, pc
			if f.flags&fEntry != 0 || f.gen == nil || f.gen.kind != kindAsyncGen {
				return v, stYield, f, nil
			}
			back, e := asyncGenYield(th, f, v)
			f = back
			if e != nil {
				code, vals, sp, pc = frameRegs(f)
				err = e
				goto raise
			}
			goto load
		case SEND:
			nf, v, linked, e := linkAwait(th, f, vals[sp-2], vals[sp-1])
			if linked {
				sp -= 2
				clearValues(vals[sp : sp+2])
				if e != nil {
					err = e
					goto raise
				}
				if nf == nil { // finished at once
					vals[sp] = v
					sp++
					continue
				}
				f.sp, f.pc = sp, pc
				f = nf
				goto load
			}
			v, done, e := sendTo(th, vals[sp-2], vals[sp-1], nil)
			if e != nil {
				err = e
				goto raise
			}
			if !done {
				f.sp, f.pc = sp, pc-1
				f.flags |= fAtSend
				return v, suspendStatus(f), f, nil
			}
			sp--
			vals[sp] = runtime.Value{}
			vals[sp-1] = v
		default:
			// The rarer operations, out of the loop so that its hot cases
			// stay small enough for the compiler to inline their helpers.
			nloc := len(f.code.VarNames)
			nsp, jump, e, rr := coldOp(th, f, ins, vals[nloc:], sp-nloc)
			sp = nloc + nsp
			if e != nil {
				err, reraising = e, rr
				goto raise
			}
			if jump >= 0 {
				pc = jump
			}
		}
	}

raise:
	// Unwind: find a handler in f or the frames it returns to.
	{
		exc := toException(err)
		err = nil
		if !reraising {
			f.pc = pc
			noteRaise(f, exc)
		}
		reraising = false
		for {
			if n := len(f.blocks); n > 0 {
				b := f.blocks[n-1]
				f.blocks = f.blocks[:n-1]
				if int(b.level) < sp {
					clearValues(f.vals[b.level:sp])
				}
				f.vals[b.level] = runtime.Obj(exc)
				f.sp, f.pc = int(b.level)+1, int(b.handler)
				goto load
			}
			f.sp = len(f.code.VarNames)
			exc = frameFailed(f, exc)
			if f.flags&fEntry != 0 {
				return runtime.Value{}, stReturn, f, exc
			}
			back, resumed := leaveFrameWithError(th, f, exc)
			f = back
			sp = f.sp
			if resumed {
				goto load
			}
			noteRaise(f, exc)
		}
	}
}

// compareJump is COMPARE_JUMP with argument arg on the operands xy
// (cleared): whether to jump. It is a function, not a case body, because
// more code in the run loop makes the compiler spill its hot registers.
func compareJump(th *runtime.Thread, arg uint32, xy []runtime.Value) (bool, error) {
	x, y := xy[0], xy[1]
	xy[0], xy[1] = runtime.Value{}, runtime.Value{}
	op := runtime.CmpOp(arg & 7)
	var t bool
	switch {
	case x.IsInt() && y.IsInt():
		t = intCompare(op, x.AsInt(), y.AsInt())
	case x.IsFloat() && y.IsFloat():
		t = floatCompare(op, x.AsFloat(), y.AsFloat())
	default:
		v, err := runtime.Compare(th, op, x, y)
		if err != nil {
			return false, err
		}
		if v.IsBool() {
			t = v.AsBool()
		} else if t, err = truth(th, v); err != nil {
			return false, err
		}
	}
	return t == (arg&cmpJumpIfTrue != 0), nil
}

// binarySlow is BINARY_OP, BINARY_OP_STORE and INPLACE_OP past their fast
// paths.
func binarySlow(th *runtime.Thread, ins uint32, x, y runtime.Value) (runtime.Value, error) {
	if op := Opcode(ins & 0xff); op == BINARY_OP || op == BINARY_OP_STORE {
		return runtime.Binary(th, runtime.BinaryOp(ins>>argShift), x, y)
	}
	return runtime.InplaceBinary(th, runtime.BinaryOp(ins>>argShift), x, y)
}

// binaryIntSlow is BINARY_OP_INT past its int and float fast paths.
func binaryIntSlow(th *runtime.Thread, arg uint32, x runtime.Value) (runtime.Value, error) {
	op, k := runtime.BinaryOp(arg&0xf), runtime.Int(int64(arg>>binIntShift))
	if arg&binIntInplace != 0 {
		return runtime.InplaceBinary(th, op, x, k)
	}
	return runtime.Binary(th, op, x, k)
}

// pushCall enters the frame of a simpleCall of fn from f: the callable
// and its arguments are stack[base:sp] (f's vals; moved out), f resumes
// at pc with the result at base. The new frame starts at pc 0 with an
// empty stack.
func pushCall(f *Frame, fn *Function, stack []runtime.Value, base, sp, pc int) *Frame {
	co := fn.code
	n := len(co.VarNames)
	nf := f.child
	if nf == nil || len(nf.vals) < n+co.StackSize {
		nf = newFrame(co, fn.globals)
		f.child = nf
	} else {
		nf.resetFor(co, fn.globals)
	}
	nf.fn = fn
	// Element moves: cheaper than copy's typedslicecopy for a few values.
	vals := nf.vals[:n]
	stack[base] = runtime.Value{}
	i := 0
	for j := base + 1; j < sp && i < len(vals); j++ {
		vals[i] = stack[j]
		stack[j] = runtime.Value{}
		i++
	}
	for ; i < len(vals); i++ {
		vals[i] = runtime.Value{}
	}
	f.sp, f.pc = base, pc
	nf.back = f
	return nf
}

// frameRegs returns what the run loop keeps in locals while it runs f.
// One slice holds both the locals and the stack (sp indexes it), so the
// loop has one slice less to keep in registers or spill.
func frameRegs(f *Frame) (code []uint32, vals []runtime.Value, sp, pc int) {
	return f.code.Code, f.vals, f.sp, f.pc
}

// suspendStatus is how a frame suspended in SEND reports to its resumer:
// a plain generator yields the value to its caller; a coroutine chain
// suspends.
func suspendStatus(f *Frame) runStatus {
	if f.gen != nil && f.gen.kind == kindGenerator {
		return stYield
	}
	return stSuspend
}

// checkpoint runs at calls and backward jumps: interrupts and the step limit.
func checkpoint(th *runtime.Thread, steps *int64) error {
	if th.MaxSteps > 0 {
		th.Steps += *steps
		*steps = 0
		if th.Steps > th.MaxSteps {
			return runtime.Errorf(runtime.RuntimeError, "step limit exceeded (%d instructions)", th.MaxSteps)
		}
	}
	if exc := th.TakeInterrupt(); exc != nil {
		return exc
	}
	return nil
}

// intOp is the int64 fast path of the binary operators: ok is false when
// the result does not fit or the operation raises (the slow path then
// builds the big int or the exception).
func intOp(op runtime.BinaryOp, x, y int64) (int64, bool) {
	switch op {
	case runtime.OpAdd:
		r := x + y
		return r, (x^r)&(y^r) >= 0
	case runtime.OpSub:
		r := x - y
		return r, (x^y)&(x^r) >= 0
	case runtime.OpMul:
		hi, lo := bits.Mul64(uint64(abs(x)), uint64(abs(y)))
		if hi != 0 || lo > 1<<62 || x == -1<<63 || y == -1<<63 {
			return 0, false
		}
		return x * y, true
	case runtime.OpMod:
		if y == 0 {
			return 0, false
		}
		r := x % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
		return r, true
	case runtime.OpFloorDiv:
		if y == 0 || (y == -1 && x == -1<<63) {
			return 0, false
		}
		q := x / y
		if (x%y != 0) && ((x < 0) != (y < 0)) {
			q--
		}
		return q, true
	case runtime.OpAnd:
		return x & y, true
	case runtime.OpOr:
		return x | y, true
	case runtime.OpXor:
		return x ^ y, true
	case runtime.OpLShift:
		if y < 0 || y >= 63 {
			return 0, false
		}
		r := x << uint(y)
		return r, r>>uint(y) == x
	case runtime.OpRShift:
		if y < 0 {
			return 0, false
		}
		if y >= 63 {
			return x >> 63, true
		}
		return x >> uint(y), true
	}
	return 0, false
}

// floatOp is the float fast path of + - * /; ok is false for other
// operators and division by zero.
func floatOp(op runtime.BinaryOp, x, y float64) (float64, bool) {
	switch op {
	case runtime.OpAdd:
		return x + y, true
	case runtime.OpSub:
		return x - y, true
	case runtime.OpMul:
		return x * y, true
	case runtime.OpDiv:
		if y != 0 {
			return x / y, true
		}
	}
	return 0, false
}

// exactFloat reports whether the int converts to float exactly.
func exactFloat(i int64) bool { return i >= -1<<53 && i <= 1<<53 }

func floatCompare(op runtime.CmpOp, x, y float64) bool {
	switch op {
	case runtime.CmpEq:
		return x == y
	case runtime.CmpNe:
		return x != y
	case runtime.CmpLt:
		return x < y
	case runtime.CmpLe:
		return x <= y
	case runtime.CmpGt:
		return x > y
	}
	return x >= y
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func intCompare(op runtime.CmpOp, x, y int64) bool {
	switch op {
	case runtime.CmpEq:
		return x == y
	case runtime.CmpNe:
		return x != y
	case runtime.CmpLt:
		return x < y
	case runtime.CmpLe:
		return x <= y
	case runtime.CmpGt:
		return x > y
	}
	return x >= y
}

func copyValues(vs []runtime.Value) []runtime.Value {
	if len(vs) == 0 {
		return nil
	}
	out := make([]runtime.Value, len(vs))
	copy(out, vs)
	clearValues(vs)
	return out
}

// clearValues zeroes vs (a few stack slots: element stores are cheaper
// than the bulk clear a range loop compiles to).
func clearValues(vs []runtime.Value) {
	for i := 0; i < len(vs); i++ {
		vs[i] = runtime.Value{}
	}
}
