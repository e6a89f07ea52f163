"""Rich renderables for `briefing digest` on a terminal.

Every string from an article goes into a ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefing.presentation.digest_output import entity_groups, story_meta

__all__ = ["digest_renderables", "story_panel"]

# A story's articles listed in its panel; a big story's other ones are counted.
SHOWN_ARTICLES = 8


def story_panel(number: int, story: dict[str, Any]) -> RenderableType:
    lines: list[RenderableType] = [Text(story_meta(story), style="dim")]
    sentences = Table.grid(padding=(0, 1))
    sentences.add_column(style="bold cyan", no_wrap=True)
    sentences.add_column(ratio=1)
    for sentence in story["summary"]["sentences"]:
        sentences.add_row(
            "•", Text.assemble(sentence["text"], (f"  — {sentence['source']}", "dim italic"))
        )
    lines.append(sentences)
    groups = entity_groups(story)
    if groups:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold magenta", no_wrap=True)
        table.add_column(ratio=1)
        for label, names in groups:
            table.add_row(label, Text("; ").join(Text(n) for n in names))
        lines.append(table)
    articles = story["articles"]
    lines.append(_article_rows(Table.grid(padding=(0, 1)), articles[:SHOWN_ARTICLES]))
    if len(articles) > SHOWN_ARTICLES:
        more = len(articles) - SHOWN_ARTICLES
        lines.append(
            Text(f"… and {more} more articles (all in --format plain or json)", style="dim")
        )
    return Panel(
        Group(*lines),
        title=Text.assemble((f"{number}. ", "bold cyan"), (story["headline"], "bold")),
        title_align="left",
        border_style="blue",
        padding=(0, 1),
    )


def _article_rows(table: Table, articles: list[dict[str, Any]]) -> Table:
    """One row an article: its id, then its title and where it comes from."""
    table.add_column(style="dim", no_wrap=True)
    table.add_column(ratio=1)
    for article in articles:
        where = article.get("source") or article.get("path") or ""
        table.add_row(article["id"], Text.assemble(article["title"], (f"  {where}", "dim")))
    return table


def digest_renderables(record: dict[str, Any]) -> list[RenderableType]:
    parts = [story_panel(n, s) for n, s in enumerate(record["stories"], 1)]
    if record["unclustered"]:
        title = Text("Not in any story", style="bold")
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        parts.append(_article_rows(table, record["unclustered"]))
    if not parts:
        parts.append(Text("No articles.", style="dim"))
    return parts
