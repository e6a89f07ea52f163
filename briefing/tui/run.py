"""Start the reader from the command line (`briefing [PATH…]`)."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from briefing.errors import fail
from briefing.library.files import DEFAULT_MAX_BYTES, library_folder, library_paths

__all__ = ["reader_paths", "run"]


def reader_paths(args: argparse.Namespace) -> tuple[list[Path], Path]:
    """What the reader shows, and the library folder `r` writes into."""
    folder, named = library_folder(getattr(args, "library", None))
    paths = [Path(p) for p in args.paths] or library_paths(folder, named)
    for path in paths:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    return paths, folder


def run(args: argparse.Namespace) -> int:
    paths, library = reader_paths(args)
    # Start-up makes some 50,000 objects that live as long as the reader
    # (modules, classes, styles, widgets); the collector went through them all,
    # over and over, before the first frame. It resumes after that frame, with
    # them set aside for good (BriefingApp, ``collect_after_start``).
    gc.disable()
    from briefing.storage.config import load_settings
    from briefing.tui.app import BriefingApp

    app = BriefingApp(
        paths,
        load_settings(),
        max_bytes=args.max_size or DEFAULT_MAX_BYTES,
        bookmarks_path=args.bookmarks,
        library=library,
        collect_after_start=True,
    )
    app.run()
    return app.return_code or 0
