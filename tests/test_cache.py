from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import STORY_BODY, STORY_TITLE
from hypothesis import given
from hypothesis import strategies as st

import briefing.analysis.facts
import briefing.analysis.sentences
import briefing.storage.cache
from briefing.analysis.derived import cached_summary, facts_for, sentences_for, terms_for
from briefing.analysis.facts import extract_facts
from briefing.analysis.summarize import Length, summarize
from briefing.library.model import Article
from briefing.storage.cache import DerivedCache


@pytest.fixture
def story() -> Article:
    return Article(title=STORY_TITLE, body=STORY_BODY.strip())


def test_facts_round_trip(tmp_path: Path, story: Article) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    facts = extract_facts(story)
    cache.put_facts({story.id: (story.digest, facts)})
    again = DerivedCache(tmp_path / "c.sqlite3")
    assert again.facts([(story.id, story.digest), ("other", None)]) == {story.id: facts}
    assert again.facts([(story.id, None)]) == {story.id: facts}  # by id alone
    assert again.facts([(story.id, "another-text")]) == {}


def test_summary_round_trip(tmp_path: Path, story: Article) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    assert cache.summary(story.id, story.digest, "lexrank", 3) is None
    expected = summarize(story, "lexrank", Length(3))
    assert cached_summary(story, "lexrank", Length(3), cache) == expected
    assert cache.summary(story.id, story.digest, "lexrank", 3) == (expected.indices, None)


def test_same_id_new_layout_is_a_miss(tmp_path: Path) -> None:
    """Reflowing paragraphs keeps an article's id but moves its sentences:
    cached sentence numbers must not be served for the new text."""
    one_per_line = "\n\n".join(f"Short line number {i} here." for i in range(7))
    before = Article(title="Reflowed", body=one_per_line)
    after = Article(title="Reflowed", body=one_per_line.replace("\n\n", " ", 3))
    assert before.id == after.id and before.digest != after.digest
    cache = DerivedCache(tmp_path / "c.sqlite3")
    cached_summary(before, "lead", Length(None, ratio=1.0), cache)
    summary = cached_summary(after, "lead", Length(None, ratio=1.0), cache)
    assert max(summary.indices) < len(after.sentences)
    facts_for([before], cache)
    assert all(f.sentence < len(after.sentences) for f in facts_for([after], cache)[after.id])


