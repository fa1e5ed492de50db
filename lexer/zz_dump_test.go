package lexer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	files := strings.Fields(os.Getenv("LEXDUMP"))
	names := map[string]string{"Name": "NAME", "Keyword": "NAME", "Int": "NUMBER", "Float": "NUMBER", "Imag": "NUMBER", "String": "STRING", "Op": "OP", "Newline": "NEWLINE", "Indent": "INDENT", "Dedent": "DEDENT", "EOF": "ENDMARKER"}
	for _, f := range files {
		src, _ := os.ReadFile(f)
		toks, err := Tokenize(f, src)
		var b strings.Builder
		for _, tk := range toks {
			v := tk.Value
			fmt.Fprintf(&b, "%s %q %d %d\n", names[TypeName(tk.Type)], v, tk.Pos.Line, tk.Pos.Column-1)
		}
		if err != nil {
			fmt.Fprintf(&b, "ERROR %v\n", err)
		}
		os.WriteFile(f+".go.tok", []byte(b.String()), 0o644)
	}
}
