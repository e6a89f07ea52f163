"""The story grouping and the cross-article summary (the pure core)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from briefing.analysis.stories import GROUPINGS, build_digest, group_articles, similarity
from briefing.analysis.stories.cluster import average_linkage
from briefing.analysis.stories.matrix import centroid, tfidf_matrix
from briefing.analysis.stories.similarity import Postings, Similarities, similarities
from briefing.analysis.stories.summary import REPEAT_JACCARD, jaccard, word_set
from briefing.analysis.stories.terms import (
    Counts,
    article_counts,
    article_terms,
    dot,
    idf_weights,
    tfidf_vectors,
    unit,
)
from briefing.analysis.summarize import Length, summarize
from briefing.library.dates import parse_when
from briefing.library.load import load_library
from briefing.library.model import Article
from tests.digest_fixtures import ELECTION, LONE, PORT_BACKGROUND, STRIKE, write_library


@pytest.fixture
def articles(tmp_path: Path) -> list[Article]:
    return load_library([write_library(tmp_path / "lib")]).articles


def _digest(articles: list[Article], sentences: int = 3, grouping: str = "normal"):
    return build_digest(
        articles,
        lambda a: summarize(a, length=Length(sentences)).indices,
        lambda chosen: {a.id: [] for a in chosen},
        dates=[parse_when(a.published) for a in articles],
        grouping=grouping,
        sentences=sentences,
    )


def _titles(story) -> set[str]:
    return {a.title for a in story.articles}


def test_articles_about_one_event_make_one_story(articles: list[Article]) -> None:
    digest = _digest(articles)
    assert [_titles(s) for s in digest.stories] == [
        {t for t, *_ in STRIKE},
        {t for t, *_ in ELECTION},
    ]
    assert {a.title for a in digest.unclustered} == {t for t, *_ in LONE}


def test_stories_rank_by_size_and_read_oldest_first(articles: list[Article]) -> None:
    strike = _digest(articles).stories[0]
    assert [a.published for a in strike.articles] == ["2024-07-01", "2024-07-02", "2024-07-04"]
    assert strike.sources == ["Harbour Times", "Daily Meridian", "Coastal Courier"]
    assert strike.headline in {t for t, *_ in STRIKE}


def test_summary_sentences_are_verbatim_and_said_once(articles: list[Article]) -> None:
    for story in _digest(articles, sentences=5).stories:
        texts = []
        for article, index in story.sentences:
            assert article in story.articles
            text = article.sentences[index].text
            assert text in article.body
            texts.append(text)
        assert 2 <= len(texts) <= 5
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                assert jaccard(word_set(a), word_set(b)) <= REPEAT_JACCARD
        assert sum(PORT_BACKGROUND in t for t in texts) <= 1


def test_summary_reads_in_time_order(articles: list[Article]) -> None:
    story = _digest(articles, sentences=4).stories[0]
    order = [(story.articles.index(a), i) for a, i in story.sentences]
    assert order == sorted(order)


def test_entities_merge_across_articles(articles: list[Article]) -> None:
    from briefing.analysis.facts import extract_facts

    digest = build_digest(
        articles,
        lambda a: summarize(a).indices,
        lambda chosen: {a.id: extract_facts(a) for a in chosen},
    )
    strike = digest.stories[0]
    okafor = [e for e in strike.entities if e.text == "Maria Okafor"]
    assert okafor and okafor[0].kind == "person"
    assert set(okafor[0].articles) == {a.id for a in strike.articles}
    assert strike.entities[0] is not None and len(strike.entities[0].articles) >= 2


def test_a_story_id_does_not_depend_on_the_order(articles: list[Article]) -> None:
    first = _digest(articles).stories[0].id
    assert _digest(list(reversed(articles))).stories[0].id == first


def test_stricter_grouping_never_makes_fewer_stories(articles: list[Article]) -> None:
    bags = [article_terms(a) for a in articles]
    vectors = tfidf_vectors(bags, idf_weights(bags))
    counts = [len(group_articles(vectors, grouping=g)) for g in ("loose", "normal", "strict")]
    assert counts == sorted(counts)
    assert list(GROUPINGS) == ["strict", "normal", "loose"]


def test_average_linkage_does_not_chain() -> None:
    # 0-1 and 1-2 are alike, 0-2 not at all: single linkage would chain all
    # three; average linkage merges one pair and then stops (mean 0.4 < 0.5).
    alike = Similarities(np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.8]))
    groups = average_linkage(3, alike, 0.5)
    assert sorted(map(len, groups)) == [1, 2]


def test_far_apart_dates_weaken_a_pair() -> None:
    from briefing.analysis.stories.similarity import TIME_FLOOR, time_factor

    day = datetime(2024, 7, 1, tzinfo=UTC)
    assert time_factor(day, day) == 1.0
    assert time_factor(day, None) == 1.0
    assert TIME_FLOOR <= time_factor(day, datetime(2020, 1, 1, tzinfo=UTC)) < 0.76


def test_empty_and_single_libraries() -> None:
    assert _digest([]).stories == []
    one = Article("Only one", "A single short article about nothing in particular.")
    digest = _digest([one])
    assert digest.stories == [] and digest.unclustered == [one]


def test_mis_decoded_text_does_not_break_grouping() -> None:
    broken = [Article(t, b.replace("'", "â€™") + " Price: �5.") for t, _s, _p, b in STRIKE]
    clean = [Article(t + "!", b) for t, _s, _p, b in ELECTION]
    digest = _digest(broken + clean)
    assert len(digest.stories) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-01", datetime(2024, 7, 1, tzinfo=UTC)),
        ("2024-07-01T10:00:00Z", datetime(2024, 7, 1, 10, tzinfo=UTC)),
        ("Mon, 01 Jul 2024 10:00:00 +0000", datetime(2024, 7, 1, 10, tzinfo=UTC)),
        ("last Tuesday", None),
        (None, None),
    ],
)
def test_published_dates(text: str | None, expected: datetime | None) -> None:
    assert parse_when(text) == expected


def test_pair_similarities_are_the_cosines(articles: list[Article]) -> None:
    bags = [article_terms(a) for a in articles]
    vectors = tfidf_vectors(bags, idf_weights(bags))
    postings = Postings.of(vectors)
    alike = similarities(postings, len(vectors)).as_dict()
    n = len(vectors)
    cosines = {}
    for i in range(n):
        for j in range(i + 1, n):
            cosine = sum(w * vectors[j].get(t, 0.0) for t, w in vectors[i].items())
            if cosine > 0:
                cosines[i, j] = cosine
    assert alike.keys() == cosines.keys()
    assert all(abs(alike[k] - cosines[k]) < 1e-9 for k in cosines)
    mean = sum(cosines.values()) / (n * (n - 1) / 2)
    assert abs(postings.mean(n) - mean) < 1e-9


def _counts(articles: list[Article]) -> list[Counts]:
    return [article_counts(a) for a in articles]


@pytest.mark.parametrize("extra", [[], [Article("Alone", "Nothing shared with anything here.")]])
def test_term_matrix_is_the_vectors_to_the_last_bit(articles: list[Article], extra) -> None:
    bags = [article_terms(a) for a in articles + extra]
    idf = idf_weights(bags)
    matrix = tfidf_matrix(_counts(articles + extra))
    assert list(matrix.idf.items()) == list(idf.items())
    expected = tfidf_vectors(bags, idf)
    assert [list(v.items()) for v in matrix.vectors()] == [list(v.items()) for v in expected]
    by_matrix, by_vectors = Postings.of(matrix), Postings.of(expected)
    for name in ("documents", "weights", "starts", "frequency"):
        assert np.array_equal(getattr(by_matrix, name), getattr(by_vectors, name))


def test_empty_term_matrix() -> None:
    assert len(tfidf_matrix([])) == 0
    assert tfidf_matrix([([], []), ([], [])]).vectors() == [{}, {}]


def test_centroid_is_the_unit_sum_to_the_last_bit(articles: list[Article]) -> None:
    matrix = tfidf_matrix(_counts(articles))
    vectors = matrix.vectors()
    for rows in ([0, 1], [3, 1, 2], list(range(len(vectors)))[::-1]):
        total: dict[str, float] = {}
        for i in rows:
            for term, weight in vectors[i].items():
                total[term] = total.get(term, 0.0) + weight
        mean, dots = centroid(matrix, rows)
        assert list(mean.items()) == list(unit(total).items())
        assert dots == [dot(vectors[i], unit(total)) for i in rows]


def test_sparse_and_nearest_pairs_as_all_at_once(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Summing run by run, or by sorting the keys (large libraries), gives the
    same sums; the nearest pairs are each article's most alike, as first and as second."""
    matrix = tfidf_matrix(_counts(articles))
    n = len(matrix)
    dense = similarities(Postings.of(matrix), n)
    monkeypatch.setattr(similarity, "DENSE_UP_TO", 0)
    monkeypatch.setattr(similarity, "EXACT_PAIRS", 0)
    monkeypatch.setattr(similarity, "NEIGHBOURS", 1)
    near = similarities(Postings.of(matrix), n)
    expected = set()
    for ends in (dense.first, dense.second):  # each article's best as first, and as second
        for i in range(n):
            mine = [(-v, k) for k, v in enumerate(dense.value) if ends[k] == i]
            expected |= {k for _v, k in sorted(mine)[:1]}
    kept = sorted(expected)
    assert 0 < len(kept) < len(dense.value)
    assert np.array_equal(near.first, dense.first[kept])
    assert np.array_equal(near.second, dense.second[kept])
    assert np.array_equal(near.value, dense.value[kept])
