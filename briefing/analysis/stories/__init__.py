"""Stories: the day's articles grouped by the event or topic they cover, and
each story summarised once across its sources. Pure; no terminal.

- ``terms``: the words of an article as sparse tf-idf vectors.
- ``similarity``: which pairs of articles are alike (an inverted index, never
  all pairs), with the dates pulling apart articles far apart in time.
- ``cluster``: average-linkage grouping over those pairs.
- ``summary``: a few sentences chosen across a story's articles, said once.
- ``entities``: the people, organisations and places of a story's articles.
- ``digest``: the whole briefing: stories, ranked, plus the articles in none.

    from briefing.analysis.stories import build_digest
    digest = build_digest(articles, summaries, facts, grouping="normal")
"""

from __future__ import annotations

from briefing.analysis.stories.cluster import GROUPINGS, group_articles
from briefing.analysis.stories.digest import Digest, Story, StoryEntity, build_digest

__all__ = ["GROUPINGS", "Digest", "Story", "StoryEntity", "build_digest", "group_articles"]
