package ast

// This file names expression kinds for error messages.

// Describe names an expression kind as CPython's syntax error messages
// do ("cannot assign to function call", "cannot delete literal").
func Describe(e Expr) string {
	switch x := e.(type) {
	case *Name:
		return "name"
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Tuple:
		return "tuple"
	case *List:
		return "list"
	case *Call:
		return "function call"
	case *Constant:
		return describeConstant(x.Value)
	case *BinOp, *UnaryOp, *BoolOp:
		return "expression"
	case *Compare:
		return "comparison"
	case *Lambda:
		return "lambda"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *Await:
		return "await expression"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	}
	return "expression"
}

// describeConstant names a constant: None, True, False, ellipsis or literal.
func describeConstant(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case Ellipsis:
		return "ellipsis"
	}
	return "literal"
}
