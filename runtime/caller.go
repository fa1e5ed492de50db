package runtime

// This file defines functions written in Go that read the frames of their
// callers, as CPython code reads sys._getframe(): warnings.warn needs the
// file, line and globals of the code a stack level up.

import "unsafe"

// FrameInfo describes one active pyish frame.
type FrameInfo struct {
	File    string // the file name the code was compiled with
	Line    int    // the line running now
	Func    string // the code's name
	Globals *Dict
}

// FrameStatus says what Frames.Frame found at a level.
type FrameStatus uint8

const (
	// FrameFound: the frame at the level.
	FrameFound FrameStatus = iota
	// FrameBeyond: the level is past the outermost frame of the run.
	FrameBeyond
	// FrameUnknown: the frames at that level cannot be seen: past a call
	// from Go back into pyish, or the caller of a generator or task,
	// which the vm does not link.
	FrameUnknown
)

// Frames reads the frames active at a call of a CallerFunction: level 1
// is the caller of the frame making the call, 2 the next, and so on (the
// calling frame itself, level 0, is FrameUnknown: its line is not
// tracked). It is valid only during that call.
type Frames interface {
	Frame(level int) (FrameInfo, FrameStatus)
}

// CallerFunction is a function written in Go that reads its callers'
// frames. The vm hands it the frames when pyish code calls it as an
// attribute named "_caller_frame" with one positional argument
// (mod._caller_frame(x), which the compiler marks); called any other way,
// frames is nil.
type CallerFunction struct {
	Name string
	Fn   func(th *Thread, frames Frames, args []Value, kwnames []string) (Value, error)
}

// Type implements Object.
func (f *CallerFunction) Type() *Type { return BuiltinFunctionType }

// Call implements Callable.
func (f *CallerFunction) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return f.Fn(th, nil, args, kwnames)
}

// Repr implements HasRepr.
func (f *CallerFunction) Repr(th *Thread) (string, error) {
	return "<built-in function " + f.Name + ">", nil
}

// Hash implements HasHash (identity).
func (f *CallerFunction) Hash(th *Thread) (int64, error) { return ptrHash(unsafe.Pointer(f)), nil }

// GetAttr implements HasAttrs.
func (f *CallerFunction) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return Str(f.Name), nil
	case "__doc__", "__self__":
		return None, nil
	case "__module__":
		return Str("builtins"), nil
	}
	return genericGetAttr(th, Obj(f), name)
}
