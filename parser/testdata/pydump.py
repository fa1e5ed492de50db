"""Dump CPython syntax trees in the canonical form of parser/dump_test.go.

Usage: python3 pydump.py FILE...   prints one JSON object {file: dump or "!Kind"}
       python3 pydump.py -e SRC    prints the dump of source SRC
"""
import ast, json, sys

NAMES = {"Expr": "ExprStmt", "AsyncFunctionDef": "FunctionDef", "AsyncFor": "For",
         "AsyncWith": "With", "keyword": "Keyword", "arguments": "Arguments", "arg": "Arg",
         "alias": "Alias", "withitem": "WithItem", "comprehension": "Comprehension",
         "match_case": "MatchCase"}
ASYNC = {"AsyncFunctionDef", "AsyncFor", "AsyncWith"}
OPS = {"Add": "+", "Sub": "-", "Mult": "*", "MatMult": "@", "Div": "/", "Mod": "%", "Pow": "**",
       "LShift": "<<", "RShift": ">>", "BitOr": "|", "BitXor": "^", "BitAnd": "&", "FloorDiv": "//",
       "Invert": "~", "Not": "not", "UAdd": "+", "USub": "-", "And": "and", "Or": "or",
       "Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Is": "is",
       "IsNot": "is not", "In": "in", "NotIn": "not in"}
FIELDS = {  # CPython field -> Go field, per Go node; missing = same name camel-cased
    "decorator_list": "Decorators", "posonlyargs": "PosOnly", "kwonlyargs": "KwOnly",
    "kw_defaults": "KwDefaults", "finalbody": "Finalbody", "orelse": "Orelse",
    "asname": "AsName", "context_expr": "ContextExpr", "optional_vars": "OptionalVars",
    "is_async": "IsAsync", "format_spec": "FormatSpec", "id": "Id",
    "kwd_attrs": "KwdAttrs", "kwd_patterns": "KwdPatterns",
}
# Go field order per node, so both dumps agree.
ORDER = {
    "FunctionDef": ["Name", "Args", "Body", "Decorators", "Returns", "IsAsync"],
    "ClassDef": ["Name", "Bases", "Keywords", "Body", "Decorators"],
    "Assign": ["Targets", "Value"], "AugAssign": ["Target", "Op", "Value"],
    "AnnAssign": ["Target", "Annotation", "Value", "Simple"],
    "For": ["Target", "Iter", "Body", "Orelse", "IsAsync"],
    "With": ["Items", "Body", "IsAsync"], "WithItem": ["ContextExpr", "OptionalVars"],
    "Raise": ["Exc", "Cause"], "Try": ["Body", "Handlers", "Orelse", "Finalbody", "IsStar"],
    "ExceptHandler": ["Type", "Name", "Body"], "ImportFrom": ["Module", "Names", "Level"],
    "Alias": ["Name", "AsName"], "IfExp": ["Test", "Body", "Orelse"],
    "Dict": ["Keys", "Values"], "DictComp": ["Key", "Value", "Generators"],
    "Comprehension": ["Target", "Iter", "Ifs", "IsAsync"],
    "Compare": ["Left", "Ops", "Comparators"], "Call": ["Func", "Args", "Keywords"],
    "Keyword": ["Arg", "Value"], "FormattedValue": ["Value", "Conversion", "FormatSpec"],
    "Arguments": ["PosOnly", "Args", "Vararg", "KwOnly", "KwDefaults", "Kwarg", "Defaults"],
    "Arg": ["Name", "Annotation"], "Slice": ["Lower", "Upper", "Step"],
    "Subscript": ["Value", "Slice"], "Attribute": ["Value", "Attr"],
    "NamedExpr": ["Target", "Value"], "BinOp": ["Left", "Op", "Right"],
    "UnaryOp": ["Op", "Operand"], "BoolOp": ["Op", "Values"], "Lambda": ["Args", "Body"],
    "Match": ["Subject", "Cases"], "MatchCase": ["Pattern", "Guard", "Body"],
    "MatchMapping": ["Keys", "Patterns", "Rest"], "MatchAs": ["Pattern", "Name"],
    "MatchClass": ["Cls", "Patterns", "KwdAttrs", "KwdPatterns"],
}
NOPOS = {"Arguments", "WithItem", "Comprehension", "MatchCase"}

