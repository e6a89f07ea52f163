"""Issue 15: no file, name or query can break a command for the rest, hang, or
reach the terminal. One regression test per item, named after it."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import STORY_BODY, STORY_TITLE, CliRunner, write

from briefing.analysis.derived import FACTS_MAX_NAMES, facts_for, facts_part
from briefing.analysis.sentences import MAX_SENTENCE_CHARS, sentence_spans
from briefing.analysis.summarize import MAX_SUMMARY_CHARS, summarize
from briefing.library.load import load_library
from briefing.library.loaders import ArticleFormatError
from briefing.library.loaders.markdown import (
    MAX_FRONT_MATTER_CHARS,
    markdown_to_text,
    parse_markdown,
)
from briefing.library.model import Article
from briefing.search import SearchIndex

ESCAPE_NAME = "\x1b]0;PWNED\x07evil.txt"


def _story(folder: Path) -> Path:
    return write(folder / "harbour.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")


# Item 1 ---------------------------------------------------------------------


def test_issue15_bad_front_matter_date_is_one_warning(run_cli: CliRunner, tmp_path: Path) -> None:
    library = tmp_path / "library"
    _story(library)
    write(
        library / "bad.md",
        "---\ntitle: Bad date\npublished: 2024-02-30\nsource: Gazette\n---\nA body. More text.\n",
    )
    write(library / "worse.md", "---\ntitle: Worse\ndate: !!timestamp 2024-99-99\n---\nBody.\n")
    for command in (["summary"], ["search", "body"], ["facts"]):
        result = run_cli(*command, library, "-f", "json")
        assert result.returncode == 0, result.stderr
        warnings = result.stderr.splitlines()
        assert warnings == [
            "briefing: warning: library/bad.md: front matter published: "
            "cannot read '2024-02-30'; left unknown",
            "briefing: warning: library/worse.md: front matter date: "
            "cannot read '2024-99-99'; left unknown",
        ]
    record = json.loads(run_cli("summary", library / "bad.md", "-f", "json").stdout)
    article = record["articles"][0]
    assert article["title"] == "Bad date" and article["source"] == "Gazette"
    assert "published" not in article
    # The search index read the file once: the warning came with that reading.
    again = run_cli("search", "body", library)
    assert again.returncode == 0 and "warning" not in again.stderr


# Item 3 ---------------------------------------------------------------------

ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
title: *f
tags: *f
---
Body text. More of it.
"""


def test_issue15_yaml_alias_bomb_is_refused(run_cli: CliRunner, tmp_path: Path) -> None:
    with pytest.raises(ArticleFormatError, match="aliases"):
        parse_markdown(ALIAS_BOMB)
    library = tmp_path / "library"
    _story(library)
    write(library / "bomb.md", ALIAS_BOMB)
    started = time.monotonic()
    result = run_cli("summary", library, "-f", "plain", "--no-facts")
    assert time.monotonic() - started < 30
    assert result.returncode == 0
    assert "skipped" in result.stderr and "bomb.md" in result.stderr
    assert "aliases" in result.stderr and STORY_TITLE in result.stdout


