"""What `briefing summary` reports about an article, as plain data.

This is the JSON contract (documented in the README): later features add keys,
they never rename these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.library.files import display_path
from briefing.library.model import Article, Summary

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact

__all__ = ["digest", "explanation_record"]


def digest(
    article: Article,
    summary: Summary,
    facts: list[Fact] | None = None,
    explanation: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The article's JSON record; ``facts`` (when given) become its "facts" list, and
    ``explanation`` (with --explain) its "summary.explanation"."""
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
    if explanation is not None:
        result["summary"]["explanation"] = explanation_record(article, explanation)
    for key in ("url", "published", "author"):
        value = getattr(article, key)
        if value:
            result[key] = value
    if article.tags:
        result["tags"] = list(article.tags)
    if facts is not None:
        result["facts"] = [fact.as_dict() for fact in facts]
    return result


def explanation_record(article: Article, explanation: dict[str, Any]) -> dict[str, Any]:
    """The summarizer's explanation with the text of each skipped sentence added."""
    skipped = [
        {**skip, "text": article.sentences[skip["index"]].text}
        for skip in explanation.get("skipped", ())
    ]
    return {**explanation, "skipped": skipped}
