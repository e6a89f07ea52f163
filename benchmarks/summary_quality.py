"""ROUGE and speed of every summarizer on the evaluation sets, against Lead-N.

    python benchmarks/summary_quality.py [--lengths 1,2,3] [--algorithms a,b] [--datasets cnndm,bbc]

Reads ../shared/eval/cnndm-dev.jsonl (journalists' highlights) and
bbcsum-dev.jsonl (machine-made references). For each length N it prints
ROUGE-1/2/L F1 with stemming (rouge-score) and, beside each, the difference
from Lead-N with a 95 % paired-bootstrap interval (2,000 resamples of the
articles), then ms per article (mean, p95, max). Times exclude sentence
splitting, which every algorithm shares; the time to split is printed as the
baseline measured in the same run. Needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from _common import eval_file, percentile, read_jsonl
from rouge_score import rouge_scorer

from briefing.analysis.summarize import ALGORITHMS, Length, summarize
from briefing.library.model import Article

DATASETS = {"cnndm": "cnndm-dev.jsonl", "bbc": "bbcsum-dev.jsonl"}
METRICS = ("r1", "r2", "rl")
_ROUGE = {"r1": "rouge1", "r2": "rouge2", "rl": "rougeLsum"}


def load(name: str) -> tuple[list[tuple[Article, str]], list[float]]:
    """The articles with their references, and the ms it took to split each one."""
    items, split_ms = [], []
    for row in read_jsonl(eval_file(DATASETS[name])):
        article = Article(title=row["title"], body=row["text"].strip())
        start = time.perf_counter()
        article.sentences  # noqa: B018 - split outside the timed part
        split_ms.append((time.perf_counter() - start) * 1000)
        items.append((article, row["summary"]))
    return items, split_ms


def run(algorithm: str, items: list[tuple[Article, str]], sentences: int) -> dict[str, list[float]]:
    scorer = rouge_scorer.RougeScorer(list(_ROUGE.values()), use_stemmer=True)
    result: dict[str, list[float]] = {key: [] for key in (*METRICS, "ms")}
    length = Length(sentences=sentences)
    for article, reference in items:
        start = time.perf_counter()
        summary = summarize(article, algorithm, length)
        result["ms"].append((time.perf_counter() - start) * 1000)
        text = "\n".join(article.sentences[i].text for i in summary.indices)
        score = scorer.score(reference, text)
        for key, name in _ROUGE.items():
            result[key].append(100 * score[name].fmeasure)
    return result


def bootstrap(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float, float]:
    """Mean of a-b with a 95 % paired-bootstrap interval (same units as the inputs)."""
    diffs = np.array(a) - np.array(b)
    samples = np.random.default_rng(0).integers(0, len(diffs), (rounds, len(diffs)))
    means = np.sort(diffs[samples].mean(axis=1))
    return float(diffs.mean()), float(means[int(0.025 * rounds)]), float(means[int(0.975 * rounds)])


def _cell(result: dict[str, list[float]], lead: dict[str, list[float]], key: str) -> str:
    value = sum(result[key]) / len(result[key])
    if result is lead:
        return f"{value:6.2f} {'':>22}"
    mean, lo, hi = bootstrap(result[key], lead[key])
    return f"{value:6.2f} {mean:+6.2f} [{lo:+6.2f},{hi:+6.2f}]"


def report(dataset: str, algorithms: list[str], lengths: list[int]) -> None:
    items, split_ms = load(dataset)
    print(
        f"\n{dataset}: {len(items)} articles; splitting into sentences "
        f"{sum(split_ms) / len(split_ms):.2f} ms per article (mean)"
    )
    names = ["lead", *(a for a in algorithms if a != "lead")]
    for n in lengths:
        results = {a: run(a, items, n) for a in names}
        lead = results["lead"]
        print(f"\n{n} sentence{'s' if n > 1 else ''}: F1, and minus Lead-{n} [95 % interval]")
        print(
            f"{'algorithm':<10} {'ROUGE-1':<29} {'ROUGE-2':<29} {'ROUGE-L':<29}"
            f" {'ms mean':>7} {'p95':>6} {'max':>6}"
        )
        for algorithm, result in results.items():
            ms = result["ms"]
            print(
                f"{algorithm:<10} "
                + " ".join(_cell(result, lead, key) for key in METRICS)
                + f" {sum(ms) / len(ms):7.3f} {percentile(ms, 0.95):6.3f} {max(ms):6.3f}"
            )


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="1,2,3", help="summary lengths in sentences")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--datasets", default="cnndm,bbc")
    args = parser.parse_args()
    algorithms = args.algorithms.split(",")
    lengths = [int(n) for n in args.lengths.split(",")]
    for dataset in args.datasets.split(","):
        report(dataset, algorithms, lengths)
    worst_case(algorithms, max(lengths))


if __name__ == "__main__":
    main()
