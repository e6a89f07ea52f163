"""When an article was published, from its ``published`` metadata (as the
digest, the reader's stories and the search index's dates read it)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.library.model import Article

__all__ = ["parse_when", "published_at"]


@lru_cache(maxsize=4096)
def parse_when(text: str | None) -> datetime | None:
    """An ISO 8601 date or time ("2024-07-04", "2024-07-04T09:30:00Z") or an
    RFC 2822 one (as feeds write them), made timezone-aware (UTC if none).
    Recent texts are kept parsed (a library repeats its dates)."""
    if not text:
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        # Imported here: email.utils brings socket and calendar, which
        # one-shot commands that only load the search index should not pay.
        from email.utils import parsedate_to_datetime

        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def published_at(article: Article) -> datetime | None:
    return parse_when(article.published)
