"""The library: article files on disk, how they are read, and the article model.

- ``model``: ``Article`` and ``Summary``, the types every part of briefing shares.
- ``text``: bytes from disk into clean, safe text (decoding, control characters).
- ``files``: the library folder, finding article files (one stat each, nothing read).
- ``sniff``: what a file is by its first bytes (PDF, Word, a web page, a feed…).
- ``loaders/``: one module per input format (plain text, Markdown, dumps, HTML,
  feeds, JSON Lines).
- ``load``: reading and identifying articles, one bad file never stopping the rest.
- ``dates``: when an article was published, from its ``published`` text.
- ``sources``: web pages, feeds and JSON Lines, on disk or at an http(s) address.
- ``writer``: articles written into the library as Markdown with front matter.
- ``catalogue``: the library as the reader browses it, backed by the search index.
- ``importer``: bringing articles into a library folder (copies, pages, dump splits).
"""
