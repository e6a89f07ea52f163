"""Property-based tests: no input makes briefing fail in any way but its own.

Every loader, the analysis of any article, the query parser and the search
path (index and query on generated files) either work or refuse in one line
with our own errors (ArticleFormatError, UserError, ...), never an internal
error, and in bounded time. Each target runs a few examples in the default
run and FUZZ_EXAMPLES (10,000) with `pytest -m fuzz` (see SECURITY.md).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis.derived import cached_summary, facts_for
from briefing.analysis.summarize import Length
from briefing.library.load import articles_from_bytes
from briefing.library.loaders import ArticleFormatError
from briefing.library.model import Article
from briefing.search import SearchIndex, parse_query
from briefing.search.query import match_expression

QUICK_EXAMPLES = 30
FUZZ_EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "10000"))
# Per example, generous for a loaded 2-core machine: a hang or a quadratic
# blow-up on these sizes takes far longer.
SECONDS = 10.0


def targets(strategy: Any) -> Callable[[Callable[..., None]], tuple[Any, Any]]:
    """A quick test for the default run and a fuzz-marked one of FUZZ_EXAMPLES."""

    def make(check: Callable[..., None]) -> tuple[Any, Any]:
        def timed(case: Any) -> None:
            started = time.monotonic()
            check(case)
            assert time.monotonic() - started < SECONDS

        def build(examples: int) -> Any:
            options = settings(
                max_examples=examples,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            )
            return options(given(strategy)(timed))

        return build(QUICK_EXAMPLES), pytest.mark.fuzz(build(FUZZ_EXAMPLES))

    return make


# Text with what breaks naive readers: controls and escapes, quotes and full
# stops, Markdown marks, brackets, CJK, surrogates' neighbours, accents.
_TRICKY = (
    "\x00\x1b\x07\r\n\t \u00a0\u200e\u202e\ufeff.!?…“”\"'’»)]([*_`#<>!-=|~:;,"
    "aAbBzZ09éÉßøİıǅ日本語中文한국\U0001f600\ufffd"
)
tricky_text = st.text(st.sampled_from(_TRICKY) | st.characters(), max_size=400)
_WORDS = st.sampled_from(
    "the harbour port Council Foods Mr. U.S. said “Yes,” 2024-02-30 12km "
    "Helen Okafor Zorbax *bold* **strong** [link](x) <b> <!-- --> # ... ! ?".split()
)
wordy_text = st.lists(_WORDS | tricky_text, max_size=60).map(" ".join)
any_text = tricky_text | wordy_text
# Front matter: YAML made of pieces that matter (dates, tags, anchors, tags
# such as !!timestamp, flow collections, escapes), and arbitrary text.
_YAML_PIECES = st.sampled_from(
    [
        "title: ",
        "published: ",
        "date: ",
        "source: ",
        "url: ",
        "author: ",
        "tags: ",
        "link: ",
        "2024-02-30",
        "2024-01-01 10:00:00+99:00",
        "!!timestamp 2024-99-99",
        "!!float x",
        "!!int 0x",
        "!!binary ====",
        "&a [1, 2]",
        "*a",
        "[",
        "]",
        "{",
        "}",
        '"\\e[31m"',
        '"\\ud800"',
        "- item",
        "\n",
        "\n  - ",
        ": ",
        "? ",
        "---",
        "...",
        "null",
        "~",
        "9" * 30,
        "<<: *a",
    ]
)
front_matter = st.lists(_YAML_PIECES | tricky_text, max_size=30).map("".join)
markdown_files = st.tuples(front_matter, any_text).map(
    lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}"
)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
encoded = st.tuples(any_text, _ENCODINGS).map(lambda p: p[0].encode(p[1], errors="replace"))
file_bytes = st.binary(max_size=600) | encoded


def _load(data: bytes, name: str) -> list[Article]:
    try:
        articles = articles_from_bytes(data, Path(name))
    except ArticleFormatError as error:
        assert str(error) and "\n" not in str(error)
        return []
    for article in articles:
        assert article.title and "\n" not in article.title
        assert article.words > 0
        for value in (article.title, article.body, article.source, article.url):
            assert value is None or not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
            assert value is None or "\x1b" not in value
        assert all(article.body[s.start : s.end] == s.text for s in article.sentences)
    return articles


@targets(file_bytes)
def _plaintext(data: bytes) -> None:
    _load(data, "article.txt")


test_plaintext_loader_quick, test_plaintext_loader_fuzz = _plaintext


@targets(markdown_files | file_bytes.map(lambda b: b"---\n" + b))
def _markdown(content: str | bytes) -> None:
    data = content.encode("utf-8", errors="surrogatepass") if isinstance(content, str) else content
    _load(data, "article.md")


test_markdown_loader_quick, test_markdown_loader_fuzz = _markdown


@targets(st.tuples(any_text, any_text))
def _analysis(parts: tuple[str, str]) -> None:
    """Summaries and key facts of any article that loads."""
    data = f"{parts[0]}\n\n{parts[1]}".encode("utf-8", errors="replace")
    for article in _load(data, "article.txt"):
        summary = cached_summary(article, "default", Length(3), None)
        assert all(0 <= i < len(article.sentences) for i in summary.indices)
        for fact in facts_for([article], None)[article.id]:
            assert 0 <= fact.sentence < len(article.sentences)


test_summary_and_facts_quick, test_summary_and_facts_fuzz = _analysis

_QUERY_PIECES = st.sampled_from(
    ['"', "-", "*", "OR", "AND", "NEAR(", ")", "title:", "source:", "tag:", "is:bookmarked",
     "body:", "^", ":", " ", "harbour", "port*", '"port expansion"', "-strike", "\\", "'"]
)  # fmt: skip
queries = st.lists(_QUERY_PIECES | tricky_text, max_size=30).map("".join) | st.text(max_size=200)


@targets(queries)
def _query_parser(text: str) -> None:
    query = parse_query(text)
    assert all("\n" not in notice for notice in query.notices)
    expression = match_expression(query)
    assert expression is None or isinstance(expression, str)
    parse_query(text, as_you_type=True)


test_query_parser_quick, test_query_parser_fuzz = _query_parser


@targets(
    st.tuples(st.lists(st.tuples(file_bytes | markdown_files, st.booleans()), max_size=4), queries)
)
def _search(case: tuple[list[tuple[bytes | str, bool]], str]) -> None:
    """Index generated files, then run the query: results or nothing, never an error."""
    files, query = case
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        library.mkdir()
        (library / "story.txt").write_text("Harbour news\n\nThe harbour port is busy today.\n")
        for number, (content, markdown) in enumerate(files):
            data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
            (library / f"{number}.{'md' if markdown else 'txt'}").write_bytes(data)
        with SearchIndex([library], cache_dir=Path(folder) / "cache") as index:
            index.refresh()
            results = index.search(query, bookmarks={})
            for hit in results.hits:
                assert all(0 <= a < b <= len(hit.snippet.text) for a, b in hit.snippet.spans)
            assert index.search("harbour").total >= 1


test_search_path_quick, test_search_path_fuzz = _search
