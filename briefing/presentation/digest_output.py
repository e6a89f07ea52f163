"""Plain-text, Markdown and self-contained HTML renderings of a digest record.

Article text is data: Markdown escapes what Markdown would read as syntax,
HTML escapes everything (and the page has no scripts, only inline CSS, so it
can be mailed as it is).
"""

from __future__ import annotations

from html import escape
from typing import Any

from briefing.presentation.output import escape_markdown

__all__ = ["digest_html", "digest_markdown", "digest_plain", "entity_groups", "story_meta"]

ENTITY_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places"}


SHOWN_SOURCES = 4


def story_meta(story: dict[str, Any]) -> str:
    """ "3 articles · 2 sources: A, B · 2024-07-01 – 2024-07-04" (at most
    ``SHOWN_SOURCES`` sources named, then "+N more")."""
    count = len(story["articles"])
    sources = story["sources"]
    parts = [f"{count} article{'s' if count != 1 else ''}"]
    if sources:
        named = ", ".join(sources[:SHOWN_SOURCES])
        if len(sources) > SHOWN_SOURCES:
            named += f" +{len(sources) - SHOWN_SOURCES} more"
        parts.append(f"{len(sources)} source{'s' if len(sources) != 1 else ''}: {named}")
    if story["dates"]:
        parts.append(" – ".join(story["dates"]))
    return " · ".join(parts)


def entity_groups(story: dict[str, Any]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for entity in story["entities"]:
        groups.setdefault(entity["kind"], []).append(entity["text"])
    return [(label, groups[kind]) for kind, label in ENTITY_LABELS.items() if kind in groups]


def _article_line(article: dict[str, Any]) -> str:
    where = article.get("source") or article.get("path") or ""
    return f"{article['id']}  {article['title']}" + (f" — {where}" if where else "")


def digest_plain(record: dict[str, Any]) -> str:
    blocks = []
    for number, story in enumerate(record["stories"], 1):
        lines = [f"{number}. {story['headline']}", f"   {story_meta(story)}", ""]
        for sentence in story["summary"]["sentences"]:
            lines.append(f"   - {sentence['text']} ({sentence['source']})")
        for label, names in entity_groups(story):
            lines.append(f"   {label}: " + "; ".join(names))
        lines.append("   Articles:")
        lines += [f"     {_article_line(a)}" for a in story["articles"]]
        blocks.append("\n".join(lines))
    if record["unclustered"]:
        lines = ["Not in any story:"]
        lines += [f"  {_article_line(a)}" for a in record["unclustered"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "No articles.\n"


def digest_markdown(record: dict[str, Any]) -> str:
    blocks = ["# Briefing"]
    for story in record["stories"]:
        lines = [
            f"## {escape_markdown(story['headline'])}",
            "",
            f"*{escape_markdown(story_meta(story))}*",
            "",
        ]
        for sentence in story["summary"]["sentences"]:
            lines.append(
                f"- {escape_markdown(sentence['text'])} — *{escape_markdown(sentence['source'])}*"
            )
        groups = entity_groups(story)
        if groups:
            lines.append("")
        for label, names in groups:
            lines.append(f"**{label}:** " + "; ".join(escape_markdown(n) for n in names) + "  ")
        lines += ["", "Articles:", ""]
        lines += [f"- {escape_markdown(_article_line(a))}" for a in story["articles"]]
        blocks.append("\n".join(lines))
    if record["unclustered"]:
        lines = ["## Not in any story", ""]
        lines += [f"- {escape_markdown(_article_line(a))}" for a in record["unclustered"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


_CSS = """
body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       color: #222; }
h1 { font-size: 1.6em; border-bottom: 2px solid #246; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.2em; color: #124; }
.meta, .articles { color: #666; font-size: 0.9em; }
.source { color: #666; font-style: italic; }
.entities { font-size: 0.9em; }
ul { padding-left: 1.2em; }
"""


def digest_html(record: dict[str, Any], title: str = "Briefing") -> str:
    """A whole page: inline CSS, no scripts, every piece of text escaped."""
    body = [f"<h1>{escape(title)}</h1>"]
    for story in record["stories"]:
        body.append(f"<section><h2>{escape(story['headline'])}</h2>")
        body.append(f'<p class="meta">{escape(story_meta(story))}</p><ul>')
        for s in story["summary"]["sentences"]:
            body.append(
                f'<li>{escape(s["text"])} <span class="source">— {escape(s["source"])}</span></li>'
            )
        body.append("</ul>")
        for label, names in entity_groups(story):
            body.append(
                f'<p class="entities"><b>{escape(label)}:</b> {escape("; ".join(names))}</p>'
            )
        body.append('<ul class="articles">')
        body += [f"<li>{escape(_article_line(a))}</li>" for a in story["articles"]]
        body.append("</ul></section>")
    if record["unclustered"]:
        body.append('<section><h2>Not in any story</h2><ul class="articles">')
        body += [f"<li>{escape(_article_line(a))}</li>" for a in record["unclustered"]]
        body.append("</ul></section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
