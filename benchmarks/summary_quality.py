"""ROUGE and speed of every summarizer on the evaluation sets.

    python benchmarks/summary_quality.py [--sentences 3] [--algorithms a,b] [--bootstrap]

Reads ../shared/eval/cnndm-dev.jsonl (journalists' highlights) and
bbcsum-dev.jsonl (machine-made references). ROUGE-1/2/L F1 with stemming
(rouge-score); ms per article excludes sentence splitting, which every
algorithm shares. Needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import random
import time

from _common import eval_file, percentile, read_jsonl
from rouge_score import rouge_scorer

from briefing.analysis.summarize import ALGORITHMS, Length, summarize
from briefing.library.model import Article

DATASETS = {"cnndm": "cnndm-dev.jsonl", "bbc": "bbcsum-dev.jsonl"}


def load(name: str) -> list[tuple[Article, str]]:
    items = []
    for row in read_jsonl(eval_file(DATASETS[name])):
        article = Article(title=row["title"], body=row["text"].strip())
        article.sentences  # noqa: B018 - split outside the timed part
        items.append((article, row["summary"]))
    return items


def run(algorithm: str, items: list[tuple[Article, str]], sentences: int) -> dict:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    r1, r2, rl, times = [], [], [], []
    length = Length(sentences=sentences)
    for article, reference in items:
        start = time.perf_counter()
        summary = summarize(article, algorithm, length)
        times.append((time.perf_counter() - start) * 1000)
        text = "\n".join(article.sentences[i].text for i in summary.indices)
        score = scorer.score(reference, text)
        r1.append(score["rouge1"].fmeasure)
        r2.append(score["rouge2"].fmeasure)
        rl.append(score["rougeLsum"].fmeasure)
    return {"r1": r1, "r2": r2, "rl": rl, "ms": times}


def long_articles() -> list[Article]:
    """Articles of about 4,400 and 15,000 words, stitched from BBC paragraphs."""
    paragraphs = [
        p
        for row in read_jsonl(eval_file(DATASETS["bbc"]))
        for p in row["text"].split("\n\n")
        if p.strip()
    ]
    made = []
    for target in (4_400, 15_000):
        chosen, words = [], 0
        for paragraph in paragraphs:
            if words >= target:
                break
            chosen.append(paragraph)
            words += len(paragraph.split())
        made.append(Article(title=f"Long article ({words} words)", body="\n\n".join(chosen)))
    return made


def worst_case(algorithms: list[str], sentences: int) -> None:
    print("\nlong articles: seconds per summary (budget 0.5 s)")
    for article in long_articles():
        n = len(article.sentences)
        cells = []
        for algorithm in algorithms:
            start = time.perf_counter()
            summarize(article, algorithm, Length(sentences=sentences))
            cells.append(f"{algorithm} {time.perf_counter() - start:.3f}")
        print(f"{article.words:>6} words, {n} sentences: " + ", ".join(cells))


def bootstrap(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float, float]:
    """Mean of a-b with a 95 % paired-bootstrap interval, in ROUGE points."""
    rng = random.Random(0)
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    n = len(diffs)
    means = sorted(sum(rng.choice(diffs) for _ in range(n)) / n for _ in range(rounds))
    return (
        100 * sum(diffs) / n,
        100 * means[int(0.025 * rounds)],
        100 * means[int(0.975 * rounds)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--datasets", default="cnndm,bbc")
    parser.add_argument("--bootstrap", action="store_true", help="default vs lead/lexrank CIs")
    args = parser.parse_args()
    algorithms = args.algorithms.split(",")
    for dataset in args.datasets.split(","):
        items = load(dataset)
        print(f"\n{dataset}: {len(items)} articles, {args.sentences} sentences")
        print(f"{'algorithm':<10} {'R1':>6} {'R2':>6} {'RL':>6} {'ms mean':>8} {'ms p95':>8}")
        results = {}
        for algorithm in algorithms:
            result = results[algorithm] = run(algorithm, items, args.sentences)
            n = len(items)
            print(
                f"{algorithm:<10} {100 * sum(result['r1']) / n:6.2f} "
                f"{100 * sum(result['r2']) / n:6.2f} {100 * sum(result['rl']) / n:6.2f} "
                f"{sum(result['ms']) / n:8.2f} {percentile(result['ms'], 0.95):8.2f}"
            )
        if args.bootstrap and "default" in results:
            for other in ("lead", "lexrank"):
                if other in results:
                    mean, lo, hi = bootstrap(results["default"]["r2"], results[other]["r2"])
                    print(f"R2 default - {other}: {mean:+.2f} [{lo:+.2f}, {hi:+.2f}]")
    worst_case(algorithms, args.sentences)


if __name__ == "__main__":
    main()
