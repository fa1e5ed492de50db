package vm

// This file compiles the match statement (PEP 634) as CPython 3.12's
// compiler does, so that the order of every check, lookup and binding is
// CPython's: a pattern runs with its subject on top of the stack and
// consumes it; the values it captures wait on the stack, under whatever
// it still works on, and are stored into their names only once the whole
// pattern has matched; a failed check jumps to a chain of POP_TOPs that
// drops what is on the stack and goes on to the next case.

import (
	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
)

// patternCtx is the state of compiling one case's pattern.
type patternCtx struct {
	// stores are the names captured so far. Their values are on the
	// stack below the onTop working items, stores[0] nearest the top.
	stores []string
	// allowIrrefutable is false where an irrefutable pattern would make
	// the cases after it unreachable.
	allowIrrefutable bool
	// failPop[n] pops n items and goes to the next case.
	failPop []label
	// onTop counts the working items above the captured values.
	onTop int
}

// matchStmt compiles `match subject:` and its cases.
func (c *compiler) matchStmt(n *ast.Match) {
	c.expr(n.Subject)
	end := c.newLabel()
	cases := len(n.Cases)
	last := n.Cases[cases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	for i, mc := range n.Cases[:cases-hasDefault] {
		c.setLine(mc.Pattern.Position())
		pc := &patternCtx{allowIrrefutable: mc.Guard != nil || i == cases-1}
		notLast := i != cases-hasDefault-1
		if notLast {
			c.emit(DUP_TOP, 0) // the next case needs the subject too
		}
		c.pattern(mc.Pattern, pc)
		for _, name := range pc.stores {
			c.nameOp(name, ctxStore)
		}
		if mc.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.condJump(mc.Guard, false, pc.failPop[0])
		}
		if notLast {
			c.emit(POP_TOP, 0)
		}
		c.stmts(mc.Body)
		c.emitJump(JUMP, end)
		c.emitFailPop(pc)
	}
	if hasDefault == 1 {
		// A trailing `case _:` runs with the subject already consumed.
		c.setLine(last.Pattern.Position())
		if last.Guard != nil {
			c.condJump(last.Guard, false, end)
		}
		c.stmts(last.Body)
	}
	c.bind(end)
}

// isWildcard reports the pattern `_`.
func isWildcard(p ast.Pattern) bool {
	as, ok := p.(*ast.MatchAs)
	return ok && as.Pattern == nil && as.Name == ""
}

// isStarWildcard reports the pattern `*_`.
func isStarWildcard(p ast.Pattern) bool {
	s, ok := p.(*ast.MatchStar)
	return ok && s.Name == ""
}

// ensureFailPop makes sure pc.failPop has labels up to n.
func (c *compiler) ensureFailPop(pc *patternCtx, n int) {
	for len(pc.failPop) <= n {
		pc.failPop = append(pc.failPop, c.newLabel())
	}
}

// jumpToFailPop emits the conditional or unconditional jump op to the
// label that pops everything this case has on the stack.
func (c *compiler) jumpToFailPop(pc *patternCtx, op Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.emitJump(op, pc.failPop[pops])
}

// emitFailPop emits the POP_TOP chain the failed checks jump into.
func (c *compiler) emitFailPop(pc *patternCtx) {
	if len(pc.failPop) == 0 {
		return
	}
	for pop := len(pc.failPop) - 1; pop > 0; pop-- {
		c.bind(pc.failPop[pop])
		c.emit(POP_TOP, 0)
	}
	c.bind(pc.failPop[0])
	pc.failPop = nil
}

// rotate moves the top of the stack down to position n (1 is the top).
func (c *compiler) rotate(n int) {
	if n > 1 {
		c.emit(ROT_N, n)
	}
}

