"""The query language, the expressions it makes, and match spans in a text."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import match_spans, parse_query
from briefing.search.query import (
    BOOKMARKED,
    MAX_QUERY_TERMS,
    TAG,
    TEXT,
    exclusion_expression,
    highlight_expression,
    match_expression,
)
from briefing.search.snippets import unmark
from briefing.search.tokenizer import TOKENIZE, free_markers, tokens


def test_words_phrases_prefixes_and_fields() -> None:
    query = parse_query('Harbour "Port  Expansion" harb* title:Mayor source:"The Gazette" -strike')
    assert str(query) == 'harbour "port expansion" harb* title:mayor source:"the gazette" -strike'
    kinds = [(t.kind, t.words, t.field, t.prefix, t.negated) for t in query.terms]
    assert kinds == [
        (TEXT, ("harbour",), None, False, False),
        (TEXT, ("port", "expansion"), None, False, False),
        (TEXT, ("harb",), None, True, False),
        (TEXT, ("mayor",), "title", False, False),
        (TEXT, ("the", "gazette"), "source", False, False),
        (TEXT, ("strike",), None, False, True),
    ]
    assert match_expression(query) == (
        '("harbour" AND "port expansion" AND "harb" * AND title : "mayor"'
        ' AND source : "the gazette") NOT "strike"'
    )
    assert highlight_expression(query) == '("harbour" OR "port expansion" OR "harb" * OR "mayor")'


def test_or_binds_tighter_than_and() -> None:
    query = parse_query("port OR harbour strike OR union OR dock")
    assert [len(g) for g in query.groups] == [2, 3]
    assert match_expression(query) == '("port" OR "harbour") AND ("strike" OR "union" OR "dock")'


def test_filters() -> None:
    query = parse_query("tag:Climate-Change is:bookmarked -is:BOOKMARKED tag:foo OR tag:bar*")
    assert [(t.kind, t.words, t.negated, t.prefix) for t in query.terms] == [
        (TAG, ("climate", "change"), False, False),
        (BOOKMARKED, (), False, False),
        (BOOKMARKED, (), True, False),
        (TAG, ("foo",), False, False),
        (TAG, ("bar",), False, True),
    ]
    assert match_expression(query) is None  # filters are not FTS5's business


def test_case_and_accents_fold_as_the_index_folds() -> None:
    assert tokens("Zürich CAFÉ Straße naïve x_y") == ["zurich", "cafe", "straße", "naive", "x", "y"]
    assert str(parse_query("ZÜRICH Café")) == "zurich cafe"


@pytest.mark.parametrize(
    ("typed", "canonical", "notices"),
    [
        ('"unbalanced phrase', '"unbalanced phrase"', ("added the missing closing quote",)),
        ("OR", "", ("OR needs a search term on each side; ignored it",)),
        ("port OR", "port", ("OR needs a search term on each side; ignored it",)),
        ("port OR -strike", "port -strike", None),
        ("port AND harbour", "port harbour", ()),
        ("-", "", ()),
        ("*", "", ()),
        ("port *", "port", ()),
        ("NEAR(port harbour)", '"near port" harbour', ()),
        ("body:port", '"body port"', ()),
        ("{title}: port", "title port", ()),
        ("is:nice", '"is nice"', None),
        ("port'; DROP TABLE docs; --", "port drop table docs", ()),
        ("\x1b[31mport\x00", "31mport", ()),
    ],
)
def test_untrusted_input_is_read_literally(
    typed: str, canonical: str, notices: tuple[str, ...] | None
) -> None:
    query = parse_query(typed)
    assert str(query) == canonical
    if notices is not None:
        assert query.notices == notices
    assert all("\n" not in n for n in query.notices)


def test_long_queries_are_cut_with_a_notice() -> None:
    query = parse_query(" ".join(f"w{n}" for n in range(100)))
    assert len(query.terms) == MAX_QUERY_TERMS
    assert query.notices == (f"the query was cut to its first {MAX_QUERY_TERMS} terms",)
    assert parse_query("x" * 5_000).notices == ("the query was cut to its first 1,000 characters",)


def test_as_you_type_treats_the_last_word_as_a_prefix() -> None:
    assert str(parse_query("harbour exp", as_you_type=True)) == "harbour exp*"
    assert str(parse_query("harbour exp ", as_you_type=True)) == "harbour exp"
    assert str(parse_query("harbour e", as_you_type=True)) == "harbour"
    assert str(parse_query('"port exp"', as_you_type=True)) == '"port exp"'
    assert str(parse_query("tag:shi", as_you_type=True)) == "tag:shi*"


def test_replacing_a_word_keeps_the_rest() -> None:
    query = parse_query('harbr -strike title:harbr "old harbr"')
    assert str(query.replacing("harbr", "harbour")) == (
        'harbour -strike title:harbour "old harbour"'
    )


def _fts5() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        f"CREATE VIRTUAL TABLE t USING fts5(title, body, source, tokenize='{TOKENIZE}')"
    )
    connection.execute("INSERT INTO t VALUES ('Port news', 'The harbour and the port', 'Gazette')")
    return connection


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_every_expression_is_valid_fts5(text: str) -> None:
    """Whatever is typed, the expressions made from it are accepted by FTS5."""
    connection = _fts5()
    query = parse_query(text)
    for expression in (
        match_expression(query),
        exclusion_expression(query),
        highlight_expression(query),
    ):
        if expression is not None:
            connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    assert match_spans(query, text) is not None


# Match spans -------------------------------------------------------------------------

TEXT_SAMPLE = "The Café in Zürich: port expansion, PORT   Expansion; ports. [bold]Port[/bold]"


def spans_of(query: str, text: str = TEXT_SAMPLE) -> list[str]:
    return [text[a:b] for a, b in match_spans(parse_query(query), text)]


def test_match_spans_fold_case_and_accents() -> None:
    assert spans_of("cafe ZURICH") == ["Café", "Zürich"]
    assert spans_of("zürich") == ["Zürich"]


def test_match_spans_of_phrases_prefixes_and_exclusions() -> None:
    assert spans_of('"port expansion"') == ["port expansion", "PORT   Expansion"]
    assert spans_of("port*") == ["port", "PORT", "ports", "Port"]
    assert spans_of("port -cafe") == ["port", "PORT", "Port"]
    assert spans_of("-port") == []
    assert spans_of("title:zurich source:port") == ["Zürich"]  # source names no text
    assert spans_of("missing") == []
    assert spans_of("tag:port is:bookmarked") == []


def test_match_spans_on_markup_and_marker_like_text() -> None:
    # Private-use characters are letters to FTS5, so "\ue000port\ue001" is one word.
    text = "[bold]x[/bold] \x02port\x03 \ue000port\ue001 port"
    assert spans_of("bold", text) == ["bold", "bold"]
    assert spans_of("port", text) == ["port", "port"]
    assert match_spans(parse_query("port"), text)[0] == (16, 20)
    assert free_markers(text) not in (("\x02", "\x03"), ("\ue000", "\ue001"))


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abcé Zü.,'\"-\n"), max_size=60),
    st.sampled_from(["a", "ab*", '"a b"', "zu", "e"]),
)
def test_match_spans_are_in_order_and_inside_the_text(text: str, query: str) -> None:
    spans = match_spans(parse_query(query), text)
    ends = [0]
    for start, end in spans:
        assert ends[-1] <= start < end <= len(text)
        ends.append(end)


def test_unmark_squeezes_whitespace_and_moves_spans() -> None:
    snippet = unmark(
        "…the \x02port\x03\n\nand   the \x02harbour\x03…", "\x02", "\x03", squeeze=True
    )
    assert snippet.text == "…the port and the harbour…"
    assert [snippet.text[a:b] for a, b in snippet.spans] == ["port", "harbour"]
