"""Speed of the default summarizer against the one it replaced, in the same run.

    python benchmarks/summary_speed.py [--runs 5] [--baseline COMMIT]

The previous default (position-weighted tf-idf centrality, issue 16's
baseline) is read from git at COMMIT and timed beside today's on every
article of both dev files, 3 sentences each: the median of several runs of
ms per article, and the ratio. Needs git and ../shared/eval.
"""

from __future__ import annotations

import argparse
import subprocess
import time
import types
from collections.abc import Callable

from _common import ROOT, eval_file, median, read_jsonl

from briefing.analysis.summarize import Length, summarize
from briefing.library.model import Article

BASELINE = "7ff7807"  # the last commit with the centrality default
FILES = ("cnndm-dev.jsonl", "bbcsum-dev.jsonl")


def previous_default(commit: str) -> Callable[[Article], object]:
    source = subprocess.run(
        ["git", "show", f"{commit}:briefing/analysis/rank.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType("previous_rank")
    exec(compile(source, "previous_rank.py", "exec"), module.__dict__)

    def run(article: Article) -> object:
        scores, vectors = module.centrality_scores(article)
        return module.select_diverse(scores, vectors, 3)

    return run


def ms_per_article(run: Callable[[Article], object], articles: list[Article]) -> float:
    start = time.perf_counter()
    for article in articles:
        run(article)
    return (time.perf_counter() - start) * 1000 / len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    before = previous_default(args.baseline)
    now = lambda article: summarize(article, "default", Length(3))  # noqa: E731
    for name in FILES:
        articles = [
            Article(title=r["title"], body=r["text"].strip()) for r in read_jsonl(eval_file(name))
        ]
        for article in articles:
            article.sentences  # noqa: B018 - split outside the timed part
        times: dict[str, list[float]] = {"previous": [], "default": []}
        for _ in range(args.runs):  # interleaved, so that load on the machine hits both
            times["previous"].append(ms_per_article(before, articles))
            times["default"].append(ms_per_article(now, articles))
        old, new = median(times["previous"]), median(times["default"])
        print(
            f"{name}: previous default {old:.3f} ms, default {new:.3f} ms per article "
            f"(median of {args.runs}), ratio {new / old:.2f}"
        )


if __name__ == "__main__":
    main()
