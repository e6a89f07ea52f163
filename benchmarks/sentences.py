"""Sentence splitter accuracy on the hard cases, and its speed.

    python benchmarks/sentences.py

Exact-case accuracy on ../shared/eval/sentences-dev.jsonl and MB/s over the
CNN/DM and BBC texts. nupunkt and pysbd (the `bench` extra) are measured the
same way when installed, for comparison.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from _common import eval_file, read_jsonl

from briefing.analysis.sentences import split_sentences

Splitter = Callable[[str], list[str]]


def candidates() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {"briefing": split_sentences}
    try:
        from nupunkt import sent_tokenize

        found["nupunkt"] = lambda text: [s.strip() for s in sent_tokenize(text)]
    except ImportError:
        pass
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda text: [s.strip() for s in segmenter.segment(text)]
    except ImportError:
        pass
    return found


def main() -> None:
    cases = list(read_jsonl(eval_file("sentences-dev.jsonl")))
    corpus = "\n\n".join(
        row["text"]
        for name in ("cnndm-dev.jsonl", "bbcsum-dev.jsonl")
        for row in read_jsonl(eval_file(name))
    )
    megabytes = len(corpus.encode()) / 1e6
    print(f"{'splitter':<10} {'exact':>7} {'MB/s':>8}   ({megabytes:.1f} MB corpus)")
    for name, split in candidates().items():
        correct = sum(split(c["text"]) == c["sentences"] for c in cases)
        sample = corpus if name != "pysbd" else corpus[: len(corpus) // 20]
        runs = 3 if name != "pysbd" else 1
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            split(sample)
            best = min(best, time.perf_counter() - start)
        speed = len(sample.encode()) / 1e6 / best
        print(f"{name:<10} {correct:>3}/{len(cases):<3} {speed:8.2f}")
        if name == "briefing":
            for case in cases:
                got = split(case["text"])
                if got != case["sentences"]:
                    print(f"   miss: {case['text']!r}\n      -> {got}")


if __name__ == "__main__":
    main()
