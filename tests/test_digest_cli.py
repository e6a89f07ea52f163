"""`briefing digest` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, CliRunner, modules_loaded_by
from tests.digest_fixtures import ELECTION, LONE, STRIKE, write_library


def _json(run_cli: CliRunner, *args: str | Path) -> dict:
    result = run_cli("digest", *args, "-f", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_contract(run_cli: CliRunner, tmp_path: Path) -> None:
    record = _json(run_cli, write_library(tmp_path / "lib"))
    assert set(record) == {"stories", "unclustered"}
    story = record["stories"][0]
    assert {"id", "headline", "articles", "summary", "entities"} <= set(story)
    assert {t for t, *_ in STRIKE} == {a["title"] for a in story["articles"]}
    for article in story["articles"]:
        assert {"id", "title", "source", "path", "published"} <= set(article)
    by_id = {a["id"]: a for a in story["articles"]}
    for sentence in story["summary"]["sentences"]:
        assert set(sentence) >= {"article_id", "index", "text"}
        assert sentence["article_id"] in by_id
    entity = story["entities"][0]
    assert set(entity) == {"kind", "text", "key", "articles"}
    assert {a["title"] for a in record["unclustered"]} == {t for t, *_ in LONE}
    assert {"id", "title", "path"} <= set(record["unclustered"][0])


def test_summary_index_is_the_sentence_index_of_briefing_summary(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    folder = write_library(tmp_path / "lib")
    story = _json(run_cli, folder)["stories"][0]
    summary = json.loads(run_cli("summary", folder, "-f", "json", "-n", "40").stdout)
    sentences = {
        (a["id"], s["index"]): s["text"]
        for a in summary["articles"]
        for s in a["summary"]["sentences"]
    }
    for sentence in story["summary"]["sentences"]:
        assert sentences[sentence["article_id"], sentence["index"]] == sentence["text"]


def test_sentences_option(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    two = _json(run_cli, folder, "-n", "2")["stories"][0]["summary"]["sentences"]
    five = _json(run_cli, folder, "-n", "5")["stories"][0]["summary"]["sentences"]
    assert len(two) == 2 and len(five) > 2


def test_since_keeps_recent_articles(run_cli: CliRunner, tmp_path: Path) -> None:
    record = _json(run_cli, write_library(tmp_path / "lib"), "--since", "2024-07-03")
    titles = {a["title"] for s in record["stories"] for a in s["articles"]}
    titles |= {a["title"] for a in record["unclustered"]}
    assert titles == {STRIKE[2][0], ELECTION[1][0], LONE[1][0]}


def test_since_with_nothing_left_and_a_bad_value(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    empty = run_cli("digest", folder, "--since", "24h")
    assert empty.returncode == 1
    assert empty.stderr.startswith("briefing: no articles since")
    bad = run_cli("digest", folder, "--since", "soon")
    assert bad.returncode == 2 and "not a time span or date" in bad.stderr
    assert "Traceback" not in bad.stderr + empty.stderr


def test_query_narrows_the_articles(run_cli: CliRunner, tmp_path: Path) -> None:
    record = _json(run_cli, write_library(tmp_path / "lib"), "--query", "runoff")
    assert [{a["title"] for a in s["articles"]} for s in record["stories"]] == [
        {t for t, *_ in ELECTION}
    ]
    missing = run_cli("digest", tmp_path / "lib", "--query", "zeppelin")
    assert missing.returncode == 1 and "no articles match" in missing.stderr


def test_bookmarked_only(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    marks = tmp_path / "marks.json"
    strike = _json(run_cli, folder)["stories"][0]["articles"]
    for article in strike[:2]:
        added = run_cli(
            "bookmarks", "add", article["id"], "--bookmarks", marks, "--library", folder
        )
        assert added.returncode == 0, added.stderr
    record = _json(run_cli, folder, "--bookmarked", "--bookmarks", marks)
    assert [len(s["articles"]) for s in record["stories"]] == [2]
    assert record["unclustered"] == []


def test_outside_text_stays_text(run_cli: CliRunner, tmp_path: Path) -> None:
    hostile = [
        (
            "<script>alert(1)</script> [bold]port[/bold] *strike*",
            "E<vil>",
            "2024-07-01",
            STRIKE[0][3],
        ),
        *STRIKE[1:],
    ]
    folder = write_library(tmp_path / "lib", hostile)
    html = run_cli("digest", folder, "-f", "html").stdout
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "E&lt;vil&gt;" in html and html.startswith("<!DOCTYPE html>")
    rich = run_cli("digest", folder, "-f", "rich", env={"COLUMNS": "200"}).stdout
    assert "[bold]port[/bold]" in rich
    markdown = run_cli("digest", folder, "-f", "markdown").stdout
    assert "\\*strike\\*" in markdown and "\\<script\\>" in markdown


def test_plain_output_in_a_pipe(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("digest", write_library(tmp_path / "lib"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. ")
    assert "3 articles · 3 sources: Harbour Times, Daily Meridian, Coastal Courier" in result.stdout
    no_sources = run_cli("digest", ROOT / "articles").stdout
    assert "\n   2 articles\n" in no_sources  # file names are not sources
    assert "Not in any story:" in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_grouping_choices(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    counts = [len(_json(run_cli, folder, "--grouping", g)["stories"]) for g in ("loose", "strict")]
    assert counts[0] <= counts[1] or counts == [2, 2]
    bad = run_cli("digest", folder, "--grouping", "eager")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_seed_articles_say_what_the_sco_is_once() -> None:
    loaded, out = modules_loaded_by(["digest", str(ROOT / "articles"), "-f", "json", "-n", "5"])
    assert loaded == []  # no Textual in a one-shot command
    story = json.loads(out)["stories"][0]
    assert len(story["articles"]) >= 2
    members = [
        s
        for s in story["summary"]["sentences"]
        if "members are" in s["text"] or "comprises" in s["text"]
    ]
    assert len(members) <= 1
    sco = next(e for e in story["entities"] if e["key"] == "organisation:sco")
    assert len(sco["articles"]) == len(story["articles"])


def test_since_through_the_index_is_the_digest_of_those_articles(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    import shutil

    from briefing.library.load import load_library

    folder = write_library(tmp_path / "lib")
    # One article with no date: it counts by its file's time (now).
    (folder / "undated.txt").write_text(
        "Ferry timetable changes\n\nThe Northbay ferry terminal publishes a new timetable "
        "for the container docks and the ferries from Monday.\n",
        encoding="utf-8",
    )
    run_cli("search", "port", "--library", folder)  # the index exists, as after any search
    recent = tmp_path / "recent"
    for article in load_library([folder]).articles:
        if not article.published or article.published >= "2024-07-03":
            assert article.path is not None
            target = recent / article.path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(article.path, target)

    def without_paths(record: dict) -> str:
        text = json.dumps(record).replace(str(folder), "").replace(str(recent), "")
        return text.replace('"lib/', '"').replace('"recent/', '"')  # paths as shown

    since = _json(run_cli, folder, "--since", "2024-07-03")
    assert without_paths(since) == without_paths(_json(run_cli, recent))
    titles = {a["title"] for a in since["unclustered"]}
    titles |= {a["title"] for s in since["stories"] for a in s["articles"]}
    assert "Ferry timetable changes" in titles and STRIKE[0][0] not in titles


def test_since_asks_the_index_for_the_articles(tmp_path: Path, isolated_dirs: Path) -> None:
    import argparse
    from datetime import UTC, datetime

    from briefing.cli.digest_command import _recent_articles

    folder = write_library(tmp_path / "lib")
    args = argparse.Namespace(
        paths=[folder], max_size=None, library=None, since=datetime(2024, 7, 3, tzinfo=UTC)
    )
    found = _recent_articles(args)
    assert found is not None  # the index answered: the library was not loaded
    assert {a.title for a in found} == {STRIKE[2][0], ELECTION[1][0], LONE[1][0]}


def test_the_grouping_choices_are_the_groupings_and_cost_no_numpy() -> None:
    from briefing.analysis.stories import GROUPINGS
    from briefing.cli.digest_command import GROUPING_CHOICES

    assert list(GROUPING_CHOICES) == list(GROUPINGS)
    code = (
        "import contextlib, sys\n"
        "from briefing.cli import main\n"
        "with contextlib.suppress(SystemExit):\n"
        "    main(['digest', '--help'])\n"
        "sys.stderr.write(str('numpy' in sys.modules))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "--grouping {strict,normal,loose}" in ran.stdout
    assert ran.stderr == "False"


def test_since_through_the_index_says_what_was_left_out_as_search_does(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    folder = write_library(tmp_path / "lib")
    (folder / "odd.md").write_text(
        "---\ntitle: Ferry timetable changes\npublished: 2024-02-30\n---\n\n"
        "The Northbay ferry terminal publishes a new timetable from Monday.\n",
        encoding="utf-8",
    )
    loaded = run_cli("digest", folder, "-f", "json")
    warning = next(line for line in loaded.stderr.splitlines() if "odd.md" in line)
    since = run_cli("digest", folder, "--since", "24h", "-f", "json")  # makes the index
    assert since.returncode == 0, since.stderr
    assert warning in since.stderr.splitlines()
    # Said when the index reads the file, as `search` says it; not every run.
    assert warning not in run_cli("digest", folder, "--since", "24h").stderr
    assert [a["title"] for a in json.loads(since.stdout)["unclustered"]] == [
        "Ferry timetable changes"
    ]


def test_digest_query_notes_its_reading_as_search_does(run_cli: CliRunner, tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib")
    result = run_cli("digest", "--query", '"strike', "-f", "plain", "--library", library)
    assert result.returncode == 0, result.stderr
    assert "briefing: note: added the missing closing quote" in result.stderr
