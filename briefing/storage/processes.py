"""Worker processes for CPU-bound work, started safely from any thread.

Python runs one thread at a time, so parsing many files or feeds in threads
uses one core of the two or more a machine has; worker processes use the
others. They are started with "spawn": the reader and the update call this
from threads, and forking a process that has threads can deadlock.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["cpu_count", "spawn_pool"]


def cpu_count() -> int:
    """The cores this process may run on (not all the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def spawn_pool(workers: int, nice: int = 0) -> ProcessPoolExecutor:
    """A pool of ``workers`` fresh interpreters that ignore Ctrl-C, ``nice``
    steps below this process's priority."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import resource_tracker

    # multiprocessing's resource tracker hands sys.stderr's descriptor to its
    # process; a user interface that replaced sys.stderr (Textual's gives -1)
    # makes that fail, so the tracker is started with the real one.
    real = sys.__stderr__
    with contextlib.redirect_stderr(real) if real is not None else contextlib.nullcontext():
        resource_tracker.ensure_running()
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(nice,)
    )


def _start_worker(nice: int) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the work and
    # keeps what it committed; workers should not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(nice)
