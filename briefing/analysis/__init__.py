"""Analysis: what briefing works out from an article's text. Pure; no terminal.

- ``sentences``: our rule-based sentence and word splitter for news copy.
- ``rank``: the default summarizer's sentence features and learned score
  (weights in ``summary_weights``, written by ``scripts/fit_summary_scorer.py``).
- ``readable``: whether a sentence reads well alone (dangling openers, quotations).
- ``choose``: which sentences the default summary takes, and why (``--explain``).
- ``summarize``: every summarizer behind one ``summarize()`` (ours and sumy's).
- ``facts/``: key facts (people, organisations, places, dates, figures, quotes):
  rules as data in ``facts/rules/``, word lists in ``facts/vocabulary/``.
- ``stories/``: the briefing: articles grouped into stories, each summarised once.
- ``derived``: summaries, facts and story terms with the derived-data cache in front.
- ``library_facts``: the entities of an unchanged library, kept whole from the last run.
"""
