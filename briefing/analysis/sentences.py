"""Offline sentence and word segmentation for news text.

A rule-based splitter tuned for news copy. We measured the alternatives on our
hard cases (benchmarks/sentences.py): nupunkt (trained on legal text) splits
"Lt. Gen." and keeps "bold. Critics" together; pysbd is accurate but about a
hundred times slower. Rules over a curated abbreviation list beat both on the
cases that matter to us and run at tens of MB/s.

The splitter works on spans, so every sentence is an exact slice of the text
it came from: the summary can point back into the article without guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.library.text import words

__all__ = ["SentenceTokenizer", "sentence_spans", "split_sentences"]

# Abbreviations that (in news copy) are followed by a name or a number and
# practically never end a sentence.
_NEVER_FINAL = frozenset(
    """
    mr mrs ms mx dr prof gen lt col capt cpt sgt cpl maj adm cmdr brig pvt rev
    fr sen rep gov pres supt insp det hon messrs mme mlle msgr st mt ft gens lts
    cols sens reps govs drs profs e.g i.e cf viz vs approx ca
    """.split()
)
# Abbreviations that bind to a following number ("No. 2", "Aug. 3") but may
# end a sentence otherwise ("said no.", "in Jan.").
_BEFORE_NUMBER = frozenset(
    """
    no nos vol vols art arts fig figs p pp ch sec para op ed eds jan feb mar apr
    jun jul aug sep sept oct nov dec
    """.split()
)
# Words that, capitalised after an ambiguous abbreviation such as "U.S." or
# "p.m.", almost always start a new sentence rather than continue a name.
_SENTENCE_STARTERS = frozenset(
    """
    a an the this that these those there here it its he she his her they them
    their we our i you your my one some many most all both each every no none
    but and or so yet for nor if when while as after before although though
    because since until unless once however meanwhile still instead also then
    now today yesterday tomorrow in on at by with from into of to about what who
    which where why how only even just not such other another more less
    officials police authorities experts analysts critics residents witnesses
    investigators prosecutors researchers scientists doctors officers troops
    protesters voters shares prices sales talks negotiations lawmakers
    """.split()
)

# A candidate end: terminal punctuation, optionally wrapped in closing quotes
# and brackets (and the odd trailing full stop after a quote: `Europe.”.`),
# followed by whitespace. It runs from the first full stop (or ! ? …) of a run
# of such characters to the run's end. Found as runs, in linear time: the
# pattern ``(?:[.!?…]+[’”"')]*)+(?=\s+\S)`` it replaces backtracked
# exponentially on a run not followed by a space (25 dots then a letter took
# 3 s, 40 KB of `.”` 23 s).
# A whole run of such characters (the lookbehind: only from its start; the
# possessive quantifiers: never given back), from its first ".!?…" on.
_CANDIDATE = re.compile(r"(?<![.!?…’”\"'»)\]])[’”\"'»)\]]*+([.!?…][.!?…’”\"'»)\]]*+)(?=\s+\S)")
# A "sentence" longer than this is cut at its last space before the limit (or
# at the limit when it has none), so that no step downstream (snippets, key
# facts, summaries) ever works on a megabyte-long sentence. The longest
# sentences in our news sets are under 1,500 characters.
MAX_SENTENCE_CHARS = 3000
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NEXT_TOKEN = re.compile(r"\s+(\S+)")
_OPENING = "“‘\"'«([¿¡"
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})$")


def _is_boundary(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Decide whether the candidate terminator text[start:end] ends a sentence."""
    terminator = text[start:end]
    nxt_match = _NEXT_TOKEN.match(text, end)
    if nxt_match is None:
        return False
    nxt = nxt_match.group(1)
    first = nxt.lstrip(_OPENING)[:1]
    if not first:
        return True
    if first.islower():
        # News sentences begin with a capital, a digit or a quote; a lower-case
        # word means we are still inside the sentence ("... ideal...” but").
        return False
    if terminator.strip("’”\"'»)]") != ".":
        # "?", "!", "...", "…" or a quote-wrapped full stop before a capital.
        return True

    # The word before: looked for in the last 100 characters only, so that a
    # sentence with thousands of "U.S."-like non-ends stays linear.
    before = _TOKEN_BEFORE.search(text, max(sentence_start, start - 100), start)
    if before is None:
        return True
    word = before.group(1).lstrip(_OPENING)
    lower = word.lower()
    next_word = nxt.strip(_OPENING + "’”\"'»)].,;:!?").lower()

    if lower in _NEVER_FINAL:
        return False
    if lower in _BEFORE_NUMBER:
        return not first.isdigit()
    if before.start() == sentence_start and _ENUMERATOR.match(word):
        # A list marker such as "1." or "b." starts its own sentence.
        return False
    if len(word) == 1 and word.isupper():
        # An initial ("George W. Bush", "J. R. R. Tolkien").
        return False
    if "." in word and any(c.isalpha() for c in word):
        # A dotted abbreviation: "U.S.", "D.C.", "a.m.", "Ph.D.". It ends the
        # sentence only if the next word is one that starts sentences.
        return next_word in _SENTENCE_STARTERS or first.isdigit()
    return True


def _candidates(line: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each candidate sentence end in ``line`` from ``start``."""
    for match in _CANDIDATE.finditer(line, start):
        yield match.start(1), match.end(1)


def _bounded(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """line[start:end] as pieces of at most MAX_SENTENCE_CHARS, cut at spaces."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = line.rfind(" ", start + 1, limit + 1)
        piece_end = cut if cut > start else limit
        trimmed = piece_end
        while trimmed > start and line[trimmed - 1].isspace():
            trimmed -= 1
        yield start, trimmed
        start = piece_end
        while start < end and line[start].isspace():
            start += 1
    if start < end:
        yield start, end


def sentence_spans(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in ``text``, shifted by ``offset``.

    Every line break is a boundary; surrounding whitespace is excluded; no
    sentence is longer than MAX_SENTENCE_CHARS.
    """
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = lead
        for cand_start, cand_end in _candidates(line, lead):
            if cand_start - start > MAX_SENTENCE_CHARS:
                # Cut a monster sentence before looking back over it for the
                # word before the full stop (which would cost its length each time).
                *pieces, last = _bounded(line, start, cand_start)
                for a, b in pieces:
                    yield offset + line_start + a, offset + line_start + b
                start = last[0]
            if _is_boundary(line, cand_start, cand_end, start):
                if cand_end - start <= MAX_SENTENCE_CHARS:  # the common case, spared a generator
                    yield offset + line_start + start, offset + line_start + cand_end
                else:
                    for a, b in _bounded(line, start, cand_end):
                        yield offset + line_start + a, offset + line_start + b
                start = cand_end
                while start < len(line) and line[start].isspace():
                    start += 1
        for a, b in _bounded(line, start, len(line.rstrip())):
            yield offset + line_start + a, offset + line_start + b


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


class SentenceTokenizer:
    """Drop-in replacement for ``sumy.nlp.tokenizers.Tokenizer``.

    sumy's own tokenizer needs NLTK's punkt data, which is downloaded from the
    internet; this one needs nothing.
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
