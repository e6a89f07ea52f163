from __future__ import annotations


class ArticleFormatError(ValueError):
    """The file is text, but not an article we can make sense of."""


class ArticleReadError(ArticleFormatError):
    """The file could not be read (permissions, a failing disk): unlike the
    others, this says nothing of the file's content, and may pass."""
