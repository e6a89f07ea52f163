"""Key-facts quality and speed against the hand-made gold lists.

    python benchmarks/facts_quality.py [--show ARTICLE_ID_OR_TITLE_PREFIX] [--rules]
    python benchmarks/facts_quality.py --gold PATH [--articles DIR]

Reads ../shared/eval/keyfacts-dev-gold.json (20 BBC articles from
bbcsum-dev.jsonl), keyfacts-cnndm-dev-gold.json (15 CNN/DailyMail articles from
cnndm-dev.jsonl: another house style), keyfacts-seed-gold.json (the three bundled sample
articles, keyed by title), and two sets of articles written for this project
with their gold lists: benchmarks/facts_heldout/ (twelve articles, scored
before the rules were reworked and then used to find where they fail),
benchmarks/facts_blind/ (four more, written afterwards, scored once, then
also used) and benchmarks/facts_final/ (four more, written last and never
used to change a rule: the honest figure for unseen news), and
benchmarks/facts_cnnstyle/ (three of our own in CNN/DailyMail style, scored
blind once: micro F1 0.87; see its note). Reports precision,
recall and F1 per kind and micro-averaged, speaker accuracy, the share of
found people that got a role, and milliseconds per article, on: all dev
articles, the tuning half (the first two of each BBC category), the check half
(the other two), CNN/DM dev, the seed and the sets of our own; then one summary
table of them (``--save FILE`` writes it as JSON, ``--before FILE`` shows such a
file's figures beside today's: benchmarks/facts_figures_before.json holds those
of the code before the CNN/DM work). Times are CPU time of this process.

``--rules`` adds, for each set, the hits and errors of each rule: every fact
carries the name of the rule that found it (the first to type one of its
sightings; for a quote, the speaker rule that chose its speaker).

``--gold PATH`` scores one other gold file of the same schema instead: its
entries are found by ``id`` in bbcsum-dev.jsonl or by ``title`` among the
articles of ``--articles DIR`` (default: the ``articles`` folder next to it).

Matching is lenient but honest, one gold item to at most one prediction:
- person: any name form (name, aliases) equal, or the same surname;
- organisation: name, alias or acronym equal;
- place: name or alias equal;
- date, figure: one text contains the other (whole words) and both hold the
  same numbers (digits and number words);
- quote: at least 60 % of the tokens shared (of the longer of the two);
  the speaker is scored separately, on matched quotes that have one.
Gold items marked "core": false count for precision only: matching one is
neither a hit nor a false alarm, missing one is not a miss.
Forms are compared case-insensitively, without dots ("U.N." = "UN"), a
leading "the" or a trailing "'s".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, eval_file, read_jsonl

from briefing.analysis.facts import KINDS, Fact, extract_facts
from briefing.analysis.summarize import Length, summarize
from briefing.library.load import load_library
from briefing.library.model import Article

GOLD_KINDS = {
    "people": "person",
    "organisations": "organisation",
    "places": "place",
    "dates": "date",
    "figures": "figure",
    "quotes": "quote",
}
_TOKEN = re.compile(r"[\w$£€%]+(?:[.,']\w+)*")
_NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion half third quarter fifth
    sixth seventh eighth ninth tenth first second dozen twofold threefold
    """.split()
)
_NAME_SUFFIXES = frozenset({"qc", "jr", "sr", "mp", "ii", "iii"})
HELDOUT = ROOT / "benchmarks" / "facts_heldout" / "gold.json"
HELDOUT_NAME = "own held-out (12)"
BLIND = ROOT / "benchmarks" / "facts_blind" / "gold.json"
BLIND_NAME = "own blind (4)"
FINAL = ROOT / "benchmarks" / "facts_final" / "gold.json"
FINAL_NAME = "own unseen (4)"
CNN_STYLE = ROOT / "benchmarks" / "facts_cnnstyle" / "gold.json"
CNN_STYLE_NAME = "own CNN-style (3)"
OWN_SETS = (
    (HELDOUT, HELDOUT_NAME),
    (BLIND, BLIND_NAME),
    (FINAL, FINAL_NAME),
    (CNN_STYLE, CNN_STYLE_NAME),
)
CNNDM_GOLD = "keyfacts-cnndm-dev-gold.json"
CNNDM_NAME = "CNN/DM dev (15)"
SUMMARY_SETS = ("dev (all 20)", CNNDM_NAME, "seed (3)", FINAL_NAME, CNN_STYLE_NAME, HELDOUT_NAME)


