package random

import (
	"math"
	"testing"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/stdlib/internal/nopanic"
)

// TestNoPanics calls every function of the module with odd arguments:
// errors are fine, panics are not.
func TestNoPanics(t *testing.T) {
	nopanic.Check(t, Module, func(name string, args []runtime.Value) bool {
		return name == "Random" || name == "SystemRandom" || loopsForever(name, args)
	})
}

// loopsForever reports calls whose rejection loops never end, in CPython
// as in pyish: gamma-family distributions with non-finite parameters.
func loopsForever(name string, args []runtime.Value) bool {
	switch name {
	case "gammavariate", "betavariate", "vonmisesvariate":
		for _, a := range args {
			if a.IsFloat() && (math.IsNaN(a.AsFloat()) || math.IsInf(a.AsFloat(), 0)) {
				return true
			}
		}
	}
	return false
}
