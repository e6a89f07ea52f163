"""What `briefing summary` reports about an article, as plain data.

This is the JSON contract (documented in the README): later features add keys,
they never rename these.
"""

from __future__ import annotations

from typing import Any

from briefing.files import display_path
from briefing.model import Article, Summary

__all__ = ["digest"]


def digest(article: Article, summary: Summary) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "path": display_path(article.path),
        "words": article.words,
        "summary": {
            "algorithm": summary.algorithm,
            "sentences": [{"index": i, "text": article.sentences[i].text} for i in summary.indices],
        },
    }
    if summary.note:
        result["summary"]["note"] = summary.note
    for key in ("url", "published", "author"):
        value = getattr(article, key)
        if value:
            result[key] = value
    if article.tags:
        result["tags"] = list(article.tags)
    return result
