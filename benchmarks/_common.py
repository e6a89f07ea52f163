"""Helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def eval_file(name: str) -> Path:
    path = EVAL / name
    if not path.exists():
        sys.exit(f"evaluation data not found: {path} (benchmarks read ../shared/eval)")
    return path


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def program_env(scratch: Path, bytecode: bool = True) -> dict[str, str]:
    """The environment for timing `python -m briefing` in a subprocess.

    With ``bytecode``, modules run from compiled bytecode, as in an installed
    copy (pip compiles at install time): it goes to a private cache under
    ``scratch``, filled by the warm-up runs, so the repository stays clean and
    a PYTHONDONTWRITEBYTECODE in the environment does not make every timed run
    compile the modules it imports. Without, the environment is taken as it is.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def add_bytecode_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-bytecode", action="store_true", help="take the environment as it is (see program_env)"
    )


def timed(
    command: list[str],
    env: dict[str, str],
    cwd: Path = ROOT,
    before: Callable[[], None] | None = None,
) -> float:
    """Wall seconds of one run of ``command`` (after ``before``, not timed)."""
    if before is not None:
        before()
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A temporary folder for a benchmark's files, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
