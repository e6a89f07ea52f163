"""The bookmark file's lock: one writer at a time, across processes.

On POSIX this is ``fcntl.flock`` on the lock file, which is what filelock
itself does there, so the two exclude each other; it is done here without
importing filelock, whose import (4.x: logging, secrets, inspect, decimal…)
measured 13 ms of the 50 ms that `bookmarks add` may take beyond
`briefing --version`. Elsewhere, or where the file system has no flock
(some network mounts), filelock does the job.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["exclusive"]

# Each holder keeps the lock for milliseconds: poll often.
POLL_SECONDS = 0.002


@contextlib.contextmanager
def exclusive(path: Path, timeout: float) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (created if need be).

    Raises TimeoutError if another holder keeps it longer than ``timeout``
    seconds, OSError if it cannot be taken at all.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        fcntl = None  # type: ignore[assignment]
    fd = None
    if fcntl is not None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            _flock(fcntl, fd, timeout)
        except (TimeoutError, BlockingIOError):
            os.close(fd)
            raise TimeoutError from None
        except OSError:  # no flock on this file system
            os.close(fd)
            fd = None
    if fd is None:
        with _filelock(path, timeout):
            yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _flock(fcntl: object, fd: int, timeout: float) -> None:
    flock, exclusive_now = fcntl.flock, fcntl.LOCK_EX | fcntl.LOCK_NB  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while True:
        try:
            flock(fd, exclusive_now)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise TimeoutError from None
            time.sleep(POLL_SECONDS)


@contextlib.contextmanager
def _filelock(path: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=timeout)
    try:
        lock.acquire(poll_interval=POLL_SECONDS)
    except Timeout:
        raise TimeoutError from None
    try:
        yield
    finally:
        lock.release()
