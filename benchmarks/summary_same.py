"""Whether the default summarizer chooses exactly what it chose at another commit.

    python benchmarks/summary_same.py [--baseline main] [--lengths 1,2,3,5]

For a change meant to make the default faster without changing it: the
baseline's ``briefing`` package is read from git into a temporary folder and
run in a subprocess on every article of both dev files (../shared/eval) and
of articles/, at each length; this checkout does the same; then every
summary (indices and note), every explanation (rounded scores, parts, what
was skipped) and every raw score (exact float) is compared. Prints the count
of articles and of differences; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from typing import Any

from _common import ROOT, eval_file, read_jsonl

FILES = ("cnndm-dev.jsonl", "bbcsum-dev.jsonl")


def load_articles() -> list[Any]:
    from briefing.library.load import load_article_file
    from briefing.library.model import Article

    articles = [
        Article(title=row["title"], body=row["text"].strip())
        for name in FILES
        for row in read_jsonl(eval_file(name))
    ]
    for path in sorted((ROOT / "articles").iterdir()):
        articles += load_article_file(path)
    return articles


def outputs(lengths: list[int]) -> list[Any]:
    """Every article's default summary, explanation and raw scores at every length."""
    from briefing.analysis.rank import score_sentences
    from briefing.analysis.summarize import Length, explain, summarize

    result = []
    for article in load_articles():
        row: dict[str, Any] = {"id": article.id, "scores": score_sentences(article).scores}
        for n in lengths:
            summary = summarize(article, "default", Length(n))
            explained, explanation = explain(article, Length(n))
            row[str(n)] = [summary.indices, summary.note, explained.indices, explanation]
        result.append(row)
    # repr keeps every bit of a float: scores must match exactly, not to 4 places.
    return json.loads(json.dumps(result, default=repr), parse_float=str)


def baseline_outputs(commit: str, lengths: list[int]) -> list[Any]:
    archive = subprocess.run(
        ["git", "archive", commit, "briefing"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        env = dict(os.environ, PYTHONPATH=folder, SUMMARY_SAME_CHILD="1")
        done = subprocess.run(
            [sys.executable, __file__, "--lengths", ",".join(map(str, lengths))],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="commit to compare with")
    parser.add_argument("--lengths", default="1,2,3,5")
    args = parser.parse_args()
    lengths = [int(n) for n in args.lengths.split(",")]
    if os.environ.get("SUMMARY_SAME_CHILD"):
        # The baseline's run: its package comes first on PYTHONPATH.
        sys.path.remove(str(ROOT))
        sys.path.insert(0, os.environ["PYTHONPATH"])
        import briefing

        assert briefing.__file__.startswith(os.environ["PYTHONPATH"]), briefing.__file__
        json.dump(outputs(lengths), sys.stdout)
        return
    before = baseline_outputs(args.baseline, lengths)
    after = outputs(lengths)
    assert len(before) == len(after)
    differences = {"summary": 0, "explanation": 0, "scores": 0}
    for old, new in zip(before, after, strict=True):
        assert old["id"] == new["id"]
        differences["scores"] += old["scores"] != new["scores"]
        for n in map(str, lengths):
            differences["summary"] += old[n][:3] != new[n][:3]
            differences["explanation"] += old[n][3] != new[n][3]
    print(
        f"{len(after)} articles x lengths {args.lengths} against {args.baseline}: "
        + ", ".join(f"{count} {what} differences" for what, count in differences.items())
    )
    sys.exit(1 if any(differences.values()) else 0)


if __name__ == "__main__":
    main()
