package time

import (
	"testing"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/stdlib/internal/nopanic"
)

// TestNoPanics calls every function of the module with odd arguments:
// errors are fine, panics are not (sleep would block; struct_time is a type).
func TestNoPanics(t *testing.T) {
	nopanic.Check(t, Module, func(name string, args []runtime.Value) bool {
		return name == "sleep" || name == "struct_time"
	})
}
