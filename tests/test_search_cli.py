"""`briefing search`, the real command in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, STORY_BODY, STORY_TITLE, CliRunner, write

ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKUP_TITLE = "[bold red]Alarm[/] over the [link=https://evil.example]harbour[/link]"
MARKUP_BODY = (
    "Officials said \x1b[31mred\x1b[0m text and [blink]harbour[/blink] lights were seen. "
    "The [bold]harbour master[/bold] said nothing."
)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    write(folder / "harbour.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    write(
        folder / "tram.md",
        "---\ntitle: Tram Line Opens\nsource: City Courier\ntags: [transport]\n---\n\n"
        "The new tram line opened on Monday. Riders said the trams were quiet.\n",
    )
    write(folder / "markup.txt", f"{MARKUP_TITLE}\n\n{MARKUP_BODY}\n")
    return folder


def test_plain_output_best_first_with_marked_matches(run_cli: CliRunner, library: Path) -> None:
    result = run_cli("search", "dredging fish", library)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"1. {STORY_TITLE}"
    assert lines[1].strip().startswith("lib/harbour.txt") or "harbour.txt" in lines[1]
    assert "⟦dredging⟧" in lines[2] and "⟦fish⟧" in lines[2]
    assert "\x1b" not in result.stdout  # piped: plain


def test_json_contract(run_cli: CliRunner, library: Path) -> None:
    result = run_cli("search", "harbour", library, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["query"] == "harbour"
    assert data["total"] == 2
    first = data["results"][0]
    assert set(first) >= {"id", "title", "path", "score", "snippet", "source", "highlights"}
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    for item in data["results"]:
        for start, end in item["highlights"]:
            assert item["snippet"][start:end].lower() == "harbour"
        for start, end in item["title_highlights"]:
            assert item["title"][start:end].lower() == "harbour"
    story = next(r for r in data["results"] if r["title"] == STORY_TITLE)
    assert story["title_highlights"] == [[0, 7]]  # "Harbour Authority …"
    assert data["suggestions"] == [] and data["notices"] == []


def test_limit_and_the_rest_counted(run_cli: CliRunner, library: Path) -> None:
    result = run_cli("search", "the", library, "--limit", "1", "-f", "plain")
    assert result.returncode == 0
    assert result.stdout.count("\n1. ") + result.stdout.startswith("1. ") == 1
    assert "2 more (--limit 3 shows all)" in result.stdout
    assert run_cli("search", "the", library, "--limit", "0").returncode == 2


def test_rich_output_on_a_terminal(run_cli: CliRunner, library: Path) -> None:
    result = run_cli(
        "search", "tram", library, "-f", "rich", env={"FORCE_COLOR": "1", "COLUMNS": "80"}
    )
    assert result.returncode == 0
    assert "\x1b[" in result.stdout
    text = ANSI.sub("", result.stdout)
    assert "Tram Line Opens" in text and "City Courier" in text
    assert "⟦" not in text  # styling marks the matches, not brackets


def test_no_match_exits_1_with_suggestions(run_cli: CliRunner, library: Path) -> None:
    result = run_cli("search", "dredgng", library)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "briefing: no matches for dredgng; did you mean: dredging?"
    as_json = run_cli("search", "dredgng", library, "-f", "json")
    assert as_json.returncode == 1 and as_json.stderr == ""
    assert json.loads(as_json.stdout)["suggestions"] == ["dredging"]
    assert run_cli("search", "zzqxv", library).stderr.strip() == "briefing: no matches for zzqxv"


def test_errors_exit_2_with_one_line(run_cli: CliRunner, library: Path, tmp_path: Path) -> None:
    empty = run_cli("search", "*", library)
    assert empty.returncode == 2
    assert empty.stderr.startswith("briefing: nothing to search for in '*'")
    missing = run_cli("search", "harbour", "expansion")
    assert missing.returncode == 2
    assert missing.stderr.strip() == (
        "briefing: no such file or folder: expansion (to search for several words,"
        ' quote them: briefing search "harbour expansion")'
    )
    (tmp_path / "void").mkdir()
    nothing = run_cli("search", "harbour", tmp_path / "void")
    assert nothing.returncode == 2 and "no readable articles" in nothing.stderr
    usage = run_cli("search")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    for result in (empty, missing, nothing):
        assert len(result.stderr.splitlines()) == 1


def test_hostile_queries_never_crash(run_cli: CliRunner, library: Path) -> None:
    for query in ('"', "OR", "-", "NEAR(", "body:x", "title:", "is:wat", "\x1b[2J", "a" * 3000):
        result = run_cli("search", query, library, "-f", "json")
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if result.returncode == 2:  # nothing left to search for: said in one line
            assert query in ('"', "-", "OR") and len(result.stderr.splitlines()) == 1
            continue
        assert result.returncode in (0, 1), (query, result.stderr)
        assert json.loads(result.stdout)["query"] == query


def test_notices_go_to_stderr(run_cli: CliRunner, library: Path) -> None:
    result = run_cli("search", '"tram line', library)
    assert result.returncode == 0
    assert result.stderr.strip() == "briefing: note: added the missing closing quote"
    bookmarked = run_cli("search", "is:bookmarked", library)
    assert bookmarked.returncode == 1
    assert "there are no bookmarks yet" in bookmarked.stderr


def test_markup_and_escapes_in_articles_show_literally(run_cli: CliRunner, library: Path) -> None:
    for fmt in ("rich", "plain", "json"):
        result = run_cli("search", "harbour master", library, "-f", fmt, env={"FORCE_COLOR": "1"})
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "\x07" not in out and "\x1b]" not in out and "\x1b[31m" not in out
        if fmt == "json":
            item = json.loads(out)["results"][0]
            title, snippet = item["title"], item["snippet"]
        else:
            text = ANSI.sub("", out).replace("⟦", "").replace("⟧", "")
            title = snippet = " ".join(text.split())
        assert MARKUP_TITLE in title
        assert "[blink]harbour[/blink]" in snippet and "[bold]harbour master[/bold]" in snippet


def test_unreadable_files_are_named_each_run(run_cli: CliRunner, library: Path) -> None:
    write(library / "empty.txt", "")
    for _ in range(2):  # the second run takes the quick path: still reported
        result = run_cli("search", "tram", library)
        assert result.returncode == 0
        assert result.stderr.strip() == "briefing: warning: skipped lib/empty.txt: empty file" or (
            result.stderr.strip().endswith("empty.txt: empty file")
        )


def test_the_index_lives_in_the_cache_dir_and_follows_changes(
    run_cli: CliRunner, library: Path
) -> None:
    assert run_cli("search", "tram", library).returncode == 0
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "briefing" / "search"
    assert len(list(cache.glob("library-*.sqlite3"))) == 1
    write(library / "tram.md", "Ferry Service Resumes\n\nThe ferry sails again.\n")
    assert run_cli("search", "tram", library).returncode == 1
    assert run_cli("search", "ferry", library).returncode == 0


def test_default_library_is_the_samples(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("search", "sco", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Almaty Hosts First SCO Digital Forum" in result.stdout


def test_a_warm_search_reads_no_article_and_loads_neither_loaders_nor_rich(
    library: Path,
) -> None:
    """The quick path stays quick: no article loaders, no Rich, no Textual."""
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"main(['search', 'tram', {str(library)!r}, '-f', 'plain'])\n"
        "heavy = ('textual', 'rich', 'briefing.library.load', 'briefing.library.model', 'yaml', 'rapidfuzz')\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-c", code]
    first = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert "briefing.library.load" in first.stderr  # the first run reads the articles
    warm = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert warm.stderr == "[]"
    assert "Tram Line Opens" in warm.stdout


def test_bookmark_filters_use_the_bookmark_file(
    run_cli: CliRunner, library: Path, tmp_path: Path
) -> None:
    marks = ("--bookmarks", str(tmp_path / "marks.json"))
    found = json.loads(run_cli("search", "tram", library, "-f", "json").stdout)
    tram_id = found["results"][0]["id"]
    added = run_cli("bookmarks", "add", tram_id, "--tag", "commute", "--library", library, *marks)
    assert added.returncode == 0, added.stderr
    for query in ("is:bookmarked", "tag:commute", "tag:transport", "riders is:bookmarked"):
        result = run_cli("search", query, library, "-f", "json", *marks)
        assert result.returncode == 0, (query, result.stderr)
        assert [r["title"] for r in json.loads(result.stdout)["results"]] == ["Tram Line Opens"]
    # A query that starts with "-" follows "--", as for any command line tool.
    others = run_cli("search", "-f", "json", *marks, "--", "-is:bookmarked", library)
    assert "Tram Line Opens" not in others.stdout and json.loads(others.stdout)["total"] == 2
    (tmp_path / "bad.json").write_text("{not json")
    broken = run_cli("search", "is:bookmarked", library, "--bookmarks", tmp_path / "bad.json")
    assert broken.returncode == 2 and broken.stderr.startswith("briefing: bookmark file")
    assert len(broken.stderr.splitlines()) == 1


def test_a_slow_first_index_shows_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    library = tmp_path / "lib"
    for number in range(150):
        write(library / f"n{number:03}.txt", f"Item {number}\n\nA tram stop, number {number}.\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), BRIEFING_PROGRESS_AFTER="0", COLUMNS="100")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "briefing", "search", "tram", str(library), "-f", "plain"]
    piped = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert piped.returncode == 0 and piped.stderr == ""  # a pipe gets no bar
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache-2")  # a first index again
    terminal, child = pty.openpty()
    ran = subprocess.run(command, stdout=subprocess.PIPE, stderr=child, cwd=ROOT, env=env)
    os.close(child)
    shown = b""
    while True:
        try:
            part = os.read(terminal, 65536)
        except OSError:  # the other end is closed: all read
            break
        if not part:
            break
        shown += part
    os.close(terminal)
    assert ran.returncode == 0 and b"Indexing" in shown and b"150" in shown
