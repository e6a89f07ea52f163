"""Taking an article out of the reader: the browser, an editor, a pager, the
clipboard. What to run and what to copy is decided here (plain functions,
tested without a terminal); the screen only hands the terminal over.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefing.library.model import Article, Summary

__all__ = ["editor_command", "pager_command", "summary_copied", "summary_text"]

# What a terminal user has when $EDITOR or $PAGER is not set.
DEFAULT_EDITOR = "vi"
DEFAULT_PAGER = "less"


def _command(value: str | None, fallback: str, path: Path) -> list[str]:
    # $EDITOR may carry options ("code --wait", "emacs -nw"): split it as a
    # shell would, but run it without a shell, so a file name is never code.
    # shlex is imported here: it costs the reader's first frame a millisecond.
    import shlex

    try:
        words = shlex.split(value or "")
    except ValueError:
        words = []
    return [*(words or [fallback]), str(path)]


def editor_command(environ: Mapping[str, str], path: Path) -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else vi, on ``path``."""
    return _command(environ.get("VISUAL") or environ.get("EDITOR"), DEFAULT_EDITOR, path)


def pager_command(environ: Mapping[str, str], path: Path) -> list[str]:
    """``$PAGER``, else less, on ``path``."""
    return _command(environ.get("PAGER"), DEFAULT_PAGER, path)


def summary_text(article: Article, summary: Summary | None) -> str:
    """What ``y`` copies: the title, the summary's sentences and the url."""
    lines = [article.title, ""]
    if summary is not None:
        lines += [article.sentences[i].text for i in summary.indices]
    if article.url:
        lines += ["", article.url]
    return "\n".join(lines).strip() + "\n"


def summary_copied(article: Article, summary: Summary | None) -> str:
    """What to say once ``summary_text`` is copied: only what it holds."""
    parts = ["title"] + ["summary"] * (summary is not None) + ["url"] * bool(article.url)
    named = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"Copied the {named}."
