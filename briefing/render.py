"""Rich renderables for the command line's terminal output.

Every string from an article goes into a ``rich.text.Text`` (never a markup
string), so "[bold]" in a title prints as those seven characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefing.output import meta_line

__all__ = ["digest_panel", "digest_panels"]


def digest_panel(item: dict[str, Any]) -> RenderableType:
    title = Text(item["title"], style="bold")
    meta = Text(meta_line(item), style="dim")
    # A two-column grid gives wrapped sentences a hanging indent.
    sentences = Table.grid(padding=(0, 1))
    sentences.add_column(justify="right", style="bold cyan", no_wrap=True)
    sentences.add_column(ratio=1)
    summary = item["summary"]
    for number, sentence in enumerate(summary["sentences"], 1):
        sentences.add_row(f"{number}.", Text(sentence["text"]))
    lines: list[RenderableType] = [meta, Text(), sentences]
    if summary.get("note"):
        lines.append(Text(summary["note"], style="italic dim"))
    return Panel(
        Group(*lines),
        title=title,
        title_align="left",
        subtitle=Text(summary["algorithm"], style="dim"),
        subtitle_align="right",
        border_style="blue",
        padding=(0, 1),
    )


def digest_panels(items: Iterable[dict[str, Any]]) -> list[RenderableType]:
    return [digest_panel(item) for item in items]
