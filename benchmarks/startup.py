"""Wall time of `briefing summary` on the bundled articles, against a baseline.

    python benchmarks/startup.py [--runs 15]

The baseline is `python -c "import sumy.summarizers.lex_rank"`, run in the
same loop (interleaved, so machine noise hits both alike); the figure that
counts is the ratio of the medians. Target: <= 1.3.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import ROOT, median


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # As after `pip install`: compiled modules are cached. (This environment
    # sets PYTHONDONTWRITEBYTECODE, which would recompile briefing every run.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "briefing summary": [sys.executable, "-m", "briefing", "summary", "articles"],
        "import sumy lexrank": [sys.executable, "-c", "import sumy.summarizers.lex_rank"],
        "python (empty)": [sys.executable, "-c", "pass"],
    }
    for command in commands.values():  # warm the OS file cache and .pyc files
        timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command, env))
    for name, values in times.items():
        print(f"{name:<22} median {median(values) * 1000:7.1f} ms")
    ratio = median(times["briefing summary"]) / median(times["import sumy lexrank"])
    print(f"ratio briefing summary / sumy import: {ratio:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