// patternStore captures the top of the stack as name ("" drops it).
func (c *compiler) patternStore(pos ast.Pos, name string, pc *patternCtx) {
	if name == "" {
		c.emit(POP_TOP, 0)
		return
	}
	for _, s := range pc.stores {
		if s == name {
			c.fail(pos, "multiple assignments to name %s in pattern", pyQuote(name))
		}
	}
	c.rotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

// pyQuote is a name as repr() shows it.
func pyQuote(s string) string { return "'" + s + "'" }

// pattern compiles p against the subject on top of the stack.
func (c *compiler) pattern(p ast.Pattern, pc *patternCtx) {
	c.setLine(p.Position())
	switch p := p.(type) {
	case *ast.MatchValue:
		c.expr(p.Value)
		c.cmpOp(ast.Eq)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSingleton:
		c.loadConst(p.Value)
		c.emit(IS_OP, 0)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSequence:
		c.patternSequence(p, pc)
	case *ast.MatchMapping:
		c.patternMapping(p, pc)
	case *ast.MatchClass:
		c.patternClass(p, pc)
	case *ast.MatchStar:
		c.patternStore(p.Pos, p.Name, pc)
	case *ast.MatchAs:
		c.patternAs(p, pc)
	case *ast.MatchOr:
		c.patternOr(p, pc)
	default:
		c.fail(p.Position(), "unsupported pattern %T", p)
	}
}

// subpattern compiles a pattern nested in another: there, an irrefutable
// pattern is fine.
func (c *compiler) subpattern(p ast.Pattern, pc *patternCtx) {
	allow := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = allow
}

// patternAs compiles a capture, the wildcard, or `p as name`.
func (c *compiler) patternAs(p *ast.MatchAs, pc *patternCtx) {
	if p.Pattern == nil {
		if !pc.allowIrrefutable {
			if p.Name != "" {
				c.fail(p.Pos, "name capture %s makes remaining patterns unreachable", pyQuote(p.Name))
			}
			c.fail(p.Pos, "wildcard makes remaining patterns unreachable")
		}
		c.patternStore(p.Pos, p.Name, pc)
		return
	}
	pc.onTop++
	c.emit(DUP_TOP, 0)
	c.pattern(p.Pattern, pc)
	pc.onTop--
	c.patternStore(p.Pos, p.Name, pc)
}

// patternSequence compiles `[p, ...]`: a sequence check, a length check,
// then the items by index (when the only star is `*_`) or by unpacking.
func (c *compiler) patternSequence(p *ast.MatchSequence, pc *patternCtx) {
	size := len(p.Patterns)
	star := -1
	onlyWildcard, starWildcard := true, false
	for i, sub := range p.Patterns {
		if _, ok := sub.(*ast.MatchStar); ok {
			if star >= 0 {
				c.fail(p.Pos, "multiple starred names in sequence pattern")
			}
			starWildcard = isStarWildcard(sub)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(sub)
	}
	pc.onTop++ // the subject stays on top during the checks
	c.emit(MATCH_SEQUENCE, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	switch {
	case star < 0:
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		c.cmpOp(ast.Eq)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case !onlyWildcard || size > 1:
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size - 1))
		c.cmpOp(ast.GtE)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.emit(POP_TOP, 0)
	case starWildcard:
		c.sequenceSubscr(p.Patterns, star, pc)
	default:
		c.sequenceUnpack(p.Pos, p.Patterns, star, pc)
	}
}

// sequenceSubscr matches the items of a sequence pattern whose star is
// `*_` by index, counting those after the star from len(subject).
func (c *compiler) sequenceSubscr(pats []ast.Pattern, star int, pc *patternCtx) {
	size := len(pats)
	pc.onTop++
	for i, sub := range pats {
		if isWildcard(sub) || i == star {
			continue
		}
		c.emit(DUP_TOP, 0)
		if i < star {
			c.loadConst(int64(i))
		} else {
			c.emit(GET_LEN, 0)
			c.loadConst(int64(size - i))
			c.emitBinary(BINARY_OP, int(runtime.OpSub))
		}
		c.emit(BINARY_SUBSCR, 0)
		c.subpattern(sub, pc)
	}
	pc.onTop--
	c.emit(POP_TOP, 0)
}

// sequenceUnpack unpacks the subject and matches each item.
func (c *compiler) sequenceUnpack(pos ast.Pos, pats []ast.Pattern, star int, pc *patternCtx) {
	size := len(pats)
	if star < 0 {
		c.emit(UNPACK_SEQUENCE, size)
	} else {
		after := size - star - 1
		if star > 255 || after > 255 {
			c.fail(pos, "too many expressions in star-unpacking sequence pattern")
		}
		c.emit(UNPACK_EX, star|after<<8)
	}
	pc.onTop += size
	for _, sub := range pats {
		pc.onTop--
		c.subpattern(sub, pc)
	}
}

// patternMapping compiles `{k: p, ..., **rest}`.
func (c *compiler) patternMapping(p *ast.MatchMapping, pc *patternCtx) {
	size := len(p.Keys)
	pc.onTop++
	c.emit(MATCH_MAPPING, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.emit(POP_TOP, 0)
		return
	}
	if size > 0 {
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		c.cmpOp(ast.GtE)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	var seen []runtime.Value
	for _, key := range p.Keys {
		if v, ok := c.literal(key); ok {
			c.checkDuplicateKey(p.Pos, seen, v)
			seen = append(seen, v)
		} else if _, ok := key.(*ast.Attribute); !ok {
			c.fail(p.Pos, "mapping pattern keys may only match literals and attribute lookups")
		}
		c.expr(key)
	}
	c.setLine(p.Pos)
	c.emit(BUILD_TUPLE, size)
	c.emit(MATCH_KEYS, 0)
	pc.onTop += 2 // the keys and the values (or None)
	c.emit(DUP_TOP, 0)
	c.loadConst(nil)
	c.emit(IS_OP, 1)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.emit(UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, sub := range p.Patterns {
		pc.onTop--
		c.subpattern(sub, pc)
	}
	pc.onTop -= 2
	if p.Rest != "" {
		c.emit(MATCH_REST, 0)
		c.patternStore(p.Pos, p.Rest, pc)
		return
	}
	c.emit(POP_TOP, 0) // the keys
	c.emit(POP_TOP, 0) // the subject
}

// checkDuplicateKey refuses a literal key equal to one seen before, as
// the set CPython's compiler keeps compares them (1, 1.0, True and 1+0j
// are one key).
func (c *compiler) checkDuplicateKey(pos ast.Pos, seen []runtime.Value, v runtime.Value) {
	th := runtime.NewThread()
	for _, s := range seen {
		if same, err := runtime.Equal(th, s, v); err == nil && same {
			r, _ := runtime.Repr(th, v)
			c.fail(pos, "mapping pattern checks duplicate key (%s)", r)
		}
	}
}

// patternClass compiles `Cls(p, ..., attr=p, ...)`.
func (c *compiler) patternClass(p *ast.MatchClass, pc *patternCtx) {
	nargs, nattrs := len(p.Patterns), len(p.KwdAttrs)
	for i, a := range p.KwdAttrs {
		for _, b := range p.KwdAttrs[:i] {
			if a == b {
				c.fail(p.KwdPatterns[i].Position(), "attribute name repeated in class pattern: %s", a)
			}
		}
	}
	c.expr(p.Cls)
	names := make([]runtime.Value, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = runtime.Str(a)
	}
	c.setLine(p.Pos)
	c.u.code.Consts = append(c.u.code.Consts, runtime.Obj(runtime.NewTuple(names)))
	c.emit(LOAD_CONST, len(c.u.code.Consts)-1)
	c.emit(MATCH_CLASS, nargs)
	c.emit(DUP_TOP, 0)
	c.loadConst(nil)
	c.emit(IS_OP, 1)
	pc.onTop++ // the tuple of attributes (or None)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.emit(UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		sub := ast.Pattern(nil)
		if i < nargs {
			sub = p.Patterns[i]
		} else {
			sub = p.KwdPatterns[i-nargs]
		}
		if isWildcard(sub) {
			c.emit(POP_TOP, 0)
			continue
		}
		c.subpattern(sub, pc)
	}
}

// patternOr compiles `p | q | ...`: each alternative works on a copy of
// the subject with captures of its own, and every alternative must bind
// the same names; they are left on the stack in the first one's order.
func (c *compiler) patternOr(p *ast.MatchOr, pc *patternCtx) {
	end := c.newLabel()
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		c.setLine(alt.Position())
		*pc = patternCtx{allowIrrefutable: i == len(p.Patterns)-1 && old.allowIrrefutable}
		c.emit(DUP_TOP, 0)
		c.pattern(alt, pc)
		switch {
		case i == 0:
			control = pc.stores
		case len(pc.stores) != len(control) || !sameNames(pc.stores, control):
			c.fail(p.Pos, "alternative patterns bind different names")
		default:
			c.reorderStores(pc, control)
		}
		c.emitJump(JUMP, end)
		c.emitFailPop(pc)
	}
	*pc = old
	// No alternative matched: drop the subject and fail.
	c.emit(POP_TOP, 0)
	c.jumpToFailPop(pc, JUMP)
	c.bind(end)
	// The subject, then the captures, are on top: move each capture down
	// under what this pattern's caller keeps there.
	nrots := len(control) + 1 + pc.onTop + len(pc.stores)
	for _, name := range control {
		c.rotate(nrots)
		for _, s := range pc.stores {
			if s == name {
				c.fail(p.Pos, "multiple assignments to name %s in pattern", pyQuote(name))
			}
		}
		pc.stores = append(pc.stores, name)
	}
	c.emit(POP_TOP, 0) // the subject
}

// sameNames reports whether a and b hold the same names in any order.
func sameNames(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return true
}

// reorderStores rotates the captures of a later alternative of an or
// pattern into the order of the first one's (control), as CPython does.
func (c *compiler) reorderStores(pc *patternCtx, control []string) {
	for icontrol := len(control) - 1; icontrol >= 0; icontrol-- {
		name := control[icontrol]
		istores := indexOf(pc.stores, name)
		if icontrol == istores {
			continue
		}
		rotations := istores + 1
		rotated := append([]string(nil), pc.stores[:rotations]...)
		rest := append([]string(nil), pc.stores[rotations:]...)
		at := icontrol - istores
		stores := append([]string(nil), rest[:at]...)
		stores = append(stores, rotated...)
		pc.stores = append(stores, rest[at:]...)
		for ; rotations > 0; rotations-- {
			c.rotate(icontrol + 1)
		}
	}
}

func indexOf(names []string, name string) int {
	for i, s := range names {
		if s == name {
			return i
		}
	}
	return -1
}

// ---- scopes ----

// match records the names a match statement reads and binds.
func (st *symtable) match(s *scope, n *ast.Match) {
	st.expr(s, n.Subject)
	for _, mc := range n.Cases {
		st.pattern(s, mc.Pattern)
		if mc.Guard != nil {
			st.expr(s, mc.Guard)
		}
		st.stmts(s, mc.Body)
	}
}

// pattern records the names a pattern reads (values, classes, keys) and
// captures.
func (st *symtable) pattern(s *scope, p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		st.expr(s, p.Value)
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			st.pattern(s, q)
		}
	case *ast.MatchMapping:
		st.exprs(s, p.Keys)
		for _, q := range p.Patterns {
			st.pattern(s, q)
		}
		if p.Rest != "" {
			s.add(p.Rest, symAssigned)
		}
	case *ast.MatchClass:
		st.expr(s, p.Cls)
		for _, q := range p.Patterns {
			st.pattern(s, q)
		}
		for _, q := range p.KwdPatterns {
			st.pattern(s, q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			s.add(p.Name, symAssigned)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			st.pattern(s, p.Pattern)
		}
		if p.Name != "" {
			s.add(p.Name, symAssigned)
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			st.pattern(s, q)
		}
	}
}