def test_issue15_front_matter_length_is_capped() -> None:
    long = "---\ntags:\n" + "  - tag\n" * (MAX_FRONT_MATTER_CHARS // 8 + 1) + "---\nBody.\n"
    with pytest.raises(ArticleFormatError, match="front matter longer"):
        parse_markdown(long)
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n"
    with pytest.raises(ArticleFormatError):
        parse_markdown(deep)


# Item 5 ---------------------------------------------------------------------


def test_issue15_sentence_length_is_capped() -> None:
    text = " ".join(["word"] * 300_000)  # 1.5 MB, one "sentence"
    spans = list(sentence_spans(text))
    assert all(0 < end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert " ".join(text[a:b] for a, b in spans) == text  # cut only at spaces
    glued = "x" * 10_000
    assert [b - a for a, b in sentence_spans(glued)] == [3000, 3000, 3000, 1000]


def test_issue15_sentence_splitter_does_not_backtrack_on_runs_of_stops() -> None:
    # 25 full stops then a letter took 3 s (each more doubled it).
    started = time.monotonic()
    assert list(sentence_spans("." * 200 + "x")) == [(0, 201)]
    assert len(list(sentence_spans(".”" * 50_000 + "x Next one."))) >= 1
    assert time.monotonic() - started < 2
    # What the splitter finds is unchanged on ordinary text.
    text = "He said “no.” Then he left… Really?! Yes. The U.S. Army (in 2020.) Won."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "He said “no.”",
        "Then he left…",
        "Really?!",
        "Yes.",
        "The U.S. Army (in 2020.)",
        "Won.",
    ]


@pytest.mark.parametrize("mark", ["**a ", "*a ", "_a ", "[a ", "[a](x ", "<a ", "<!-- ", "# # "])
def test_issue15_markdown_is_read_in_linear_time(mark: str) -> None:
    # 40 KB of "**a " took 24 s; time grew with the square of the length.
    text = mark * (400_000 // len(mark))
    started = time.monotonic()
    markdown_to_text(text)
    assert time.monotonic() - started < 3


def test_issue15_markdown_marks_still_read() -> None:
    text = (
        "# Title #\n\nSome **bold**, *it*, __b__ and _i_, a [link](http://x.org/a_(b)), "
        "![img](x.png) <b>tag</b><!-- gone --> `code`.\n\n[ref]: http://x.org"
    )
    assert markdown_to_text(text) == "Title\n\nSome bold, it, b and i, a link,  tag code."


def test_issue15_key_facts_read_a_bounded_part() -> None:
    names = " ".join(f"Zorb{i:05d} Council met Quax{i:05d} Foods." for i in range(3000))
    article = Article(title="Made-up bodies", body=names)
    part = facts_part(article)
    assert part.id == article.id and len(part.body) < len(article.body)
    assert part.sentences == article.sentences[: len(part.sentences)]
    started = time.monotonic()
    facts = facts_for([article], None)[article.id]
    assert time.monotonic() - started < 20
    assert facts and all(f.sentence < len(part.sentences) for f in facts)
    capitalised = {w for s in part.sentences for w in s.text.split() if w[0].isupper()}
    assert len(capitalised) <= FACTS_MAX_NAMES + 10
    # An ordinary article is read whole.
    story = Article(title=STORY_TITLE, body=STORY_BODY)
    assert facts_part(story) is story


def test_issue15_summary_of_a_huge_article_reads_its_opening() -> None:
    body = "\n\n".join(f"Paragraph {i} says the harbour grew by {i} ships." for i in range(20_000))
    article = Article(title="Huge", body=body)
    assert len(body) > MAX_SUMMARY_CHARS
    summary = summarize(article)
    assert summary.note and "summarised from the first" in summary.note
    assert all(article.sentences[i].end <= MAX_SUMMARY_CHARS for i in summary.indices)


def test_issue15_search_snippet_of_a_long_one_sentence_article(tmp_path: Path) -> None:
    words = ["the", "port", "harbour", "ship", "cargo", "dock", "strike", "union"]
    body = " ".join(words[(i * 7) % 8] for i in range(250_000))  # 1.3 MB, one sentence
    write(tmp_path / "news" / "long.txt", f"One sentence\n\n{body}\n")
    with SearchIndex([tmp_path / "news"]) as index:
        index.refresh()
        started = time.monotonic()
        results = index.search("harbour")
        assert time.monotonic() - started < 5  # was minutes: FTS5 snippet() is quadratic
    snippet = results.hits[0].snippet
    assert snippet.spans and all(snippet.text[a:b] == "harbour" for a, b in snippet.spans)


def test_issue15_article_paths_open_only_regular_files(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    _story(tmp_path)
    started = time.monotonic()
    library = load_library([tmp_path, pipe])
    assert time.monotonic() - started < 5
    assert [p.reason for p in library.problems] == ["not a regular file"]
    assert [a.title for a in library.articles] == [STORY_TITLE]


# Item 6 ---------------------------------------------------------------------


def test_issue15_escapes_in_file_names_are_revealed(run_cli: CliRunner, tmp_path: Path) -> None:
    library = tmp_path / "library"
    write(library / ESCAPE_NAME, "Evil title\n\nBody text. More of it.\n")
    write(library / "\x1b[31mempty.txt", "")
    for arguments in (
        ["summary", library, "-f", "plain"],
        ["summary", library, "-f", "rich"],
        ["summary", library, "-f", "markdown"],
        ["summary", library, "-f", "json"],
        ["search", "body", library, "-f", "plain"],
        ["search", "body", library, "-f", "rich"],
        ["facts", library, "-f", "plain"],
    ):
        result = run_cli(*arguments, env={"COLUMNS": "200"})
        assert "\x1b]" not in result.stdout and "\x07" not in result.stdout, arguments
        assert "\x1b" not in result.stderr, arguments
        assert "skipped" in result.stderr and "\\x1b[31mempty.txt" in result.stderr
        if arguments[0] == "summary" and arguments[-1] in ("plain", "rich"):
            assert "library/\\x1b]0;PWNED\\x07evil.txt" in result.stdout
        if arguments[-1] == "json":
            assert json.loads(result.stdout)  # still valid JSON
    imported = run_cli("import", library / ESCAPE_NAME, "--into", tmp_path / "copies")
    assert imported.returncode == 0, imported.stderr
    assert "\x1b" not in imported.stdout and "\\x1b]0;PWNED\\x07evil.txt" in imported.stdout


# Item 7 ---------------------------------------------------------------------


def test_issue15_non_utf8_file_name_is_skipped_by_search(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    _story(library)
    name = os.fsdecode(b"caf\xe9.txt")
    write(library / name, "Cafe news\n\nThe harbour cafe opened. It sells tea.\n")
    result = run_cli("search", "harbour", library, "-f", "plain")
    assert result.returncode == 0, result.stderr
    assert STORY_TITLE in result.stdout
    assert "caf\\xe9.txt: the file name is not valid UTF-8" in result.stderr
    summary = run_cli("summary", library, "-f", "plain")
    assert summary.returncode == 0 and "caf\\xe9.txt" in summary.stdout


def test_issue15_long_cjk_run_does_not_break_suggestions(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    _story(library)
    cjk = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(40_000))  # 120 KB, no space
    write(library / "cjk.txt", f"CJK\n\n{cjk}\n")
    result = run_cli("search", "harbuor", library)
    assert result.returncode == 1, result.stderr
    assert "did you mean: harbour?" in result.stderr
    assert run_cli("search", "harbour", library).returncode == 0


# Item 9 ---------------------------------------------------------------------


def test_issue15_search_row_deleted_between_ranking_and_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    _story(library)
    write(library / "second.txt", "Harbour news\n\nThe harbour is busy. Ships wait.\n")
    from briefing.search import querying

    with SearchIndex([library]) as index:
        index.refresh()
        lookup = querying._entries_by_rowid

        def racing(connection: sqlite3.Connection, rowids: list[int]) -> dict:
            # Another process's refresh removes a row right after the ranking.
            other = sqlite3.connect(index.path, isolation_level=None)
            other.execute("DELETE FROM docs WHERE rowid = ?", (rowids[0],))
            other.close()
            return lookup(connection, rowids)

        monkeypatch.setattr(querying, "_entries_by_rowid", racing)
        results = index.search("harbour")
    assert len(results.hits) == 1


# Item 11 --------------------------------------------------------------------


def test_issue15_invalid_utf8_argument_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    _story(tmp_path / "library")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for arguments in ([b"search", b"\xff"], [b"summary", b"--id", b"\xfe"]):
        result = subprocess.run(
            [sys.executable.encode(), b"-m", b"briefing", *arguments, b"library"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1 and "is not valid UTF-8" in lines[0]
        assert "internal error" not in lines[0]
    # A file name need not be UTF-8: such a path is an argument like any other.
    name = os.fsencode(tmp_path / "library") + b"/caf\xe9.txt"
    Path(os.fsdecode(name)).write_text("Cafe news\n\nThe cafe opened. It sells tea.\n")
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"briefing", b"summary", name, b"-f", b"plain"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and b"Cafe news" in result.stdout


def test_issue15_utf16_without_bom_is_read(tmp_path: Path) -> None:
    from briefing.library.load import load_article_file

    text = "Café owners protest\n\nThe owners of the café said prices rose. They met today.\n"
    for codec in ("utf-16-le", "utf-16-be"):
        path = write(tmp_path / f"{codec}.txt", text.encode(codec))
        [article] = load_article_file(path)
        assert article.title == "Café owners protest" and article.words == 11


def test_issue15_random_bytes_are_skipped_not_a_zero_word_article(tmp_path: Path) -> None:
    import random

    from briefing.library.load import load_article_file

    loaded = 0
    for seed in range(400):
        rng = random.Random(seed)
        data = bytes(rng.randrange(1, 256) for _ in range(rng.choice([3, 8, 20, 50])))
        path = write(tmp_path / f"{seed}.txt", data)
        try:
            articles = load_article_file(path)
        except ArticleFormatError:
            continue
        loaded += 1
        assert all(article.words > 0 for article in articles)
    assert loaded < 400
    with pytest.raises(ArticleFormatError, match="no words"):
        load_article_file(write(tmp_path / "marks.txt", b"|'<\n\n,$<\n"))


# Item 12 --------------------------------------------------------------------


def test_issue15_nothing_to_search_for_echo_is_capped(run_cli: CliRunner, tmp_path: Path) -> None:
    _story(tmp_path / "library")
    result = run_cli("search", "--", "-" * 5000, "library")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "nothing to search for" in line and len(line) < 200
    missing = run_cli("search", "zqx" * 2000, "library")
    assert missing.returncode == 1
    assert all(len(line) < 200 for line in missing.stderr.splitlines())


def test_issue15_tampered_cache_rows_are_worked_out_again(tmp_path: Path) -> None:
    from briefing.analysis.derived import cached_summary
    from briefing.analysis.summarize import Length
    from briefing.storage.cache import DerivedCache

    story = Article(title=STORY_TITLE, body=STORY_BODY)
    cache = DerivedCache(tmp_path / "derived.sqlite3")
    summary = cached_summary(story, "default", Length(3), cache)
    facts = facts_for([story], cache)[story.id]
    assert len(summary.indices) == 3 and facts
    connection = sqlite3.connect(tmp_path / "derived.sqlite3")
    for indices in ("[]", "[2, 1, 0]", "[0, 0, 1]", '["0"]', "[0, 1, 2, 3, 4]", "{}"):
        with connection:
            connection.execute("UPDATE summaries SET indices = ?", (indices,))
        again = cached_summary(story, "default", Length(3), cache)
        assert again.indices == summary.indices, indices
    bad_facts = (
        json.dumps([["person", "", 0, "k", 1, [0], [], None, None, None, None]]),
        json.dumps([["wizard", "X", 0, "k", 1, [0], [], None, None, None, None]]),
        json.dumps([["person", "X", 999, "k", 1, [999], [], None, None, None, None]]),
        json.dumps([["person", "X", 0, "k", 1, [0], [], 5, None, None, None]]),
        json.dumps([["person", "X"]]),
    )
    for data in bad_facts:
        with connection:
            connection.execute("UPDATE facts SET data = ?", (data,))
        assert facts_for([story], cache)[story.id] == facts, data
    connection.close()


# Found by the fuzz run (tests/test_fuzz.py) ------------------------------------


def test_issue15_fuzz_malformed_timestamp_tag_is_one_warning() -> None:
    # PyYAML's timestamp constructor raised AttributeError on a value its own
    # pattern does not match; a tag we do not build raised ConstructorError.
    [article] = parse_markdown("---\n!!timestamp 2024-99-99title: \n---\nBody text.\n")
    assert article.body == "Body text."
    [article] = parse_markdown(
        "---\ntitle: Kept\nauthor: !!python/object:os.system x\n---\nBody text.\n"
    )
    assert article.title == "Kept" and article.author is None
    assert article.notes == ("front matter author: cannot read 'x'; left unknown",)


def test_issue15_ratio_summary_of_a_huge_article_is_bounded() -> None:
    from briefing.analysis.summarize import MAX_SUMMARY_SENTENCES, Length

    # `--ratio 50%` of 120,000 sentences ran for minutes (each pick is
    # checked against every sentence already picked).
    body = " ".join(f"Name{i} Other{i} said." for i in range(40_000))
    article = Article(title="Many", body=body)
    started = time.monotonic()
    summary = summarize(article, "default", Length(sentences=None, ratio=0.5))
    assert time.monotonic() - started < 30
    assert len(summary.indices) == MAX_SUMMARY_SENTENCES
    assert summary.note and "at most 300 sentences of the 20,000 asked for" in summary.note


def test_issue15_import_split_keeps_a_dangling_symlink(run_cli: CliRunner, tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "Harbour Council Rejects Ferry Plan\n\nThe council voted against the plan on Monday. "
        "Members said it cost too much.\n\nBridge Repairs Begin Next Week\n\nWork on the old "
        "bridge starts on Tuesday. Traffic will be diverted for a month.\n",
        encoding="utf-8",
    )
    into = tmp_path / "into"
    into.mkdir()
    link = into / "harbour-council-rejects-ferry-plan.txt"
    link.symlink_to(tmp_path / "elsewhere" / "target.txt")
    result = run_cli("import", "--split", dump, "--into", into)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()
    assert (into / "harbour-council-rejects-ferry-plan-2.txt").is_file()


# Numbers too big for what they reach (found trying the CLI as a user) -----------


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--max-size", "1e308", "-f", "plain"],
        ["facts", "--max-size", "1e308", "-f", "plain"],
        ["search", "-n", "99999999999999999999999", "-f", "plain", "harbour"],
        ["digest", "--since", "99999999999999d", "-f", "plain"],
        ["digest", "--since", "1000000d", "-f", "plain"],
    ],
)
def test_huge_numbers_mean_no_limit_not_an_internal_error(
    run_cli: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    write(tmp_path / "lib" / "story.txt", f"{STORY_TITLE}\n\n{STORY_BODY}\n")
    result = run_cli(*args, "--library", tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    assert "Harbour" in result.stdout or "Okafor" in result.stdout


@pytest.mark.parametrize("size", ["nan", "inf-ish", "-1", "0"])
def test_a_size_limit_that_is_not_a_size_is_a_usage_error(run_cli: CliRunner, size: str) -> None:
    result = run_cli("summary", "--max-size", size)
    assert result.returncode == 2
    assert "argument --max-size:" in result.stderr
    assert "_megabytes" not in result.stderr  # no internal name


def test_an_empty_id_is_refused_not_ignored(run_cli: CliRunner) -> None:
    result = run_cli("summary", "--id", "")
    assert result.returncode == 1
    assert "an article id cannot be empty" in result.stderr
    assert result.stdout == ""  # not every article, as when --id is left out


def test_facts_min_articles_must_be_at_least_one(run_cli: CliRunner) -> None:
    result = run_cli("facts", "--min-articles", "0")
    assert result.returncode == 2
    assert "the number of articles must be at least 1" in result.stderr


def test_an_ambiguous_id_says_how_many_more_it_starts() -> None:
    from briefing.library.load import LibraryError, match_id

    ids = [f"ab{n:02}" for n in range(8)]
    with pytest.raises(LibraryError) as raised:
        match_id("ab", ids)
    assert (
        str(raised.value)
        == "id 'ab' is ambiguous: it starts ab00, ab01, ab02, ab03, ab04 and 3 more"
    )
