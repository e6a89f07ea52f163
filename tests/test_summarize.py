from __future__ import annotations

import pytest
from conftest import STORY_BODY, STORY_TITLE

from briefing.analysis.summarize import ALGORITHMS, Length, UnknownAlgorithmError, summarize
from briefing.library.model import Article


@pytest.fixture
def story() -> Article:
    return Article(title=STORY_TITLE, body=STORY_BODY.strip())


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_returns_sentence_indices_in_order(story: Article, algorithm: str) -> None:
    summary = summarize(story, algorithm, Length(3))
    assert summary.algorithm == algorithm
    assert len(summary.indices) == 3
    assert list(summary.indices) == sorted(set(summary.indices))
    assert all(0 <= i < len(story.sentences) for i in summary.indices)


def test_lead_is_the_first_sentences(story: Article) -> None:
    assert summarize(story, "lead", Length(2)).indices == (0, 1)


def test_default_prefers_the_opening_and_avoids_asides(story: Article) -> None:
    indices = summarize(story, "default", Length(3)).indices
    assert 0 in indices  # the lede says what happened
    assert 1 not in indices  # "The vote was 7 to 2." is too thin to summarise with


def test_ratio_and_bounds(story: Article) -> None:
    n = len(story.sentences)
    assert len(summarize(story, "default", Length(None, ratio=0.5)).indices) == -(-n // 2)
    assert len(summarize(story, "default", Length(100)).indices) == n
    assert len(summarize(story, "lead", Length(None, ratio=0.01)).indices) == 1


def test_empty_article() -> None:
    article = Article(title="Nothing", body="")
    assert summarize(article, "lexrank").indices == ()


def test_unknown_algorithm(story: Article) -> None:
    with pytest.raises(UnknownAlgorithmError):
        summarize(story, "magic")


def test_duplicate_sentences_map_back_to_their_own_positions() -> None:
    body = "Repeat me now. Other words appear here. Repeat me now. Final different line."
    article = Article(title="Dup", body=body)
    for algorithm in ("lexrank", "luhn", "textrank"):
        indices = summarize(article, algorithm, Length(4)).indices
        assert indices == (0, 1, 2, 3)


def test_slow_algorithms_are_narrowed_on_long_articles() -> None:
    paragraphs = [
        f"Report {i} covers the harbour, the budget and the vote number {i}. "
        f"Officials in district {i % 7} said the plan would cost {i} million."
        for i in range(80)
    ]
    article = Article(title="Long", body="\n\n".join(paragraphs))
    summary = summarize(article, "kl", Length(3))
    assert len(summary.indices) == 3
    assert summary.note and "most central" in summary.note
    assert summarize(article, "default", Length(3)).note is None
