package vm

// This file defines the instruction set.

// An instruction is a uint32: the opcode in the low 8 bits and an unsigned
// 24-bit argument above it. Jump arguments are absolute instruction indexes.
const (
	argShift = 8
	maxArg   = 1<<24 - 1
)

// Opcode is one VM operation. Each comment gives the stack picture
// (before → after, top of stack rightmost).
type Opcode uint8

// Opcodes.
const (
	NOP Opcode = iota //                 -

	// Stack manipulation.
	POP_TOP  //                        x → -    (arg 1: x is the value of an expression statement that is a call)
	POP_ITER //                       it → -    (closes a generator the loop made)

	// except* (PEP 654); state is the statement's split state.
	EG_BEGIN   //                        exc → state
	EG_MATCH   //                    state T → state match | state (jump)
	EG_RAISED  //                 state exc2 → state      (a handler raised exc2)
	EG_END     //                      state → state      (raises what is left)
	DUP_TOP    //                        x → x x
	DUP_TOP2   //                      x y → x y x y
	ROT_TWO    //                      x y → y x
	ROT_THREE  //                    x y z → z x y
	ROT_FOUR   //                  w x y z → z w x y
	LOAD_CONST //                        - → consts[arg]
	LOAD_INT   //                        - → int(arg)
	LOAD_NULL  //                        - → null (the zero Value)

	// Variables.
	LOAD_FAST       //                   - → locals[arg]
	STORE_FAST      //                   x → -
	DELETE_FAST     //                   - → -
	LOAD_GLOBAL     //                   - → globals/builtins[names[arg]]
	STORE_GLOBAL    //                   x → -
	DELETE_GLOBAL   //                   - → -
	LOAD_NAME       //                   - → ns/globals/builtins[names[arg]]
	STORE_NAME      //                   x → -
	DELETE_NAME     //                   - → -
	LOAD_DEREF      //                   - → cells[arg].v
	STORE_DEREF     //                   x → -
	DELETE_DEREF    //                   - → -
	LOAD_CLOSURE    //                   - → cells[arg] (as a value)
	LOAD_CLASSDEREF //                   - → ns[name] or cells[arg].v

	// Attributes and items.
	LOAD_ATTR     //                   obj → obj.names[arg]
	STORE_ATTR    //                 x obj → -
	DELETE_ATTR   //                   obj → -
	LOAD_METHOD   //                   obj → meth self | attr null
	BINARY_SUBSCR //               obj key → obj[key]
	STORE_SUBSCR  //             x obj key → -
	DELETE_SUBSCR //               obj key → -
	BUILD_SLICE   //    lo hi [step] (arg) → slice

	// Operators.
	BINARY_OP  //                     x y → x op y     (arg: runtime.BinaryOp)
	INPLACE_OP //                     x y → x op= y    (arg: runtime.BinaryOp)
	// BINARY_OP_INT is LOAD_INT k then BINARY_OP or INPLACE_OP, fused by
	// the compiler (see emitBinary).
	BINARY_OP_INT //                     x → x op k     (arg: op | inplace<<4 | k<<5)
	UNARY_OP      //                       x → op x       (arg: runtime.UnaryOp)
	UNARY_NOT     //                       x → not x
	COMPARE_OP    //                     x y → x op y     (arg: runtime.CmpOp)
	// COMPARE_JUMP is COMPARE_OP then POP_JUMP_IF_FALSE (or _TRUE when
	// arg&cmpJumpIfTrue), fused by the compiler (see emitJump).
	COMPARE_JUMP //                    x y → -          (arg: op | ifTrue<<3 | target<<4)
	IS_OP        //                     x y → x is y     (arg 1: is not)
	CONTAINS_OP  //                     x y → x in y     (arg 1: not in)

	// Control flow (arg: target index).
	JUMP                 //              - → -
	POP_JUMP_IF_FALSE    //              x → -
	POP_JUMP_IF_TRUE     //              x → -
	JUMP_IF_FALSE_OR_POP //              x → x (jumped) | - (fell through)
	JUMP_IF_TRUE_OR_POP  //              x → x (jumped) | -
	GET_ITER             //            obj → iter
	FOR_ITER             //           iter → iter next | - (jumped when exhausted)

	// Building values.
	BUILD_TUPLE     //               x1..xn → tuple
	BUILD_LIST      //               x1..xn → list
	BUILD_SET       //               x1..xn → set
	BUILD_SET_CONST //                    - → set of the tuple consts[arg] (CPython's display order)
	BUILD_MAP       //       k1 v1..kn vn → dict
	LIST_APPEND     //  list ... x (arg=depth of list below x) → list ...
	SET_ADD         //   set ... x → set ...
	MAP_ADD         //  dict ... k v → dict ...
	LIST_EXTEND     //    list it → list
	SET_UPDATE      //     set it → set
	DICT_UPDATE     //  dict mapping → dict
	DICT_MERGE      //  dict mapping → dict (call-site **: duplicates are errors; arg: depth of the callable)
	LIST_TO_TUPLE   //            list → tuple
	BUILD_STRING    //           s1..sn → str
	FORMAT_VALUE    //     x [spec] → str (arg: conversion | 4 when a spec is on the stack)
	UNPACK_SEQUENCE //           seq → xn..x1
	UNPACK_EX       //           seq → after.. list before.. (arg: before | after<<8)

	// Functions and calls.
	MAKE_FUNCTION  // defaults.. kwdefaults.. cells.. → fn  (arg: index into Code.Codes)
	CALL           //        fn x1..xn → result (arg: n)
	CALL_KW        //  fn x1..xn k1..km → result (arg: n+m | kwnames index<<8)
	CALL_METHOD    //  meth self x1..xn → result (self may be null)
	CALL_METHOD_KW //  meth self args kws → result (arg as CALL_KW)
	CALL_EX        //   fn list [dict] → result (arg 1: dict present)
	RETURN_VALUE   //                x → (returns)
	BUILD_CLASS    // body name bases.. [kwvalues..] → class (arg: nbases | kwnames index+1 <<8)

	// Exceptions.
	SETUP_FINALLY        //            - → -  (push a handler block at the current depth)
	SETUP_WITH           //         exit x → exit x (handler block at depth-1)
	POP_BLOCK            //            - → -
	RAISE                // [exc [cause]] → (raises; arg = number of operands)
	RERAISE              //          exc → (re-raises without a new traceback entry)
	PUSH_EXC_INFO        //          exc → prev exc (exc becomes the handled exception)
	POP_EXCEPT           //     prev exc → -    (restores the handled exception)
	CLEANUP_RERAISE      // prev exc exc2 → (restores prev, re-raises exc2)
	CHECK_EXC_MATCH      //        exc E → exc bool
	BEFORE_WITH          //          ctx → exit enter()
	WITH_EXCEPT_START    // exit prev exc → exit prev exc exit(type, exc, None)
	LOAD_ASSERTION_ERROR //          - → AssertionError

	// Generators and coroutines.
	YIELD_VALUE         //           x → sent
	GET_YIELD_FROM_ITER //         obj → iter
	GET_AWAITABLE       //         obj → awaitable
	SEND                //   sub value → result (suspends in place while sub is running)
	GET_AITER           //         obj → aiter
	GET_ANEXT           //       aiter → aiter awaitable
	END_ASYNC_FOR       //   aiter exc → - (swallows StopAsyncIteration, else re-raises)
	BEFORE_ASYNC_WITH   //         ctx → aexit awaitable(aenter())

	// Modules.
	IMPORT_NAME //         level fromlist → module (arg: name index)
	IMPORT_FROM //              module → module attr
	IMPORT_STAR //              module → -

	// Interactive mode.
	PRINT_EXPR //                    x → -
	SCOPE_CALL //                   fn [source] → fn(…)  (globals/locals/vars/dir/eval/exec/sys.exc_info of this frame when fn is the builtin; arg: scopeBuiltin | view<<scopeViewShift)

	// Inlined comprehensions (PEP 709).
	CLEAR_FAST //                    - → -   (unbinds count locals from slot; arg: slot | count<<clearCountShift)
	MAKE_CELL  //                    - → -   (cells[arg] = a new empty cell)

	// Pattern matching (match statements; see compile_match.go).
	ROT_N          //         x1..xn-1 y → y x1..xn-1 (arg: n)
	GET_LEN        //            subject → subject len(subject)
	MATCH_SEQUENCE //            subject → subject bool
	MATCH_MAPPING  //            subject → subject bool
	MATCH_KEYS     //       subject keys → subject keys values|None
	MATCH_CLASS    //  subject cls names → attrs|None (arg: positional count)
	MATCH_REST     //       subject keys → dict of the other items

	// LOAD_SUPER_METHOD is super() (compiled as super(__class__, first))
	// then LOAD_METHOD names[arg], fused as CPython 3.12's LOAD_SUPER_ATTR:
	// the builtin super makes no super object.
	LOAD_SUPER_METHOD //  super cls self → meth self | attr null
	// CALL_HASH_TUPLE is hash((x1, .., xn)): the builtin hash hashes the
	// items without building the tuple; any other callable gets the tuple.
	CALL_HASH_TUPLE //        fn x1..xn → fn((x1, .., xn)) (arg: n)
	// ADD_CHAIN and ADD_CHAIN_END run x0 + x1 + … + xn as one
	// concatenation when its operands are exact strs (see strChain and
	// runtime.ConcatChainAdd); arg k is the index of the operand on top.
	ADD_CHAIN     //          x0..xk → x0..xk (additions done or waiting)
	ADD_CHAIN_END //          x0..xk → x0 + … + xk
	BINARY_SLICE  //        x lo hi → x[lo:hi] (no slice object for a str or list)

	// Superinstructions: the first instruction of a common sequence,
	// rewritten by fuseSequences after compilation. Each keeps its own
	// argument; the rest of the sequence stays in place, is read for its
	// arguments and skipped. When its fast path does not apply, a
	// superinstruction does only what its first instruction does and the
	// sequence goes on from the second one (see superinst.go).
	LOAD_FAST2              // LOAD_FAST a; LOAD_FAST b
	STORE_FAST2             // STORE_FAST a; STORE_FAST b
	STORE_LOAD_FAST         // STORE_FAST a; LOAD_FAST b
	LOAD_FAST_BINARY_INT    // LOAD_FAST a; BINARY_OP_INT
	LOAD_FAST_CMP_INT_JUMP  // LOAD_FAST a; LOAD_INT k; COMPARE_JUMP
	LOAD_FAST2_BINARY       // LOAD_FAST a; LOAD_FAST b; BINARY_OP or INPLACE_OP
	LOAD_FAST2_BINARY_STORE // LOAD_FAST a; LOAD_FAST b; BINARY_OP or INPLACE_OP; STORE_FAST c
	LOAD_FAST_ITEM_DUP      // LOAD_FAST a; LOAD_INT k; DUP_TOP2; BINARY_SUBSCR
	INPLACE_STORE_SUBSCR    // INPLACE_OP; ROT_THREE; STORE_SUBSCR
	UNPACK_STORE            // UNPACK_SEQUENCE n; STORE_FAST × n
	RETURN_FAST             // LOAD_FAST a; RETURN_VALUE (from a plain call)
	LOAD_FAST_AUG_ITEM      // LOAD_FAST a; LOAD_INT k; DUP_TOP2; BINARY_SUBSCR; LOAD_FAST b; LOAD_FAST c; BINARY_OP; INPLACE_OP; ROT_THREE; STORE_SUBSCR (a[k] op= b op c)
	LOAD_FAST2_BINARY2      // LOAD_FAST a; LOAD_FAST b; BINARY_OP; BINARY_OP (x op (a op b))
	LOAD_FAST_CONST_BINARY  // LOAD_FAST a; LOAD_CONST c; BINARY_OP or INPLACE_OP
	BINARY_OP_STORE         // BINARY_OP; STORE_FAST a
	INPLACE_OP_STORE        // INPLACE_OP; STORE_FAST a
	FOR_ITER_STORE          // FOR_ITER; STORE_FAST a
	UNPACK_TREE             // UNPACK_SEQUENCE n; n targets, each STORE_FAST or a nested UNPACK_SEQUENCE tree
	LOAD_FAST2_CMP_JUMP     // LOAD_FAST a; LOAD_FAST b; COMPARE_JUMP

	numOpcodes
)

var opNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", POP_ITER: "POP_ITER", EG_BEGIN: "EG_BEGIN", EG_MATCH: "EG_MATCH",
	EG_RAISED: "EG_RAISED", EG_END: "EG_END", DUP_TOP: "DUP_TOP", DUP_TOP2: "DUP_TOP2", ROT_TWO: "ROT_TWO",
	ROT_THREE: "ROT_THREE", ROT_FOUR: "ROT_FOUR", LOAD_CONST: "LOAD_CONST", LOAD_INT: "LOAD_INT",
	LOAD_NULL: "LOAD_NULL", LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST", DELETE_FAST: "DELETE_FAST",
	LOAD_GLOBAL: "LOAD_GLOBAL", STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL",
	LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME",
	LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF", DELETE_DEREF: "DELETE_DEREF",
	LOAD_CLOSURE: "LOAD_CLOSURE", LOAD_CLASSDEREF: "LOAD_CLASSDEREF", LOAD_ATTR: "LOAD_ATTR",
	STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR", LOAD_METHOD: "LOAD_METHOD",
	BINARY_SUBSCR: "BINARY_SUBSCR", STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	BUILD_SLICE: "BUILD_SLICE", BINARY_OP: "BINARY_OP", INPLACE_OP: "INPLACE_OP", BINARY_OP_INT: "BINARY_OP_INT", UNARY_OP: "UNARY_OP",
	UNARY_NOT: "UNARY_NOT", COMPARE_OP: "COMPARE_OP", COMPARE_JUMP: "COMPARE_JUMP", IS_OP: "IS_OP", CONTAINS_OP: "CONTAINS_OP",
	JUMP: "JUMP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE", POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE",
	JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP", JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP",
	GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER", BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST",
	BUILD_SET: "BUILD_SET", BUILD_SET_CONST: "BUILD_SET_CONST", BUILD_MAP: "BUILD_MAP", LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD",
	MAP_ADD: "MAP_ADD", LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE",
	DICT_MERGE: "DICT_MERGE", LIST_TO_TUPLE: "LIST_TO_TUPLE", BUILD_STRING: "BUILD_STRING",
	FORMAT_VALUE: "FORMAT_VALUE", UNPACK_SEQUENCE: "UNPACK_SEQUENCE", UNPACK_EX: "UNPACK_EX",
	MAKE_FUNCTION: "MAKE_FUNCTION", CALL: "CALL", CALL_KW: "CALL_KW", CALL_METHOD: "CALL_METHOD",
	CALL_METHOD_KW: "CALL_METHOD_KW", CALL_EX: "CALL_EX", RETURN_VALUE: "RETURN_VALUE",
	BUILD_CLASS: "BUILD_CLASS", SETUP_FINALLY: "SETUP_FINALLY", SETUP_WITH: "SETUP_WITH",
	POP_BLOCK: "POP_BLOCK", RAISE: "RAISE", RERAISE: "RERAISE", PUSH_EXC_INFO: "PUSH_EXC_INFO",
	POP_EXCEPT: "POP_EXCEPT", CLEANUP_RERAISE: "CLEANUP_RERAISE", CHECK_EXC_MATCH: "CHECK_EXC_MATCH",
	BEFORE_WITH: "BEFORE_WITH", WITH_EXCEPT_START: "WITH_EXCEPT_START",
	LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR", YIELD_VALUE: "YIELD_VALUE",
	GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER", GET_AWAITABLE: "GET_AWAITABLE", SEND: "SEND",
	GET_AITER: "GET_AITER", GET_ANEXT: "GET_ANEXT", END_ASYNC_FOR: "END_ASYNC_FOR",
	BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH", IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM",
	IMPORT_STAR: "IMPORT_STAR", PRINT_EXPR: "PRINT_EXPR", SCOPE_CALL: "SCOPE_CALL",
	CLEAR_FAST: "CLEAR_FAST", MAKE_CELL: "MAKE_CELL",
	ROT_N: "ROT_N", GET_LEN: "GET_LEN", MATCH_SEQUENCE: "MATCH_SEQUENCE", MATCH_MAPPING: "MATCH_MAPPING",
	MATCH_KEYS: "MATCH_KEYS", MATCH_CLASS: "MATCH_CLASS", MATCH_REST: "MATCH_REST",
	LOAD_SUPER_METHOD: "LOAD_SUPER_METHOD",
	LOAD_FAST2:        "LOAD_FAST2", STORE_FAST2: "STORE_FAST2", STORE_LOAD_FAST: "STORE_LOAD_FAST",
	LOAD_FAST_BINARY_INT: "LOAD_FAST_BINARY_INT", LOAD_FAST_CMP_INT_JUMP: "LOAD_FAST_CMP_INT_JUMP",
	LOAD_FAST2_BINARY: "LOAD_FAST2_BINARY", LOAD_FAST2_BINARY_STORE: "LOAD_FAST2_BINARY_STORE",
	LOAD_FAST_ITEM_DUP: "LOAD_FAST_ITEM_DUP", INPLACE_STORE_SUBSCR: "INPLACE_STORE_SUBSCR",
	UNPACK_STORE: "UNPACK_STORE", RETURN_FAST: "RETURN_FAST", CALL_HASH_TUPLE: "CALL_HASH_TUPLE",
	ADD_CHAIN: "ADD_CHAIN", ADD_CHAIN_END: "ADD_CHAIN_END", BINARY_SLICE: "BINARY_SLICE",
	LOAD_FAST_AUG_ITEM: "LOAD_FAST_AUG_ITEM", LOAD_FAST2_BINARY2: "LOAD_FAST2_BINARY2",
	LOAD_FAST_CONST_BINARY: "LOAD_FAST_CONST_BINARY", BINARY_OP_STORE: "BINARY_OP_STORE",
	INPLACE_OP_STORE: "INPLACE_OP_STORE", FOR_ITER_STORE: "FOR_ITER_STORE", UNPACK_TREE: "UNPACK_TREE",
	LOAD_FAST2_CMP_JUMP: "LOAD_FAST2_CMP_JUMP",
}

