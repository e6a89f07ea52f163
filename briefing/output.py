"""Plain-text, Markdown and JSON renderings of article digests.

Text from articles is data: nothing here interprets it. Markdown output
escapes the characters Markdown would read as syntax, so a title such as
"[link](x)" or "*not bold*" pastes literally.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["escape_markdown", "to_json", "to_markdown", "to_plain"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape_markdown(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A leading "-", "=" or "1." would start a list or a heading underline.
    return re.sub(r"^(\s*)([-=]|\d+)(?=[.)\s]|$)", r"\1\\\2", escaped)


def meta_line(item: dict[str, Any]) -> str:
    parts = [item.get("source") or item.get("path") or "", f"{item['words']:,} words"]
    if item.get("published"):
        parts.insert(1, str(item["published"]))
    parts.append(f"id {item['id']}")
    return " · ".join(p for p in parts if p)


def to_plain(items: Iterable[dict[str, Any]]) -> str:
    blocks = []
    for item in items:
        lines = [item["title"], meta_line(item), ""]
        summary = item["summary"]
        for number, sentence in enumerate(summary["sentences"], 1):
            lines.append(f"  {number}. {sentence['text']}")
        if summary.get("note"):
            lines.append(f"  ({summary['note']})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_markdown(items: Iterable[dict[str, Any]]) -> str:
    blocks = []
    for item in items:
        title = escape_markdown(item["title"])
        if item.get("url"):
            title = f"[{title}](<{item['url'].replace('>', '%3E')}>)"
        lines = [f"## {title}", "", f"*{escape_markdown(meta_line(item))}*", ""]
        lines += [f"- {escape_markdown(s['text'])}" for s in item["summary"]["sentences"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
