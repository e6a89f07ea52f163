"""The real `briefing` command, run in a subprocess."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, STORY_TITLE, CliRunner, modules_loaded_by, write

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_help_and_version(run_cli: CliRunner) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "summary" in result.stdout and "import" in result.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and re.match(r"briefing \d+\.\d+", version.stdout)
    assert run_cli("summary", "--help").returncode == 0


def test_help_lists_every_command_with_its_modules_help(run_cli: CliRunner) -> None:
    # The list comes from a static table (so that it imports no command):
    # it must say what each command module says of itself.
    from briefing.cli import COMMAND_HELP, COMMANDS

    assert list(COMMAND_HELP) == list(COMMANDS)
    for name, module_name in COMMANDS.items():
        assert COMMAND_HELP[name] == importlib.import_module(module_name).HELP
    shown = " ".join(run_cli("--help").stdout.split())
    for name, help in COMMAND_HELP.items():
        assert f"{name} {help}" in shown


def _modules_after(*argvs: list[str]) -> set[str]:
    """The briefing modules a process has imported after running these command lines."""
    code = (
        "import sys, json\n"
        "from briefing.cli import main\n"
        f"for argv in {list(argvs)!r}:\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.startswith('briefing'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(json.loads(result.stderr.splitlines()[-1]))


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    commands = {f"briefing.cli.{name}_command" for name in ("summary", "facts", "import")}
    commands.add("briefing.cli.bookmarks_command")
    assert not _modules_after(["--help"]) & commands
    bookmarks = ["--bookmarks", str(tmp_path / "b.json")]
    loaded = _modules_after(["bookmarks", "list", "-f", "json", *bookmarks])
    assert loaded & commands == {"briefing.cli.bookmarks_command"}
    assert "briefing.analysis.summarize" not in loaded
    assert _modules_after(["facts", "--help"]) & commands == {"briefing.cli.facts_command"}


def test_summary_of_the_bundled_articles_from_anywhere(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("summary", cwd=tmp_path)  # no ./articles here: the samples are used
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Almaty Hosts First SCO Digital Forum" in result.stdout
    assert result.stdout.count("words") == 3
    assert "\x1b" not in result.stdout  # piped: plain text, no colour


def test_summary_json_contract(run_cli: CliRunner, story_dir: Path) -> None:
    result = run_cli("summary", story_dir, "--format", "json", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (item,) = data["articles"]
    assert set(item) >= {"id", "title", "source", "path", "words", "summary"}
    assert item["title"] == STORY_TITLE
    assert item["source"] is None
    assert item["path"].endswith("harbour.txt")
    assert item["words"] > 100
    summary = item["summary"]
    assert summary["algorithm"] == "default"
    assert len(summary["sentences"]) == 2
    body = (story_dir / "harbour.txt").read_text().split("\n\n", 1)[1]
    indices = [s["index"] for s in summary["sentences"]]
    assert indices == sorted(indices)
    for sentence in summary["sentences"]:
        assert sentence["text"] in body


def test_summary_by_id_prefix_ratio_and_algorithm(run_cli: CliRunner, story_dir: Path) -> None:
    listing = json.loads(run_cli("summary", story_dir, "-f", "json").stdout)
    article_id = listing["articles"][0]["id"]
    result = run_cli(
        "summary",
        story_dir,
        "--id",
        article_id[:5],
        "--ratio",
        "50%",
        "-a",
        "lexrank",
        "-f",
        "json",
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["articles"][0]["summary"]
    assert summary["algorithm"] == "lexrank"
    assert len(summary["sentences"]) == 5  # half of the story's 10 sentences


def test_markdown_and_plain_formats(run_cli: CliRunner, story_dir: Path) -> None:
    markdown = run_cli("summary", story_dir, "-f", "markdown").stdout
    assert markdown.startswith(f"## {STORY_TITLE}\n")
    assert "\n- " in markdown
    plain = run_cli("summary", story_dir, "-f", "plain").stdout
    assert plain.splitlines()[0] == STORY_TITLE
    assert re.search(r"^  1\. ", plain, re.M)


def test_rich_format_on_a_terminal(run_cli: CliRunner, story_dir: Path) -> None:
    result = run_cli("summary", story_dir, "-f", "rich", env={"FORCE_COLOR": "1", "COLUMNS": "90"})
    assert result.returncode == 0
    assert "\x1b[" in result.stdout  # styled
    assert STORY_TITLE in ANSI.sub("", result.stdout)
    assert "╭" in result.stdout


def test_no_color_means_plain(run_cli: CliRunner, story_dir: Path) -> None:
    result = run_cli("summary", story_dir, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b" not in result.stdout and "╭" not in result.stdout


def test_markup_and_escapes_in_articles_are_shown_literally(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    title = "[bold red]Alarm[/] and [link=https://evil.example]click[/link]"
    body = (
        "Officials said \x1b[31mred\x1b[0m text and \x1b]8;;https://evil.example\x07a link"
        "\x1b]8;;\x07 were found. [blink]Nothing[/blink] should blink here."
    )
    folder = write(tmp_path / "lib" / "x.txt", f"{title}\n\n{body}\n").parent
    for fmt in ("rich", "plain", "markdown", "json"):
        result = run_cli("summary", folder, "-f", fmt, env={"FORCE_COLOR": "1", "COLUMNS": "200"})
        assert result.returncode == 0, result.stderr
        out = result.stdout
        # Only our own SGR styling may appear, and none of the file's escapes.
        assert "\x07" not in out and "\x1b]" not in out
        assert "\x1b[31m" not in out and "\x1b[1;31m" not in out
        text = ANSI.sub("", out)
        if fmt == "markdown":
            text = text.replace("\\", "")
        if fmt == "json":
            text = json.loads(out)["articles"][0]["title"] + json.dumps(json.loads(out))
        assert "[bold red]Alarm[/]" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "[blink]Nothing[/blink]" in text or fmt == "json"


def test_bad_files_are_reported_and_skipped(run_cli: CliRunner, story_dir: Path) -> None:
    write(story_dir / "empty.txt", "")
    write(story_dir / "binary.txt", b"\x00\x01\x02\x03binary")
    write(story_dir / "huge.txt", "Huge\n\n" + "word " * 1_300_000)
    result = run_cli("summary", story_dir)
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("binary.txt" in w and "binary" in w for w in warnings)
    assert any("huge.txt" in w and "too large" in w for w in warnings)
    assert "Traceback" not in result.stderr
    assert STORY_TITLE in result.stdout
    # The limit is adjustable.
    assert len(run_cli("summary", story_dir, "--max-size", "10").stderr.splitlines()) == 2


def test_user_errors_are_one_line(run_cli: CliRunner, tmp_path: Path) -> None:
    missing = run_cli("summary", tmp_path / "nowhere")
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"briefing: no such file or folder: {tmp_path / 'nowhere'}"
    (tmp_path / "emptydir").mkdir()
    empty = run_cli("summary", tmp_path / "emptydir")
    assert empty.returncode == 1 and len(empty.stderr.splitlines()) == 1
    assert "no articles" in empty.stderr
    unknown = run_cli("summary", "-a", "magic")
    assert unknown.returncode == 2
    assert "lexrank" in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    bad_id = run_cli("summary", "--id", "zzzz")
    assert bad_id.returncode == 1 and "no article" in bad_id.stderr
    usage = run_cli("summary", "--sentences", "0")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_import_split_writes_one_file_per_article(run_cli: CliRunner, tmp_path: Path) -> None:
    dump = write(
        tmp_path / "dump.txt",
        "Viewing results 1 - 2 of 2\n\nFirst Headline Here\n\nFirst body. It is short.\n\n"
        "Second Headline Here\n\nSecond body. Also short.\n",
    )
    result = run_cli("import", "--split", dump, "--into", tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "lib").iterdir())
    assert files == ["first-headline-here.txt", "second-headline-here.txt"]
    assert (tmp_path / "lib" / "first-headline-here.txt").read_text() == (
        "First Headline Here\n\nFirst body. It is short.\n"
    )
    assert "Viewing results" in result.stderr
    again = run_cli("import", "--split", dump, "--into", tmp_path / "lib")
    assert "already there" in again.stdout
    assert len(list((tmp_path / "lib").iterdir())) == 2
    # Without --split the dump is not taken for one odd article titled
    # "Viewing results…": it is left alone, with the command that splits it.
    copy = run_cli("import", dump, "--into", tmp_path / "copy")
    assert copy.returncode == 1 and not list((tmp_path / "copy").iterdir())
    assert f"briefing import --split {dump}" in copy.stderr


def test_summary_does_not_import_textual() -> None:
    loaded, out = modules_loaded_by(["summary", str(ROOT / "articles"), "-f", "json"])
    assert loaded == []
    assert json.loads(out)["articles"]


def test_a_command_named_after_an_option_says_to_name_it_first(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    result = run_cli("--bookmarks", tmp_path / "marks.json", "bookmarks", "list")
    assert result.returncode == 1
    assert "for the bookmarks command, name it first: briefing bookmarks [OPTIONS]" in result.stderr
