package parser_test

import (
	"fmt"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/parser"
)

func ExampleParseFile() {
	mod, err := parser.ParseFile("demo.pyish", []byte("x = 1 + 2\nprint(x)\n"))
	if err != nil {
		panic(err)
	}
	assign := mod.Body[0].(*ast.Assign)
	fmt.Println(len(mod.Body), assign.Targets[0].(*ast.Name).Id, assign.Value.(*ast.BinOp).Op)
	// Output: 2 x +
}

func ExampleParseFile_error() {
	_, err := parser.ParseFile("demo.pyish", []byte("if True\n    print('x')\n"))
	fmt.Println(err)
	// Output:
	//   File "demo.pyish", line 1
	//     if True
	//            ^
	// SyntaxError: expected ':'
}

func ExampleParseExpr() {
	x, err := parser.ParseExpr("<string>", []byte("-2 ** 2"))
	if err != nil {
		panic(err)
	}
	u := x.(*ast.UnaryOp)
	fmt.Println(u.Op, u.Operand.(*ast.BinOp).Op)
	// Output: - **
}

func ExampleIsIncomplete() {
	for _, src := range []string{"if x:\n", "x = (1 +\n", "x = 1 +\n"} {
		_, err := parser.ParseInteractive("<stdin>", []byte(src))
		fmt.Printf("%q %v\n", src, parser.IsIncomplete(err))
	}
	// Output:
	// "if x:\n" true
	// "x = (1 +\n" true
	// "x = 1 +\n" false
}
