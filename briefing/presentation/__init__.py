"""Presentation: what the one-shot commands print. No Textual here.

- ``report``: an article's summary and facts as plain data (the JSON contract).
- ``output``: plain-text, Markdown and JSON renderings of those reports.
- ``render``: Rich renderables for the terminal.
"""
