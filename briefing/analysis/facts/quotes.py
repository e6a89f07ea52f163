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

__all__ = ["Quote", "find_quotes", "is_caption", "uses_single_quotes"]

_OPEN_CONTEXT = set(" \t\n([{—–-:/")


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int  # body offsets of the quoted words
    end: int
    sentence: int
    paragraph: int
    continued: bool  # reopened after a quote that was never closed: same speaker


_DOUBLE_MARK = re.compile(r"[\"“”«»]")
_STRAIGHT_MARK = re.compile("'")


def _marks(text: str) -> Iterator[tuple[int, bool]]:
    """(position, opens) of each double quotation mark."""
    for match in _DOUBLE_MARK.finditer(text):
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


# An opening mark: at the start or after a space, bracket or dash. The mark comes first
# in the pattern, so a search skips to each "'" at once rather than trying every position.
_STRAIGHT_OPEN = re.compile(r"'(?<![^\s(\[—–:-]')(?=[A-Za-z0-9])(?!\d\ds?\b)")


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
    for match in _STRAIGHT_MARK.finditer(text):
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


def _paragraph_spans(text: str, single: bool) -> list[tuple[int, int, bool]]:
    """(start, end, continued) of the quotes of one paragraph, in every kind of mark."""
    spans = list(_spans(text, _marks(text)))
    if single and "'" in text:
        singles = list(_spans(text, _straight_single_marks(text)))
        # 'Sometimes it's "Hands off," he'd say.': in copy that quotes in single marks,
        # double marks inside a quote are a quote within the speech, not one of their own.
        spans = [s for s in spans if not any(a < s[0] and s[1] <= b for a, b, _ in singles)]
        taken = [(a, b) for a, b, _ in spans]
        spans += [s for s in singles if not any(a <= s[0] <= b for a, b in taken)]
        spans.sort()
    if "‘" in text:
        taken = [(a, b) for a, b, _ in spans]
        spans += [
            s
            for s in _spans(text, _single_marks(text))
            if not any(a <= s[0] <= b for a, b in taken)
        ]
        spans.sort()
    return spans


def _first_mark(text: str, single: bool, inside: bool = False) -> tuple[int, bool] | None:
    """The first quotation mark of a paragraph, (position, opens), or None. ``inside``:
    the paragraph continues a quote in single marks, so double ones are nested in it
    ('… Sometimes it's "Hands off," he'd say.') unless no single mark follows."""
    marks: list[tuple[int, bool]] = []
    if single and "'" in text:
        marks += _straight_single_marks(text)
    if "‘" in text or "’" in text:
        marks += _single_marks(text)
    if not (inside and single and marks):
        marks += _marks(text)
    return min(marks) if marks else None


# How many paragraphs without a mark a quote left open may run on over.
_RUN_ON = 3


@dataclass
class _Open:
    """A quote still open at the end of its paragraph: speech may run on over the next
    paragraphs ("one sentence a paragraph" copy) until a closing mark."""

    parts: list[str]
    start: int
    end: int
    sentence: int
    paragraph: int
    continued: bool
    run_on: int = 0
    tentative: bool = False  # opened by a stray mark: kept only if a closing mark comes

    def quote(self) -> Quote:
        text = " ".join(p for p in self.parts if p)
        return Quote(text, self.start, self.end, self.sentence, self.paragraph, self.continued)


def find_quotes(body: str, sentences: tuple[Sentence, ...]) -> list[Quote]:
    quotes: list[Quote] = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    carried = stray_close = False
    single = uses_single_quotes(body)
    pending: _Open | None = None
    for number, members in by_paragraph.items():
        start, end = members[0].start, members[-1].end
        text = body[start:end]
        entered_open = pending is not None
        if pending is None and stray_close:
            # '… recognition.'/ We knew every patient …/ … for them,' Walsh said: a mark that
            # ends a paragraph may have moved there from the start of the next one.
            pending = _Open([], start, start, members[0].index, number, False, tentative=True)
        if pending is not None:
            pending = _run_on(pending, text, start, number, single, quotes)
            if pending is not None:
                stray_close = False
                continue
        spans = _paragraph_spans(text, single)
        if entered_open:
            # The quote carried in ended at this paragraph's first closing mark: what
            # came before it (a quotation nested in the speech) was part of it.
            first = _first_mark(text, single, inside=True)
            if first is not None and not first[1]:
                spans = [s for s in spans if s[0] > first[0]]
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
            found = Quote(stripped, q_start, q_end, in_sentence, number, continued)
            if b == len(text) and not text.rstrip().endswith(_CLOSERS):
                pending = _Open([stripped], q_start, q_end, in_sentence, number, continued)
            else:
                quotes.append(found)
        # A paragraph that ends inside a quote hands its speaker to the next one.
        carried = bool(spans) and spans[-1][1] == len(text) and not text.rstrip().endswith(_CLOSERS)
        stray_close = single and not entered_open and _stray_close(text)
    if pending is not None:
        quotes.append(pending.quote())
    return quotes


_CLOSERS = ('"', "”")


def _run_on(
    pending: _Open, text: str, start: int, number: int, single: bool, quotes: list[Quote]
) -> _Open | None:
    """Carry a quote left open into this paragraph: all of it if it has no mark, up to
    its first mark if that one closes. Returns the quote if it is still open; else
    the quote is added to ``quotes`` (and None returned: read the paragraph as usual)."""
    first = _first_mark(text, single, inside=True)
    if first is None and pending.run_on < _RUN_ON and not is_caption(text):
        stripped = text.strip()
        pending.parts.append(stripped)
        pending.end, pending.paragraph = start + len(text.rstrip()), number
        pending.run_on += 1
        return pending
    if first is not None and not first[1]:
        part = text[: first[0]].strip()
        pending.parts.append(part)
        pending.end, pending.paragraph = start + len(text[: first[0]].rstrip()), number
    elif pending.tentative:
        return None
    if pending.parts:
        quotes.append(pending.quote())
    return None


def _stray_close(text: str) -> bool:
    """A paragraph whose only quotation mark ends it, closing nothing."""
    tail = text.rstrip()
    if not tail.endswith(("'", "’")):
        return False
    first = _first_mark(text, True)
    return first is not None and not first[1] and first[0] == len(tail) - 1


# "Skyline: The deck is lit up …", "Delight: Varga celebrates his goal …": a photo caption
# (a short label, a colon, then a sentence of five words or more; not "Subs: A, B.").
_CAPTION = re.compile(r"^\s*[A-Z][\w’',!?-]*(?:\s+[\w’',!?-]+){0,5}:\s+[A-Z]\S*(?:\s+\S+){4}")


def is_caption(paragraph: str) -> bool:
    """Whether a paragraph reads like a photo caption ("Delight: X celebrates his goal …")."""
    return bool(_CAPTION.match(paragraph))
