package vm

// This file hands a runtime.CallerFunction the frames of the code calling
// it (warnings.warn's stack levels, as CPython's sys._getframe). Such a
// call is a SCOPE_CALL (see scope.go), so other calls pay nothing for it.

import "github.com/pyish/pyish/runtime"

// callerFrames walks from the frame calling a CallerFunction through the
// frames it returns to, whose pc was saved when they made their calls.
// depth is th.Depth at the call: when the walk ends at a plain entry
// frame after depth frames, that frame is the outermost of the run.
type callerFrames struct {
	f     *Frame
	depth int
}

// callCallerFunction is SCOPE_CALL of a runtime.CallerFunction from f.
func callCallerFunction(th *runtime.Thread, f *Frame, fn *runtime.CallerFunction, args []runtime.Value) (runtime.Value, error) {
	return fn.Fn(th, &callerFrames{f: f, depth: th.Depth}, copyValues(args), nil)
}

// Frame implements runtime.Frames.
func (c *callerFrames) Frame(level int) (runtime.FrameInfo, runtime.FrameStatus) {
	if level <= 0 {
		return runtime.FrameInfo{}, runtime.FrameUnknown
	}
	f, n := c.f, 1
	for ; level > 0; level-- {
		if f.back == nil {
			// A generator's or task's caller, or the Go code around a
			// nested run, is not linked; only a plain frame holding the
			// whole depth is the run's outermost.
			if f.gen == nil && n == c.depth {
				return runtime.FrameInfo{}, runtime.FrameBeyond
			}
			return runtime.FrameInfo{}, runtime.FrameUnknown
		}
		f, n = f.back, n+1
	}
	return runtime.FrameInfo{File: f.code.Filename, Line: f.line(), Func: f.code.Name, Globals: f.globals}, runtime.FrameFound
}
