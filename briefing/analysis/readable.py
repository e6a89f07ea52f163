"""Whether a sentence reads well on its own, away from its neighbours.

Two things make an extracted sentence hard to read alone: it opens by leaning
on the one before it ("He added…", "But…", "This means…"), or it is one piece
of a quotation that runs over several sentences. The summarizer keeps the
first kind only together with the sentence it leans on, and never takes a
piece of a quotation.
"""

from __future__ import annotations

import bisect
import re

from briefing.analysis.facts.quotes import find_quotes
from briefing.library.model import Article

__all__ = ["LEANING_WORDS", "leans_back", "quotation_runs"]

# First words that point back at the sentence before: pronouns, demonstratives
# and connectives. "It" is left out: it is mostly "It is…", "It was…" in news.
LEANING_WORDS = frozenset(
    """
    he she they him them his her hers their theirs its this that these those such
    but however and also so yet or nor still instead moreover furthermore besides
    then thus therefore hence otherwise nevertheless nonetheless meanwhile indeed
    likewise similarly consequently accordingly again too others latter former
    """.split()
)
# Two-word openings that lean back although their first word alone does not.
_LEANING_PAIRS = frozenset(
    {
        "as a",  # "As a result", "As a consequence"
        "in addition",
        "in turn",
        "the latter",
        "the former",
        "even so",
        "after that",
        "on the",  # "On the other hand"
    }
)
_WORD = re.compile(r"[^\W\d_]+")
_OPENING = "\"'“‘«([ "
_CLOSING_MARK = re.compile(r"(?<=\S)[\"'”’»](?=\s|$)")


def leans_back(text: str) -> bool:
    """Whether the sentence opens with a word that refers to what came before."""
    words = _WORD.findall(text.lstrip(_OPENING)[:40].lower())
    if not words:
        return False
    if words[0] in LEANING_WORDS:
        return True
    pair = " ".join(words[:2])
    return pair in _LEANING_PAIRS and (pair != "as a" or words[2:3] == ["result"])


def quotation_runs(article: Article) -> dict[int, tuple[int, int]]:
    """Sentences that are part of a quotation over several sentences: index -> (first, last).

    A quotation runs over sentences when its closing mark is in a later
    sentence than its opening one. One left open at the end of its paragraph
    continues into the next paragraph when that one does not reopen it with a
    mark of its own (the reopening convention makes each paragraph whole); it
    ends with the first closing mark there, and after three paragraphs at most
    (an unmatched apostrophe must not swallow an article).
    """
    sentences = article.sentences
    if not sentences:
        return {}
    body = article.body
    starts = [s.start for s in sentences]

    def at(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    runs: dict[int, tuple[int, int]] = {}
    for quote in find_quotes(body, sentences):
        first = at(quote.start)
        last = at(max(quote.start, quote.end - 1))
        if body[quote.end : quote.end + 1] not in {'"', "'", "”", "’", "»"}:
            last = _continued(article, last)
        if last > first:
            for i in range(first, last + 1):
                runs[i] = (first, last)
    return runs


def _continued(article: Article, last: int) -> int:
    """Where a quotation left open at sentence ``last`` ends in the paragraphs after it."""
    sentences = article.sentences
    if last + 1 < len(sentences) and sentences[last + 1].paragraph == sentences[last].paragraph:
        return last  # not at its paragraph's end: closed by the next opening mark
    paragraphs = 0
    i = last + 1
    while i < len(sentences) and paragraphs < 3:
        sentence = sentences[i]
        if sentence.paragraph != sentences[i - 1].paragraph:
            paragraphs += 1
            if sentence.text[:1] in _OPENING.strip():
                return last  # reopened: the paragraphs before are whole
        if _CLOSING_MARK.search(sentence.text):
            return i
        i += 1
    return last
