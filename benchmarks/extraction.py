"""Web page extraction quality on ten hand-written pages (benchmarks/pages/).

    python benchmarks/extraction.py [-v]

Each page is shaped like a real one (navigation, adverts, cookie banners,
related links, comments, figure captions, newsletter boxes, footers); the
article's own paragraphs carry a ``data-gold`` attribute, which is removed
before the page is handed to the extractor (``briefing.library.loaders.html.
extract_page``, trafilatura underneath). Words are compared as multisets of
lower-cased words:

- article words kept: the share of the gold paragraphs' words in the text;
- boilerplate dropped: the share of the page's other visible words (the
  headline aside, which the article's title carries) not in the text.

Targets: >= 95 % and >= 95 %, over all pages together. Also reported: the
time per page. The pages are our own writing (no text from elsewhere).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.library.loaders.html import extract_page

PAGES = Path(__file__).resolve().parent / "pages"
WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower()))


def gold_and_boilerplate(html: str) -> tuple[Counter[str], Counter[str]]:
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    etree.strip_elements(root, "script", "style", "head", "noscript", with_tail=False)
    gold: Counter[str] = Counter()
    for element in root.xpath("//*[@data-gold]"):
        gold += words(element.text_content())
    headline: Counter[str] = Counter()
    for element in root.xpath("//h1"):
        headline += words(element.text_content())
    page = words(" ".join(root.itertext()))
    return gold, page - gold - headline


def overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show what was kept wrongly")
    args = parser.parse_args()
    totals = Counter()
    times = []
    print(f"{'page':28} {'article kept':>13} {'boilerplate dropped':>20}")
    for path in sorted(PAGES.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        gold, boilerplate = gold_and_boilerplate(html)
        started = time.perf_counter()
        text = extract_page(html.replace(" data-gold", "")).text
        times.append(time.perf_counter() - started)
        got = words(text)
        kept = overlap(got, gold)
        leaked = overlap(got - gold, boilerplate)
        totals.update(gold=sum(gold.values()), kept=kept, boiler=sum(boilerplate.values()))
        totals.update(leaked=leaked)
        print(
            f"{path.stem:28} {kept / sum(gold.values()):12.1%} "
            f"{1 - leaked / sum(boilerplate.values()):20.1%}"
        )
        if args.verbose and (leaked or kept < sum(gold.values())):
            print("   leaked:", sorted((got - gold) & boilerplate))
            print("   missed:", sorted(gold - got))
    kept_share = totals["kept"] / totals["gold"]
    dropped_share = 1 - totals["leaked"] / totals["boiler"]
    print(
        f"{'all pages':28} {kept_share:12.1%} {dropped_share:20.1%}"
        f"   (targets 95 % and 95 %; {totals['gold']} article words, "
        f"{totals['boiler']} boilerplate words)"
    )
    times.sort()
    print(f"extraction time per page: median {times[len(times) // 2] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
