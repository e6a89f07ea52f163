"""Presentation: what the one-shot commands print. No Textual here.

- ``report``: an article's summary and facts as plain data (the JSON contract).
- ``output``: plain-text, Markdown and JSON renderings of those reports.
- ``render``: Rich renderables for the terminal.
- ``digest_report``, ``digest_output``, ``digest_render``: the same three for
  `briefing digest` (its JSON contract; plain, Markdown and HTML; Rich).
"""
