"""Text wrapping and filling, as CPython's textwrap.

pyish's re has no lookaround, so the word splitting CPython does with one
regular expression is a scanner here (_split_words) that cuts the same
chunks.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The whitespace TextWrapper knows (not all of Unicode's, as in CPython).
_whitespace = '\t\n\x0b\x0c\r '


def _is_ws(c):
    return c in _whitespace


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return (c.isalnum() or c == '_') and not c.isdigit()


def _is_word_punct(c):
    return _is_word(c) or c in '!"\'&.,?'


def _dashes_then_word(text, k):
    """Whether text[k:] starts with two or more hyphens and a word char."""
    n = len(text)
    j = k
    while j < n and text[j] == '-':
        j += 1
    return j - k >= 2 and j < n and _is_word(text[j])


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _hyphen_break(text, k):
    """Whether a chunk may end with the hyphen at text[k]: after two
    letters (or a letter, hyphen, letter) and before a letter, an optional
    hyphen and a letter."""
    if k >= len(text) or text[k] != '-':
        return False
    before = (_letter_at(text, k - 1) and _letter_at(text, k - 2)) or (
        _letter_at(text, k - 1) and k >= 2 and text[k - 2] == '-' and _letter_at(text, k - 3))
    if not before or not _letter_at(text, k + 1):
        return False
    j = k + 2
    if j < len(text) and text[j] == '-':
        j += 1
    return _letter_at(text, k + 2) or (j == k + 3 and _letter_at(text, j))


def _split_words(text):
    """The chunks of CPython's TextWrapper.wordsep_re: whitespace runs,
    em-dashes between words, and words cut after their hyphens."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        if _is_ws(text[pos]):
            j = pos
            while j < n and _is_ws(text[j]):
                j += 1
        elif text[pos] == '-' and pos > 0 and _is_word_punct(text[pos - 1]) and _dashes_then_word(text, pos):
            j = pos
            while text[j] == '-':
                j += 1
        else:
            k = pos + 1
            while True:
                if _hyphen_break(text, k):
                    j = k + 1
                    break
                if k == n or _is_ws(text[k]):
                    j = k
                    break
                if _is_word_punct(text[k - 1]) and _dashes_then_word(text, k):
                    j = k
                    break
                k += 1
        chunks.append(text[pos:j])
        pos = j
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        ws = _is_ws(text[pos])
        j = pos
        while j < n and _is_ws(text[j]) == ws:
            j += 1
        chunks.append(text[pos:j])
        pos = j
    return chunks


def _sentence_end(chunk):
    """CPython's sentence_end_re: a lowercase letter, then . ! or ?, then
    maybe a quote, at the end of the chunk."""
    s = chunk
    if s[-1:] in ('"', "'"):
        s = s[:-1]
    return len(s) >= 2 and s[-1] in '.!?' and 'a' <= s[-2] <= 'z'


class TextWrapper:
    """Object for wrapping/filling text: the keyword arguments of wrap()
    and fill() are its attributes."""

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                text = text.replace(c, ' ')
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                last = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or last and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    self._place_placeholder(lines, cur_line, cur_len, width, indent)
                    break
        return lines

    def _place_placeholder(self, lines, cur_line, cur_len, width, indent):
        """End the text at the last line max_lines allows, with the
        placeholder where it fits."""
        while cur_line:
            if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                cur_line.append(self.placeholder)
                lines.append(indent + ''.join(cur_line))
                return
            cur_len -= len(cur_line[-1])
            del cur_line[-1]
        if lines:
            prev_line = lines[-1].rstrip()
            if len(prev_line) + len(self.placeholder) <= self.width:
                lines[-1] = prev_line + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The lines of text wrapped to self.width, without newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped to self.width, as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in text."""
    lines = text.split('\n')
    # Lines of only blanks and tabs become empty and set no margin.
    lines = ['' if line and not line.strip(' \t') else line for line in lines]
    margin = None
    for line in lines:
        if not line:
            continue
        indent = line[:len(line) - len(line.lstrip(' \t'))]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        lines = [line[len(margin):] for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of the selected lines in text: by
    default those that are not only whitespace."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
