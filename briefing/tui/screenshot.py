"""SVG screenshots that keep their spaces in every SVG renderer.

Rich's SVG export draws each run of same-styled cells as its own ``<text>``,
with spaces written as ``&#160;``. Under SVG's default whitespace handling a
renderer may strip a run's leading and trailing spaces, and librsvg does (also
non-breaking ones; measured with rsvg-convert 2.54.7). A style changes exactly
at the space after a highlighted sentence, so that space began a run and was
lost: "stocks in the bay.The trust" in a PNG of the text pane, while the
terminal showed "bay. The trust". ``xml:space="preserve"`` on the root makes
every ``<text>`` keep its characters as they are.
"""

from __future__ import annotations

__all__ = ["keep_spaces"]

_ROOT = "<svg "
_PRESERVE = 'xml:space="preserve"'


def keep_spaces(svg: str) -> str:
    """``svg`` with whitespace preserved in all its text (idempotent)."""
    start = svg.find(_ROOT)
    if start < 0:
        return svg
    head_end = svg.find(">", start)
    if _PRESERVE in svg[start:head_end]:
        return svg
    cut = start + len(_ROOT)
    return f"{svg[:cut]}{_PRESERVE} {svg[cut:]}"
