"""Wall time of each one-shot command on the bundled articles, against a baseline.

    python benchmarks/commands.py [--runs 15] [--no-bytecode]

The baseline is `python -m briefing --version` (process start), run in the
same loop (interleaved, so machine noise hits both alike); each command is
shown with its median and how much more that is. The derived-data cache and
the bookmark file live in a scratch folder and are warm (filled by the first,
untimed round), as on a second run. Processes run from compiled bytecode, as
an installed copy does (--no-bytecode: as the environment says). Needs no
evaluation data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import ROOT, add_bytecode_option, median, program_env, scratch_folder, timed

ALMATY = "b500742d86ff"  # a bundled sample article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    add_bytecode_option(parser)
    args = parser.parse_args()
    with scratch_folder() as scratch:
        env = program_env(scratch, bytecode=not args.no_bytecode)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[name] = str(scratch / name.lower())
        env["BRIEFING_BOOKMARKS"] = str(scratch / "bookmarks.json")
        run(args.runs, env, scratch)


def run(runs: int, env: dict[str, str], scratch: Path) -> None:
    briefing = [sys.executable, "-m", "briefing"]
    library = str(ROOT / "articles")
    sample = str(ROOT / "articles" / "almaty-hosts-first-sco-digital-forum.txt")
    commands = {
        "--version (baseline)": ["--version"],
        "--help": ["--help"],
        "summary": ["summary", library],
        "summary -f json": ["summary", library, "-f", "json"],
        "facts": ["facts", library],
        "bookmarks list": ["bookmarks", "list", "--library", library],
        # Already bookmarked after the first round: reads, finds, writes nothing.
        "bookmarks add": ["bookmarks", "add", ALMATY, "--library", library],
        # Already in the folder after the first round: reads both, copies nothing.
        "import": ["import", sample, "--into", str(scratch / "library")],
    }
    for command in commands.values():  # warm caches, .pyc files, the bookmark file
        timed([*briefing, *command], env, scratch)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed([*briefing, *command], env, scratch))
    base = median(times["--version (baseline)"])
    print(f"one-shot commands ({runs} runs each, interleaved):")
    for name, values in times.items():
        value = median(values)
        beyond = "" if name == "--version (baseline)" else f"  ({(value - base) * 1000:+6.1f} ms)"
        print(f"  {name:<22} median {value * 1000:6.1f} ms{beyond}")


if __name__ == "__main__":
    main()
