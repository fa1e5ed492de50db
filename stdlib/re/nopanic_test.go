package re

import (
	"testing"

	"github.com/pyish/pyish/stdlib/internal/nopanic"
)

// TestNoPanics calls every function of the module with odd arguments:
// errors are fine, panics are not.
func TestNoPanics(t *testing.T) { nopanic.Check(t, Module, nil) }
