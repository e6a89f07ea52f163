"""List the longest functions in briefing/ (the codebase keeps each under 60 lines).

    python scripts/longest_functions.py [--top N] [--limit LINES]

Exits 1 when a function is longer than --limit (default 60), so CI can run it.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"


def function_lengths(root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(lines, "path:line name") for every function and method, longest first."""
    found: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # Decorators are not the body; a docstring is part of the function.
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                where = f"{path.relative_to(root.parent).as_posix()}:{node.lineno}"
                found.append((length, f"{where} {node.name}"))
    return sorted(found, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    lengths = function_lengths()
    for length, name in lengths[: args.top]:
        print(f"{length:4d}  {name}")
    over = [item for item in lengths if item[0] > args.limit]
    if over:
        print(f"{len(over)} functions over {args.limit} lines", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
