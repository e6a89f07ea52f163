"""Storage: the files briefing keeps for the user, each written atomically.

- ``config``: where files live (platformdirs) and the user's ``config.toml``.
- ``fsutil``: atomic writes and safe file names.
- ``cache``: the derived-data cache (summaries, facts) in SQLite.
- ``readstate``: which articles the user has opened.
- ``processes``: worker processes for CPU-bound work, safe to start from threads.
"""