def norm(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\w)\.(?=\w|$|\s)", "", text)
    text = re.sub(r"^(the)\s+", "", text.strip())
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[^\w&'\- ]", " ", text)).strip()


def surname(name: str) -> str:
    parts = [p for p in norm(name).split() if p not in _NAME_SUFFIXES]
    return parts[-1] if parts else ""


def numbers(text: str) -> frozenset[str]:
    found = set()
    for token in _TOKEN.findall(text.casefold().replace("-", " ")):
        digits = re.sub(r"[^\d.]", "", token.replace(",", ""))
        if any(c.isdigit() for c in digits):
            found.add(digits.strip("."))
        elif token in _NUMBER_WORDS:
            found.add(token)
    return frozenset(found)


def contains(a: str, b: str) -> bool:
    a, b = f" {norm(a)} ", f" {norm(b)} "
    return b in a or a in b


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def quote_overlap(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    longest = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longest if longest else 0.0


@dataclass
class GoldItem:
    kind: str
    text: str
    forms: set[str]
    core: bool
    role: str | None = None
    speaker: str | None = None
    speaker_forms: set[str] = field(default_factory=set)


def gold_items(entry: dict) -> list[GoldItem]:
    items: list[GoldItem] = []
    entities: dict[str, set[str]] = {}
    for section, kind in GOLD_KINDS.items():
        for raw in entry.get(section, []):
            text = raw.get("name") or raw.get("text") or ""
            forms = {norm(f) for f in [text, *raw.get("aliases", [])] if f}
            if raw.get("acronym"):
                forms.add(norm(raw["acronym"]))
            if kind in ("person", "organisation", "place"):
                entities[norm(text)] = forms | ({surname(text)} if kind == "person" else set())
            items.append(
                GoldItem(
                    kind, text, forms, raw.get("core", True), raw.get("role"), raw.get("speaker")
                )
            )
    for item in items:
        if item.speaker:
            item.speaker_forms = entities.get(norm(item.speaker), {norm(item.speaker)})
    return items


def fact_forms(fact: Fact) -> set[str]:
    forms = {norm(fact.text), *(norm(a) for a in fact.aliases)}
    if fact.acronym:
        forms.add(norm(fact.acronym))
    return forms


def matches(fact: Fact, gold: GoldItem) -> bool:
    if fact.kind != gold.kind:
        return False
    if fact.kind == "person":
        return bool(fact_forms(fact) & gold.forms) or surname(fact.text) == surname(gold.text)
    if fact.kind in ("organisation", "place"):
        return bool(fact_forms(fact) & gold.forms)
    if fact.kind in ("date", "figure"):
        return contains(fact.text, gold.text) and numbers(fact.text) == numbers(gold.text)
    return quote_overlap(fact.text, gold.text) >= 0.6


def speaker_right(fact: Fact, gold: GoldItem) -> bool:
    if not fact.speaker:
        return False
    said = norm(fact.speaker)
    return said in gold.speaker_forms or surname(fact.speaker) in gold.speaker_forms


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    speakers: int = 0
    speakers_right: int = 0
    people_with_role: int = 0
    roles_found: int = 0
    articles: int = 0
    seconds: float = 0.0
    baseline: float = 0.0
    # Per rule (the rule recorded on each fact): core hits, and false alarms; for a
    # quote, the speaker rule: right and wrong speakers.
    rule_hits: Counter[str] = field(default_factory=Counter)
    rule_errors: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "rule_hits", "rule_errors"):
            getattr(self, name).update(getattr(other, name))
        for name in ("speakers", "speakers_right", "people_with_role", "roles_found", "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.baseline += other.baseline


def score(facts: list[Fact], gold: list[GoldItem], show: bool = False) -> Tally:
    tally = Tally(articles=1)
    used: set[int] = set()
    # Core gold first, so a prediction claims a core item when it could match either.
    order = sorted(range(len(gold)), key=lambda i: not gold[i].core)
    for fact in facts:
        hit = next((i for i in order if i not in used and matches(fact, gold[i])), None)
        if hit is None:
            tally.fp[fact.kind] += 1
            tally.rule_errors[_rule_name(fact)] += 1
            if show:
                extra = f"  <- {fact.speaker}" if fact.speaker else ""
                print(f"  FP {fact.kind:<12} {fact.text[:90]}{extra}")
            continue
        used.add(hit)
        item = gold[hit]
        if not item.core:
            continue
        tally.tp[fact.kind] += 1
        if item.kind != "quote":
            tally.rule_hits[_rule_name(fact)] += 1
        if item.kind == "quote" and item.speaker:
            tally.speakers += 1
            right = speaker_right(fact, item)
            tally.speakers_right += right
            (tally.rule_hits if right else tally.rule_errors)[_rule_name(fact)] += 1
            if show and not right:
                print(f"  SPEAKER {fact.speaker!r} should be {item.speaker!r}: {item.text[:50]}")
        if item.kind == "person" and item.role:
            tally.people_with_role += 1
            tally.roles_found += bool(fact.role)
            if show and not fact.role:
                print(f"  NO ROLE {fact.text} (gold: {item.role})")
    for i, item in enumerate(gold):
        if i not in used and item.core:
            tally.fn[item.kind] += 1
            if show:
                print(f"  FN {item.kind:<12} {item.text[:90]}")
    return tally


def _rule_name(fact: Fact) -> str:
    rule = getattr(fact, "rule", "") or "?"  # (older code, run for a timing baseline, has none)
    return f"{fact.kind}: {rule}" if fact.kind != "quote" else f"speaker: {rule}"


def report_rules(name: str, tally: Tally) -> None:
    """Hits and errors per rule: core items found / false alarms (speakers: right / wrong)."""
    print(f"\n{name}: per rule (hits = core items found or right speakers; errors = false")
    print("  alarms or wrong speakers; items matching a non-core gold item count in neither)")
    rules = sorted(set(tally.rule_hits) | set(tally.rule_errors))
    for rule in rules:
        hits, errors = tally.rule_hits[rule], tally.rule_errors[rule]
        share = hits / (hits + errors) if hits + errors else 0.0
        print(f"  {rule:<42}{hits:5}{errors:5}  {share:5.2f}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, tally: Tally) -> None:
    print(f"\n{name} ({tally.articles} articles)")
    print(f"  {'kind':<13}{'P':>6}{'R':>6}{'F1':>6}   tp  fp  fn")
    for kind in KINDS:
        tp, fp, fn = tally.tp[kind], tally.fp[kind], tally.fn[kind]
        p, r, f = prf(tp, fp, fn)
        print(f"  {kind:<13}{p:6.2f}{r:6.2f}{f:6.2f} {tp:4}{fp:4}{fn:4}")
    tp, fp, fn = (sum(c.values()) for c in (tally.tp, tally.fp, tally.fn))
    p, r, f = prf(tp, fp, fn)
    print(f"  {'micro':<13}{p:6.2f}{r:6.2f}{f:6.2f} {tp:4}{fp:4}{fn:4}")
    speakers = tally.speakers_right / tally.speakers if tally.speakers else 0.0
    roles = tally.roles_found / tally.people_with_role if tally.people_with_role else 0.0
    print(f"  speaker accuracy {speakers:.2f} ({tally.speakers_right}/{tally.speakers})")
    print(f"  roles found      {roles:.2f} ({tally.roles_found}/{tally.people_with_role} people)")
    print(
        f"  {tally.seconds / tally.articles * 1000:.2f} ms/article "
        f"({tally.seconds / tally.baseline:.2f}x the default summary's time, same run)"
    )


def timed_facts(article: Article, repeats: int) -> tuple[list[Fact], float, float]:
    """Facts, and seconds per run for them and (the baseline) for the default summary."""
    article.sentences  # noqa: B018 - split once, as `briefing summary` already has
    facts = extract_facts(article)
    facts_time = summary_time = 0.0
    # CPU time of this process, interleaved, so that the other work on a shared machine
    # (load averages of 10 on two cores are common here) hits both alike and little.
    for _ in range(repeats):
        start = time.process_time()
        facts = extract_facts(article)
        middle = time.process_time()
        summarize(article, "default", Length(3))
        facts_time += middle - start
        summary_time += time.process_time() - middle
    return facts, facts_time / repeats, summary_time / repeats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--show",
        metavar="ID",
        help="list misses and false alarms of articles "
        "whose id or title starts with this ('all' for every article)",
    )
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats per article")
    parser.add_argument("--rules", action="store_true", help="also report hits and errors per rule")
    parser.add_argument("--gold", type=Path, help="score this gold file instead of the usual sets")
    parser.add_argument(
        "--articles", type=Path, help="folder of the --gold articles (default: articles/ beside it)"
    )
    parser.add_argument("--save", type=Path, help="write the summary figures to this JSON file")
    parser.add_argument(
        "--before", type=Path, help="a --save file: show its figures beside today's (before>after)"
    )
    args = parser.parse_args()

    start = time.perf_counter()
    extract_facts(Article("Warm-up", "Load the word lists once."))
    load_ms = (time.perf_counter() - start) * 1000

    if args.gold is not None:
        folder = args.articles or args.gold.parent / "articles"
        tally = Tally()
        for name, article, entry in gold_set(args.gold, folder):
            tally.add(run_one(name, article, entry, args))
        print(f"word lists loaded in {load_ms:.0f} ms (once per process)")
        report(f"{args.gold}", tally)
        if args.rules:
            report_rules(f"{args.gold}", tally)
        return

    groups = score_sets(args)
    print(f"word lists loaded in {load_ms:.0f} ms (once per process)")
    for name, tally in groups.items():
        report(name, tally)
    if args.rules:
        for name, tally in groups.items():
            report_rules(name, tally)
    figures = {name: summary(tally) for name, tally in groups.items() if name in SUMMARY_SETS}
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    summary_table(figures, before)
    if args.save:
        args.save.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(
        "\ntargets on BBC dev: micro F1 >= 0.85, quote F1 >= 0.85, speaker accuracy >= 0.85, "
        "roles >= 0.70; on CNN/DM dev: micro F1 >= 0.90, quote F1 >= 0.88, speakers >= 0.85, "
        "organisations F1 >= 0.80, roles >= 0.75; <= 5 ms/article"
    )


def score_sets(args: argparse.Namespace) -> dict[str, Tally]:
    """Every gold set scored: the BBC dev halves and whole, CNN/DM dev, the seed, ours."""
    dev_gold = json.loads(eval_file("keyfacts-dev-gold.json").read_text(encoding="utf-8"))
    texts = {row["id"]: row for row in read_jsonl(eval_file("bbcsum-dev.jsonl"))}
    seed_gold = json.loads(eval_file("keyfacts-seed-gold.json").read_text(encoding="utf-8"))
    seeds = {a.title: a for a in load_library([ROOT / "articles"]).articles}
    names = ("dev (all 20)", "dev tuning half", "dev check half", CNNDM_NAME, "seed (3)")
    groups = {name: Tally() for name in (*names, *(name for _, name in OWN_SETS))}
    per_category: Counter[str] = Counter()
    for entry in dev_gold["articles"]:
        row = texts[entry["id"]]
        category = entry["id"].split("-")[1]
        half = "dev tuning half" if per_category[category] < 2 else "dev check half"
        per_category[category] += 1
        article = Article(row["title"], row["text"])
        groups[half].add(run_one(entry["id"], article, entry, args))
    for name, article, entry in gold_set(eval_file(CNNDM_GOLD), ROOT / "no-such-folder"):
        groups[CNNDM_NAME].add(run_one(name, article, entry, args))
    for entry in seed_gold["articles"]:
        seed = seeds.get(entry["title"])
        if seed is None:
            sys.exit(f"seed article not found in articles/: {entry['title']}")
        groups["seed (3)"].add(run_one(entry["title"], seed, entry, args))
    for path, group in OWN_SETS:
        if path.exists():
            for name, article, entry in gold_set(path, path.parent / "articles"):
                groups[group].add(run_one(name, article, entry, args))
    groups["dev (all 20)"].add(groups["dev tuning half"])
    groups["dev (all 20)"].add(groups["dev check half"])
    return {name: tally for name, tally in groups.items() if tally.articles}


def summary(tally: Tally) -> dict[str, float]:
    """The figures of one set: F1 per kind and micro, speakers, roles, ms per article."""
    out: dict[str, float] = {}
    for kind in KINDS:
        out[kind] = prf(tally.tp[kind], tally.fp[kind], tally.fn[kind])[2]
    tp, fp, fn = (sum(c.values()) for c in (tally.tp, tally.fp, tally.fn))
    out["micro P"], out["micro R"], out["micro"] = prf(tp, fp, fn)
    out["speakers"] = tally.speakers_right / tally.speakers if tally.speakers else 0.0
    out["roles"] = tally.roles_found / tally.people_with_role if tally.people_with_role else 0.0
    out["ms"] = tally.seconds / tally.articles * 1000
    out["x sum"] = tally.seconds / tally.baseline if tally.baseline else 0.0
    return out


_COLUMNS = (
    ("micro", "micro"),
    ("person", "people"),
    ("organisation", "orgs"),
    ("place", "places"),
    ("date", "dates"),
    ("figure", "figures"),
    ("quote", "quotes"),
    ("speakers", "spkr"),
    ("roles", "roles"),
    ("ms", "ms"),
    ("x sum", "x sum"),
)


def summary_table(figures: dict[str, dict[str, float]], before: dict | None) -> None:
    """One table of every set (F1 per kind, speaker accuracy, role rate, ms/article);
    with ``--before``, each cell is "before>after"."""
    width = 10 if before else 7
    print(
        "\nsummary (F1 per kind; spkr = speaker accuracy; roles = people with a role found;"
        "\n  ms = CPU ms per article; x sum = that over the default summary's time, same run)"
    )
    print(f"  {'set':<24}" + "".join(f"{label:>{width}}" for _, label in _COLUMNS))
    for name, row in figures.items():
        cells = []
        for key, _ in _COLUMNS:
            value = f"{row[key]:.1f}" if key in ("ms", "x sum") else f"{row[key]:.2f}"
            old = (before or {}).get(name, {}).get(key)
            if old is not None:
                value = (f"{old:.1f}" if key in ("ms", "x sum") else f"{old:.2f}") + ">" + value
            cells.append(f"{value:>{width}}")
        print(f"  {name:<24}" + "".join(cells))


def gold_set(path: Path, folder: Path) -> list[tuple[str, Article, dict]]:
    """(name, article, gold entry) for each entry of a gold file: by id in
    bbcsum-dev.jsonl, else by title among the articles in ``folder``."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        sys.exit(f"cannot read gold file {path}: {error}")
    by_title = {a.title: a for a in load_library([folder]).articles} if folder.is_dir() else {}
    texts: dict[str, dict] | None = None
    out = []
    for entry in gold["articles"]:
        article = by_title.get(entry.get("title", ""))
        if article is None and entry.get("id"):
            if texts is None:
                texts = {
                    row["id"]: row
                    for source in ("bbcsum-dev.jsonl", "cnndm-dev.jsonl")
                    for row in read_jsonl(eval_file(source))
                }
            row = texts.get(entry["id"])
            article = Article(row["title"], row["text"]) if row else None
        if article is None:
            sys.exit(f"article not found for gold entry {entry.get('id') or entry.get('title')}")
        out.append((entry.get("id") or entry["title"], article, entry))
    return out


def run_one(name: str, article: Article, entry: dict, args: argparse.Namespace) -> Tally:
    show = bool(args.show) and (
        args.show == "all" or name.startswith(args.show) or article.title.startswith(args.show)
    )
    if show:
        print(f"\n== {name}: {article.title}")
    facts, seconds, baseline = timed_facts(article, args.repeats)
    tally = score(facts, gold_items(entry), show)
    tally.seconds = seconds
    tally.baseline = baseline
    return tally


if __name__ == "__main__":
    main()
