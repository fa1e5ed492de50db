package vm

import (
	"fmt"
	"testing"
)

// verifyStack walks every path through co and checks that the stack depth
// at each instruction is the same on all paths, never negative, and within
// co.StackSize; it recurses into nested code.
func verifyStack(co *Code) error {
	depth := make([]int, len(co.Code))
	for i := range depth {
		depth[i] = -1
	}
	type item struct{ pc, d int }
	work := []item{{0, 0}}
	visit := func(pc, d int) error {
		if pc >= len(co.Code) {
			return fmt.Errorf("%s: flow runs off the end", co.QualName)
		}
		if d < 0 || d > co.StackSize {
			return fmt.Errorf("%s: depth %d at pc %d (stack size %d)", co.QualName, d, pc, co.StackSize)
		}
		if depth[pc] >= 0 {
			if depth[pc] != d {
				return fmt.Errorf("%s: pc %d reached with depths %d and %d", co.QualName, pc, depth[pc], d)
			}
			return nil
		}
		depth[pc] = d
		work = append(work, item{pc, d})
		return nil
	}
	depth[0] = 0
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		ins := co.Code[it.pc]
		op, arg := Opcode(ins&0xff), ins>>argShift
		after := it.d + stackEffect(op, arg)
		switch op {
		case MAKE_FUNCTION:
			inner := co.Codes[arg]
			n := inner.NumDefaults + len(inner.FreeVars)
			for _, has := range inner.KwDefaultMask {
				if has {
					n++
				}
			}
			after -= n
		case BUILD_CLASS:
			nkw := 0
			if k := arg >> 8; k > 0 {
				nkw = len(co.KwNames[k-1])
			}
			after -= 1 + int(arg&0xff) + nkw
		}
		if isJump(op) {
			if err := visit(jumpTarget(op, arg), it.d+jumpEffect(op)); err != nil {
				return err
			}
		}
		switch op {
		case JUMP, RETURN_VALUE, RAISE, RERAISE, CLEANUP_RERAISE:
			continue
		case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
			after = it.d - 1
		}
		if err := visit(it.pc+1, after); err != nil {
			return err
		}
	}
	for _, inner := range co.Codes {
		if err := verifyStack(inner); err != nil {
			return err
		}
	}
	return nil
}

func TestStackDepths(t *testing.T) {
	for name, mod := range fixtures {
		mode := ModeFile
		if name == "toplevel_await" || name == "interactive" {
			mode = ModeInteractive
		}
		co, err := Compile(mod, mode)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := verifyStack(co); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
