package runtime

// This file declares CPython's built-in exception hierarchy.

// NewExceptionType returns a new built-in exception type deriving from
// base (nil = Exception). A dotted name sets its module ("asyncio.CancelledError").
func NewExceptionType(name string, base *Type) *Type {
	if base == nil {
		base = Exception_
	}
	return NewType(name, base)
}

// Built-in exception types.
var (
	BaseException             = NewType("BaseException", nil)
	SystemExit                = NewType("SystemExit", BaseException)
	KeyboardInterrupt         = NewType("KeyboardInterrupt", BaseException)
	GeneratorExit             = NewType("GeneratorExit", BaseException)
	Exception_                = NewType("Exception", BaseException)
	StopIteration             = NewType("StopIteration", Exception_)
	StopAsyncIteration        = NewType("StopAsyncIteration", Exception_)
	ArithmeticError           = NewType("ArithmeticError", Exception_)
	FloatingPointError        = NewType("FloatingPointError", ArithmeticError)
	OverflowError             = NewType("OverflowError", ArithmeticError)
	ZeroDivisionError         = NewType("ZeroDivisionError", ArithmeticError)
	AssertionError            = NewType("AssertionError", Exception_)
	AttributeError            = NewType("AttributeError", Exception_)
	BufferError               = NewType("BufferError", Exception_)
	EOFError                  = NewType("EOFError", Exception_)
	ImportError               = NewType("ImportError", Exception_)
	ModuleNotFoundError       = NewType("ModuleNotFoundError", ImportError)
	LookupError               = NewType("LookupError", Exception_)
	IndexError                = NewType("IndexError", LookupError)
	KeyError                  = NewType("KeyError", LookupError)
	MemoryError               = NewType("MemoryError", Exception_)
	NameError                 = NewType("NameError", Exception_)
	UnboundLocalError         = NewType("UnboundLocalError", NameError)
	OSError                   = NewType("OSError", Exception_)
	FileNotFoundError         = NewType("FileNotFoundError", OSError)
	FileExistsError           = NewType("FileExistsError", OSError)
	PermissionError           = NewType("PermissionError", OSError)
	IsADirectoryError         = NewType("IsADirectoryError", OSError)
	NotADirectoryError        = NewType("NotADirectoryError", OSError)
	InterruptedError          = NewType("InterruptedError", OSError)
	ConnectionError           = NewType("ConnectionError", OSError)
	BrokenPipeError           = NewType("BrokenPipeError", ConnectionError)
	ConnectionResetError      = NewType("ConnectionResetError", ConnectionError)
	ConnectionRefusedError    = NewType("ConnectionRefusedError", ConnectionError)
	ConnectionAbortedError    = NewType("ConnectionAbortedError", ConnectionError)
	BlockingIOError           = NewType("BlockingIOError", OSError)
	ChildProcessError         = NewType("ChildProcessError", OSError)
	ProcessLookupError        = NewType("ProcessLookupError", OSError)
	TimeoutError              = NewType("TimeoutError", OSError)
	ReferenceError            = NewType("ReferenceError", Exception_)
	RuntimeError              = NewType("RuntimeError", Exception_)
	NotImplementedError       = NewType("NotImplementedError", RuntimeError)
	RecursionError            = NewType("RecursionError", RuntimeError)
	SyntaxError               = NewType("SyntaxError", Exception_)
	IndentationError          = NewType("IndentationError", SyntaxError)
	TabError                  = NewType("TabError", IndentationError)
	SystemError               = NewType("SystemError", Exception_)
	TypeError                 = NewType("TypeError", Exception_)
	ValueError                = NewType("ValueError", Exception_)
	UnicodeError              = NewType("UnicodeError", ValueError)
	UnicodeDecodeError        = NewType("UnicodeDecodeError", UnicodeError)
	UnicodeEncodeError        = NewType("UnicodeEncodeError", UnicodeError)
	UnicodeTranslateError     = NewType("UnicodeTranslateError", UnicodeError)
	Warning                   = NewType("Warning", Exception_)
	UserWarning               = NewType("UserWarning", Warning)
	DeprecationWarning        = NewType("DeprecationWarning", Warning)
	PendingDeprecationWarning = NewType("PendingDeprecationWarning", Warning)
	RuntimeWarning            = NewType("RuntimeWarning", Warning)
	SyntaxWarning             = NewType("SyntaxWarning", Warning)
	FutureWarning             = NewType("FutureWarning", Warning)
	ImportWarning             = NewType("ImportWarning", Warning)
	UnicodeWarning            = NewType("UnicodeWarning", Warning)
	BytesWarning              = NewType("BytesWarning", Warning)
	ResourceWarning           = NewType("ResourceWarning", Warning)
	EncodingWarning           = NewType("EncodingWarning", Warning)
)

// ExceptionTypes lists the built-in exception types in hierarchy order,
// for the builtins module.
var ExceptionTypes = []*Type{
	BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception_,
	StopIteration, StopAsyncIteration, ArithmeticError, FloatingPointError,
	OverflowError, ZeroDivisionError, AssertionError, AttributeError,
	BufferError, EOFError, ImportError, ModuleNotFoundError, LookupError,
	IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
	FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError,
	NotADirectoryError, InterruptedError, ConnectionError, BrokenPipeError,
	ConnectionResetError, ConnectionRefusedError, ConnectionAbortedError,
	BlockingIOError, ChildProcessError, ProcessLookupError, TimeoutError,
	ReferenceError, RuntimeError, NotImplementedError, RecursionError,
	SyntaxError, IndentationError, TabError, SystemError, TypeError,
	ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
	UnicodeTranslateError, Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning,
	RuntimeWarning, SyntaxWarning, FutureWarning, ImportWarning,
	UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning,
}
