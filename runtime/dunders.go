package runtime

// This file installs the operator dunders of the built-in containers
// (list.__add__, set.__or__, dict.__eq__, …) so that they show in dir()
// and super() reaches the built-in behaviour from subclasses.

// baseOps are the base (non-overridable) operations of a container type.
type baseOps struct {
	compare func(th *Thread, self Value, op CmpOp, other Value) (Value, error)
	binary  func(th *Thread, self Value, op BinaryOp, other Value, right bool) (Value, error)
	inplace func(th *Thread, self Value, op BinaryOp, other Value) (Value, bool, error)
}

func installDunders(t *Type, ops baseOps, binops []BinaryOp, reflected bool) {
	m := map[string]MethodFunc{}
	if ops.compare != nil {
		for op := CmpEq; op <= CmpGe; op++ {
			m[cmpNames[op]] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				if err := oneArg(cmpNames[op], args, kwnames); err != nil {
					return Value{}, err
				}
				return ops.compare(th, self, op, args[0])
			}
		}
	}
	for _, op := range binops {
		m[binaryNames[op]] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg(binaryNames[op], args, kwnames); err != nil {
				return Value{}, err
			}
			return ops.binary(th, self, op, args[0], false)
		}
		if reflected || op == OpMul {
			m[rbinaryNames[op]] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				if err := oneArg(rbinaryNames[op], args, kwnames); err != nil {
					return Value{}, err
				}
				return ops.binary(th, self, op, args[0], true)
			}
		}
		if ops.inplace != nil {
			m[ibinaryNames[op]] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				if err := oneArg(ibinaryNames[op], args, kwnames); err != nil {
					return Value{}, err
				}
				r, ok, err := ops.inplace(th, self, op, args[0])
				if !ok && err == nil {
					return NotImplemented, nil
				}
				return r, err
			}
		}
	}
	t.SetMethods(m)
}

func dundersInit() {
	installDunders(ListType, baseOps{
		compare: func(th *Thread, self Value, op CmpOp, o Value) (Value, error) {
			return selfList(self).compare(th, op, o)
		},
		binary: func(th *Thread, self Value, op BinaryOp, o Value, right bool) (Value, error) {
			return selfList(self).binary(th, op, o, right)
		},
		inplace: func(th *Thread, self Value, op BinaryOp, o Value) (Value, bool, error) {
			return selfList(self).inplace(th, op, o)
		},
	}, []BinaryOp{OpAdd, OpMul}, false)
	installDunders(TupleType, baseOps{
		compare: func(th *Thread, self Value, op CmpOp, o Value) (Value, error) {
			return self.o.(*Tuple).compare(th, op, o)
		},
		binary: func(th *Thread, self Value, op BinaryOp, o Value, right bool) (Value, error) {
			return self.o.(*Tuple).binary(th, op, o, right)
		},
	}, []BinaryOp{OpAdd, OpMul}, false)
	installDunders(DictType, baseOps{
		compare: func(th *Thread, self Value, op CmpOp, o Value) (Value, error) {
			return selfDict(self).compare(th, op, o)
		},
		binary: func(th *Thread, self Value, op BinaryOp, o Value, right bool) (Value, error) {
			return selfDict(self).binary(th, op, o, right)
		},
		inplace: func(th *Thread, self Value, op BinaryOp, o Value) (Value, bool, error) {
			return selfDict(self).inplace(th, op, o)
		},
	}, []BinaryOp{OpOr}, true)
	setOps := []BinaryOp{OpOr, OpAnd, OpSub, OpXor}
	for _, t := range []*Type{SetType, FrozenSetType} {
		ops := baseOps{
			compare: func(th *Thread, self Value, op CmpOp, o Value) (Value, error) {
				return selfSet(self).compare(th, op, o)
			},
			binary: func(th *Thread, self Value, op BinaryOp, o Value, right bool) (Value, error) {
				return selfSet(self).binary(th, op, o, right)
			},
		}
		if t == SetType {
			ops.inplace = func(th *Thread, self Value, op BinaryOp, o Value) (Value, bool, error) {
				return selfSet(self).inplace(th, op, o)
			}
		}
		installDunders(t, ops, setOps, true)
	}
}

// SameClassBinary returns the method for the binary operator op that
// x's class defines (as x op y would call it) when x and y are instances
// of that one class, which then decides alone: the reflected method is
// not tried. ok is false otherwise.
func SameClassBinary(op BinaryOp, x, y Value) (m Value, ok bool) {
	a, isInst := x.o.(*Instance)
	if !isInst {
		return Value{}, false
	}
	if b, isInst := y.o.(*Instance); !isInst || b.Class != a.Class || a.Class.Flags&FlagHeap == 0 {
		return Value{}, false
	}
	e := a.Class.cached(binaryNames[op])
	if e.owner == nil || !overrides(e.owner) {
		return Value{}, false
	}
	return e.v, true
}

// BinaryUnsupported is the TypeError of x op y when neither operand
// implements op.
func BinaryUnsupported(op BinaryOp, x, y Value) error { return binaryError(op, x, y) }
