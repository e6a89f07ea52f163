"""Which sentences the default summary takes, and why the others were passed over.

Sentences are taken by score (see ``rank``), best first, skipping three kinds:
- a repeat: a near-duplicate of a sentence already taken (cosine above
  ``NEAR_DUPLICATE`` and a shared word trigram), as photo captions often
  repeat the body. Blocking every shared trigram, as BertSum does, costs 1–2
  ROUGE-2 on BBC articles, whose best sentences share phrases by nature;
- a sentence that leans on the one before ("He added…", "But…") unless that
  one is taken too; it is taken right after it if it still fits;
- a piece of a quotation that runs over several sentences: the whole
  quotation is taken when it fits, else none of it.
If the rules leave too few sentences, the rest are filled by score.

In a one-sentence summary the first sentence, the lede, is taken unless
another scores more than ``1 / LEDE_SHARE`` times as high: news writes its
lede to say what happened, and a one-sentence summary that skips it reads
oddly ("Mr Musin proposed…"). On the dev files this keeps the lede in 72 %
(CNN/DM) and 77 % (BBC) of one-sentence summaries and still beats Lead-1 by
2.6 and 4.2 ROUGE-2, where always taking the best-scoring sentence would beat
it by 5.2 and 7.2. For longer summaries the rule cost 0.3–0.6 ROUGE-2 on
CNN/DM (with an earlier fit) and is not applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefing.analysis.rank import FEATURES, Scored, cosine, score_sentences
from briefing.analysis.readable import leans_back, quotation_runs
from briefing.library.model import Article

__all__ = ["LEDE_SHARE", "NEAR_DUPLICATE", "Choice", "Skip", "choose", "top_scoring"]

NEAR_DUPLICATE = 0.5
# A quotation this many sentences long (from its opening mark) is found.
_QUOTE_REACH = 4
LEDE_SHARE = 0.5

_WORD = re.compile(r"\w+")
QUOTE = FEATURES.index("quote")


@dataclass(frozen=True, slots=True)
class Skip:
    """A sentence passed over: ``reason`` is "repeats", "leans on", "half a quotation" or
    "the lede comes first"; ``other`` is the sentence it repeats or leans on, where its
    quotation starts, or the lede (0)."""

    index: int
    reason: str
    other: int


@dataclass(frozen=True, slots=True)
class Choice:
    indices: tuple[int, ...]  # document order
    scored: Scored
    skipped: tuple[Skip, ...]  # in score order; only those scoring above a taken one

    def explanation(self) -> dict[str, Any]:
        """Why these sentences, as plain data: each one's score (the model's probability)
        and its parts (pushes on the log-odds against an average sentence, whose
        log-odds is ``base``), and the better-scoring sentences passed over."""
        scores = self.scored.scores
        sentences = [
            {
                "index": i,
                "score": round(scores[i], 4),
                "parts": {k: round(v, 4) for k, v in self.scored.parts(i).items()},
            }
            for i in self.indices
        ]
        skipped = [
            {
                "index": s.index,
                "score": round(scores[s.index], 4),
                "reason": s.reason,
                "sentence": s.other,
            }
            for s in self.skipped
        ]
        return {"base": round(self.scored.base, 4), "sentences": sentences, "skipped": skipped}


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


class _Picker:
    def __init__(self, article: Article, count: int) -> None:
        self.article = article
        self.count = count
        self.scored = score_sentences(article)
        self._runs: dict[int, tuple[int, int]] | None = None
        self.chosen: list[int] = []
        self.skipped: dict[int, Skip] = {}
        self._trigram_cache: dict[int, set[tuple[str, ...]]] = {}

    def trigrams(self, i: int) -> set[tuple[str, ...]]:
        if i not in self._trigram_cache:
            self._trigram_cache[i] = _trigrams(self.article.sentences[i].text)
        return self._trigram_cache[i]

    def repeats(self, i: int) -> int | None:
        vectors = self.scored.vectors
        for j in self.chosen:
            if cosine(vectors[i], vectors[j]) > NEAR_DUPLICATE and (
                self.trigrams(i) & self.trigrams(j)
            ):
                return j
        return None

    def run_of(self, i: int) -> tuple[int, int] | None:
        # Finding quotations costs as much as scoring: only when a quotation
        # mark in this sentence or the few before it could make one.
        rows = self.scored.rows
        if not any(rows[j][QUOTE] for j in range(max(0, i - _QUOTE_REACH), i + 1)):
            return None
        if self._runs is None:
            self._runs = quotation_runs(self.article)
        return self._runs.get(i)

    def blocker(self, i: int) -> Skip | None:
        """Why sentence ``i`` cannot be taken now (with its whole quotation), or None."""
        run = self.run_of(i)
        first, last = run if run is not None else (i, i)
        if sum(j not in self.chosen for j in range(first, last + 1)) > self.count - len(
            self.chosen
        ):
            return Skip(i, "half a quotation", first)
        if (
            first > 0
            and first - 1 not in self.chosen
            and leans_back(self.article.sentences[first].text)
        ):
            return Skip(i, "leans on", first - 1)
        repeated = self.repeats(i)
        return Skip(i, "repeats", repeated) if repeated is not None else None

    def take(self, i: int) -> None:
        """Take sentence ``i`` (with the rest of its quotation), then any better one that
        was waiting for it."""
        run = self.run_of(i)
        first, last = run if run is not None else (i, i)
        for j in range(first, last + 1):
            if j not in self.chosen:
                self.chosen.append(j)
                self.skipped.pop(j, None)
        waiting = [s.index for s in self.skipped.values() if s.reason == "leans on"]
        for j in waiting:
            skip = self.skipped.get(j)
            if (
                skip is not None
                and skip.other == last
                and len(self.chosen) < self.count
                and self.blocker(j) is None
            ):
                self.take(j)

    def pick(self) -> Choice:
        scores = self.scored.scores
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        if self.count == 1 and scores[0] >= LEDE_SHARE * scores[order[0]]:
            for i in order[: order.index(0)]:
                self.skipped[i] = Skip(i, "the lede comes first", 0)
            self.take(0)
        for i in order:
            if len(self.chosen) >= self.count:
                break
            if i in self.chosen:
                continue
            skip = self.blocker(i)
            if skip is None:
                self.take(i)
            else:
                self.skipped[i] = skip
        if len(self.chosen) < self.count:
            # The rules left too few: fill up by score, pieces of quotations last.
            rest = [i for i in order if i not in self.chosen]
            rest.sort(key=lambda i: self.run_of(i) is not None)
            self.chosen += rest[: self.count - len(self.chosen)]
        lowest = min((scores[i] for i in self.chosen), default=0.0)
        skipped = tuple(
            s for i, s in self.skipped.items() if i not in self.chosen and scores[i] > lowest
        )
        return Choice(tuple(sorted(self.chosen)), self.scored, skipped)


def choose(article: Article, count: int) -> Choice:
    """The ``count`` sentences of the default summary, with its reasons."""
    return _Picker(article, count).pick()


def top_scoring(article: Article, count: int) -> list[int]:
    """The ``count`` best-scoring sentences, no rules applied (to narrow long articles)."""
    scores = score_sentences(article).scores
    return sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:count])
