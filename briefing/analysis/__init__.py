"""Analysis: what briefing works out from an article's text. Pure; no terminal.

- ``sentences``: our rule-based sentence and word splitter for news copy.
- ``rank``: the default summarizer's sentence scoring.
- ``summarize``: every summarizer behind one ``summarize()`` (ours and sumy's).
- ``facts/``: key facts (people, organisations, places, dates, figures, quotes).
- ``derived``: summaries and facts with the derived-data cache in front.
"""
