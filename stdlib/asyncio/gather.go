package asyncio

// This file defines gather and shield, which return futures driven by the
// done callbacks of their children, as CPython's tasks.py does.

import "github.com/pyish/pyish/runtime"

// gather is asyncio.gather(*aws, return_exceptions=False).
func (st *state) gather(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	pos := args[:len(args)-len(kw)]
	returnExceptions := false
	for i, k := range kw {
		if k != "return_exceptions" {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "gather() got an unexpected keyword argument '%s'", k)
		}
		b, err := runtime.Truth(th, args[len(pos)+i])
		if err != nil {
			return runtime.Value{}, err
		}
		returnExceptions = b
	}
	if len(pos) == 0 {
		loop, err := st.eventLoop(th)
		if err != nil {
			return runtime.Value{}, err
		}
		outer := runtime.NewFuture(loop)
		outer.SetResult(runtime.Obj(runtime.NewList(nil)))
		return runtime.Obj(outer), nil
	}
	children := make([]runtime.FutureLike, len(pos))
	seen := map[runtime.Object]runtime.FutureLike{}
	var loop *runtime.Loop
	for i, a := range pos {
		if f, ok := seen[a.Object()]; ok && !a.IsInline() {
			children[i] = f
			continue
		}
		f, err := st.ensureFuture(th, a, loop)
		if err != nil {
			return runtime.Value{}, err
		}
		if loop == nil {
			loop = f.BaseFuture().Loop()
		}
		if !a.IsInline() {
			seen[a.Object()] = f
		}
		children[i] = f
	}
	return runtime.Obj(gatherChildren(th, loop, children, returnExceptions)), nil
}

// gatherFutures gathers values that are already futures or tasks.
func gatherFutures(th *runtime.Thread, loop *runtime.Loop, vals []runtime.Value, returnExceptions bool) (*runtime.Future, error) {
	children := make([]runtime.FutureLike, len(vals))
	for i, v := range vals {
		f, ok := v.Object().(runtime.FutureLike)
		if !ok {
			return nil, runtime.Errorf(runtime.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
		}
		children[i] = f
	}
	return gatherChildren(th, loop, children, returnExceptions), nil
}

// gatherChildren builds CPython's _GatheringFuture over children (which
// may repeat): cancelling it cancels the children; it completes when all
// have, or at the first exception unless returnExceptions.
func gatherChildren(th *runtime.Thread, loop *runtime.Loop, children []runtime.FutureLike, returnExceptions bool) *runtime.Future {
	outer := runtime.NewFuture(loop)
	cancelRequested := false
	outer.CancelHook = func(msg runtime.Value) bool {
		if outer.Done() {
			return false
		}
		ret := false
		for _, c := range children {
			if c.(interface{ Cancel(runtime.Value) bool }).Cancel(msg) {
				ret = true
			}
		}
		if ret {
			cancelRequested = true
		}
		return ret
	}
	nfuts, nfinished := 0, 0
	added := map[*runtime.Future]bool{}
	for _, c := range children {
		f := c.BaseFuture()
		if added[f] {
			continue
		}
		added[f] = true
		nfuts++
		f.AddDoneCallback(func() {
			nfinished++
			if outer.Done() {
				if !f.Cancelled() {
					f.Exception()
				}
				return
			}
			if !returnExceptions {
				if f.Cancelled() {
					outer.SetException(f.MakeCancelledError())
					return
				}
				if e, _ := f.Exception(); e != nil {
					outer.SetException(e)
					return
				}
			}
			if nfinished == nfuts {
				gatherDone(outer, children, cancelRequested)
			}
		})
	}
	return outer
}

// gatherDone completes the gathering future once every child is done:
// the list of results (exceptions in place of failed children), or the
// CancelledError if gather itself was cancelled.
func gatherDone(outer *runtime.Future, children []runtime.FutureLike, cancelRequested bool) {
	results := make([]runtime.Value, len(children))
	for i, c := range children {
		f := c.BaseFuture()
		switch {
		case f.Cancelled():
			msg := f.CancelMessage()
			if msg.IsNone() {
				msg = runtime.Str("")
			}
			results[i] = runtime.Obj(runtime.NewException(runtime.CancelledError, msg))
		default:
			if e, _ := f.Exception(); e != nil {
				results[i] = runtime.Obj(e)
			} else {
				results[i], _ = f.Result(nil)
			}
		}
	}
	if cancelRequested {
		// CPython's loop variable `fut` shadows the finished child here:
		// the error comes from the last child in argument order.
		outer.SetException(children[len(children)-1].BaseFuture().MakeCancelledError())
		return
	}
	outer.SetResult(runtime.Obj(runtime.NewList(results)))
}

// shield is asyncio.shield(aw): a future that follows aw but whose
// cancellation does not reach aw.
func (st *state) shield(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var arg runtime.Value
	if err := runtime.UnpackArgs("shield", args, kw, "arg", &arg); err != nil {
		return runtime.Value{}, err
	}
	innerF, err := st.ensureFuture(th, arg, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	inner := innerF.BaseFuture()
	if inner.Done() {
		return runtime.Obj(innerF), nil
	}
	outer := runtime.NewFuture(inner.Loop())
	key := new(int)
	inner.AddDoneCallbackKey(func() {
		if outer.Cancelled() {
			if !inner.Cancelled() {
				inner.Exception()
			}
			return
		}
		if inner.Cancelled() {
			outer.Cancel(runtime.None)
			return
		}
		if e, _ := inner.Exception(); e != nil {
			outer.SetException(e)
			return
		}
		v, _ := inner.Result(th)
		outer.SetResult(v)
	}, key)
	outer.AddDoneCallback(func() {
		if !inner.Done() {
			inner.RemoveDoneCallback(key)
		}
	})
	return runtime.Obj(outer), nil
}
