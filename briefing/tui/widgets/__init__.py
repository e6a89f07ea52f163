"""Widgets of the reader; each one owns its keys and posts messages."""
