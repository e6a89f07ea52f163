"""Shared fixtures: an isolated home for every test, and a real CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point config, data and cache dirs at a fresh folder, so no test reads or
    writes the developer's own files (or another test's)."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    for name in ("NO_COLOR", "FORCE_COLOR", "BRIEFING_DEBUG", "BRIEFING_BOOKMARKS"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def run_cli(tmp_path: Path) -> CliRunner:
    """Run the real `briefing` command in a subprocess (cwd: an empty folder)."""

    def run(
        *args: str | Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), environment.get("PYTHONPATH", "")) if p
        )
        environment.setdefault("COLUMNS", "100")
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "briefing", *map(str, args)],
            cwd=cwd or tmp_path,
            env=environment,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )

    return run


def modules_loaded_by(*runs: list[str], prefix: str = "textual") -> tuple[list[str], str]:
    """Run ``briefing`` commands in one fresh interpreter; return the modules
    under ``prefix`` that they imported, and what they printed."""
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        + "".join(f"main({list(run)!r})\n" for run in runs)
        + f"loaded = sorted(m for m in sys.modules if m.split('.')[0] == {prefix!r})\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return eval(result.stderr), result.stdout


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# A made-up news story used across tests: several paragraphs, quotes,
# abbreviations and figures, so the splitter and summarizers have real work.
STORY_TITLE = "Harbour Authority Approves Port Expansion"
STORY_BODY = """\
The Northbay Harbour Authority on Tuesday approved a $1.2bn plan to expand the city's container port, ending two years of debate. The vote was 7 to 2.

Dr. Helen Okafor, the authority's chair, said the expansion would double the port's capacity by 2030. "This is the most important decision we have made in a generation," she said.

Opponents, led by the Coastal Trust, argued that dredging would harm fish stocks in the bay. The trust said it would appeal to the U.K. Environment Agency.

Construction is due to begin in March. About 1,400 jobs are expected during the works, and a further 600 once the new berths open.

Local businesses welcomed the decision. Shipping lines have long complained of delays at the port, where ships sometimes wait three days for a berth.
"""


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    write(folder / "harbour.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    return folder


@pytest.fixture
def feed_server():
    """A real HTTP server on 127.0.0.1 (see tests/feedserver.py)."""
    from feedserver import serve

    yield from serve()
