package parser

import (
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/lexer"
)

// BenchmarkStages5000 times the stages of ParseFile on the benchmark file:
// lexing alone, and lexing plus participle's token copy (Upgrade).
func BenchmarkStages5000(b *testing.B) {
	src := benchSource(5000)
	b.Run("Tokenize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			lexer.Tokenize("bench.py", src)
		}
	})
	b.Run("TokenizeUpgrade", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			toks, _ := lexer.Tokenize("bench.py", src)
			plexer.Upgrade(&sliceLexer{toks: toks})
		}
	})
}
