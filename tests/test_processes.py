"""Worker processes: fresh interpreters that ignore Ctrl-C, at a lower priority when asked."""

from __future__ import annotations

import os
import signal

import pytest

from briefing.storage.processes import spawn_pool

pytestmark = pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities")


@pytest.mark.parametrize("nice", [0, 3])
def test_workers_run_below_this_process_when_asked(nice: int) -> None:
    pool = spawn_pool(1, nice=nice)
    try:
        worker_nice = pool.submit(os.nice, 0).result(timeout=60)
        handler = pool.submit(signal.getsignal, signal.SIGINT).result(timeout=60)
    finally:
        pool.shutdown()
    assert worker_nice == min(os.nice(0) + nice, 19)
    assert handler == signal.SIG_IGN
