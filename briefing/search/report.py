"""What `briefing search` reports, as plain data and as plain text.

``results_record`` is the JSON contract (documented in the README: keys may
be added, never renamed). ``to_plain`` renders the same record for a pipe or
a terminal without colour, marking matches with ⟦ ⟧, which news text does
not use (so the marks cannot be mistaken for the article's own brackets).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefing.library.files import display_path
from briefing.search.results import SearchResults, Span

__all__ = ["PLAIN_MARKS", "mark", "meta_line", "results_record", "to_plain"]

PLAIN_MARKS = ("⟦", "⟧")
ASCII_MARKS = ("**", "**")  # for an output that cannot encode the above


def results_record(results: SearchResults, query_text: str) -> dict[str, Any]:
    hits = []
    for hit in results.hits:
        entry = hit.entry
        item: dict[str, Any] = {
            "id": entry.id,
            "title": entry.title,
            "path": display_path(entry.path),
            "source": entry.source,
            "score": hit.score,
            "snippet": hit.snippet.text,
            "highlights": [list(span) for span in hit.snippet.spans],
            "title_highlights": [list(span) for span in hit.title_spans],
        }
        if entry.published:
            item["published"] = entry.published
        if entry.url:
            item["url"] = entry.url
        hits.append(item)
    return {
        "query": query_text,
        "total": results.total,
        "results": hits,
        "suggestions": list(results.suggestions),
        "notices": list(results.notices),
    }


def mark(text: str, spans: Sequence[Span], marks: tuple[str, str] = PLAIN_MARKS) -> str:
    """``text`` with each span wrapped in the marks."""
    out = []
    position = 0
    for start, end in spans:
        out += [text[position:start], marks[0], text[start:end], marks[1]]
        position = end
    out.append(text[position:])
    return "".join(out)


def meta_line(item: dict[str, Any]) -> str:
    parts = [item.get("source"), item.get("published"), item["path"], f"id {item['id']}"]
    return " · ".join(p for p in parts if p)


def to_plain(record: dict[str, Any], marks: tuple[str, str] = PLAIN_MARKS) -> str:
    blocks = []
    for number, item in enumerate(record["results"], 1):
        lines = [f"{number}. {item['title']}", f"   {meta_line(item)}"]
        if item["snippet"]:
            lines.append("   " + mark(item["snippet"], item["highlights"], marks))
        blocks.append("\n".join(lines))
    text = "\n\n".join(blocks)
    more = record["total"] - len(record["results"])
    if more > 0:
        text += f"\n\n{more:,} more (--limit {record['total']} shows all)"
    return text + "\n" if text else ""