def goquote(s):
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"': out.append('\\"')
        elif c == '\\': out.append('\\\\')
        elif c == '\n': out.append('\\n')
        elif c == '\t': out.append('\\t')
        elif c == '\r': out.append('\\r')
        elif c == '\a': out.append('\\a')
        elif c == '\b': out.append('\\b')
        elif c == '\f': out.append('\\f')
        elif c == '\v': out.append('\\v')
        elif o < 0x20 or o == 0x7f: out.append('\\x%02x' % o)
        elif o < 0x7f: out.append(c)
        elif o < 0x10000: out.append('\\u%04x' % o)
        else: out.append('\\U%08x' % o)
    out.append('"')
    return ''.join(out)

def zero(v):
    return v is None or v == [] or v is False or v == 0 or v == "" or v == -1

def value(v, field=None):
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, ast.AST):
        return node(v)
    if v is None: return "None"
    if v is True: return "True"
    if v is False: return "False"
    if v is Ellipsis: return "Ellipsis"
    if isinstance(v, bytes): return "b" + v.hex()
    if isinstance(v, str): return goquote(v)
    if isinstance(v, float): return repr(v)
    return str(v)

def has_end(n):
    """Nodes whose end pyish records: expressions, keywords, patterns and simple statements."""
    if isinstance(n, (ast.expr, ast.keyword, ast.pattern)):
        return True
    return isinstance(n, ast.stmt) and not hasattr(n, "body") and not isinstance(n, ast.Match)

def node(n):
    cls = type(n).__name__
    if cls in OPS:
        return '"' + OPS[cls] + '"'
    name = NAMES.get(cls, cls)
    fields = {}
    for f, v in ast.iter_fields(n):
        if f in ("ctx", "type_comment", "kind", "type_ignores"):
            continue
        g = FIELDS.get(f) or f[:1].upper() + f[1:]
        if name == "Arg" and f == "arg": g = "Name"
        if f == "conversion" and v == -1: v = 0
        if f == "module" and v is None: v = ""
        if g in ("Simple", "IsAsync"): v = bool(v)
        fields[g] = v
    if cls in ASYNC: fields["IsAsync"] = True
    if cls == "TryStar": name, fields["IsStar"] = "Try", True
    order = ORDER.get(name, list(fields))
    parts = []
    for g in order:
        v = fields.get(g)
        if name in ("Constant", "MatchSingleton") and g == "Value":
            parts.append("Value=" + value(v)); continue
        if name == "Arguments" and g == "KwDefaults" and v:
            parts.append("KwDefaults=[" + ", ".join(value(x) for x in v) + "]"); continue
        if zero(v): continue
        parts.append(g + "=" + value(v, g))
    s = name + "(" + ", ".join(parts) + ")"
    if hasattr(n, "lineno") and name not in NOPOS:
        line = LINES[n.lineno - 1] if n.lineno <= len(LINES) else b""
        s += "@%d:%d" % (n.lineno, len(line[:n.col_offset].decode("utf-8", "replace")) + 1)
        if has_end(n) and n.end_lineno is not None:
            end = LINES[n.end_lineno - 1] if n.end_lineno <= len(LINES) else b""
            s += "-%d:%d" % (n.end_lineno, len(end[:n.end_col_offset].decode("utf-8", "replace")) + 1)
    return s

LINES = []

def dump_source(src):
    global LINES
    LINES = src.encode("utf-8").split(b"\n")
    try:
        t = ast.parse(src)
    except SyntaxError as e:
        return "!" + type(e).__name__
    return "[" + ", ".join(node(s) for s in t.body) + "]"

if __name__ == "__main__":
    if sys.argv[1] == "-e":
        print(dump_source(sys.argv[2]))
    else:
        out = {}
        for f in sys.argv[1:]:
            with open(f, encoding="utf-8") as fh:
                out[f] = dump_source(fh.read())
        json.dump(out, sys.stdout)