def test_second_call_does_no_work(
    tmp_path: Path, story: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    first = facts_for([story], cache)

    def fail(article: Article) -> list:
        raise AssertionError("extract_facts ran although the cache had the facts")

    monkeypatch.setattr(briefing.analysis.facts, "extract_facts", fail)
    assert facts_for([story], DerivedCache(tmp_path / "c.sqlite3")) == first


def test_new_code_version_is_a_miss(
    tmp_path: Path, story: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    cache.put_summary(story.id, story.digest, "lead", 2, (0, 1), None)
    monkeypatch.setattr(briefing.storage.cache, "code_version", lambda *parts: "a-newer-version")
    assert cache.summary(story.id, story.digest, "lead", 2) is None


def test_damaged_cache_is_rebuilt(tmp_path: Path, story: Article) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = DerivedCache(path)
    cache.put_summary(story.id, story.digest, "lead", 1, (0,), None)
    assert cache.summary(story.id, story.digest, "lead", 1) == ((0,), None)


def test_unusable_location_turns_the_cache_off(tmp_path: Path, story: Article) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    cache = DerivedCache(blocker / "sub" / "c.sqlite3")
    assert cached_summary(story, "lead", Length(2), cache).indices == (0, 1)
    assert facts_for([story], cache)[story.id]


def _fresh(article: Article) -> Article:
    """The same text read again: a new object with nothing worked out yet."""
    return Article(title=article.title, body=article.body)


def test_sentences_come_back_from_the_cache(
    tmp_path: Path, story: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _fresh(story).sentences
    sentences_for([story], DerivedCache(tmp_path / "c.sqlite3"))

    def fail(block: str, offset: int = 0) -> list:
        raise AssertionError("the text was split although the cache had its sentences")

    monkeypatch.setattr(briefing.analysis.sentences, "sentence_spans", fail)
    again = _fresh(story)
    sentences_for([again], DerivedCache(tmp_path / "c.sqlite3"))
    assert again.sentences == expected


@pytest.mark.parametrize(
    "damage",
    [
        lambda spans: spans[:-1],  # not whole sentences
        lambda spans: [spans[3], spans[4], spans[5], *spans[:3], *spans[6:]],  # out of order
        lambda spans: [*spans[:-2], 10**6, spans[-1]],  # beyond the text
        lambda spans: [*spans[:-1], spans[-1] + 2],  # a paragraph skipped
        lambda spans: ["0", *spans[1:]],  # not a number
    ],
)
def test_damaged_cached_sentences_are_split_again(
    tmp_path: Path, story: Article, damage: Callable[[list], list]
) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    cache.put_sentences({story.id: (story.digest, damage(story.sentence_spans))})
    again = _fresh(story)
    sentences_for([again], cache)
    assert again.sentences == _fresh(story).sentences
    # … and the good spans replace the damaged ones.
    assert cache.sentences([(story.id, story.digest)]) == {
        (story.id, story.digest): story.sentence_spans
    }


def test_cached_sentences_of_another_text_are_not_taken(tmp_path: Path) -> None:
    one_per_line = "\n\n".join(f"Short line number {i} here." for i in range(7))
    before = Article(title="Reflowed", body=one_per_line)
    after = Article(title="Reflowed", body=one_per_line.replace("\n\n", " ", 3))
    cache = DerivedCache(tmp_path / "c.sqlite3")
    sentences_for([before], cache)
    sentences_for([after], cache)
    assert after.sentences == _fresh(after).sentences


@pytest.mark.parametrize(
    "data",
    [
        '[["strike", "port"], [1.0]]',  # a count missing
        '[["strike", "port"], [1.0, -2.0]]',  # not a count
        '[["strike", 3], [1.0, 2.0]]',  # not a term
        '{"strike": 1.0}',  # another layout
    ],
)
def test_damaged_cached_terms_are_worked_out_again(tmp_path: Path, story: Article, data) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    expected = terms_for([story], cache)
    assert cache.terms([(story.id, story.digest)]) == {story.id: expected[0]}
    code = briefing.storage.cache.code_version(*briefing.storage.cache.TERMS_CODE)
    cache._write("UPDATE terms SET data = ? WHERE code = ?", [(data, code)])
    assert cache.terms([(story.id, story.digest)]) == {}
    assert terms_for([story], cache) == expected


def test_facts_of_some_kinds(tmp_path: Path, story: Article) -> None:
    cache = DerivedCache(tmp_path / "c.sqlite3")
    every = facts_for([story], cache)[story.id]
    people = [f for f in every if f.kind == "person"]
    assert people and len(people) < len(every)
    assert facts_for([_fresh(story)], cache, {"person"}) == {story.id: people}


def test_a_cache_made_before_the_sentences_table_gains_it(tmp_path: Path, story: Article) -> None:
    import sqlite3

    path = tmp_path / "c.sqlite3"
    old = sqlite3.connect(path)  # schema 2 as it was made: facts and summaries only
    old.executescript(
        "CREATE TABLE facts (article_id TEXT, code TEXT, digest TEXT, data TEXT,"
        " PRIMARY KEY (article_id, code));"
        "CREATE TABLE summaries (article_id TEXT, algorithm TEXT, count INTEGER, code TEXT,"
        " digest TEXT, indices TEXT, note TEXT, PRIMARY KEY (article_id, algorithm, count, code));"
        "PRAGMA user_version=2;"
    )
    old.close()
    expected = _fresh(story).sentences
    sentences_for([story], DerivedCache(path))
    again = _fresh(story)
    cache = DerivedCache(path)
    assert cache.sentences([(story.id, story.digest)])  # stored, so the table was added
    sentences_for([again], cache)
    assert again.sentences == expected


_FIELD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=False),
    st.text(max_size=3),
    st.sampled_from(["person", "place", "quote", "wizard"]),
    st.lists(st.one_of(st.integers(-1, 3), st.text(max_size=2), st.booleans()), max_size=3),
)


@given(st.lists(_FIELD_VALUES, min_size=10, max_size=12))
def test_a_cached_fact_is_taken_exactly_when_every_field_check_passes(values: list) -> None:
    # Decoding checks a sound row in one expression and names a bad field
    # with the per-field checks: the two must never disagree.
    from briefing.analysis.facts import Fact
    from briefing.storage.cache import _FACT_CHECKS, _FACT_FIELDS, _fact_from_json

    sound = len(values) == len(_FACT_FIELDS) and all(
        _FACT_CHECKS[name](value) for name, value in zip(_FACT_FIELDS, values, strict=True)
    )
    try:
        fact = _fact_from_json(values, Fact)
    except ValueError:
        assert not sound
    else:
        assert sound
        assert [getattr(fact, name) for name in _FACT_FIELDS] == [
            tuple(v) if isinstance(v, list) else v for v in values
        ]


def test_a_sound_cached_fact_row_decodes_field_by_field() -> None:
    from briefing.analysis.facts import Fact
    from briefing.storage.cache import _fact_from_json

    row = [
        "person",
        "Ann Lee",
        2,
        "person:ann lee",
        3,
        [2, 5],
        ["Lee"],
        "minister",
        None,
        None,
        None,
    ]
    fact = _fact_from_json(row, Fact)
    assert fact == Fact("person", "Ann Lee", 2, "person:ann lee", 3, (2, 5), ("Lee",), "minister")
    with pytest.raises(ValueError, match="field mentions"):
        _fact_from_json([*row[:4], 0, *row[5:]], Fact)
