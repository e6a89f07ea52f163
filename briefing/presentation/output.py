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

__all__ = [
    "escape_markdown",
    "fact_groups",
    "reason_line",
    "skipped_lines",
    "to_json",
    "to_markdown",
    "to_plain",
]

FACT_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "date": "Dates",
    "figure": "Figures",
    "quote": "Quotes",
}
QUOTE_CHARS = 160
# The parts of a sentence's score in the order --explain lists them.
PARTS = ("position", "centrality", "length", "title", "quote")
SKIPPED_CHARS = 60
_SKIP_REASONS = {
    "repeats": "repeats sentence {other}",
    "leans on": "leans on sentence {other}, not chosen",
    "half a quotation": "would be half of a quotation running on from sentence {other}",
    "the lede comes first": "the lede (sentence {other}) comes first",
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


# What starts a line as a list or a heading underline: "-", "=", or "1." (a
# "1)" is taken care of with the other specials). A backslash escapes only
# punctuation in Markdown (one before a digit is shown), so the escaped
# character of "1." is its dot.
_LEADING_DASH = re.compile(r"^(\s*)([-=])")  # "---" too: a rule, or a heading's underline
_LEADING_NUMBER = re.compile(r"^(\s*\d+)\.(?=\s|$)")


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that shows it as it is (one line, no markup)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    escaped = _LEADING_DASH.sub(r"\1\\\2", escaped)
    return _LEADING_NUMBER.sub(r"\1\\.", escaped)


def meta_line(item: dict[str, Any]) -> str:
    parts = [item.get("source") or item.get("path") or "", f"{item['words']:,} words"]
    if item.get("published"):
        parts.insert(1, str(item["published"]))
    parts.append(f"id {item['id']}")
    return " · ".join(p for p in parts if p)


def fact_label(fact: dict[str, Any]) -> str:
    """One fact as a short line: "Ada Lund (analyst at X)", "SCO (…)", "“…” — Ada Lund"."""
    text = fact["text"]
    if fact["kind"] == "person" and fact.get("role"):
        return f"{text} ({fact['role']})"
    if fact["kind"] == "organisation" and fact.get("acronym") and fact["acronym"] != text:
        return f"{text} ({fact['acronym']})"
    if fact["kind"] == "quote":
        if len(text) > QUOTE_CHARS:
            text = text[: QUOTE_CHARS - 1].rstrip() + "…"
        return f"“{text}” — {fact.get('speaker') or 'unattributed'}"
    return text


def fact_groups(item: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The digest's facts as (label, lines) per kind, in reading order; empty kinds left out."""
    groups: dict[str, list[str]] = {}
    for fact in item.get("facts") or ():
        groups.setdefault(fact["kind"], []).append(fact_label(fact))
    return [(label, groups[kind]) for kind, label in FACT_LABELS.items() if kind in groups]


def reason_line(entry: dict[str, Any]) -> str:
    """A chosen sentence's score and its parts: "score 0.48: position +0.88, …"."""
    parts = entry["parts"]
    named = [name for name in PARTS if name in parts] + [n for n in parts if n not in PARTS]
    return f"score {entry['score']:.2f}: " + ", ".join(f"{n} {parts[n]:+.2f}" for n in named)


def skipped_lines(summary: dict[str, Any]) -> list[str]:
    """The better-scoring sentences passed over, one line each, numbered from 1 in the
    article ("sentence 4 (score 0.55) leans on sentence 3, not chosen: “He added…”")."""
    lines = []
    for skip in summary.get("explanation", {}).get("skipped", ()):
        text = skip.get("text", "")
        if len(text) > SKIPPED_CHARS:
            text = text[: SKIPPED_CHARS - 1].rstrip() + "…"
        reason = _SKIP_REASONS.get(skip["reason"], skip["reason"] + " {other}")
        lines.append(
            f"sentence {skip['index'] + 1} (score {skip['score']:.2f}) "
            + reason.format(other=skip["sentence"] + 1)
            + (f": {text}" if text[:1] in "“\"‘'«" else f": “{text}”" if text else "")
        )
    return lines


def _reasons(summary: dict[str, Any]) -> dict[int, str]:
    return {e["index"]: reason_line(e) for e in summary.get("explanation", {}).get("sentences", ())}


def to_plain(items: Iterable[dict[str, Any]]) -> str:
    blocks = []
    for item in items:
        lines = [item["title"], meta_line(item), ""]
        summary = item["summary"]
        reasons = _reasons(summary)
        for number, sentence in enumerate(summary["sentences"], 1):
            lines.append(f"  {number}. {sentence['text']}")
            if sentence["index"] in reasons:
                lines.append(f"     ({reasons[sentence['index']]})")
        if summary.get("note"):
            lines.append(f"  ({summary['note']})")
        skipped = skipped_lines(summary)
        if skipped:
            lines += ["", "  Skipped"] + [f"    {line}" for line in skipped]
        groups = fact_groups(item)
        if groups:
            lines += ["", "  Key facts"]
        for label, entries in groups:
            if label == FACT_LABELS["quote"]:
                lines.append(f"    {label}:")
                lines += [f"      {entry}" for entry in entries]
            else:
                lines.append(f"    {label}: " + "; ".join(entries))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_markdown(items: Iterable[dict[str, Any]]) -> str:
    blocks = []
    for item in items:
        title = escape_markdown(item["title"])
        if item.get("url"):
            title = f"[{title}](<{item['url'].replace('>', '%3E')}>)"
        lines = [f"## {title}", "", f"*{escape_markdown(meta_line(item))}*", ""]
        reasons = _reasons(item["summary"])
        for sentence in item["summary"]["sentences"]:
            lines.append(f"- {escape_markdown(sentence['text'])}")
            if sentence["index"] in reasons:
                lines.append(f"  - *{escape_markdown(reasons[sentence['index']])}*")
        skipped = skipped_lines(item["summary"])
        if skipped:
            lines += ["", "**Skipped**", ""] + [f"- {escape_markdown(line)}" for line in skipped]
        groups = fact_groups(item)
        if groups:
            lines += ["", "**Key facts**", ""]
        for label, entries in groups:
            if label == FACT_LABELS["quote"]:
                lines.append(f"- **{label}:**")
                lines += [f"  - {escape_markdown(entry)}" for entry in entries]
            else:
                lines.append(f"- **{label}:** " + "; ".join(escape_markdown(e) for e in entries))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
