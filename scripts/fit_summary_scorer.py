"""Fit the default summarizer's sentence scorer and write its weights.

    python scripts/fit_summary_scorer.py [--write] [--share 0.75] [--l2 1.0] [--cache FILE]

Reads ../shared/eval/cnndm-train.jsonl and bbcsum-train.jsonl (never the dev
files), marks each article's best sentences with a greedy ROUGE oracle (the
sentences that, added one at a time, most raise ROUGE-1 + ROUGE-2 F1 against
the reference, at most three), and fits a logistic regression over the
features of ``briefing.analysis.rank`` (computed by the same code the app
runs). CNN/DailyMail's sentences carry ``--share`` of the weight in the fit
and BBC's the rest, whatever their numbers. 0.75 was chosen on the dev files
and checked on a quarter of the training articles held back from a fit on
the rest (R2@3 against Lead-3 there: 0.5 gave CNN/DM -0.8 and BBC +18.6;
0.75 CNN/DM +0.4 and BBC +17.7; 0.9 CNN/DM +0.5 and BBC +15.3). Then it
reports ROUGE-2 on the dev files at 1, 2 and 3 sentences (to choose settings;
nothing is fitted there). The defaults reproduce the shipped weights. With
--write it replaces
briefing/analysis/summary_weights.py. Needs the `bench` extra (numpy,
rouge-score).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
WEIGHTS_FILE = ROOT / "briefing" / "analysis" / "summary_weights.py"
TRAIN = ("cnndm-train.jsonl", "bbcsum-train.jsonl")
DEV = ("cnndm-dev.jsonl", "bbcsum-dev.jsonl")
ORACLE_SIZE = 3
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.analysis import summary_weights  # noqa: E402
from briefing.analysis.rank import FEATURES, feature_rows  # noqa: E402
from briefing.library.model import Article  # noqa: E402


def articles(name: str) -> Iterator[tuple[Article, str]]:
    path = EVAL / name
    if not path.exists():
        sys.exit(f"training data not found: {path} (this script reads ../shared/eval)")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                yield Article(title=row["title"], body=row["text"].strip()), row["summary"]


def _grams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle(sentences: Sequence[str], reference: str, tokenize) -> set[int]:
    """Greedy ROUGE oracle: add the sentence that most raises R1+R2 F1, while any does."""
    ref_tokens = tokenize(reference)
    refs = (_grams(ref_tokens, 1), _grams(ref_tokens, 2))
    grams = [(_grams(t, 1), _grams(t, 2)) for t in map(tokenize, sentences)]
    chosen: set[int] = set()
    picked: tuple[Counter, Counter] = (Counter(), Counter())
    best = 0.0
    while len(chosen) < ORACLE_SIZE:
        top, top_index = best, None
        for i, (one, two) in enumerate(grams):
            if i in chosen:
                continue
            score = _f1(picked[0] + one, refs[0]) + _f1(picked[1] + two, refs[1])
            if score > top:
                top, top_index = score, i
        if top_index is None:
            break
        chosen.add(top_index)
        picked = (picked[0] + grams[top_index][0], picked[1] + grams[top_index][1])
        best = top
    return chosen


def _tokenizer():
    from nltk.stem import porter
    from rouge_score import tokenize as rouge_tokenize

    stemmer = porter.PorterStemmer()
    return lambda text: rouge_tokenize.tokenize(text, stemmer)


def training_set(cache: Path | None, share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, oracle labels and sample weights (CNN/DM's summing to ``share``, BBC's to
    the rest).

    The oracle's labels (the slow part) can be kept in ``cache``; features are
    always computed afresh by the app's code.
    """
    kept = dict(np.load(cache)) if cache and cache.exists() else {}
    tokenize = _tokenizer()
    xs, ys, ws = [], [], []
    for name in TRAIN:
        rows: list[tuple[float, ...]] = []
        labels: list[float] = []
        for article, reference in articles(name):
            texts = [s.text for s in article.sentences]
            if texts:
                features, _ = feature_rows(article)
                rows += features
                if name not in kept:
                    best = oracle(texts, reference, tokenize)
                    labels += [1.0 if i in best else 0.0 for i in range(len(texts))]
        if name in kept:
            labels = list(kept[name])
        kept[name] = np.array(labels)
        xs.append(np.array(rows))
        ys.append(kept[name])
        ws.append(np.full(len(rows), (share if name == TRAIN[0] else 1 - share) / len(rows)))
        print(f"{name}: {len(rows)} sentences, {int(sum(labels))} marked by the oracle")
    if cache:
        np.savez(cache, **kept)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws) * len(TRAIN)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weighted logistic regression on centred features by Newton's method."""
    n = len(y)
    design = np.hstack([np.ones((n, 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2 / n)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (w * (y - p)) - penalty * beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-9:
            break
    return beta[1:], float(beta[0])


def render(means: Sequence[float], weights: Sequence[float], base: float, note: str) -> str:
    """The text of summary_weights.py for these constants (the only way it is written),
    laid out as ruff formats it so that a format run leaves it alone."""

    if not len(means) == len(weights) == len(FEATURES):
        raise ValueError("one mean and one weight per feature of rank.FEATURES")

    def block(values: Sequence[object]) -> str:
        return "(\n" + "".join(f"    {v},\n" for v in values) + ")"

    def number(value: float) -> str:
        return f"{float(value):.6g}"

    return (
        '"""Weights of the default sentence scorer: written by scripts/fit_summary_scorer.py.\n\n'
        f"{note}\n"
        "Do not edit by hand: refit and rerun the script with --write.\n"
        '"""\n\n'
        "# In the order of briefing.analysis.rank.FEATURES, which computes them.\n"
        "# The average of each feature over the training sentences.\n"
        f"MEANS = {block([number(m) for m in means])}\n"
        "# Each feature's weight on the log-odds, and the log-odds of an average sentence.\n"
        f"WEIGHTS = {block([number(w) for w in weights])}\n"
        f"BASE = {number(base)}\n"
    )


def dev_report() -> None:
    from rouge_score import rouge_scorer

    from briefing.analysis.summarize import Length, summarize

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    for name in DEV:
        items = list(articles(name))
        cells = []
        for n in (1, 2, 3):
            totals = {"default": 0.0, "lead": 0.0}
            for article, reference in items:
                for algorithm in totals:
                    indices = summarize(article, algorithm, Length(n)).indices
                    text = "\n".join(article.sentences[i].text for i in indices)
                    totals[algorithm] += scorer.score(reference, text)["rouge2"].fmeasure
            d, lead = (100 * totals[a] / len(items) for a in ("default", "lead"))
            cells.append(f"R2@{n} {d:.2f} (lead {lead:.2f})")
        print(f"{name}: " + ", ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0, help="ridge penalty (per sentence)")
    parser.add_argument(
        "--share", type=float, default=0.75, help="CNN/DM's share of the weight in the fit"
    )
    parser.add_argument("--write", action="store_true", help="replace summary_weights.py")
    parser.add_argument("--cache", type=Path, help="keep the oracle's labels in this .npz")
    args = parser.parse_args()
    x, y, w = training_set(args.cache, args.share)
    means = np.average(x, axis=0, weights=w)
    weights, base = fit(x - means, y, w, args.l2)
    for name, weight, mean in zip(FEATURES, weights, means, strict=True):
        print(f"{name:>12}: weight {weight:+.4f} (mean {mean:.4f})")
    print(f"{'base':>12}: {base:+.4f}")
    summary_weights.MEANS = tuple(float(m) for m in means)
    summary_weights.WEIGHTS = tuple(float(v) for v in weights)
    summary_weights.BASE = base
    dev_report()
    if args.write:
        note = (
            f"Fitted on {', '.join(TRAIN)} ({len(y)} sentences; CNN/DM's share of\n"
            f"the weight {args.share}), labels from a greedy ROUGE-1+2 oracle of at most\n"
            f"{ORACLE_SIZE} sentences, L2 {args.l2}."
        )
        WEIGHTS_FILE.write_text(render(means, weights, base, note), encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
