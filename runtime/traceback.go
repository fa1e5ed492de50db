package runtime

// Traceback is a traceback object: the frames an exception passed through,
// from this one inward (exc.__traceback__ is the outermost). pyish keeps
// no frame objects, so a traceback has tb_lineno and tb_next but no
// tb_frame.
type Traceback struct {
	entries []TraceEntry // entries[0] is this traceback's frame
}

// TracebackType is the type of traceback objects.
var TracebackType = newFinalType("traceback", nil)

// newTraceback returns the traceback for entries, or None when empty.
func newTraceback(entries []TraceEntry) Value {
	if len(entries) == 0 {
		return None
	}
	return Obj(&Traceback{entries: entries})
}

// Type implements Object.
func (tb *Traceback) Type() *Type { return TracebackType }

// GetAttr implements HasAttrs.
func (tb *Traceback) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "tb_lineno":
		return Int(int64(tb.entries[0].Line)), nil
	case "tb_next":
		return newTraceback(tb.entries[1:]), nil
	case "tb_lasti":
		return Int(-1), nil
	case "tb_frame":
		return Value{}, Errorf(NotImplementedError, "pyish: traceback objects have no tb_frame (pyish keeps no frame objects)")
	}
	if v, ok, err := genericTypeAttr(th, Obj(tb), TracebackType, name); ok || err != nil {
		return v, err
	}
	return Value{}, noAttr(Obj(tb), name)
}

// setTraceback is exc.__traceback__ = v and exc.with_traceback(v).
func setTraceback(e *Exception, v Value) error {
	if v.IsNone() {
		e.Traceback = nil
		return nil
	}
	if tb, ok := v.o.(*Traceback); ok {
		e.Traceback = append([]TraceEntry(nil), tb.entries...)
		return nil
	}
	return Errorf(TypeError, "__traceback__ must be a traceback or None")
}

// Entries returns the frames of tb, outermost first (the traceback
// module's extract_tb reads them).
func (tb *Traceback) Entries() []TraceEntry { return tb.entries }
