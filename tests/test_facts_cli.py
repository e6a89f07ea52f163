"""`briefing summary` with key facts and `briefing facts`, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, CliRunner, modules_loaded_by, write

HARBOUR = """\
Harbour Board Backs New Ferry Route

The Kestrel Bay Harbour Board (KBHB) on Monday backed a £12m ferry route to Dublin. The board said 300 jobs would follow.

Ines Calderwood, the board's chair, said the route would open in June. "This connects us to Ireland again," she said.
"""
FERRY = """\
Ferry Operator Named

The KBHB has picked a ferry operator for the Dublin route. "We chose the safest bid," said Rohan Pillay, the board's finance director.
"""
MARKUP = """\
A [bold]Loud[/bold] Title

The [red]Crimson Trust[/red] said 40 \x1b[31mfirms\x1b[0m closed. "[link=http://x]Read[/link] this carefully today," said Odile Marchetti, a [bold]trust spokeswoman[/bold].
"""


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    write(folder / "harbour.txt", HARBOUR)
    write(folder / "ferry.txt", FERRY)
    return folder


def test_summary_json_carries_facts(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("summary", library(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    articles = {a["title"]: a for a in json.loads(result.stdout)["articles"]}
    harbour = articles["Harbour Board Backs New Ferry Route"]
    # The keys that were there before facts are all still there.
    assert {"id", "title", "source", "path", "words", "summary"} <= set(harbour)
    facts = harbour["facts"]
    for fact in facts:
        assert {"kind", "text", "sentence", "mentions"} <= set(fact)
        assert fact["kind"] in ("person", "organisation", "place", "date", "figure", "quote")
    by_text = {f["text"]: f for f in facts}
    board = by_text["Kestrel Bay Harbour Board"]
    assert board["kind"] == "organisation" and board["acronym"] == "KBHB"
    assert board["sentence"] == 0 and board["mentions"] == 2
    person = by_text["Ines Calderwood"]
    assert person["role"] == "board's chair" and person["sentence"] == 2
    quote = by_text["This connects us to Ireland again,"]
    assert quote["kind"] == "quote" and quote["speaker"] == "Ines Calderwood"
    assert quote["sentence"] == 3
    assert {"Dublin", "Ireland"} <= {f["text"] for f in facts if f["kind"] == "place"}
    assert "£12m" in by_text and "300 jobs" in by_text and "on Monday" in by_text


def test_summary_no_facts(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("summary", library(tmp_path), "--format", "json", "--no-facts")
    assert result.returncode == 0, result.stderr
    assert all("facts" not in a for a in json.loads(result.stdout)["articles"])
    plain = run_cli("summary", library(tmp_path), "--no-facts")
    assert "Key facts" not in plain.stdout


def test_summary_plain_and_markdown_group_facts(run_cli: CliRunner, tmp_path: Path) -> None:
    plain = run_cli("summary", library(tmp_path), "--format", "plain")
    assert plain.returncode == 0, plain.stderr
    assert "  Key facts" in plain.stdout
    assert "    People: Ines Calderwood (board's chair)" in plain.stdout
    assert "    Organisations: Kestrel Bay Harbour Board (KBHB)" in plain.stdout
    assert "“This connects us to Ireland again,” — Ines Calderwood" in plain.stdout
    markdown = run_cli("summary", library(tmp_path), "--format", "markdown")
    assert "**Key facts**" in markdown.stdout
    assert "- **Places:** Dublin; Ireland" in markdown.stdout


def test_facts_command_lists_entities_with_their_articles(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    folder = library(tmp_path)
    result = run_cli("facts", folder, "--format", "json")
    assert result.returncode == 0, result.stderr
    entities = json.loads(result.stdout)["entities"]
    board = next(e for e in entities if e["kind"] == "organisation")
    assert board["text"] == "Kestrel Bay Harbour Board" and board["acronym"] == "KBHB"
    assert len(board["articles"]) == 2
    assert {a["title"] for a in board["articles"]} == {
        "Harbour Board Backs New Ferry Route",
        "Ferry Operator Named",
    }
    dublin = next(e for e in entities if e["text"] == "Dublin")
    assert len(dublin["articles"]) == 2
    # Widest spread first.
    assert len(entities[0]["articles"]) == 2
    people = run_cli("facts", folder, "--kind", "person", "--format", "json")
    kinds = {e["kind"] for e in json.loads(people.stdout)["entities"]}
    assert kinds == {"person"}
    plain = run_cli("facts", folder, "--kind", "organisation")
    assert plain.returncode == 0
    assert plain.stdout.startswith(
        "Organisations\n  Kestrel Bay Harbour Board (KBHB) · 2 articles\n"
    )
    assert "People" not in plain.stdout


def test_facts_command_bad_input(run_cli: CliRunner, tmp_path: Path) -> None:
    missing = run_cli("facts", tmp_path / "nowhere")
    assert missing.returncode == 1
    assert missing.stderr.startswith("briefing: ") and "Traceback" not in missing.stderr
    bad_kind = run_cli("facts", library(tmp_path), "--kind", "planet")
    assert bad_kind.returncode == 2


def test_markup_and_escapes_in_articles_show_literally(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "markup"
    write(folder / "markup.txt", MARKUP)
    rich = run_cli("summary", folder, "--format", "rich", env={"COLUMNS": "200"})
    assert rich.returncode == 0, rich.stderr
    assert "[red]Crimson Trust[/red]" in rich.stdout
    assert "“[link=http://x]Read[/link] this carefully today,” — Odile Marchetti" in rich.stdout
    # The ESC from the file is gone; what is left of the sequence is plain text.
    assert "\x1b" not in rich.stdout
    assert "40 [31mfirms[0m closed" in rich.stdout
    facts = run_cli("facts", folder, "--format", "rich", env={"COLUMNS": "200"})
    assert facts.returncode == 0, facts.stderr
    assert "Odile Marchetti" in facts.stdout
    assert "A [bold]Loud[/bold] Title" in facts.stdout


def test_facts_command_does_not_import_textual() -> None:
    loaded, out = modules_loaded_by(["facts", str(ROOT / "articles"), "-f", "json"])
    assert loaded == []
    sco = next(e for e in json.loads(out)["entities"] if e.get("acronym") == "SCO")
    assert len(sco["articles"]) == 3


def test_facts_command_reuses_cached_facts(run_cli: CliRunner, tmp_path: Path) -> None:
    folder = library(tmp_path)
    first = run_cli("facts", folder, "--format", "json")
    assert first.returncode == 0, first.stderr
    # Facts found by this run (or by `summary`) are in the derived-data cache:
    # the next run gives the same answer without loading the extractor.
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"main(['facts', {str(folder)!r}, '-f', 'json'])\n"
        "sys.stderr.write(repr('briefing.analysis.facts.extract' in sys.modules))\n"
    )
    again = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert again.stderr == "False"
    assert again.stdout == first.stdout
    # A new article is extracted and listed with the cached ones.
    write(folder / "markup.txt", MARKUP)
    more = json.loads(run_cli("facts", folder, "--format", "json").stdout)["entities"]
    assert "Odile Marchetti" in {e["text"] for e in more}


def test_facts_across_articles_do_not_depend_on_the_hash_seed(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    # Organisations named by name and acronym across articles, so that an
    # entity can be found by more than one of its forms: which form is tried
    # first must not depend on Python's set order (PYTHONHASHSEED).
    folder = tmp_path / "lib"
    write(
        folder / "a.txt",
        "Port Talks\n\nThe Northbay Port Authority (NPA) met the unions on Monday, "
        'its chair Maria Okafor said. "We want a deal," she said.\n',
    )
    write(
        folder / "b.txt",
        "Press Body\n\nThe National Press Association (NPA) met in Leeds, "
        "its secretary Tom Reyes said on Tuesday.\n",
    )
    write(
        folder / "c.txt",
        "Deal Near\n\nThe NPA and the Northbay Port Authority expect a deal in Northbay "
        "by Friday, Maria Okafor told reporters.\n",
    )
    outputs = set()
    for seed in ("0", "1", "2", "3", "12345"):
        result = run_cli("facts", folder, "-f", "json", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
    entities = json.loads(outputs.pop())["entities"]
    assert {"organisation", "person"} <= {e["kind"] for e in entities}
