"""What `briefing digest` reports, as plain data: the digest's JSON contract.

Documented in the README; later features add keys, they never rename these.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing.library.files import display_path

if TYPE_CHECKING:
    from briefing.analysis.stories import Digest, Story
    from briefing.library.model import Article

__all__ = ["digest_record", "story_record"]


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "path": display_path(article.path),
        "published": article.published,
    }


def _span(dates: tuple[datetime | None, ...]) -> list[str]:
    """The first and last day of a story ("YYYY-MM-DD"), or one day, or none."""
    days = sorted({d.date().isoformat() for d in dates if d is not None})
    return [days[0], days[-1]] if len(days) > 1 else days


def story_record(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "sources": story.sources,
        "dates": _span(story.dates),
        "articles": [_article(a) for a in story.articles],
        "summary": {
            "sentences": [
                {
                    "article_id": a.id,
                    "index": i,
                    "text": a.sentences[i].text,
                    "source": a.display_source,
                }
                for a, i in story.sentences
            ]
        },
        "entities": [e.as_dict() for e in story.entities],
    }


def digest_record(digest: Digest) -> dict[str, Any]:
    return {
        "stories": [story_record(s) for s in digest.stories],
        "unclustered": [
            {"id": a.id, "title": a.title, "path": display_path(a.path), "source": a.source}
            for a in digest.unclustered
        ],
    }
