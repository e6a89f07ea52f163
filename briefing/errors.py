"""The one error type both shells turn into a one-line message and an exit status.

It lives outside ``cli`` so that the reader's launcher can raise it without
importing the command line (the TUI never imports the CLI).
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["UserError", "fail"]


class UserError(Exception):
    """Something the user can fix: printed as one line, exit status 1."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def fail(message: str, status: int = 1) -> NoReturn:
    raise UserError(message, status)
