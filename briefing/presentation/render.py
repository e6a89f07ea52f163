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

from briefing.presentation.output import (
    FACT_LABELS,
    fact_groups,
    meta_line,
    reason_line,
    skipped_lines,
)

__all__ = ["digest_panel", "digest_panels", "facts_table"]


def digest_panel(item: dict[str, Any]) -> RenderableType:
    title = Text(item["title"], style="bold")
    meta = Text(meta_line(item), style="dim")
    # A two-column grid gives wrapped sentences a hanging indent.
    sentences = Table.grid(padding=(0, 1))
    sentences.add_column(justify="right", style="bold cyan", no_wrap=True)
    sentences.add_column(ratio=1)
    summary = item["summary"]
    explained = {e["index"]: e for e in summary.get("explanation", {}).get("sentences", ())}
    for number, sentence in enumerate(summary["sentences"], 1):
        sentences.add_row(f"{number}.", Text(sentence["text"]))
        if sentence["index"] in explained:
            sentences.add_row("", Text(reason_line(explained[sentence["index"]]), style="dim"))
    lines: list[RenderableType] = [meta, Text(), sentences]
    if summary.get("note"):
        lines.append(Text(summary["note"], style="italic dim"))
    skipped = skipped_lines(summary)
    if skipped:
        lines += [Text(), Text("Skipped", style="bold"), *(Text(s, style="dim") for s in skipped)]
    facts = facts_table(item)
    if facts is not None:
        lines += [Text(), facts]
    return Panel(
        Group(*lines),
        title=title,
        title_align="left",
        subtitle=Text(summary["algorithm"], style="dim"),
        subtitle_align="right",
        border_style="blue",
        padding=(0, 1),
    )


def facts_table(item: dict[str, Any]) -> RenderableType | None:
    """Key facts as a two-column grid: the kind, then its entries (each a plain Text)."""
    groups = fact_groups(item)
    if not groups:
        return None
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold magenta", no_wrap=True)
    table.add_column(ratio=1)
    for label, entries in groups:
        if label == FACT_LABELS["quote"]:
            body = Text("\n").join(Text(entry) for entry in entries)
        else:
            body = Text("; ").join(Text(entry) for entry in entries)
        table.add_row(label, body)
    return table


def digest_panels(items: Iterable[dict[str, Any]]) -> list[RenderableType]:
    return [digest_panel(item) for item in items]
