"""The bookmark file format (version 2): strict reading, canonical writing.

Files are shared between people, so reading treats them as untrusted: a size
cap, a nesting cap, caps on every field, type checks on every known field,
and an error message that names the entry at fault. Writing is canonical:
entries sorted by article id and owner id, one per line, fields in a fixed
order and unknown fields after them sorted by name, so equal content gives
byte-equal files (and line-based diffs show one changed line per changed
bookmark). Whatever is written can be read back: writing checks the same
caps that reading does.

Version 1 files (no owners) are read too: their entries get the owner the
caller names (yours for your own file, the sender for an imported one).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from briefing.bookmarks.model import (
    ENTRY_FIELDS,
    Bookmark,
    Bookmarks,
    Key,
    format_time,
    parse_time,
)
from briefing.bookmarks.owners import MAX_OWNER_CHARS, NOBODY, Owner

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "BookmarkFileError",
    "check_entry",
    "decode",
    "decode_entry",
    "encode",
    "encode_entry",
    "extra_text",
]

FORMAT_NAME = "briefing.bookmarks"
FORMAT_VERSION = 2
MAX_FILE_BYTES = 20 * 1024 * 1024
# Caps on one entry's fields (characters, or items for lists): far above any
# real use, far below what lets two imports lock a user out of the file.
MAX_CHARS = {
    "title": 2_000,
    "source": 4_096,
    "url": 8_192,
    "excerpt": 4_000,
    "note": 100_000,
}
MAX_TAG_CHARS = 200
MAX_TAGS = 200
MAX_NOTE_CONFLICTS = 100
MAX_REPLACED_NOTES = 10_000
# Deep enough for any sane extension field; shallow enough that a hostile file
# cannot make the reader recurse without bound.
MAX_DEPTH = 32

_ARTICLE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._:-]{0,127}")
_DIGEST = re.compile(r"[0-9a-f]{16}")
_KNOWN = frozenset(ENTRY_FIELDS)
_TOP_KNOWN = frozenset(("format", "version", "bookmarks"))

# The canonical layout, which the store relies on to edit one line in place.
HEADER = '{\n  "format": "briefing.bookmarks",\n  "version": 2,\n'
ENTRIES_OPEN = '  "bookmarks": [\n'
ENTRY_INDENT = "    "
ENTRIES_CLOSE = "  ]\n}\n"
EMPTY_ENTRIES = '  "bookmarks": []\n}\n'


class BookmarkFileError(ValueError):
    """A bookmark file that cannot be used, with a one-line reason."""


class _Invalid(Exception):
    pass


# -- reading ---------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise _Invalid(f"{name} is not allowed in JSON")


# A lone surrogate can only arrive as a \\uD8xx-style escape (UTF-8 text
# cannot hold one); files without such an escape need no repair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def decode(data: bytes | str, owner: Owner = NOBODY) -> Bookmarks:
    """Parse and validate a whole file; raise BookmarkFileError if unusable.

    Entries of a version 1 file (which has no owners) get ``owner``. Several
    entries for one article and owner (a hand-joined file) are merged. The
    result's ``version`` says which version the file was.
    """
    if len(data) > MAX_FILE_BYTES:
        raise BookmarkFileError(
            f"too large ({len(data) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB)"
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BookmarkFileError(f"not UTF-8 text (byte {error.start})") from None
    else:
        text = data
    if not text.strip():
        return Bookmarks()
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise BookmarkFileError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise BookmarkFileError("not usable: JSON nested too deeply") from None
    except _Invalid as error:
        raise BookmarkFileError(f"not valid JSON: {error}") from None
    except ValueError as error:  # e.g. an integer with too many digits
        raise BookmarkFileError(f"not valid JSON: {error}") from None
    if _SURROGATE_ESCAPE.search(text):
        document = _without_surrogates(document)
    return _document(document, owner)


def _mend(text: str) -> str:
    # Pairs written as two escapes join up; a lone half becomes U+FFFD.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _without_surrogates(value: Any, depth: int = 0) -> Any:
    """``value`` with every lone surrogate (in strings and keys) replaced by
    U+FFFD: such text cannot be written as UTF-8, and would make the file
    impossible to list or edit."""
    if depth > MAX_DEPTH + 2:
        return value  # refused later as nested too deeply
    if isinstance(value, str):
        return _mend(value)
    if isinstance(value, list):
        return [_without_surrogates(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {_mend(k): _without_surrogates(v, depth + 1) for k, v in value.items()}
    return value


def _document(document: Any, owner: Owner) -> Bookmarks:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise BookmarkFileError(
            f'not a briefing bookmarks file (no "format": "{FORMAT_NAME}" at the top)'
        )
    version = document.get("version")
    if type(version) is not int:
        raise BookmarkFileError('"version" must be a whole number')
    if version > FORMAT_VERSION:
        raise BookmarkFileError(
            f"written by a newer briefing (format version {version}; this one reads "
            f"version {FORMAT_VERSION}): upgrade briefing to use it"
        )
    if version < 1:
        raise BookmarkFileError(f"unknown format version {version}")
    raw_entries = document.get("bookmarks", [])
    if not isinstance(raw_entries, list):
        raise BookmarkFileError('"bookmarks" must be a list')
    extra = {k: v for k, v in document.items() if k not in _TOP_KNOWN}
    try:
        extra = _checked_extra(extra)
    except _Invalid as error:
        raise BookmarkFileError(str(error)) from None
    v1_owner = owner if version == 1 else None
    entries: dict[Key, Bookmark] = {}
    for number, raw in enumerate(raw_entries, 1):
        try:
            entry = decode_entry(raw, v1_owner)
        except _Invalid as error:
            raise BookmarkFileError(f"{_entry_name(number, raw)}: {error}") from None
        previous = entries.get(entry.key)
        if previous is not None:
            from briefing.bookmarks.merge import merge_entries

            entry = merge_entries(previous, entry)
        entries[entry.key] = entry
    return Bookmarks(entries, extra, version=version)


def _entry_name(number: int, raw: Any) -> str:
    name = f"entry {number}"
    if isinstance(raw, dict) and isinstance(raw.get("article_id"), str):
        name += f" (article_id {raw['article_id'][:40]!r})"
    return name


def _string(raw: Mapping[str, Any], key: str, default: str | None = "") -> Any:
    value = raw.get(key, default)
    if value is None and default is None:
        return None
    if type(value) is not str:
        kind = "text or null" if default is None else "text"
        raise _Invalid(f'"{key}" must be {kind}, not {_json_type(value)}')
    return value


def _strings(raw: Mapping[str, Any], key: str) -> list[str]:
    """A list of text (its caps are checked on the entry, by _check_sizes)."""
    value = raw.get(key, [])
    if type(value) is not list or any(type(item) is not str for item in value):
        raise _Invalid(f'"{key}" must be a list of text')
    return value


def _time(raw: Mapping[str, Any], key: str, required: bool) -> Any:
    value = raw.get(key)
    if value is None and not required:
        return None
    if type(value) is not str:
        raise _Invalid(f'"{key}" must be a time like "2026-11-27T10:00:00Z"')
    try:
        return parse_time(value)
    except ValueError:
        raise _Invalid(
            f'"{key}" is not a time like "2026-11-27T10:00:00Z": {value[:40]!r}'
        ) from None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


_OWNER_SHAPE = '"owner" must be {"id": "…", "name": "…"} (id and name: text, not empty)'


def _owner(raw: Mapping[str, Any]) -> Owner:
    value = raw.get("owner")
    if type(value) is not dict or len(value) != 2 or "id" not in value or "name" not in value:
        raise _Invalid(_OWNER_SHAPE)
    owner_id, name = value["id"], value["name"]
    if type(owner_id) is not str or type(name) is not str or not owner_id.strip():
        raise _Invalid(_OWNER_SHAPE)
    if len(owner_id) > MAX_OWNER_CHARS or len(name) > MAX_OWNER_CHARS:
        raise _Invalid(f'"owner" id and name must be at most {MAX_OWNER_CHARS} characters')
    return Owner(owner_id, name)


_TITLE, _SOURCE, _URL, _EXCERPT, _NOTE = (
    MAX_CHARS[k] for k in ("title", "source", "url", "excerpt", "note")
)


def _check_sizes(entry: Bookmark) -> None:
    """The caps every entry meets (raises _Invalid naming the field).

    One expression for the common case: this runs for every entry read and
    every entry written (20,000 in a large merge).
    """
    source, url, tags, conflicts = entry.source, entry.url, entry.tags, entry.note_conflicts
    if (
        len(entry.title) <= _TITLE
        and len(entry.excerpt) <= _EXCERPT
        and len(entry.note) <= _NOTE
        and (source is None or len(source) <= _SOURCE)
        and (url is None or len(url) <= _URL)
        and len(tags) <= MAX_TAGS
        and (not tags or max(map(len, tags)) <= MAX_TAG_CHARS)
        and len(conflicts) <= MAX_NOTE_CONFLICTS
        and (not conflicts or max(map(len, conflicts)) <= _NOTE)
        and len(entry.replaced_notes) <= MAX_REPLACED_NOTES
    ):
        return
    _explain_sizes(entry)


def _explain_sizes(entry: Bookmark) -> None:
    for key, most in MAX_CHARS.items():
        value = getattr(entry, key)
        if value is not None and len(value) > most:
            raise _Invalid(f'"{key}" is longer than {most:,} characters')
    for key, most, chars in (
        ("tags", MAX_TAGS, MAX_TAG_CHARS),
        ("note_conflicts", MAX_NOTE_CONFLICTS, MAX_CHARS["note"]),
        ("replaced_notes", MAX_REPLACED_NOTES, None),
    ):
        values = getattr(entry, key)
        if len(values) > most:
            raise _Invalid(f'"{key}" has more than {most:,} items')
        if chars is not None and any(len(v) > chars for v in values):
            raise _Invalid(f'"{key}" has an item longer than {chars:,} characters')


def decode_entry(raw: Any, v1_owner: Owner | None = None) -> Bookmark:
    """One entry from its parsed JSON object; raises _Invalid with the reason.

    ``v1_owner``: the entry is from a version 1 file and belongs to this
    owner (an "owner" field in it, which version 1 does not have, is ignored).
    """
    if type(raw) is not dict:
        raise _Invalid(f"must be an object, not {_json_type(raw)}")
    get = raw.get
    article_id = get("article_id")
    if type(article_id) is not str or not _ARTICLE_ID.fullmatch(article_id):
        raise _Invalid('"article_id" must be an id like "b500742d86ff"')
    owner = _owner(raw) if v1_owner is None else v1_owner
    deleted = get("deleted", False)
    if type(deleted) is not bool:
        raise _Invalid('"deleted" must be true or false')
    title, excerpt, note = get("title", ""), get("excerpt", ""), get("note", "")
    if type(title) is not str or type(excerpt) is not str or type(note) is not str:
        for key in ("title", "excerpt", "note"):
            _string(raw, key)
    source, url = get("source"), get("url")
    if (source is not None and type(source) is not str) or (
        url is not None and type(url) is not str
    ):
        _string(raw, "source", None)
        _string(raw, "url", None)
    tags = _strings(raw, "tags")
    conflicts = _strings(raw, "note_conflicts") if "note_conflicts" in raw else ()
    replaced = _strings(raw, "replaced_notes") if "replaced_notes" in raw else ()
    if not all(_DIGEST.fullmatch(d) for d in replaced):
        raise _Invalid('"replaced_notes" must hold 16-digit hex fingerprints')
    updated = _time(raw, "updated", required=True)
    created = _time(raw, "created", required=False) or updated
    extra = None if _KNOWN.issuperset(raw) else {k: v for k, v in raw.items() if k not in _KNOWN}
    entry = Bookmark(
        article_id=article_id,
        title=title,
        source=source,
        url=url,
        excerpt=excerpt,
        note=note,
        tags=tuple(tags),
        created=created,
        updated=updated,
        deleted=deleted,
        note_conflicts=tuple(conflicts),
        replaced_notes=tuple(replaced),
        extra=_checked_extra(extra) if extra else {},
        owner=owner,
    )
    _check_sizes(entry)
    return entry


def _checked_extra(extra: dict[str, Any]) -> dict[str, Any]:
    """Unknown fields, checked for depth and for numbers JSON cannot write
    back (1e400 reads as infinity)."""
    stack = [(value, 1) for value in extra.values()]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Invalid(f"a field is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise _Invalid(f"the number {value} is out of range")
    return extra


# -- writing ---------------------------------------------------------------


def entry_dict(entry: Bookmark) -> dict[str, Any]:
    """An entry as the JSON object the file holds (fields in canonical order)."""
    result: dict[str, Any] = {
        "article_id": entry.article_id,
        "owner": {"id": entry.owner.id, "name": entry.owner.name},
        "title": entry.title,
        "source": entry.source,
        "url": entry.url,
        "excerpt": entry.excerpt,
        "note": entry.note,
    }
    # Written only when present: most entries never have either.
    if entry.note_conflicts:
        result["note_conflicts"] = list(entry.note_conflicts)
    if entry.replaced_notes:
        result["replaced_notes"] = list(entry.replaced_notes)
    result["tags"] = list(entry.tags)
    result["created"] = format_time(entry.created)
    result["updated"] = format_time(entry.updated)
    result["deleted"] = entry.deleted
    result.update(entry.extra)
    return result


def _encode_extra(extra: Mapping[str, Any]) -> list[str]:
    return [f"{_ENCODER.encode(k)}: {_SORTED.encode(extra[k])}" for k in sorted(extra)]


def extra_text(extra: Mapping[str, Any]) -> str:
    """Unknown fields exactly as the file writes them: what merging compares
    (1 and 1.0 are equal in Python, but not the same bytes)."""
    return ", ".join(_encode_extra(extra))


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
# Unknown fields may hold objects of their own: their keys are sorted so that
# equal content still gives equal bytes (the known fields keep their order).
_SORTED = json.JSONEncoder(
    ensure_ascii=False, separators=(", ", ": "), allow_nan=False, sort_keys=True
)


def check_entry(entry: Bookmark) -> None:
    """Raise BookmarkFileError if ``entry`` could not be read back once written."""
    if not entry.owner.id.strip():
        raise BookmarkFileError(f"the bookmark of {entry.article_id} has no owner")
    try:
        _check_sizes(entry)
        if not _ARTICLE_ID.fullmatch(entry.article_id):
            raise _Invalid('"article_id" must be an id like "b500742d86ff"')
    except _Invalid as error:
        raise BookmarkFileError(f"the bookmark of {entry.article_id[:40]!r}: {error}") from None


def encode_entry(entry: Bookmark) -> str:
    """One entry's line (without indent or trailing comma).

    Raises BookmarkFileError for an entry that could not be read back.
    """
    check_entry(entry)
    if not entry.extra:
        return _ENCODER.encode(entry_dict(entry))
    known = _ENCODER.encode(entry_dict(replace(entry, extra={})))
    return known[:-1] + ", " + ", ".join(_encode_extra(entry.extra)) + "}"


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate from a caller
        raise BookmarkFileError(
            f"cannot be saved: it holds text that is not valid Unicode "
            f"({error.object[error.start : error.end]!a})"
        ) from None


def encode(bookmarks: Bookmarks) -> bytes:
    """The canonical file for ``bookmarks`` (UTF-8, one entry per line)."""
    parts = [HEADER]
    parts += [f"  {field},\n" for field in _encode_extra(bookmarks.extra)]
    lines = [ENTRY_INDENT + encode_entry(entry) for entry in bookmarks]
    if lines:
        parts += [ENTRIES_OPEN, ",\n".join(lines), "\n", ENTRIES_CLOSE]
    else:
        parts.append(EMPTY_ENTRIES)
    return _utf8("".join(parts))


# -- editing one entry of a canonical file in place ---------------------------
#
# Entry lines are found by a binary search over byte offsets, and the new file
# is the old one with one line replaced or inserted: nothing walks the whole
# file (10,000 entries are 6 MB), so an edit costs the same whatever its size.

_OPEN_LINE = ("\n" + ENTRIES_OPEN).encode()
_CLOSE = ("\n" + ENTRIES_CLOSE).encode()
_ENTRY_PREFIX = (ENTRY_INDENT + '{"article_id": "').encode()
_OWNER_PREFIX = b'", "owner": {"id": '
# An owner id is at most MAX_OWNER_CHARS characters, 12 bytes each at worst
# (a UTF-16 pair escaped as two \\uXXXX); its line is read this far for it.
_OWNER_SPAN = MAX_OWNER_CHARS * 12 + 2
_COMMA, _COMMA_NEWLINE, _NOTHING = memoryview(b","), memoryview(b",\n"), memoryview(b"")


@dataclass
class Layout:
    """A canonical file whose entry lines are ``data[first:end]``, each line
    (the last one too) ending with a newline."""

    data: bytes
    first: int
    end: int

    def _line_end(self, start: int) -> int:
        return self.data.index(b"\n", start)

    def _key_at(self, start: int) -> Key:
        """The (article id, owner id) of the line at ``start``; ValueError if
        the line is not laid out as written."""
        begin = start + len(_ENTRY_PREFIX)
        close = self.data.index(b'"', begin)
        if not self.data.startswith(_OWNER_PREFIX, close):
            raise ValueError("no owner")
        at = close + len(_OWNER_PREFIX)
        text = self.data[at : at + _OWNER_SPAN].decode("utf-8", "replace")
        return self.data[begin:close].decode("ascii"), _json_string(text)

    def locate(self, key: Key) -> tuple[int, bool] | None:
        """Where ``key``'s line starts (True) or would be inserted (False), as
        a byte offset; None if the file turns out not to be laid out as
        written (it may be anything until its fingerprint is checked)."""
        data, low, high = self.data, self.first, self.end
        try:
            # Lines before ``low`` sort before key, lines from ``high`` do not.
            while low < high:
                start = data.rfind(b"\n", low, (low + high) // 2) + 1 or low
                if self._key_at(start) < key:
                    low = self._line_end(start) + 1
                else:
                    high = start
            return low, low < self.end and self._key_at(low) == key
        except ValueError:  # UnicodeDecodeError and JSONDecodeError included
            return None

    def entry_at(self, index: int, key: Key) -> Bookmark:
        """The entry whose line starts at ``index``."""
        line = self.data[index : self._line_end(index)].removesuffix(b",")
        try:
            return decode_entry(json.loads(line))
        except (ValueError, _Invalid) as error:
            raise BookmarkFileError(f"entry for {key[0]!r} is damaged: {error}") from None

    def with_entry(self, index: int, entry: Bookmark, replacing: bool) -> list[memoryview]:
        """The file with ``entry``'s line replaced or inserted at ``index``, as
        chunks to write one after the other (joining them would copy the file)."""
        line = memoryview(_utf8(ENTRY_INDENT + encode_entry(entry)))
        data = memoryview(self.data)  # slices without copying
        if replacing:
            old_end = self._line_end(index)
            comma = _COMMA if data[old_end - 1] == ord(",") else _NOTHING
            return [data[:index], line, comma, data[old_end:]]
        if index == self.end:  # a new last entry: the old last one gains a comma
            return [data[: index - 1], _COMMA_NEWLINE, line, data[index - 1 :]]
        return [data[:index], line, _COMMA_NEWLINE, data[index:]]


def _json_string(text: str) -> str:
    """The JSON string that ``text`` starts with; ValueError if none."""
    if not text.startswith('"'):
        raise ValueError("no string")
    end = 0
    while True:
        end = text.index('"', end + 1)
        backslashes = len(text[:end]) - len(text[:end].rstrip("\\"))
        if backslashes % 2 == 0:
            value = json.loads(text[: end + 1])
            assert isinstance(value, str)
            return value


def layout(data: bytes) -> Layout | None:
    """The layout of ``data`` if it is laid out as ``encode`` writes files
    with at least one entry, else None (the caller then decodes it whole)."""
    if not data.startswith(HEADER.encode()) or not data.endswith(_CLOSE):
        return None
    opening = data.find(_OPEN_LINE, len(HEADER) - 1)
    if opening < 0:
        return None
    first = opening + len(_OPEN_LINE)
    end = len(data) - len(_CLOSE) + 1
    if first >= end:
        return None
    last = data.rfind(b"\n", first, end - 1) + 1 or first
    middle = data.rfind(b"\n", first, (first + end) // 2) + 1 or first
    if not all(data.startswith(_ENTRY_PREFIX, start) for start in (first, middle, last)):
        return None
    return Layout(data, first, end)
