"""Worst-case inputs under the size limit: how long `summary`, `search` and `facts` take.

    python benchmarks/hostile.py [OUT_DIR] [--only NAME…] [--size BYTES]

Writes one file per shape of hostile input, each just under the 5 MB limit
(or --size), then runs each command on each file in a fresh cache (so
nothing is served from an earlier run) under ``/usr/bin/time -v``, and prints
the wall time and peak memory (maximum resident set size). The target
(issue 15): every run under 5 s and 300 MB. Deterministic: the same files
every time. Exit status 1 when a run misses the target or fails.

The shapes are the ones that broke (or could break) a linear reading: one
sentence of a megabyte, thousands of distinct made-up names (key facts
compare names with names), runs of full stops and quotes (the sentence
splitter once backtracked exponentially), unclosed Markdown marks, a page of
CJK text with no spaces (one FTS5 token), a word of five megabytes, many
matches of the searched word (FTS5's snippet() is quadratic in them).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

SIZE = 5 * 1024 * 1024 - 64 * 1024  # just under briefing's default limit
TARGET_SECONDS = 5.0
TARGET_MB = 300.0
COMMON = (
    "the port harbour ship cargo dock worker strike union city council water river "
    "said year people would new more after first two government police"
).split()
_CONSONANTS = "bcdfghjklmnpqrstvwxz"
QUOTES = (".”", '."', "...", "“", "word")


def _name(rng: random.Random) -> str:
    """A capitalised made-up word that is in no word list."""
    letters = [rng.choice(_CONSONANTS) + rng.choice("aeiou") for _ in range(rng.randint(2, 4))]
    return "".join(letters).capitalize()


def _fill(size: int, piece: Callable[[], str], sep: str = " ") -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        part = piece()
        parts.append(part)
        length += len(part.encode()) + len(sep)
    return sep.join(parts)


def shapes(size: int) -> Iterator[tuple[str, str, str, str]]:
    """(name, file name, content, a word to search for) of each hostile input."""
    rng = random.Random(15)
    body = size - 100  # room for the title
    yield (
        "one_sentence",
        "one-sentence.txt",
        "One sentence\n\n" + _fill(body, lambda: rng.choice(COMMON)) + "\n",
        "harbour",
    )
    yield (
        "many_short_sentences",
        "short-sentences.txt",
        "Short sentences\n\n" + _fill(body, lambda: f"{_name(rng)} {_name(rng)} said.") + "\n",
        "said",
    )
    yield (
        "made_up_organisations",
        "organisations.txt",
        "Organisations\n\n"
        + _fill(body, lambda: f"{_name(rng)} Council met {_name(rng)} Foods in {_name(rng)}.")
        + "\n",
        "council",
    )
    yield (
        "names_in_one_sentence",
        "name-list.txt",
        "Name list\n\n" + _fill(body, lambda: f"{_name(rng)} {_name(rng)}", ", ") + ".\n",
        "zzzz",
    )
    yield from _marks(rng, body)
    yield (
        "cjk_without_spaces",
        "cjk.txt",
        "CJK\n\n" + "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(body // 3)) + "\n",
        "zzzz",
    )
    yield ("one_word", "one-word.txt", f"One word\n\n{'a' * body}\n", "zzzz")
    yield (
        "figures_and_dates",
        "figures.txt",
        "Figures\n\n"
        + _fill(body, lambda: f"{rng.randint(1, 999)} km on {rng.randint(1, 28)} March 2024,")
        + "\n",
        "march",
    )


def _marks(rng: random.Random, body: int) -> Iterator[tuple[str, str, str, str]]:
    """Runs of full stops and quotes, and Markdown marks that never close."""
    yield (
        "quotes_and_full_stops",
        "quotes.txt",
        "Quotes\n\n"
        + _fill(body, lambda: rng.choice([".”", '."', "...", "“", "word"]), "")
        + "x\n",
        "word",
    )
    yield (
        "unclosed_markdown",
        "marks.md",
        "# Marks\n\n"
        + _fill(body, lambda: rng.choice(["**a", "*a", "_a", "[a", "<a", "<!--", "![a](", "`"]))
        + "\n",
        "a",
    )


def _measure(command: list[str], cache: Path) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of one run under /usr/bin/time -v."""
    env = dict(os.environ)
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[name] = str(cache / name.lower())
    env["NO_COLOR"] = "1"
    result = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "briefing", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    elapsed = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if elapsed is None or peak is None:
        raise RuntimeError(f"no timing from /usr/bin/time: {result.stderr[-500:]}")
    hours, minutes, seconds = elapsed.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    if result.returncode not in (0, 1):
        print(result.stderr[-400:], file=sys.stderr)
    return total, int(peak.group(1)) / 1024, result.returncode


def _commands(path: str, word: str) -> dict[str, list[str]]:
    return {
        "summary": ["summary", path, "-f", "plain"],
        "search": ["search", word, path, "-f", "plain"],
        "facts": ["facts", path, "-f", "plain"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "out", nargs="?", type=Path, help="where to write the files (default: a temp folder)"
    )
    parser.add_argument("--only", nargs="*", default=None, help="run only these shapes")
    parser.add_argument("--size", type=int, default=SIZE, help=f"bytes per file (default {SIZE:,})")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="briefing-hostile-"))
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    print(f"{'input':24} {'command':8} {'seconds':>8} {'peak MB':>8}  exit")
    # The baseline, measured in the same run: the three sample articles.
    samples = str(Path(__file__).resolve().parent.parent / "articles")
    for command, arguments in _commands(samples, "forum").items():
        with tempfile.TemporaryDirectory(prefix="briefing-cache-") as cache:
            seconds, peak, status = _measure(arguments, Path(cache))
        print(f"{'baseline (samples)':24} {command:8} {seconds:8.2f} {peak:8.0f}  {status}")
    for name, filename, content, word in shapes(args.size):
        if args.only and name not in args.only:
            continue
        path = out / filename
        path.write_text(content, encoding="utf-8")
        for command, arguments in _commands(str(path), word).items():
            with tempfile.TemporaryDirectory(prefix="briefing-cache-") as cache:
                seconds, peak, status = _measure(arguments, Path(cache))
            slow = seconds > TARGET_SECONDS or peak > TARGET_MB or status not in (0, 1)
            failed |= slow
            mark = "  <-- over target" if slow else ""
            print(f"{name:24} {command:8} {seconds:8.2f} {peak:8.0f}  {status}{mark}", flush=True)
    print(f"files in {out} ({args.size:,} bytes each, limit {5 * 1024 * 1024:,})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
