"""Helpers for driving the real reader with Textual's pilot."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY_BODY, STORY_TITLE, write
from textual.pilot import Pilot

from briefing.storage.config import Settings
from briefing.storage.readstate import ReadState
from briefing.tui.app import BriefingApp

SECOND_TITLE = "Rail Strike Called Off After Late Talks"
SECOND_BODY = (
    "A national rail strike planned for Monday was called off on Sunday night after talks "
    "between the union and operators ran past midnight.\n\n"
    "The union said members would vote on a new offer of a 6% pay rise over two years. "
    "Operators said services would run as normal.\n\n"
    "Commuters had faced a third week of disruption. Business groups welcomed the news."
)
THIRD_TITLE = "City Library Opens Late on Weekdays"
THIRD_BODY = (
    "The central library will stay open until 9 p.m. on weekdays from next month, "
    "the council said.\n\nThe change follows a survey in which most respondents asked "
    "for evening hours. Staff numbers will rise by four. The Coastal Trust, which runs "
    "reading groups there, welcomed the plan."
)


def make_library(folder: Path) -> Path:
    write(folder / "a-harbour.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    write(folder / "b-rail.txt", f"{SECOND_TITLE}\n\n{SECOND_BODY}\n")
    write(folder / "c-library.txt", f"{THIRD_TITLE}\n\n{THIRD_BODY}\n")
    return folder


def make_app(path: Path, settings: Settings | None = None, **kwargs: object) -> BriefingApp:
    home = Path.home()
    return BriefingApp(
        [path],
        settings or Settings(),
        read_state=ReadState(home / "read.json"),
        save_settings=kwargs.pop("save_settings", False),  # type: ignore[arg-type]
        bookmarks_path=kwargs.pop("bookmarks_path", home / "bookmarks.json"),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


async def settle(pilot: Pilot) -> None:
    """Wait until the workers (loading, summarising) are done and painted."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
