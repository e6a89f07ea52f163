"""Long CLI runs: results stream out, and a progress bar shows on a terminal
(issue 13, defect 7)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, CliRunner, write

from briefing.cli.stream import ProgressBar, write_items
from briefing.presentation.output import to_markdown, to_plain


def item(n: int) -> dict:
    return {
        "id": f"id{n}", "title": f"Story {n}", "source": None, "url": None, "published": None,
        "author": None, "path": None, "words": 10,
        "summary": {"algorithm": "lead", "sentences": [{"index": 0, "text": f"Said {n}."}]},
    }  # fmt: skip


@pytest.mark.parametrize(("fmt", "render"), [("plain", to_plain), ("markdown", to_markdown)])
def test_items_are_written_as_they_come_and_the_bytes_do_not_change(fmt, render) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    seen_before_next: list[str] = []

    def items() -> Iterator[dict]:
        for n in range(3):
            seen_before_next.append(out.getvalue())
            yield item(n)

    write_items(items(), fmt, out)
    assert seen_before_next[0] == ""
    assert "Story 0" in seen_before_next[1] and "Story 1" not in seen_before_next[1]
    assert "Story 1" in seen_before_next[2]
    assert out.getvalue() == render([item(n) for n in range(3)])


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(100, "Working", stream)
    bar.advance(100)
    bar.close()
    assert not bar.enabled and stream.getvalue() == ""


def _library(folder: Path, count: int) -> Path:
    for n in range(count):
        write(folder / f"a{n:03}.txt", f"Council Story Number {n}\n\nThe council met on Monday "
              f"in Northbay. Mayor Ann Lee said {n} homes would be built. It will cost "
              f"${n + 1}m.\n")  # fmt: skip
    return folder


def _run_with_terminal_stderr(args: list[str], cwd: Path) -> tuple[str, str]:
    """Run briefing with stderr on a pseudo-terminal; return (stdout, terminal output)."""
    leader, follower = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT), BRIEFING_PROGRESS_AFTER="0", COLUMNS="100")
    process = subprocess.Popen([sys.executable, "-m", "briefing", *args], cwd=cwd, env=env,
                               stdout=subprocess.PIPE, stderr=follower, text=True)  # fmt: skip
    os.close(follower)
    seen = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    stdout = process.communicate(timeout=120)[0]
    os.close(leader)
    return stdout, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("command", "label"),
    [(["facts"], "Finding key facts"), (["summary", "--no-facts", "-f", "plain"], "Summarising")],
)
def test_a_progress_bar_on_a_terminal(tmp_path: Path, command: list[str], label: str) -> None:
    library = _library(tmp_path / "lib", 60)
    stdout, terminal = _run_with_terminal_stderr([*command, str(library)], tmp_path)
    assert (label in terminal and "60/60" in terminal) or "/60" in terminal
    assert label not in stdout and stdout.strip()


def test_no_bar_in_a_pipe(run_cli: CliRunner, tmp_path: Path) -> None:
    library = _library(tmp_path / "lib", 30)
    result = run_cli("summary", library, "-f", "plain", env={"BRIEFING_PROGRESS_AFTER": "0"})
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.count("Council Story Number") == 30
