"""`briefing facts` run again on the same files: the same output and the same
warnings, without reading the articles; any change to a file is seen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CliRunner, modules_loaded_by, write

MILL = """\
Mill Reopens After Flood

The Orrin Valley Mill reopened on Tuesday after the spring flood. Marta Selwyn, the mill's manager, said 40 staff were back.
"""
BRIDGE = """\
Bridge Inspection Ordered

Engineers from Castleford Council will inspect the Orrin bridge. Marta Selwyn said the mill's lorries use it daily.
"""
BAD_DATE = "---\ntitle: Odd date\npublished: 2023-13-45\n---\nA short body. Nothing more.\n"


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    write(folder / "mill.txt", MILL)
    write(folder / "bridge.txt", BRIDGE)
    write(folder / "odd.md", BAD_DATE)
    write(folder / "copy.txt", MILL)  # a repeat: one more warning
    (folder / "blank.txt").write_text("")
    return folder


def test_a_second_run_answers_and_warns_as_the_first(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = library(tmp_path)
    runs = [run_cli("facts", folder, "-f", fmt) for fmt in ("json", "json", "plain", "plain")]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and runs[2].stdout == runs[3].stdout
    assert "Marta Selwyn" in runs[0].stdout
    warnings = runs[0].stderr.splitlines()
    assert len(warnings) == 3, warnings  # the empty file, the bad date, the repeat
    assert "odd.md: front matter published" in runs[0].stderr
    assert all(r.stderr == runs[0].stderr for r in runs)


def test_the_second_run_reads_no_article(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "quiet"  # no warnings: the helper reads what is printed on stderr
    write(folder / "mill.txt", MILL)
    assert run_cli("facts", folder, "-f", "json").returncode == 0
    loaded, _ = modules_loaded_by(["facts", str(folder), "-f", "json"], prefix="briefing")
    assert "briefing.library.load" not in loaded
    assert "briefing.analysis.facts.extract" not in loaded


def test_any_change_to_a_file_is_seen(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = library(tmp_path)
    assert "Castleford Council" in run_cli("facts", folder, "-f", "plain").stdout
    # Rewritten in place, same size, old modification time: only the status time tells.
    bridge = folder / "bridge.txt"
    stat = bridge.stat()
    bridge.write_text(BRIDGE.replace("Castleford", "Glenmoore"))
    os.utime(bridge, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = run_cli("facts", folder, "-f", "plain").stdout
    assert "Glenmoore Council" in again and "Castleford" not in again
    # A new file, and a removed one.
    write(
        folder / "more.txt",
        "Quarry Sold\n\nThe quarry was sold. Petra Lindqvist, the quarry's owner, said the sale closed on Friday.\n",
    )
    (folder / "mill.txt").unlink()
    (folder / "copy.txt").unlink()
    third = run_cli("facts", folder, "-f", "plain")
    assert "Petra Lindqvist" in third.stdout and "Mill Reopens" not in third.stdout
    assert "repeat" not in third.stderr


def test_a_damaged_kept_file_is_only_a_slower_run(
    run_cli: CliRunner, tmp_path: Path, isolated_dirs: Path
) -> None:
    folder = library(tmp_path)
    first = run_cli("facts", folder, "-f", "json")
    kept = sorted((isolated_dirs / "xdg_cache_home" / "briefing" / "facts").glob("*.json"))
    assert [p.name.endswith("-files.json") for p in kept] == [True, False]  # the two kept files
    for file in kept:  # what each file held; then the entries
        for damage in (b"{not json", b'{"format": 1}', b"[]", file.read_bytes()[:100]):
            file.write_bytes(damage)
            (folder / "bridge.txt").touch()  # changed: the entries alone cannot answer
            again = run_cli("facts", folder, "-f", "json")
            assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)


def _change(folder: Path) -> None:
    """What `briefing update` does to a library: a file rewritten, one added (a
    repeat of another), one removed."""
    bridge = folder / "bridge.txt"
    bridge.write_text(BRIDGE.replace("Castleford", "Glenmoore"))
    write(folder / "zz-copy.txt", BRIDGE.replace("Castleford", "Glenmoore"))
    write(
        folder / "quarry.txt",
        "Quarry Sold\n\nPetra Lindqvist, the quarry's owner, said the sale closed.\n",
    )
    (folder / "copy.txt").unlink()


def test_a_changed_library_answers_as_a_first_run_would(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = library(tmp_path)
    assert run_cli("facts", folder, "-f", "json").returncode == 0
    _change(folder)
    again = [run_cli("facts", folder, "-f", fmt) for fmt in ("json", "plain")]
    fresh = tmp_path / "fresh-cache"  # nothing kept: every file is read
    first = [run_cli("facts", folder, "-f", fmt, env={"XDG_CACHE_HOME": str(fresh / fmt)})
             for fmt in ("json", "plain")]  # fmt: skip
    for mine, theirs in zip(again, first, strict=True):
        assert (mine.returncode, mine.stdout, mine.stderr) == (0, theirs.stdout, theirs.stderr)
    assert "Glenmoore Council" in again[1].stdout and "Castleford" not in again[1].stdout
    assert "Petra Lindqvist" in again[1].stdout
    assert "repeats an article" in again[1].stderr  # the new copy of the bridge


def test_a_changed_library_reads_only_the_files_that_changed(tmp_path: Path) -> None:
    from briefing.analysis.library_facts import FileMemo, KnownArticle, library_state
    from briefing.cli.facts_command import _find_entries
    from briefing.library.loaders import ArticleFormatError
    from briefing.library.model import Article

    folder = library(tmp_path)
    kinds, limit = ("person", "organisation", "place"), 1_000_000
    _find_entries([folder], kinds, FileMemo(library_state([folder], limit, kinds), limit))
    _change(folder)
    memo = FileMemo(library_state([folder], limit, kinds), limit)
    [odd] = memo.load(folder / "odd.md")
    assert isinstance(odd, KnownArticle) and odd.title == "Odd date"
    assert odd.sentences == 2  # counted by the first run
    assert odd.notes and "published" in odd.notes[0]  # its warning, said again
    [mill] = memo.load(folder / "mill.txt")  # it repeated copy.txt, which comes first:
    assert isinstance(mill, KnownArticle) and mill.sentences is None  # not counted, read if needed
    [bridge] = memo.load(folder / "bridge.txt")
    assert isinstance(bridge, Article) and "Glenmoore" in bridge.body
    with pytest.raises(ArticleFormatError, match="empty file"):  # as reading it said
        memo.load(folder / "blank.txt")


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley News</title><link>http://127.0.0.1/</link>
<item><title>Ferry Timetable Changes</title><link>http://127.0.0.1/ferry</link>
<description>The Orrin ferry will sail hourly from May. Dana Whitcombe, the operator's director, said demand had doubled.</description></item>
<item><title>School Roof Repaired</title><link>http://127.0.0.1/roof</link>
<description>Builders finished the roof of Castleford School on Friday. Omar Fenwick, the head teacher, thanked parents.</description></item>
</channel></rss>
"""


