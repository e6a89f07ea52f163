"""Screenshots of the real reader, for the README and for review.

    python scripts/screenshots.py [--out screenshots]

Drives the app with Textual's pilot on the bundled articles at a fixed size,
saves an SVG per scene and, where `rsvg-convert` (Debian's librsvg2-bin) or
the CairoSVG package is installed, a PNG beside it. Config, data and cache
dirs are temporary, so the pictures do not depend on (or touch) the user's
own settings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Scene = Callable[..., Awaitable[None]]


def isolate() -> Path:
    home = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    return home


async def settle(pilot: Pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


async def main_view(pilot: Pilot) -> None:
    await settle(pilot)


async def summary_highlight(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)
    await pilot.press("s", "s", "plus", "plus")  # lexrank, 5 sentences
    await settle(pilot)
    await pilot.press("tab")  # to the summary
    await pilot.press("down", "down", "enter")
    await settle(pilot)


async def key_facts(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "j", "enter")
    await settle(pilot)
    await pilot.press("tab", "tab")  # to the key facts
    for _ in range(3):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def bookmarks(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    await pilot.press("n", *"Ask the ministry for the alliance timetable.", "ctrl+s")
    await settle(pilot)
    await pilot.press("t", *"sco, digital", "enter")
    await settle(pilot)


async def search(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("slash", *"terrorism OR digital")
    for _ in range(100):  # the search runs when typing pauses
        await pilot.pause(0.05)
        if pilot.app.screen.searched_text == "terrorism OR digital":
            break
    await pilot.press("enter", "j", "enter")
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)


async def help_screen(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def narrow(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def sorted_by_date(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("O")  # date, newest first, with the dates in the rows
    await settle(pilot)


async def tag_browser(pilot: Pilot) -> None:
    await settle(pilot)
    for keys, tags in [("", "digital, sco"), ("j", "digital"), ("j", "security, later")]:
        if keys:
            await pilot.press("escape", keys)  # back to the list, next article
            await settle(pilot)
        await pilot.press("enter", "t", *tags, "enter")
        await settle(pilot)
    await pilot.press("escape", "T")
    await settle(pilot)


async def tiny_facts(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.click("#tab-facts")
    await settle(pilot)


SCENES: dict[str, tuple[Scene, tuple[int, int]]] = {
    "main": (main_view, (160, 48)),
    "summary-highlight": (summary_highlight, (160, 48)),
    "key-facts": (key_facts, (160, 48)),
    "bookmarks": (bookmarks, (160, 48)),
    "search": (search, (160, 48)),
    "help": (help_screen, (160, 48)),
    "narrow-80x24": (narrow, (80, 24)),
    "sorted-by-date": (sorted_by_date, (160, 48)),
    "tag-browser": (tag_browser, (160, 48)),
    "tiny-60x20-facts": (tiny_facts, (60, 20)),
}


async def shoot(name: str, scene: Scene, size: tuple[int, int], out: Path, home: Path) -> Path:
    from briefing.storage.config import Settings
    from briefing.tui.app import BriefingApp

    app = BriefingApp(
        [Path("articles")],
        Settings(),
        save_settings=False,
        bookmarks_path=home / f"{name}-bookmarks.json",
    )
    async with app.run_test(size=size) as pilot:
        await scene(pilot)
        svg = out / f"{name}.svg"
        svg.write_text(app.export_screenshot(title=f"briefing — {name}"), encoding="utf-8")
    return svg


def to_png(svg: Path) -> Path | None:
    """A PNG beside the SVG, by rsvg-convert, else CairoSVG if installed."""
    # The SVG keeps its spaces for librsvg (BriefingApp.export_screenshot).
    png = svg.with_suffix(".png")
    if shutil.which("rsvg-convert") is None:
        try:
            import cairosvg  # type: ignore[import-not-found]
        except ImportError:
            return None
        cairosvg.svg2png(url=str(svg), write_to=str(png))
        return png
    subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True)
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("scenes", nargs="*", help=f"any of {', '.join(SCENES)} (default: all)")
    args = parser.parse_args()
    unknown = [s for s in args.scenes if s not in SCENES]
    if unknown:
        parser.error(f"unknown scene(s): {', '.join(unknown)}")
    os.chdir(ROOT)
    home = isolate()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.scenes or SCENES:
        scene, size = SCENES[name]
        svg = asyncio.run(shoot(name, scene, size, args.out, home))
        png = to_png(svg)
        print(f"{svg.relative_to(ROOT)}" + (f"  {png.relative_to(ROOT)}" if png else ""))


if __name__ == "__main__":
    main()
