from __future__ import annotations


class ArticleFormatError(ValueError):
    """The file is text, but not an article we can make sense of."""
