"""Bookmarks: notes and tags on articles, in a JSON file people share.

The core knows nothing of terminals. The pieces:

- ``owners``: who an entry belongs to, and who "you" are (``[user]``);
- ``model``: ``Bookmark`` (one entry: an article and its owner) and
  ``Bookmarks`` (a file's content);
- ``merge``: the lossless, order-independent merge of two collections;
- ``codec``: reading untrusted files strictly, writing canonical ones;
- ``store``: the user's file on disk (atomic writes, ``.bak``) and the verbs
  every edit goes through (toggle, restore, remove, note, tags); ``lock``:
  its lock;
- ``sharing``: other people's files (import), your own copies (sync), and
  what a merge changed, person by person;
- ``articles``: entries made from, and matched back to, library articles;
- ``export``: Markdown and browser (Netscape HTML) exports.
"""

from __future__ import annotations

from briefing.bookmarks.articles import (
    Resolution,
    bookmark_article,
    excerpt_for,
    resolve,
)
from briefing.bookmarks.codec import BookmarkFileError, decode, encode
from briefing.bookmarks.merge import merge, merge_all, merge_entries
from briefing.bookmarks.model import Bookmark, Bookmarks, clean_tag
from briefing.bookmarks.store import (
    BookmarkStore,
    Change,
    Edited,
    Signature,
    read_bookmark_file,
    resolve_path,
)

__all__ = [
    "Bookmark",
    "BookmarkFileError",
    "BookmarkStore",
    "Bookmarks",
    "Change",
    "Edited",
    "Resolution",
    "Signature",
    "bookmark_article",
    "clean_tag",
    "decode",
    "encode",
    "excerpt_for",
    "merge",
    "merge_all",
    "merge_entries",
    "read_bookmark_file",
    "resolve",
    "resolve_path",
]
