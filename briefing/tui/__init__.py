"""The Textual reader. Imported only when the reader runs (never by the CLI)."""