// Argument layouts of SCOPE_CALL and CLEAR_FAST.
const (
	scopeViewShift  = 4
	clearCountShift = 16
)

// String returns the opcode's name.
func (op Opcode) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "OP?"
}

// isJump reports whether op's argument is a jump target.
func isJump(op Opcode) bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
		FOR_ITER, FOR_ITER_STORE, SETUP_FINALLY, SETUP_WITH, EG_MATCH, COMPARE_JUMP:
		return true
	}
	return false
}

// COMPARE_JUMP's argument layout.
const (
	cmpJumpIfTrue = 1 << 3
	cmpJumpShift  = 4
)

// jumpTarget returns the target of a jump instruction op with argument arg.
func jumpTarget(op Opcode, arg uint32) int {
	if op == COMPARE_JUMP {
		return int(arg >> cmpJumpShift)
	}
	return int(arg)
}

// stackEffect is the change of stack depth when op falls through.
func stackEffect(op Opcode, arg uint32) int {
	switch op {
	case COMPARE_JUMP:
		return -2
	case NOP, ROT_TWO, ROT_THREE, ROT_FOUR, DELETE_FAST, CLEAR_FAST, MAKE_CELL, DELETE_GLOBAL, DELETE_NAME, DELETE_DEREF,
		LOAD_ATTR, UNARY_OP, UNARY_NOT, GET_ITER, LIST_TO_TUPLE, JUMP, SETUP_FINALLY, SETUP_WITH,
		POP_BLOCK, GET_YIELD_FROM_ITER, GET_AWAITABLE, YIELD_VALUE, GET_AITER, BINARY_OP_INT:
		return 0
	case POP_TOP, POP_ITER, EG_RAISED, STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_DEREF, DELETE_ATTR, BINARY_SUBSCR,
		BINARY_OP, INPLACE_OP, COMPARE_OP, IS_OP, CONTAINS_OP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE,
		JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE,
		DICT_UPDATE, DICT_MERGE, RERAISE, IMPORT_NAME, IMPORT_STAR, PRINT_EXPR, SEND, RETURN_VALUE,
		STORE_FAST2, STORE_LOAD_FAST, INPLACE_STORE_SUBSCR, BINARY_OP_STORE, INPLACE_OP_STORE: // a superinstruction falls through as its first instruction
		return -1
	case DUP_TOP, LOAD_CONST, BUILD_SET_CONST, LOAD_INT, LOAD_NULL, LOAD_FAST, LOAD_GLOBAL, LOAD_NAME, LOAD_DEREF,
		LOAD_CLOSURE, LOAD_CLASSDEREF, LOAD_METHOD, FOR_ITER, PUSH_EXC_INFO, BEFORE_WITH,
		WITH_EXCEPT_START, LOAD_ASSERTION_ERROR, GET_ANEXT, BEFORE_ASYNC_WITH, IMPORT_FROM,
		LOAD_FAST2, LOAD_FAST_BINARY_INT, LOAD_FAST_CMP_INT_JUMP, LOAD_FAST2_BINARY, LOAD_FAST2_BINARY_STORE,
		LOAD_FAST_ITEM_DUP, RETURN_FAST, LOAD_FAST2_CMP_JUMP, LOAD_FAST_AUG_ITEM, LOAD_FAST2_BINARY2, LOAD_FAST_CONST_BINARY, FOR_ITER_STORE:
		return 1
	case DUP_TOP2:
		return 2
	case ROT_N, ADD_CHAIN:
		return 0
	case ADD_CHAIN_END:
		return -int(arg)
	case GET_LEN, MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS:
		return 1
	case MATCH_CLASS:
		return -2
	case MATCH_REST, LOAD_SUPER_METHOD:
		return -1
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD, POP_EXCEPT, END_ASYNC_FOR, BINARY_SLICE:
		return -2
	case STORE_SUBSCR, CLEANUP_RERAISE:
		return -3
	case CHECK_EXC_MATCH:
		return 0
	case BUILD_SLICE:
		return 1 - int(arg)
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - int(arg)
	case BUILD_MAP:
		return 1 - 2*int(arg)
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return -1
		}
		return 0
	case UNPACK_SEQUENCE, UNPACK_STORE, UNPACK_TREE:
		return int(arg) - 1
	case UNPACK_EX:
		return int(arg&0xff) + int(arg>>8)
	case MAKE_FUNCTION:
		return 1 // the compiler adds the popped operands itself
	case CALL, CALL_HASH_TUPLE:
		return -int(arg)
	case CALL_KW:
		return -int(arg & 0xff)
	case CALL_METHOD:
		return -int(arg) - 1
	case CALL_METHOD_KW:
		return -int(arg&0xff) - 1
	case CALL_EX:
		return -1 - int(arg&1)
	case BUILD_CLASS:
		return 0 // the compiler accounts for the operands
	case RAISE:
		return -int(arg)
	case SCOPE_CALL:
		return -scopeArgs(scopeBuiltin(arg & (1<<scopeViewShift - 1)))
	}
	return 0
}

// jumpEffect is the change of stack depth when op jumps to its target
// (for SETUP_*: when its handler is entered, relative to the setup point).
func jumpEffect(op Opcode) int {
	switch op {
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
		return -1
	case COMPARE_JUMP:
		return -2
	case FOR_ITER, FOR_ITER_STORE, EG_MATCH:
		return -1
	case SETUP_FINALLY:
		return 1
	case SETUP_WITH:
		return 0
	}
	return 0
}
