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
	children, uniq, err := st.gatherArgs(th, pos)
	if err != nil {
		return runtime.Value{}, err
	}
	loop := children[0].BaseFuture().Loop()
	return runtime.Obj(gatherChildren(loop, children, uniq, returnExceptions)), nil
}

// gatherArgs is the argument loop of CPython's gather: each argument
// becomes a future (a coroutine is wrapped in a task), a repeated
// argument maps to the same child (CPython's arg_to_fut), and uniq lists
// each child once, in order.
func (st *state) gatherArgs(th *runtime.Thread, pos []runtime.Value) (children, uniq []runtime.FutureLike, err error) {
	children = make([]runtime.FutureLike, len(pos))
	if distinctFutures(pos) {
		return children, children, gatherFutureArgs(pos, children)
	}
	if distinctMarkers(pos) {
		return st.gatherDistinct(th, pos, children)
	}
	// seen maps each heap argument to its child's index (only for
	// arguments that are not all coroutines or all futures, which the
	// checks above settle without a table).
	seen := make(map[runtime.Object]int32, len(pos))
	var loop *runtime.Loop
	for i, a := range pos {
		if j, ok := seen[a.Object()]; ok && !a.IsInline() {
			if uniq == nil {
				uniq = append(make([]runtime.FutureLike, 0, len(pos)), children[:i]...)
			}
			children[i] = children[j]
			continue
		}
		f, err := st.ensureFuture(th, a, loop)
		if err != nil {
			return nil, nil, err
		}
		if loop == nil {
			loop = f.BaseFuture().Loop()
		}
		if !a.IsInline() {
			seen[a.Object()] = int32(i)
		}
		children[i] = f
		if uniq != nil {
			uniq = append(uniq, f)
		}
	}
	if uniq == nil {
		uniq = children
	}
	return children, uniq, nil
}

// distinctMarkers reports whether vals are coroutines (runtime.Markers),
// none twice, by stamping each with a new mark: the common
// gather(*[coro(i) for i in ...]) needs no table. A false answer only
// means the caller checks exactly.
func distinctMarkers(vals []runtime.Value) bool {
	mark := runtime.NewMark()
	for _, a := range vals {
		m, ok := a.Object().(runtime.Marker)
		if !ok || m.SwapMark(mark) == mark {
			return false
		}
	}
	return true
}

// gatherDistinct is gatherArgs for arguments known to be distinct.
func (st *state) gatherDistinct(th *runtime.Thread, pos []runtime.Value, children []runtime.FutureLike) (_, _ []runtime.FutureLike, err error) {
	var loop *runtime.Loop
	for i, a := range pos {
		if children[i], err = st.ensureFuture(th, a, loop); err != nil {
			return nil, nil, err
		}
		if loop == nil {
			loop = children[i].BaseFuture().Loop()
		}
	}
	return children, children, nil
}

// gatherFutureArgs is gatherArgs for arguments that are distinct
// futures (see distinctFutures), which must share a loop.
func gatherFutureArgs(pos []runtime.Value, children []runtime.FutureLike) error {
	loop := pos[0].Object().(runtime.FutureLike).BaseFuture().Loop()
	for i, a := range pos {
		f := a.Object().(runtime.FutureLike)
		if f.BaseFuture().Loop() != loop {
			return runtime.Errorf(runtime.ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		children[i] = f
	}
	return nil
}

// distinctFutures reports whether vals are futures or tasks, none twice,
// using a bitset over their ids (the identity hashes the loop numbers
// them with) instead of a map: gathering or waiting for many tasks at
// once is common. Ids are 32 bits and may wrap around, so a repeated id
// gives false (the caller then falls back on a map), as do ids too far
// apart for a small bitset.
func distinctFutures(vals []runtime.Value) bool {
	var lo, hi int64
	for i, a := range vals {
		f, ok := a.Object().(runtime.FutureLike)
		if !ok {
			return false
		}
		id, _ := f.BaseFuture().Hash(nil)
		if i == 0 || id < lo {
			lo = id
		}
		if i == 0 || id > hi {
			hi = id
		}
	}
	if hi-lo >= 64*int64(len(vals))+4096 {
		return false
	}
	seen := make([]uint64, (hi-lo)/64+1)
	for _, a := range vals {
		id, _ := a.Object().(runtime.FutureLike).BaseFuture().Hash(nil)
		bit := id - lo
		if seen[bit/64]&(1<<(bit%64)) != 0 {
			return false
		}
		seen[bit/64] |= 1 << (bit % 64)
	}
	return true
}

// gatherFutures gathers values that are distinct futures or tasks.
func gatherFutures(th *runtime.Thread, loop *runtime.Loop, vals []runtime.Value, returnExceptions bool) (*runtime.Future, error) {
	children := make([]runtime.FutureLike, len(vals))
	for i, v := range vals {
		f, ok := v.Object().(runtime.FutureLike)
		if !ok {
			return nil, runtime.Errorf(runtime.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
		}
		children[i] = f
	}
	return gatherChildren(loop, children, children, returnExceptions), nil
}

// gathering is the state of CPython's _GatheringFuture, shared by the
// done callbacks of its children.
type gathering struct {
	outer            *runtime.Future
	children         []runtime.FutureLike // in argument order, repeats included
	nfuts, nfinished int
	returnExceptions bool
	cancelRequested  bool
}

// gatherChildren builds CPython's _GatheringFuture over children (which
// may repeat; uniq lists each once, in order): cancelling it cancels the
// children; it completes when all have, or at the first exception unless
// returnExceptions.
func gatherChildren(loop *runtime.Loop, children, uniq []runtime.FutureLike, returnExceptions bool) *runtime.Future {
	g := &gathering{outer: runtime.NewFuture(loop), children: children, nfuts: len(uniq), returnExceptions: returnExceptions}
	g.outer.SetCancelHook(g.cancel)
	q := runtime.NewWatchQueue(g, len(uniq))
	for _, c := range uniq {
		q.Watch(c.BaseFuture())
	}
	return g.outer
}

// FutureDone implements runtime.Watcher: a child is done.
func (g *gathering) FutureDone(f *runtime.Future) { g.childDone(f) }

// cancel is the gathering future's cancel(msg): it cancels the children.
func (g *gathering) cancel(msg runtime.Value) bool {
	if g.outer.Done() {
		return false
	}
	ret := false
	for _, c := range g.children {
		if c.(interface{ Cancel(runtime.Value) bool }).Cancel(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// childDone is CPython's _done_callback for the child f.
func (g *gathering) childDone(f *runtime.Future) {
	g.nfinished++
	outer := g.outer
	if outer.Done() {
		if !f.Cancelled() {
			f.Exception()
		}
		return
	}
	if !g.returnExceptions {
		if f.Cancelled() {
			outer.SetException(f.MakeCancelledError())
			return
		}
		if e, _ := f.Exception(); e != nil {
			outer.SetException(e)
			return
		}
	}
	if g.nfinished == g.nfuts {
		gatherDone(outer, g.children, g.cancelRequested)
	}
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
