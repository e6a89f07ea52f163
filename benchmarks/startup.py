"""Wall time of `briefing summary` on the bundled articles, against a baseline.

    python benchmarks/startup.py [--runs 15] [--no-bytecode]

The baseline is `python -c "import sumy.summarizers.lex_rank"`, run in the
same loop (interleaved, so machine noise hits both alike); the figure that
counts is the ratio of the medians. Target: <= 1.3. Processes run from
compiled bytecode, as an installed copy does (--no-bytecode: as the
environment says).
"""

from __future__ import annotations

import argparse
import sys

from _common import add_bytecode_option, median, program_env, scratch_folder, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    add_bytecode_option(parser)
    args = parser.parse_args()
    with scratch_folder() as scratch:
        run(args, program_env(scratch, bytecode=not args.no_bytecode))


def run(args: argparse.Namespace, env: dict[str, str]) -> None:
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
