package vm

// This file holds the run loop's rarer operations (see coldOp).

import "github.com/pyish/pyish/runtime"

// coldOp runs one of the operations the run loop leaves out of its own
// switch: none of them switches frames. It returns the new stack depth,
// the jump target or -1, and an error to raise (reraising: without a new
// traceback entry).
func coldOp(th *runtime.Thread, f *Frame, ins uint32, stack []runtime.Value, spIn int) (sp, jump int, err error, reraising bool) {
	sp, jump = spIn, -1
	switch op := Opcode(ins & 0xff); op {
	case ROT_N, GET_LEN, MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS, MATCH_REST:
		sp, err = matchOp(th, op, ins>>argShift, stack, sp)
	case ADD_CHAIN:
		err = runtime.ConcatChainAdd(th, stack[sp-1-int(ins>>argShift):sp])
	case ADD_CHAIN_END:
		sp, err = addChainEnd(th, stack, sp, int(ins>>argShift))
	case BINARY_SLICE:
		sp -= 2
		v, e := runtime.GetSlice(th, stack[sp-1], stack[sp], stack[sp+1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1], stack[sp], stack[sp+1] = v, runtime.Value{}, runtime.Value{}
	case ROT_FOUR:
		stack[sp-1], stack[sp-2], stack[sp-3], stack[sp-4] = stack[sp-2], stack[sp-3], stack[sp-4], stack[sp-1]
	case DELETE_FAST:
		i := ins >> argShift
		if f.locals()[i].IsNull() {
			err = unboundLocal(f.code.VarNames[i])
			return
		}
		f.locals()[i] = runtime.Value{}
	case CLEAR_FAST:
		arg := ins >> argShift
		first := arg & (1<<clearCountShift - 1)
		clear(f.locals()[first : first+arg>>clearCountShift])
	case MAKE_CELL:
		makeCell(f, int(ins>>argShift))
	case DELETE_GLOBAL:
		if err = deleteName(th, f, f.globals, f.code.Names[ins>>argShift]); err != nil {
			return
		}
	case LOAD_NAME:
		v, e := loadName(th, f, ins>>argShift)
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++
	case STORE_NAME:
		sp--
		if err = dictSet(th, f.namespace(), f.code.NameVals[ins>>argShift], stack[sp]); err != nil {
			return
		}
	case DELETE_NAME:
		if err = deleteName(th, f, f.namespace(), f.code.Names[ins>>argShift]); err != nil {
			return
		}
	case DELETE_DEREF:
		c := f.cells[ins>>argShift]
		if c.v.IsNull() {
			err = unboundDeref(f, int(ins>>argShift))
			return
		}
		c.v = runtime.Value{}
	case LOAD_CLASSDEREF:
		v, e := loadClassDeref(th, f, int(ins>>argShift))
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++

	case DELETE_ATTR:
		sp--
		if err = runtime.DelAttr(th, stack[sp], f.code.Names[ins>>argShift]); err != nil {
			return
		}
	case DELETE_SUBSCR:
		sp -= 2
		if err = runtime.DelItem(th, stack[sp], stack[sp+1]); err != nil {
			return
		}
	case BUILD_SET_CONST:
		s, e := runtime.NewSetDisplay(th, f.code.Consts[ins>>argShift].Object().(*runtime.Tuple).Items)
		if e != nil {
			err = e
			return
		}
		stack[sp] = runtime.Obj(s)
		sp++
	case BUILD_SET:
		n := int(ins >> argShift)
		sp -= n
		v, e := newSet(th, stack[sp:sp+n])
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++
	case SET_ADD:
		sp--
		if err = setAdd(th, stack[sp-int(ins>>argShift)], stack[sp]); err != nil {
			return
		}
	case MAP_ADD:
		sp -= 2
		if err = runtime.SetItem(th, stack[sp-int(ins>>argShift)], stack[sp], stack[sp+1]); err != nil {
			return
		}
	case LIST_EXTEND:
		sp--
		if err = listExtend(th, stack[sp-int(ins>>argShift)], stack[sp]); err != nil {
			return
		}
	case SET_UPDATE:
		sp--
		if err = setUpdate(th, stack[sp-int(ins>>argShift)], stack[sp]); err != nil {
			return
		}
	case DICT_UPDATE:
		sp--
		if err = dictUpdate(th, stack[sp-int(ins>>argShift)], stack[sp], runtime.Value{}); err != nil {
			return
		}
	case DICT_MERGE:
		sp--
		if err = dictUpdate(th, stack[sp-1], stack[sp], stack[sp-int(ins>>argShift)]); err != nil {
			return
		}
	case LIST_TO_TUPLE:
		l := stack[sp-1].Object().(*runtime.List)
		stack[sp-1] = runtime.Obj(runtime.NewTuple(l.Items))
	case UNPACK_EX:
		arg := int(ins >> argShift)
		n, e := unpackEx(th, stack[sp-1], arg&0xff, arg>>8, stack[sp-1:])
		if e != nil {
			err = e
			return
		}
		sp += n - 1

	case BUILD_CLASS:
		arg := int(ins >> argShift)
		nb := arg & 0xff
		var kwnames []string
		if k := arg >> 8; k > 0 {
			kwnames = f.code.KwNames[k-1]
		}
		base := sp - nb - len(kwnames) - 2
		v, e := buildClass(th, stack[base], stack[base+1], stack[base+2:base+2+nb], kwnames, stack[base+2+nb:sp])
		clearValues(stack[base:sp])
		sp = base
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++

	case RAISE:
		n := int(ins >> argShift)
		sp -= n
		if n == 0 {
			exc := f.handled()
			if exc == nil {
				err = runtime.Errorf(runtime.RuntimeError, "No active exception to reraise")
			} else {
				err, reraising = exc, true
			}
			return
		}
		cause := runtime.Value{}
		if n == 2 {
			cause = stack[sp+1]
		}
		err = makeRaise(th, stack[sp], cause)
		return
	case EG_BEGIN:
		stack[sp-1] = runtime.Obj(newStarState(stack[sp-1].Object().(*runtime.Exception)))
	case EG_MATCH:
		st := stack[sp-2].Object().(*starState)
		match, e := st.match(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		if match == nil {
			sp--
			stack[sp] = runtime.Value{}
			jump = int(ins >> argShift)
			return
		}
		stack[sp-1] = runtime.Obj(match)
		f.handling = match
	case EG_RAISED:
		sp--
		st := stack[sp-1].Object().(*starState)
		st.raised = append(st.raised, stack[sp].Object().(*runtime.Exception))
		stack[sp] = runtime.Value{}
		f.handling = st.orig
	case EG_END:
		st := stack[sp-1].Object().(*starState)
		f.handling = st.orig
		if exc := runtime.PrepReraiseStar(st.orig, st.rest, st.raised); exc != nil {
			err, reraising = exc, exc == st.orig
			return
		}
	case CHECK_EXC_MATCH:
		ok, e := exceptionMatches(th, stack[sp-2], stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = runtime.Bool(ok)
	case BEFORE_WITH:
		exit, res, e := beforeWith(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = exit
		stack[sp] = res
		sp++
	case WITH_EXCEPT_START:
		v, e := withExceptStart(th, stack[sp-3], stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++
	case LOAD_ASSERTION_ERROR:
		stack[sp] = runtime.Obj(runtime.AssertionError)
		sp++

	case GET_YIELD_FROM_ITER:
		v, e := getYieldFromIter(th, f, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = v
	case GET_AWAITABLE:
		v, e := getAwaitable(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = v
	case GET_AITER:
		v, e := getAIter(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = v
	case GET_ANEXT:
		v, e := getANext(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++
	case END_ASYNC_FOR:
		sp -= 2
		exc := stack[sp+1].Object().(*runtime.Exception)
		clearValues(stack[sp : sp+2])
		if !runtime.IsSubtype(exc.Type(), runtime.StopAsyncIteration) {
			err, reraising = exc, true
			return
		}
	case BEFORE_ASYNC_WITH:
		exit, aw, e := beforeAsyncWith(th, stack[sp-1])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = exit
		stack[sp] = aw
		sp++

	case IMPORT_NAME:
		sp--
		v, e := importName(th, f.code.Names[ins>>argShift], stack[sp-1], stack[sp])
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = v
	case IMPORT_FROM:
		v, e := importFrom(th, stack[sp-1], f.code.Names[ins>>argShift])
		if e != nil {
			err = e
			return
		}
		stack[sp] = v
		sp++
	case IMPORT_STAR:
		sp--
		if err = importStar(th, stack[sp], f.namespace()); err != nil {
			return
		}
	case SCOPE_CALL:
		kind := scopeBuiltin(ins >> argShift & (1<<scopeViewShift - 1))
		n := scopeArgs(kind)
		v, e := scopeCall(th, f, stack[sp-1-n], stack[sp-n:sp], kind, int(ins>>(argShift+scopeViewShift)))
		clearValues(stack[sp-n : sp])
		sp -= n
		if e != nil {
			err = e
			return
		}
		stack[sp-1] = v
	case PRINT_EXPR:
		sp--
		if err = printExpr(th, f, stack[sp], ins>>argShift != 0); err != nil {
			return
		}

	default:
		panic("vm: unknown opcode " + Opcode(ins&0xff).String())
	}
	return sp, jump, err, reraising
}
