"""Write a deterministic library of realistic news-like articles, for benchmarks.

    python benchmarks/generate_library.py OUT_DIR [--count 10000] [--seed 1]

Words are drawn from wordfreq's English list with their real frequencies, so
the vocabulary follows the natural (Zipf-like) curve of English; each article
also has a few topic words it repeats, as real articles do, a 5–10 word title,
300–1,200 words in 2–5 sentence paragraphs, names (some accented), figures
and quotes. About a quarter are Markdown files with YAML front matter
(title, source, published, url, tags); the rest are plain text. Nothing is
downloaded: wordfreq ships its data (install the `bench` extra).

The same seed gives the same files, and article i does not depend on --count,
so a smaller library is a prefix of a larger one. OUT_DIR must be empty or new.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Vocabulary", "generate", "load_vocabulary"]

SOURCES = (
    "Northbay Gazette",
    "The Harbour Times",
    "Daily Meridian",
    "Coastal Courier",
    "Evening Ledger",
    "Metro Dispatch",
    "The Valley Post",
    "Capital Observer",
    "Global Wire",
    "Le Courrier du Matin",
)
# Accented names, so that accent-insensitive search has real work to do.
PLACES = (
    "Zürich",
    "São Paulo",
    "Bogotá",
    "Montréal",
    "Kraków",
    "Málaga",
    "Düsseldorf",
    "Reykjavík",
    "Gdańsk",
    "Tromsø",
    "Curaçao",
    "Besançon",
    "Córdoba",
    "Nîmes",
    "Northbay",
    "Eastport",
    "Kingsford",
    "Ashmoor",
    "Riverton",
    "Lakeside",
)
GIVEN = (
    "José",
    "François",
    "Zoë",
    "Renée",
    "Søren",
    "Helen",
    "David",
    "Amara",
    "Chen",
    "Priya",
    "Tomás",
    "Ingrid",
    "Kwame",
    "Olga",
    "Mateo",
    "Fatima",
    "Liam",
    "Noor",
)
FAMILY = (
    "Müller",
    "Öztürk",
    "Núñez",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Patel",
    "Kowalski",
    "Haddad",
    "Nakamura",
    "Fernández",
    "O'Brien",
    "Dubois",
    "Mensah",
    "Ivanova",
    "Brennan",
)
ROLES = ("minister", "spokesperson", "chief executive", "mayor", "analyst", "professor")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# The web-derived list has swear words; a briefing demo should not.
_UNFIT = frozenset(
    "ass asshole bastard bitch bitches bullshit cock crap cunt damn dick fuck fucked fucking "
    "motherfucker nigga nigger piss porn pussy sex sexy shit shitty slut tits whore".split()
)


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]  # most frequent first
    cumulative: tuple[float, ...]  # running total of frequencies, for weighted picks

    def pick(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def rank_range(self, low: int, high: int) -> Sequence[str]:
        return self.words[low:high]


def load_vocabulary(size: int = 30_000) -> Vocabulary:
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError:
        sys.exit("generate_library needs wordfreq: pip install -e '.[bench]'")
    words = [w for w in top_n_list("en", size + 2_000) if _WORD.fullmatch(w) and w not in _UNFIT][
        :size
    ]
    weights = [word_frequency(w, "en") for w in words]
    return Vocabulary(tuple(words), tuple(itertools.accumulate(weights)))


def _title_case(words: Sequence[str]) -> str:
    small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _figure(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.randint(2, 999):,}"
    if kind < 0.55:
        return f"{rng.randint(1_000, 90_000):,}"
    if kind < 0.75:
        return f"${rng.randint(1, 99)}.{rng.randint(1, 9)}bn"
    if kind < 0.9:
        return f"{rng.randint(1, 99)}%"
    return str(rng.randint(1990, 2030))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


class _ArticleWriter:
    """Writes one article from its own random stream."""

    def __init__(self, vocabulary: Vocabulary, rng: random.Random) -> None:
        self.vocabulary = vocabulary
        self.rng = rng
        # Topic words come from the middle of the curve: frequent enough to
        # be real words, rare enough to say what an article is about.
        self.topics = rng.sample(vocabulary.rank_range(1_500, 20_000), rng.randint(3, 6))
        self.place = rng.choice(PLACES)
        self.people = [_person(rng) for _ in range(rng.randint(1, 3))]

    def sentence(self) -> str:
        rng = self.rng
        words = self.vocabulary.pick(rng, rng.randint(8, 30))
        for i in range(len(words)):
            roll = rng.random()
            if roll < 0.05:
                words[i] = rng.choice(self.topics)
            elif roll < 0.06:
                words[i] = _figure(rng)
            elif roll < 0.065:
                words[i] = self.place
            elif roll < 0.07:
                words[i] = rng.choice(self.people)
        if len(words) > 12 and rng.random() < 0.4:
            cut = rng.randint(4, len(words) - 4)
            words[cut] += ","
        text = " ".join(words)
        text = text[:1].upper() + text[1:] + "."
        if rng.random() < 0.08:
            person = rng.choice(self.people)
            text = f"\u201c{text[:-1]},\u201d said {person}, the {rng.choice(ROLES)}."
        return text

    def paragraphs(self, target_words: int) -> list[str]:
        paragraphs: list[str] = []
        count = 0
        while count < target_words:
            sentences = [self.sentence() for _ in range(self.rng.randint(2, 5))]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        return paragraphs

    def title(self) -> str:
        rng = self.rng
        words = list(rng.sample(self.topics, min(2, len(self.topics))))
        words += self.vocabulary.pick(rng, rng.randint(2, 6))
        rng.shuffle(words)
        if rng.random() < 0.3:
            words.insert(0, self.place)
        return _title_case(words)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"


def _markdown(writer: _ArticleWriter, title: str, number: int, paragraphs: list[str]) -> str:
    rng = writer.rng
    source = rng.choice(SOURCES)
    date = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    host = _slug(source).replace("-", "") + ".example"
    tags = ", ".join(sorted(set(rng.sample(writer.topics, 2))))
    front = (
        f'---\ntitle: "{title}"\nsource: {source}\npublished: {date}\n'
        f"url: https://{host}/{number}\ntags: [{tags}]\n---\n\n"
    )
    body = list(paragraphs)
    if len(body) > 3:
        body.insert(len(body) // 2, f"## {_title_case(rng.sample(writer.topics, 2))}")
    words = body[0].split(" ")
    if len(words) > 6:
        words[0], words[1] = f"**{words[0]}", f"{words[1]}**"
        words[3], words[4] = f"[{words[3]}", f"{words[4]}](https://{host}/a)"
        body[0] = " ".join(words)
    return front + "\n\n".join(body) + "\n"


def write_article(folder: Path, vocabulary: Vocabulary, seed: int, number: int) -> Path:
    rng = random.Random(f"{seed}:{number}")
    writer = _ArticleWriter(vocabulary, rng)
    title = writer.title()
    paragraphs = writer.paragraphs(rng.randint(300, 1_200))
    stem = f"{number:05d}-{_slug(title)}"
    if rng.random() < 0.25:
        path = folder / f"{stem}.md"
        text = _markdown(writer, title, number, paragraphs)
    else:
        path = folder / f"{stem}.txt"
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def generate(
    folder: Path, count: int = 10_000, seed: int = 1, vocabulary: Vocabulary | None = None
) -> list[Path]:
    """Write ``count`` articles into ``folder`` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = vocabulary or load_vocabulary()
    return [write_article(folder, vocabulary, seed, n) for n in range(count)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--count", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be 0 or more")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty; choose a new or empty folder")
    paths = generate(args.out_dir, args.count, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words:,} words) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
