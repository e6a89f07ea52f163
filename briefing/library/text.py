"""Turning bytes from disk into clean, safe text.

Everything that comes out of this module is plain data: control characters
(including the ESC that starts terminal escape sequences) are gone, so no later
layer can be tricked into styling or moving the cursor by an article's content.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress
from operator import not_

__all__ = [
    "DecodeError",
    "count_words",
    "decode_bytes",
    "has_words",
    "normalise_newlines",
    "reveal_controls",
    "sanitise",
    "words",
]


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


# C0 and C1 controls except tab and newline, DEL, the bidirectional
# overrides/isolates that can make a line display differently from its content,
# and lone surrogates (a YAML "\\ud800", a file name's undecodable bytes), which
# no terminal or UTF-8 file can take.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
# Possessive: a word never gives back letters to a joiner that could not
# follow them anyway, so the same matches are found with no backtracking. (The
# group is not repeated possessively: Python 3.11.2's re, Debian 12's, then
# ended "U.S." after its last dot; tests/test_regex_portability.py.)
_WORD = re.compile(r"\w++(?:[’'.\-]{1,2}\w++)*", re.UNICODE)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sanitise(text: str) -> str:
    """Remove control characters (ESC among them) and NFC-normalise.

    Newlines and tabs survive; everything else that could drive a terminal does
    not. The printable rest of an escape sequence ("[31m") stays as literal
    text: it is the file's content, shown as it is, and harmless without ESC.
    Applied to every string read from a file (titles, bodies, metadata).
    """
    text = _UNSAFE.sub("", normalise_newlines(text))
    return unicodedata.normalize("NFC", text)


def reveal_controls(text: str) -> str:
    """Show control characters as visible escapes (ESC as ``\\x1b``).

    For text that must stay as it was given (a note in a shared bookmark
    file, a file name) but be displayed: the escape is shown, never acted on.
    A file name's undecodable byte (held as a surrogate) shows as ``\\xe9``.
    """
    return _UNSAFE.sub(_escape_code, text)


def _escape_code(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def decode_bytes(data: bytes) -> str:
    """Decode file content: UTF-8 (BOM tolerated), else a detected encoding.

    Raises DecodeError for binary data or when no encoding explains the bytes.
    """
    if b"\x00" in data[:8192]:
        # UTF-16/32 files contain NULs too; they announce themselves with a BOM.
        for bom, codec in (
            (b"\xff\xfe\x00\x00", "utf-32-le"),
            (b"\x00\x00\xfe\xff", "utf-32-be"),
            (b"\xff\xfe", "utf-16-le"),
            (b"\xfe\xff", "utf-16-be"),
        ):
            if data.startswith(bom):
                try:
                    return data[len(bom) :].decode(codec)
                except UnicodeDecodeError as error:
                    raise DecodeError(f"not valid {codec}") from error
        text = _utf16_without_bom(data)
        if text is None:
            raise DecodeError("binary file")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Imported here: only files that are not UTF-8 pay for the detector.
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("unknown text encoding")
    best = min(matches, key=lambda m: m.chaos)
    # On short Western text the detector often ranks a Baltic or Central
    # European code page first by a hair; Windows-1252 is by far the likelier.
    for match in matches:
        if match.encoding in _PREFERRED_LEGACY and match.chaos <= best.chaos + 0.1:
            return str(match)
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark, or None.

    Text in the Latin script is then one NUL every other byte: at odd
    positions for little-endian, even for big-endian. It counts as text
    when it decodes and nearly all of it is printable.
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even == 0:
        codec = "utf-16-le"
    elif even > half * 0.3 and odd == 0:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for c in text[:4096] if c.isprintable() or c in "\n\r\t")
    return text if printable >= 0.95 * min(len(text), 4096) else None


def words(text: str) -> list[str]:
    """Word tokens: letters/digits joined by inner apostrophes, dots or hyphens."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    """``len(words(text))``, a third faster on prose (indexing counts every article).

    No word spans whitespace, so each whitespace-separated token is counted on
    its own, and a token of letters and digits only (``str.isalnum`` is
    exactly the pattern's ``\\w`` without "_") is one word: only the rest
    ("said,", "O'Brien", "$11.8bn") goes through the pattern.
    """
    tokens = text.split()
    plain = list(map(str.isalnum, tokens))
    rest = " ".join(compress(tokens, map(not_, plain)))
    return sum(plain) + len(_WORD.findall(rest))


def has_words(text: str) -> bool:
    """``count_words(text) > 0``, from the first word alone."""
    return _WORD.search(text) is not None
