"""Direct quotes: where each one starts and ends, and the words around it.

News copy reopens a quote without closing it when the speaker goes on into a
new sentence or paragraph (`…tightening. "But if…`), and mixes straight and
curly marks; a quote is closed by its closing mark, by the next opening mark,
or by the end of its paragraph. Who said it is decided by the extractor,
which knows the names; this module only finds the quotes and their cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.library.model import Sentence

__all__ = ["Quote", "find_quotes", "uses_single_quotes"]

_OPEN_CONTEXT = set(" \t\n([{—–-:/")


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int  # body offsets of the quoted words
    end: int
    sentence: int
    paragraph: int
    continued: bool  # reopened after a quote that was never closed: same speaker


def _marks(text: str) -> Iterator[tuple[int, bool]]:
    """(position, opens) of each double quotation mark."""
    for match in re.finditer(r"[\"“”«»]", text):
        pos, char = match.start(), match.group()
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        if char in "“«":
            yield pos, True
        elif char in "”»":
            # Some copy uses ” for both; one before a word after a space opens.
            yield pos, prev.isspace() and not nxt.isspace() and nxt not in ".,;:!?"
        else:
            yield pos, (prev in _OPEN_CONTEXT) and not nxt.isspace()


def _single_marks(text: str) -> Iterator[tuple[int, bool]]:
    for match in re.finditer(r"[‘’]", text):
        pos, char = match.start(), match.group()
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        if char == "‘" and prev in _OPEN_CONTEXT and nxt.isalnum():
            yield pos, True
        elif char == "’" and not nxt.isalnum() and not prev.isspace():
            yield pos, False


_STRAIGHT_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–:-]))'(?=[A-Za-z0-9])(?!\d\ds?\b)")


def uses_single_quotes(body: str) -> bool:
    """Whether speech is in straight single marks ('Like this,' she said), as in much
    agency and tabloid copy, rather than in double ones."""
    doubles = sum(body.count(mark) for mark in '"“”')
    return len(_STRAIGHT_OPEN.findall(body)) > max(1, doubles)


def _straight_single_marks(text: str) -> Iterator[tuple[int, bool]]:
    """(position, opens) of straight single marks used as quotation marks; an
    apostrophe inside a word ("it's") is neither. A mark after an "s" before a
    word ("the drivers' union") closes a quote only if no later mark can."""
    closing: list[tuple[int, bool]] = []
    for match in re.finditer("'", text):
        pos = match.start()
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        if _STRAIGHT_OPEN.match(text, pos):
            yield from _flush(closing)
            closing = []
            yield pos, True
        elif not prev.isspace() and not nxt.isalnum():
            plural = prev == "s" and nxt == " " and text[pos + 2 : pos + 3].islower()
            closing.append((pos, plural))
    yield from _flush(closing)


def _flush(closing: list[tuple[int, bool]]) -> Iterator[tuple[int, bool]]:
    """The closing marks before the next opening one: the first that is not a plural
    possessive, or failing that the first."""
    if closing:
        firm = [pos for pos, plural in closing if not plural]
        yield (firm[0] if firm else closing[0][0]), False


def _spans(text: str, marks: Iterator[tuple[int, bool]]) -> Iterator[tuple[int, int, bool]]:
    opened: int | None = None
    continued = False
    for pos, opens in marks:
        if opens:
            if opened is not None:
                yield opened, pos, continued
                continued = True
            else:
                continued = False
            opened = pos + 1
        elif opened is not None:
            yield opened, pos, continued
            opened = None
    if opened is not None:
        yield opened, len(text), continued


def find_quotes(body: str, sentences: tuple[Sentence, ...]) -> list[Quote]:
    quotes: list[Quote] = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    carried = False
    single = uses_single_quotes(body)
    for number, members in by_paragraph.items():
        start, end = members[0].start, members[-1].end
        text = body[start:end]
        spans = list(_spans(text, _marks(text)))
        if single and "'" in text:
            taken = [(a, b) for a, b, _ in spans]
            spans += [
                s
                for s in _spans(text, _straight_single_marks(text))
                if not any(a <= s[0] <= b for a, b in taken)
            ]
            spans.sort()
        if "‘" in text:
            taken = [(a, b) for a, b, _ in spans]
            spans += [
                s
                for s in _spans(text, _single_marks(text))
                if not any(a <= s[0] <= b for a, b in taken)
            ]
            spans.sort()
        for index, (a, b, continued) in enumerate(spans):
            raw = text[a:b]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            q_start = start + a + lead
            q_end = q_start + len(stripped)
            in_sentence = next(
                (s.index for s in members if s.start <= q_start < s.end + 1), members[0].index
            )
            if index == 0 and a <= 1 and carried:
                continued = True
            quotes.append(Quote(stripped, q_start, q_end, in_sentence, number, continued))
        # A paragraph that ends inside a quote hands its speaker to the next one.
        carried = (
            bool(spans) and spans[-1][1] == len(text) and not text.rstrip().endswith(('"', "”"))
        )
    return quotes
