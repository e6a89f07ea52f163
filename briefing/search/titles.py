"""Which titles a fragment typed into the command palette may match, most
promising first, without scoring every title.

The palette scores a title with Textual's fuzzy matcher (the query's
characters in order, ignoring case), some 20-50 µs a title: 2-5 s a keystroke
over 100,000 titles. Here one pattern, compiled once a query and run in C,
keeps exactly the titles that hold the query's characters in order (so
never fewer than the matcher accepts); cheap tiers then choose the
``limit`` most promising of them for the matcher to score: the query as
typed at the start of a word, then anywhere, then scattered (those with
more of the query's words starting a word first); shorter titles first
within a tier (a title that is mostly the query is likelier wanted).
With no more than ``limit`` candidates every one is scored, as before.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence

__all__ = ["likely_titles"]


def likely_titles(query: str, titles: Sequence[str], limit: int = 200) -> list[int]:
    """Indices into ``titles`` of at most ``limit`` titles worth scoring."""
    wanted = query.lower()
    if not wanted:
        return []
    # "[^h]*h[^a]*a…" from the start: each letter at its first place after the
    # last one, which is where a match exists if any does (no backtracking).
    pattern = re.compile("".join(f"[^{re.escape(c)}]*{re.escape(c)}" for c in wanted), re.S)
    match = pattern.match
    lowered = [title.lower() for title in titles]
    found = [i for i, title in enumerate(lowered) if match(title)]
    if len(found) <= limit:
        return found

    words = wanted.split()

    def promise(index: int) -> tuple[int, int, int, int]:
        title = lowered[index]
        place = title.find(wanted)
        if place == 0 or (place > 0 and not title[place - 1].isalnum()):
            tier = 0
        else:
            tier = 1 if place > 0 else 2
        # Scattered: more of the query's words starting a word of the title first.
        starts = sum(title.startswith(word) or f" {word}" in title for word in words)
        return tier, -starts, len(title), index

    return sorted(heapq.nsmallest(limit, found, key=promise))
