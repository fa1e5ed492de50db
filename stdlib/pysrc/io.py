"""In-memory streams: StringIO and BytesIO (pyish has no file objects)."""

__all__ = ["StringIO", "BytesIO", "IOBase", "TextIOBase", "BufferedIOBase",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class _IOBase:
    """The base of the streams: closing, iteration, the with statement."""

    __module__ = "_io"

    def __init__(self):
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self, message="I/O operation on closed file."):
        if self._closed:
            raise ValueError(message)

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        self._check_open()
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


_IOBase.__name__ = _IOBase.__qualname__ = "_IOBase"


class _TextIOBase(_IOBase):
    __module__ = "_io"


class _BufferedIOBase(_IOBase):
    __module__ = "_io"


IOBase = _IOBase
TextIOBase = _TextIOBase
BufferedIOBase = _BufferedIOBase


class _Memory:
    """The buffer of an in-memory stream: its value (str or bytes) and the
    position. Writes at the end are kept as pieces and joined when read,
    so that a loop of writes costs linear time."""

    def __init__(self, empty, value):
        self.empty = empty
        self.value = value
        self.pieces = []
        self.size = len(value)
        self.pos = 0

    def get(self):
        if self.pieces:
            self.value = self.empty.join([self.value] + self.pieces)
            self.pieces = []
        return self.value

    def write(self, s):
        n = len(s)
        if self.pos == self.size:
            self.pieces.append(s)
        else:
            value = self.get()
            if self.pos > self.size:
                value += _padding(self.empty, self.pos - self.size)
            self.value = value[:self.pos] + s + value[self.pos + n:]
        self.pos += n
        self.size = max(self.size, self.pos)
        return n

    def read(self, size):
        value = self.get()
        if size is None or size < 0:
            end = self.size
        else:
            end = min(self.size, self.pos + size)
        start = min(self.pos, self.size)
        self.pos = max(self.pos, end)
        return value[start:end]

    def readline(self, size, terminators):
        value = self.get()
        start = min(self.pos, self.size)
        end = self.size
        if size is not None and size >= 0:
            end = min(end, start + size)
        best = end
        for t in terminators:
            i = value.find(t, start, end)
            if i >= 0 and i + len(t) <= best:
                best = min(best, i + len(t))
        universal = len(terminators) == 2  # newline="": \r, \n and \r\n
        if universal and best < end and value[best - 1:best] == "\r" and value[best:best + 1] == "\n":
            best += 1
        self.pos = max(self.pos, best)
        return value[start:best]

    def truncate(self, size):
        value = self.get()
        if size < self.size:
            self.value = value[:size]
            self.size = size
        return size


def _padding(empty, n):
    return ("\0" if isinstance(empty, str) else b"\0") * n


class StringIO(_TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    __module__ = "_io"

    def _check_open(self, message="I/O operation on closed file"):
        # (CPython's StringIO words it without the period.)
        if self._closed:
            raise ValueError(message)

    def __init__(self, initial_value="", newline="\n"):
        super().__init__()
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._memory = _Memory("", self._translate(initial_value))

    def _translate(self, s):
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def getvalue(self):
        self._check_open()
        return self._memory.get()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        return self._memory.write(self._translate(s))

    def read(self, size=-1):
        self._check_open()
        return self._memory.read(size)

    def readline(self, size=-1):
        self._check_open()
        if self._newline == "":
            terminators = ("\r", "\n")
        elif self._newline in ("\r", "\r\n"):
            terminators = (self._newline,)
        else:
            terminators = ("\n",)
        return self._memory.readline(size, terminators)

    def tell(self):
        self._check_open()
        return self._memory.pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if whence == 0 and pos < 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 2:
            pos = self._memory.size
        elif whence == 1:
            pos = self._memory.pos
        self._memory.pos = pos
        return pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._memory.pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        return self._memory.truncate(size)

    def detach(self):
        raise UnsupportedOperation("detach")


class BytesIO(_BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    __module__ = "_io"

    def __init__(self, initial_bytes=b""):
        super().__init__()
        if initial_bytes is None:
            initial_bytes = b""
        self._memory = _Memory(b"", bytes(initial_bytes))

    def getvalue(self):
        self._check_open()
        return self._memory.get()

    def write(self, b):
        self._check_open()
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray, memoryview)):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        return self._memory.write(bytes(b))

    def read(self, size=-1):
        self._check_open()
        return self._memory.read(size)

    read1 = read

    def readinto(self, b):
        self._check_open()
        if not isinstance(b, (bytearray, memoryview)) or isinstance(b, memoryview) and b.readonly:
            raise TypeError(f"readinto() argument must be read-write bytes-like object, not {type(b).__name__}")
        data = self._memory.read(len(b))
        b[:len(data)] = data
        return len(data)

    readinto1 = readinto

    def readline(self, size=-1):
        self._check_open()
        return self._memory.readline(size, (b"\n",))

    def tell(self):
        self._check_open()
        return self._memory.pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence not in (0, 1, 2):
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if whence == 0 and pos < 0:
            raise ValueError(f"negative seek value {pos}")
        if whence == 1:
            pos = max(0, self._memory.pos + pos)
        elif whence == 2:
            pos = max(0, self._memory.size + pos)
        self._memory.pos = pos
        return pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._memory.pos
        if size < 0:
            raise ValueError(f"negative size value {size}")
        return self._memory.truncate(size)
