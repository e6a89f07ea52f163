"""Helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import json
import os
import statistics
import sys
from collections.abc import Iterator
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
