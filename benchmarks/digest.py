"""Story grouping quality, summary sanity and speed of `briefing digest`.

    python benchmarks/digest.py                       quality and sanity
    python benchmarks/digest.py --speed LIBRARY …     also time `briefing digest`

Quality: NMI (arithmetic normalisation) and the adjusted Rand index of our
stories against the ``story`` labels of ../shared/eval/stories-dev.jsonl (94
articles; an article left alone is a story of its own), for --grouping
strict/normal/loose and for a sweep of the factor on the library's mean
similarity, so one can see the default is not a knife-edge. The baseline is
plain tf-idf (raw counts, log(N/df), no boosts) with average linkage at fixed
cosine thresholds. "Subsets" repeat both on 12 random re-mixes of the file
(each big topic cut to 3–all of its articles, small ones kept or dropped),
the baseline at the threshold that was best on the whole file: a rough check
that the settings travel to other mixes of stories.

Sanity: on the same file and on the bundled seed articles, every summary
sentence is its article's sentence ``index`` verbatim, and no two sentences
of a story's summary have a word-set Jaccard above 0.6.

Speed (--speed): `briefing digest -f json` over each LIBRARY in a fresh
process, warm caches (one untimed run first), median of --runs, against
`briefing summary -f json` over the same library in the same run; CPU seconds,
wall seconds and peak RSS of the child.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from _common import ROOT, eval_file, median, read_jsonl

from briefing.analysis.stories import build_digest
from briefing.analysis.stories.cluster import GROUPINGS, average_linkage, group_articles
from briefing.analysis.stories.similarity import Similarities
from briefing.analysis.stories.summary import jaccard, word_set
from briefing.analysis.stories.terms import article_terms, idf_weights, tfidf_vectors
from briefing.analysis.summarize import Length, summarize
from briefing.library.load import load_library
from briefing.library.model import Article

FACTORS = (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 2.0)
BASELINE_THRESHOLDS = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15)


def _table(labels: list[str]) -> np.ndarray:
    return np.unique(labels, return_inverse=True)[1]


def _contingency(a: list[str], b: list[int]) -> np.ndarray:
    x, y = _table(a), _table([str(v) for v in b])
    table = np.zeros((x.max() + 1, y.max() + 1))
    np.add.at(table, (x, y), 1)
    return table


def nmi(labels: list[str], found: list[int]) -> float:
    p = _contingency(labels, found) / len(labels)
    pa, pb = p.sum(1), p.sum(0)
    nz = p > 0
    mutual = float((p[nz] * np.log(p[nz] / np.outer(pa, pb)[nz])).sum())
    entropy = -sum(float((q[q > 0] * np.log(q[q > 0])).sum()) for q in (pa, pb))
    return mutual / (entropy / 2) if entropy > 0 else 1.0


def ari(labels: list[str], found: list[int]) -> float:
    table = _contingency(labels, found)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    n = len(labels)
    expected = rows * cols / (n * (n - 1) / 2)
    top = (rows + cols) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def _flat(groups: list[list[int]], n: int) -> list[int]:
    found = [0] * n
    for number, group in enumerate(groups):
        for i in group:
            found[i] = number
    return found


def _ours(articles: list[Article], grouping: str | float) -> list[list[int]]:
    bags = [article_terms(a) for a in articles]
    return group_articles(tfidf_vectors(bags, idf_weights(bags)), grouping=grouping)


def _plain_similarities(articles: list[Article]) -> Similarities:
    """Plain tf-idf cosines of every pair (the baseline)."""
    from briefing.analysis import rank

    stop = rank._stop_words()
    bags = [
        Counter(w for w in (t.lower() for t in rank._TOKEN.findall(a.title + "\n" + a.body)))
        for a in articles
    ]
    bags = [Counter({w: c for w, c in b.items() if w not in stop}) for b in bags]
    df = Counter(t for b in bags for t in b)
    n = len(bags)
    vectors = []
    for bag in bags:
        v = {t: c * math.log(n / df[t]) for t, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    first, second, value = [], [], []
    for i in range(n):
        for j in range(i + 1, n):
            s = sum(w * vectors[j].get(t, 0.0) for t, w in vectors[i].items())
            if s > 0:
                first.append(i), second.append(j), value.append(s)
    return Similarities(np.array(first), np.array(second), np.array(value))


def _score(labels: list[str], groups: list[list[int]]) -> tuple[float, float, int]:
    found = _flat(groups, len(labels))
    return nmi(labels, found), ari(labels, found), len(groups)


def _remix(rows: list[dict], seed: int) -> list[dict]:
    rnd = random.Random(seed)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_story[row["story"]].append(row)
    chosen = []
    for members in by_story.values():
        if len(members) > 5:
            chosen += rnd.sample(members, min(len(members), rnd.choice([3, 5, 10, 20, 40])))
        elif rnd.random() < 0.7:
            chosen += members
    return chosen


def quality() -> None:
    rows = list(read_jsonl(eval_file("stories-dev.jsonl")))
    articles = [Article(r["title"], r["text"]) for r in rows]
    labels = [r["story"] for r in rows]
    print(f"stories-dev: {len(rows)} articles, {len(set(labels))} stories")
    print("ours           NMI    ARI   stories")
    for name in GROUPINGS:
        print(
            f"  {name:<11} "
            + "{:.3f}  {:.3f}  {:>3}".format(*_score(labels, _ours(articles, name)))
        )
    print("  factor sweep (× the library's mean similarity; normal = 1.0):")
    for factor in FACTORS:
        print(
            f"  {factor:<11} "
            + "{:.3f}  {:.3f}  {:>3}".format(*_score(labels, _ours(articles, factor)))
        )
    plain = _plain_similarities(articles)
    print("baseline: plain tf-idf, average linkage at a fixed cosine")
    best = (0.0, 0.0)
    for t in BASELINE_THRESHOLDS:
        score = _score(labels, average_linkage(len(articles), plain, t))
        best = max(best, (score[0], t))
        print(f"  {t:<11} " + "{:.3f}  {:.3f}  {:>3}".format(*score))
    _subsets(rows, best[1])


def _subsets(rows: list[dict], baseline_threshold: float) -> None:
    results: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for seed in range(12):
        mix = _remix(rows, seed)
        articles = [Article(r["title"], r["text"]) for r in mix]
        labels = [r["story"] for r in mix]
        for name in GROUPINGS:
            results[name].append(_score(labels, _ours(articles, name)))
        plain = _plain_similarities(articles)
        groups = average_linkage(len(articles), plain, baseline_threshold)
        results[f"baseline {baseline_threshold}"].append(_score(labels, groups))
    print("12 re-mixes (mean NMI, mean ARI, worst NMI):")
    for name, scores in results.items():
        nmis = [s[0] for s in scores]
        aris = [s[1] for s in scores]
        print(f"  {name:<15} {np.mean(nmis):.3f}  {np.mean(aris):.3f}  {min(nmis):.3f}")


def _digest(articles: list[Article], sentences: int):
    return build_digest(
        articles,
        lambda a: summarize(a, length=Length(sentences)).indices,
        lambda chosen: {},
        sentences=sentences,
    )


def sanity() -> None:
    rows = list(read_jsonl(eval_file("stories-dev.jsonl")))
    sets = {
        "stories-dev": [Article(r["title"], r["text"]) for r in rows],
        "seed": load_library([ROOT / "articles"]).articles,
    }
    for name, articles in sets.items():
        for sentences in (2, 3, 5):
            digest = _digest(articles, sentences)
            verbatim = worst = 0.0
            total = 0
            for story in digest.stories:
                texts = []
                for article, index in story.sentences:
                    text = article.sentences[index].text
                    verbatim += text in article.body
                    total += 1
                    texts.append(word_set(text))
                for i, a in enumerate(texts):
                    for b in texts[i + 1 :]:
                        worst = max(worst, jaccard(a, b))
            print(
                f"{name} -n {sentences}: {len(digest.stories)} stories, {total} sentences, "
                f"{verbatim / max(total, 1):.0%} verbatim, highest Jaccard in a story {worst:.2f}"
            )


def _child(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one run in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def speed(libraries: list[Path], runs: int) -> None:
    for library in libraries:
        rows = {}
        for name in ("summary", "digest"):
            command = [sys.executable, "-m", "briefing", name, str(library), "-f", "json"]
            _child(command)  # warm the caches
            times = [_child(command) for _ in range(runs)]
            rows[name] = [median([t[k] for t in times]) for k in range(3)]
        d, s = rows["digest"], rows["summary"]
        print(
            f"{library}: digest {d[0]:.2f} s wall, {d[1]:.2f} s CPU, {d[2]:.0f} MB peak; "
            f"summary {s[0]:.2f} s wall, {s[1]:.2f} s CPU, {s[2]:.0f} MB; "
            f"digest/summary CPU ratio {d[1] / s[1]:.2f}"
        )
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speed", nargs="+", type=Path, metavar="LIBRARY")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    quality()
    print()
    sanity()
    if args.speed:
        print()
        speed(args.speed, args.runs)


if __name__ == "__main__":
    main()