def _memo(folder: Path):
    from briefing.analysis.library_facts import FileMemo, library_state

    kinds, limit = ("person", "organisation", "place"), 1_000_000
    return FileMemo(library_state([folder], limit, kinds), limit), kinds


def test_a_feeds_articles_are_counted_and_known_next_time(tmp_path: Path) -> None:
    from briefing.analysis.library_facts import KnownArticle
    from briefing.cli.facts_command import _find_entries

    folder = tmp_path / "lib"
    write(folder / "valley.html", FEED)  # a saved feed: two articles, neither with a path
    write(folder / "mill.txt", MILL)
    memo, kinds = _memo(folder)
    entries = _find_entries([folder], kinds, memo)
    assert {"Dana Whitcombe", "Omar Fenwick"} <= {e.text for e in entries.entries}
    (folder / "mill.txt").touch()
    memo, _ = _memo(folder)
    ferry, roof = memo.load(folder / "valley.html")
    assert isinstance(ferry, KnownArticle) and isinstance(roof, KnownArticle)
    assert (ferry.title, roof.title) == ("Ferry Timetable Changes", "School Roof Repaired")
    assert ferry.sentences == roof.sentences == 2  # counted: the feed is not read again


def test_a_file_that_could_not_be_read_is_read_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.library.load
    from briefing.cli.facts_command import _find_entries
    from briefing.library.loaders import ArticleFormatError, ArticleReadError
    from briefing.library.model import Article

    folder = library(tmp_path)
    real = briefing.library.load.load_article_file

    def denied(path: Path, max_bytes: int) -> list[Article]:
        if path.name == "bridge.txt":
            raise ArticleReadError("Permission denied")
        return real(path, max_bytes)

    monkeypatch.setattr(briefing.library.load, "load_article_file", denied)
    memo, kinds = _memo(folder)
    first = _find_entries([folder], kinds, memo)
    assert any(p.path.name == "bridge.txt" for p in first.problems)
    monkeypatch.setattr(briefing.library.load, "load_article_file", real)
    (folder / "mill.txt").touch()  # the library changed: the memo is asked
    memo, _ = _memo(folder)
    [bridge] = memo.load(folder / "bridge.txt")  # the same status, and read now
    assert isinstance(bridge, Article) and "Castleford" in bridge.body
    with pytest.raises(ArticleFormatError, match="empty file"):  # this one is about the file
        memo.load(folder / "blank.txt")


def test_a_damaged_or_wrong_record_of_a_file_is_only_a_slower_run(
    run_cli: CliRunner, tmp_path: Path, isolated_dirs: Path
) -> None:
    import json

    folder = library(tmp_path)
    first = run_cli("facts", folder, "-f", "json")
    cache = isolated_dirs / "xdg_cache_home" / "briefing"
    [kept] = (cache / "facts").glob("*-files.json")
    good = json.loads(kept.read_bytes())
    mill = str(folder / "mill.txt")
    # A record that is not one; one that says the mill holds another article
    # (its facts not cached: the file is read, and holds no such article).
    wrong = json.loads(json.dumps(good))
    wrong["files"][mill][1][0][:3] = ["0123456789ab", "Not Here", "00"]
    for damage in (5, [good["files"][mill][0]], "x", wrong["files"][mill]):
        data = json.loads(json.dumps(good))
        data["files"][mill] = damage
        kept.write_text(json.dumps(data))
        (folder / "bridge.txt").touch()
        again = run_cli("facts", folder, "-f", "json")
        assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
