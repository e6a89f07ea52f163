"""News feeds: subscriptions, fetching, and writing entries into the library.

- ``subscriptions``: the feeds a user follows (a JSON file in the config folder).
- ``opml``: the subscription list in OPML 2.0, the format feed readers exchange.
- ``http``: fetching over http(s) with httpx: limits, redirects, conditional requests.
- ``folder``: one library folder per feed: its state, dedupe, atomic writes.
- ``update``: the update run: every feed at once, one outcome per feed.

Part of the core: nothing here knows about terminals. httpx, feedparser and
trafilatura are imported only inside the functions that use them.
"""
