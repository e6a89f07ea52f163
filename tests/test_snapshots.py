"""Snapshot tests: the reader's screens, rendered at a fixed size.

Deterministic by construction: a fixed library under a relative path, fresh
config/data dirs (conftest), no clock in the UI, and we wait for every worker
before the picture is taken. Regenerate with `pytest --snapshot-update` after
a deliberate change, and look at the result (snapshot_report.html).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import make_app, make_library, settle


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_library(tmp_path / "library")
    return Path("library")


def test_main_view(snap_compare, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(120, 36), run_before=settle)


def test_longer_lead_summary_highlighted(snap_compare, library: Path) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "s", "plus")
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=(120, 36), run_before=run_before)


def test_help_screen(snap_compare, library: Path) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=(120, 36), run_before=run_before)


def test_narrow_terminal(snap_compare, library: Path) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=run_before)
