"""Time from launching the reader to its first painted frame, against a baseline.

    python benchmarks/tui_startup.py [--runs 9] [--library DIR]

Each program runs in a real pseudo-terminal (160x48); the clock stops when the
terminal has received the text we wait for: for briefing, the first article's
title in the list; for the baseline, the text of a minimal hello-world Textual
app. Runs are interleaved so machine noise hits both alike; medians compared.
Targets: bundled 3 articles <= 1.3x the hello-world app; a 10,000-article
library <= 1.5x the 3-article time (--library DIR, e.g. made with
benchmarks/generate_library.py).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from _common import ROOT, median

from briefing.library.load import find_article_files, load_article_file

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")
HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("hello-world-baseline")

Hello().run()
"""


def time_until(command: list[str], marker: str, env: dict[str, str], timeout: float = 30) -> float:
    """Seconds from fork to the moment ``marker`` has been painted."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of a fixed size, then the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
        os.execvpe(command[0], command, env)
    wanted = marker.encode()
    screen = b""
    try:
        while True:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{marker!r} did not appear within {timeout} s")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"program ended before {marker!r} appeared") from None
            screen += chunk
            if wanted in ANSI.sub(b"", screen):
                return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def first_title(library: Path) -> str:
    for path in find_article_files([library]):
        return load_article_file(path)[0].title
    raise SystemExit(f"no articles in {library}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--library", type=Path, help="a large library to compare as well")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        TERM="xterm-256color",
        COLUMNS="160",
        LINES="48",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    # As after `pip install`: compiled modules are cached. (This environment
    # sets PYTHONDONTWRITEBYTECODE, which would recompile briefing every run.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    hello = home / "hello.py"
    hello.write_text(HELLO)
    bundled = ROOT / "articles"
    cases = {
        "hello-world textual": ([sys.executable, str(hello)], "hello-world-baseline"),
        "briefing, 3 articles": (
            [sys.executable, "-m", "briefing", str(bundled)],
            first_title(bundled)[:30],
        ),
    }
    if args.library:
        count = len(find_article_files([args.library]))
        # Named apart from the bundled three even when it has three articles too.
        cases[f"briefing, {count:,} articles ({args.library.name})"] = (
            [sys.executable, "-m", "briefing", str(args.library)],
            first_title(args.library)[:30],
        )
    for command, marker in cases.values():  # warm caches and .pyc files
        time_until(command, marker, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (command, marker) in cases.items():
            times[name].append(time_until(command, marker, env))
    medians = {name: median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:<28} median {value * 1000:7.1f} ms")
    names = list(cases)
    print(f"3 articles / hello world: {medians[names[1]] / medians[names[0]]:.2f} (target <= 1.3)")
    if args.library:
        ratio = medians[names[2]] / medians[names[1]]
        print(f"large library / 3 articles: {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
