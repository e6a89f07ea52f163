"""Extractive summaries: which sentences of an article to read first.

Every algorithm answers with sentence indices into ``Article.sentences`` in
document order. sumy's algorithms run through our offline tokenizer; sumy is
imported only when one of them is asked for, so the default path stays fast.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefing.analysis.choose import choose, top_scoring
from briefing.library.model import Article, Summary

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "EXPLAINED",
    "Length",
    "UnknownAlgorithmError",
    "explain",
    "summarize",
]

DEFAULT_ALGORITHM = "default"
# The algorithms that can say why they chose their sentences.
EXPLAINED = frozenset({DEFAULT_ALGORITHM})


class UnknownAlgorithmError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True, slots=True)
class Length:
    """How long a summary should be: a number of sentences or a share of them."""

    sentences: int | None = 3
    ratio: float | None = None

    def count(self, available: int) -> int:
        """Sentences to pick of ``available``: at most MAX_SUMMARY_SENTENCES."""
        return min(self.wanted(available), MAX_SUMMARY_SENTENCES)

    def wanted(self, available: int) -> int:
        if available <= 0:
            return 0
        if self.ratio is not None:
            return max(1, min(available, math.ceil(self.ratio * available)))
        return max(1, min(available, self.sentences or 3))

    def __str__(self) -> str:
        if self.ratio is not None:
            return f"{self.ratio:.0%} of sentences"
        return f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"


# Beyond these sentence counts an algorithm's cost grows past our 0.5 s budget
# per article (measured in benchmarks/summary_quality.py: KL is cubic, the
# graph methods quadratic). Longer articles are first narrowed down to this
# many candidates by the default ranking, then the algorithm runs on those.
_CANDIDATE_CAP: dict[str, int] = {
    "kl": 60,
    "sumbasic": 200,
    "reduction": 150,
    "lexrank": 200,
    "textrank": 200,
    "lsa": 250,
    "luhn": 400,
    "edmundson": 800,
}


# A summary is never longer than this: choosing each sentence is checked
# against those chosen, so `--ratio 50%` on a 5 MB file (120,000 sentences)
# ran for minutes.
MAX_SUMMARY_SENTENCES = 300
# News puts what matters first: on an article longer than this (characters;
# the longest of 5,400 real ones has 58,000) the summary comes from its
# opening sentences, so that a 5 MB file is summarised in about a second
# rather than tens (benchmarks/hostile.py).
MAX_SUMMARY_CHARS = 300_000


def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


@cache
def _sumy_summarizer(name: str) -> Any:
    # sumy (and NLTK through its stemmer) is imported only here, on first use.
    from sumy.nlp.stemmers import Stemmer

    stemmer = Stemmer("english")
    if name == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif name == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif name == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif name == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif name == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    elif name == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    elif name == "reduction":
        from sumy.summarizers.reduction import ReductionSummarizer as cls
    elif name == "edmundson":
        from sumy.summarizers.edmundson import EdmundsonSummarizer

        summarizer = EdmundsonSummarizer(
            stemmer, cue_weight=0.0, key_weight=0.0, title_weight=1.0, location_weight=1.0
        )
        summarizer.null_words = _stop_words()
        return summarizer
    else:  # pragma: no cover - the registry only names the ones above
        raise UnknownAlgorithmError(name)
    summarizer = cls(stemmer)
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = _stop_words()
    return summarizer


def _sumy_document(article: Article, indices: Sequence[int]) -> tuple[Any, dict[int, int]]:
    """Build sumy's document model straight from our sentences.

    Going through our own sentences (rather than sumy's parser) keeps the
    split identical everywhere and lets us map results back by identity.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from briefing.analysis.sentences import SentenceTokenizer

    tokenizer = SentenceTokenizer()
    back: dict[int, int] = {}
    paragraphs: list[Any] = []
    current: list[Any] = [SumySentence(article.title, tokenizer, is_heading=True)]
    last_paragraph = None
    for i in indices:
        sentence = article.sentences[i]
        if last_paragraph is not None and sentence.paragraph != last_paragraph and current:
            paragraphs.append(Paragraph(current))
            current = []
        last_paragraph = sentence.paragraph
        node = SumySentence(sentence.text, tokenizer)
        back[id(node)] = i
        current.append(node)
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs), back


def _sumy(name: str) -> Callable[[Article, int], tuple[list[int], str | None]]:
    def run(article: Article, count: int) -> tuple[list[int], str | None]:
        total = len(article.sentences)
        candidates = list(range(total))
        note = None
        cap = _CANDIDATE_CAP.get(name)
        if cap is not None and total > cap:
            candidates = top_scoring(article, cap)
            note = (
                f"{name} ran on the {cap} most central of {total} sentences "
                "to stay fast on a long article"
            )
        document, back = _sumy_document(article, candidates)
        chosen = _sumy_summarizer(name)(document, count)
        return sorted(back[id(s)] for s in chosen), note

    return run


def _lead(article: Article, count: int) -> tuple[list[int], str | None]:
    return list(range(min(count, len(article.sentences)))), None


def _default(article: Article, count: int) -> tuple[list[int], str | None]:
    return list(choose(article, count).indices), None


ALGORITHMS: dict[str, Callable[[Article, int], tuple[list[int], str | None]]] = {
    "default": _default,
    "lead": _lead,
    **{
        name: _sumy(name)
        for name in (
            "lexrank",
            "lsa",
            "textrank",
            "luhn",
            "kl",
            "sumbasic",
            "reduction",
            "edmundson",
        )
    },
}


def summarize(
    article: Article, algorithm: str = DEFAULT_ALGORITHM, length: Length | None = None
) -> Summary:
    try:
        run = ALGORITHMS[algorithm]
    except KeyError:
        raise UnknownAlgorithmError(algorithm) from None
    count = (length or Length()).count(len(article.sentences))
    if count == 0:
        return Summary(algorithm, ())
    part, part_note = _bounded(article)
    indices, note = run(part, count)
    wanted = (length or Length()).wanted(len(article.sentences))
    cap_note = f"at most {count} sentences of the {wanted:,} asked for" if wanted > count else None
    note = "; ".join(n for n in (part_note, note, cap_note) if n) or None
    return Summary(algorithm, tuple(sorted(set(indices))), note)


def explain(article: Article, length: Length | None = None) -> tuple[Summary, dict[str, Any]]:
    """The default summary with the reasons for it (see ``Choice.explanation``)."""
    count = (length or Length()).count(len(article.sentences))
    if count == 0:
        return Summary(DEFAULT_ALGORITHM, ()), {"base": 0.0, "sentences": [], "skipped": []}
    part, part_note = _bounded(article)
    choice = choose(part, count)
    return Summary(DEFAULT_ALGORITHM, choice.indices, part_note), choice.explanation()


def _bounded(article: Article) -> tuple[Article, str | None]:
    """The article, or its opening sentences up to MAX_SUMMARY_CHARS, with a note."""
    if len(article.body) <= MAX_SUMMARY_CHARS:
        return article, None
    end = 0
    for sentence in article.sentences:
        if sentence.end > MAX_SUMMARY_CHARS:
            break
        end = sentence.end
    end = end or article.sentences[0].end
    part = article.opening(end)
    total = len(article.sentences)
    return part, f"summarised from the first {len(part.sentences):,} of {total:,} sentences"
