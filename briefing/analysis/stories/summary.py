"""A story's summary: a few sentences chosen across its articles, said once.

The candidates are each article's own summary sentences (so a sentence is
verbatim from its article, with its index there). Each is scored by how
close it is to the story as a whole (cosine with the story's centroid) and
by how early it comes in its article (news puts what matters first). The
best are taken greedily, each discounted by its likeness to those already
taken (maximal marginal relevance), skipping any that repeats one: by
word-set overlap (Jaccard above ``REPEAT_JACCARD``) or by weighted terms
(cosine above ``REPEAT_COSINE``), which catches the same fact in other words
("The SCO comprises China, India, …" and "The SCO's members are China, …").
The chosen sentences are read in order: by date, then article, then position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.analysis.stories.terms import Vector, dot, rare_weight, text_counts, unit
from briefing.library.model import Article

__all__ = ["REPEAT_COSINE", "REPEAT_JACCARD", "choose_sentences", "word_set"]

REPEAT_JACCARD = 0.5
# Shorter "sentences" are mostly headings and captions kept in the text.
MIN_WORDS = 6
REPEAT_COSINE = 0.5
_WORD = re.compile(r"[^\W_]+")

# (position of the article in the story, sentence index in that article)
Choice = tuple[int, int]


def word_set(text: str) -> frozenset[str]:
    """The sentence's distinct words, lower-cased: what "say it once" compares."""
    return frozenset(w.lower() for w in _WORD.findall(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def choose_sentences(
    articles: Sequence[Article],
    candidates: Sequence[Sequence[int]],
    centroid: Vector,
    idf: dict[str, float],
    count: int,
    rare: float | None = None,
) -> list[Choice]:
    """Up to ``count`` (article position, sentence index) pairs, in reading order.

    ``articles`` are in the story's order (by date); ``candidates`` are each
    one's summary sentence indices; ``rare`` is ``rare_weight(idf)``, if the
    caller has it (a scan of the whole vocabulary: once a digest, not a story).
    """
    if rare is None:
        rare = rare_weight(idf)
    scored = []
    for position, (article, indices) in enumerate(zip(articles, candidates, strict=True)):
        for index in indices:
            sentence = article.sentences[index]
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            counts = text_counts(sentence.text)
            # A word no other article has is weighed as the rarest of terms.
            vector = unit({t: c * idf.get(t, rare) for t, c in counts.items()})
            score = dot(vector, centroid) * (1.0 + sentence.paragraph) ** -0.5
            scored.append((score, position, index, vector, word_set(sentence.text)))
    chosen: list[tuple[int, int, Vector, frozenset[str]]] = []
    while scored and len(chosen) < count:
        # Maximal marginal relevance: a sentence close to one already taken
        # counts for less, so the summary covers more of the story.
        best = max(scored, key=lambda c: (_novel(c[0], c[3], chosen), -c[1], -c[2]))
        scored.remove(best)
        _score, position, index, vector, words = best
        if any(
            jaccard(words, w) > REPEAT_JACCARD or dot(vector, v) > REPEAT_COSINE
            for _p, _i, v, w in chosen
        ):
            continue
        chosen.append((position, index, vector, words))
    return sorted((position, index) for position, index, _v, _w in chosen)


def _novel(
    score: float, vector: Vector, chosen: Sequence[tuple[int, int, Vector, object]]
) -> float:
    return score * (1.0 - max((dot(vector, v) for _p, _i, v, _w in chosen), default=0.0))
