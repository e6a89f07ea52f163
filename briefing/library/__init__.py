"""The library: article files on disk, how they are read, and the article model.

- ``model``: ``Article`` and ``Summary``, the types every part of briefing shares.
- ``text``: bytes from disk into clean, safe text (decoding, control characters).
- ``files``: finding article files (one stat each, nothing read; kept light).
- ``loaders/``: one module per input format (plain text, Markdown, dumps).
- ``load``: reading and identifying articles, one bad file never stopping the rest.
- ``catalogue``: the library as the reader browses it, backed by the search index.
- ``importer``: bringing articles into a library folder (copies, dump splits).
"""
