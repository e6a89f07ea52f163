from __future__ import annotations

import importlib.util
import json
import math
import re
from pathlib import Path

import pytest
from conftest import STORY_BODY, STORY_TITLE, CliRunner
from hypothesis import given
from hypothesis import strategies as st

import briefing.analysis.choose as choose_module
from briefing.analysis import summary_weights
from briefing.analysis.rank import FEATURES
from briefing.analysis.readable import leans_back, quotation_runs
from briefing.analysis.summarize import (
    ALGORITHMS,
    Length,
    UnknownAlgorithmError,
    explain,
    summarize,
)
from briefing.library.model import Article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def story() -> Article:
    return Article(title=STORY_TITLE, body=STORY_BODY.strip())


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_returns_sentence_indices_in_order(story: Article, algorithm: str) -> None:
    summary = summarize(story, algorithm, Length(3))
    assert summary.algorithm == algorithm
    assert len(summary.indices) == 3
    assert list(summary.indices) == sorted(set(summary.indices))
    assert all(0 <= i < len(story.sentences) for i in summary.indices)


def test_lead_is_the_first_sentences(story: Article) -> None:
    assert summarize(story, "lead", Length(2)).indices == (0, 1)


def test_default_prefers_the_opening_and_avoids_asides(story: Article) -> None:
    indices = summarize(story, "default", Length(3)).indices
    assert 0 in indices  # the lede says what happened
    assert 1 not in indices  # "The vote was 7 to 2." is too thin to summarise with


def test_ratio_and_bounds(story: Article) -> None:
    n = len(story.sentences)
    assert len(summarize(story, "default", Length(None, ratio=0.5)).indices) == -(-n // 2)
    assert len(summarize(story, "default", Length(100)).indices) == n
    assert len(summarize(story, "lead", Length(None, ratio=0.01)).indices) == 1


def test_empty_article() -> None:
    article = Article(title="Nothing", body="")
    assert summarize(article, "lexrank").indices == ()


def test_unknown_algorithm(story: Article) -> None:
    with pytest.raises(UnknownAlgorithmError):
        summarize(story, "magic")


def test_duplicate_sentences_map_back_to_their_own_positions() -> None:
    body = "Repeat me now. Other words appear here. Repeat me now. Final different line."
    article = Article(title="Dup", body=body)
    for algorithm in ("lexrank", "luhn", "textrank"):
        indices = summarize(article, algorithm, Length(4)).indices
        assert indices == (0, 1, 2, 3)


def test_slow_algorithms_are_narrowed_on_long_articles() -> None:
    paragraphs = [
        f"Report {i} covers the harbour, the budget and the vote number {i}. "
        f"Officials in district {i % 7} said the plan would cost {i} million."
        for i in range(80)
    ]
    article = Article(title="Long", body="\n\n".join(paragraphs))
    summary = summarize(article, "kl", Length(3))
    assert len(summary.indices) == 3
    assert summary.note and "most central" in summary.note
    assert summarize(article, "default", Length(3)).note is None


# --- the default scorer: readable sentences, the lede, explanations ---------

LEANING_STORY = """\
The city council voted on Monday to close the old central library and sell the building to a developer for housing.

The library building opened in 1902 and holds more than two hundred thousand books, maps and newspapers about the city and its council.

He added that the council had no money left to repair the library roof, the library heating or the library windows, and the developer would keep the building.

Readers and staff plan a protest outside the library on Saturday against the council vote to sell the building.
"""


def _story(body: str, title: str = "Council votes to close library") -> Article:
    return Article(title=title, body=body.strip())


def test_leans_back_names_openings_that_need_the_sentence_before() -> None:
    for text in (
        "He added that it was late.",
        "However, nothing changed.",
        "“But this is new,” she said.",
        "This means more delays.",
        "As a result, prices rose.",
        "In addition, the port will grow.",
    ):
        assert leans_back(text), text
    for text in (
        "It is raining.",
        "Hewlett-Packard grew.",
        "Thistle farmers met.",
        "As a child, she sang.",
        "The council voted.",
        "",
    ):
        assert not leans_back(text), text


def test_a_sentence_that_leans_back_is_taken_only_with_the_one_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = _story(LEANING_STORY)
    # Without the rule, "He added…" (long and central) is among the best two.
    monkeypatch.setattr(choose_module, "leans_back", lambda text: False)
    assert 2 in summarize(article, "default", Length(2)).indices
    monkeypatch.undo()
    summary, explanation = explain(article, Length(2))
    assert 2 not in summary.indices or 1 in summary.indices
    if 2 not in summary.indices:
        assert {"index": 2, "reason": "leans on", "sentence": 1} in [
            {k: s[k] for k in ("index", "reason", "sentence")} for s in explanation["skipped"]
        ]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_no_chosen_sentence_leans_on_one_left_out(story: Article, count: int) -> None:
    for article in (story, _story(LEANING_STORY)):
        chosen = set(summarize(article, "default", Length(count)).indices)
        for i in chosen:
            if i > 0 and leans_back(article.sentences[i].text):
                assert i - 1 in chosen, (count, article.sentences[i].text)


# Speech in straight single marks, as in much tabloid and agency copy; the first
# quotation runs over two paragraphs without being reopened.
QUOTED_STORY = """\
The regional water board approved a plan on Thursday to build a new reservoir north of the valley, ending a decade of drought rationing.

Board chair Maria Lopez said: 'The reservoir will secure water for the valley and its farms for the next fifty years.

Without it, the farms of the valley would face rationing every summer and the reservoir plan would fail.'

Construction of the reservoir and its pipeline is due to begin next spring, and will cost the water board about 300 million dollars.

'We have waited ten years for this reservoir. The valley and its farms needed the water,' said farmer Tom Reyes, whose farm lies in the valley.
"""


def test_quotation_runs_cover_quotes_over_several_sentences() -> None:
    article = _story(QUOTED_STORY, "Water board approves reservoir")
    texts = [s.text for s in article.sentences]
    runs = quotation_runs(article)
    opening = next(i for i, t in enumerate(texts) if t.startswith("Board chair"))
    closing = next(i for i, t in enumerate(texts) if t.startswith("Without it"))
    assert runs[opening] == runs[closing] == (opening, closing)
    reyes = [i for i, t in enumerate(texts) if "ten years" in t or "needed the water" in t]
    assert len(reyes) == 2 and all(runs[i] == tuple(reyes) for i in reyes)
    construction = next(i for i, t in enumerate(texts) if t.startswith("Construction"))
    assert construction not in runs and 0 not in runs


def _halves(article: Article, indices: tuple[int, ...]) -> list[tuple[int, int]]:
    """The quotations of which some but not all sentences are among ``indices``."""
    runs = set(quotation_runs(article).values())
    return [r for r in runs if 0 < len(set(range(r[0], r[1] + 1)) & set(indices)) < r[1] - r[0] + 1]


def test_never_half_a_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _story(QUOTED_STORY, "Water board approves reservoir")
    counts = range(1, len(article.sentences) + 1)
    for count in counts:
        assert not _halves(article, summarize(article, "default", Length(count)).indices), count
    # Without the rule some length would cut a quotation in two.
    monkeypatch.setattr(choose_module, "quotation_runs", lambda article: {})
    assert any(_halves(article, summarize(article, "default", Length(n)).indices) for n in counts)


def test_one_sentence_is_the_lede_on_a_typical_news_story(story: Article) -> None:
    assert summarize(story, "default", Length(1)).indices == (0,)
    assert summarize(
        _story(QUOTED_STORY, "Water board approves reservoir"), "default", Length(1)
    ).indices == (0,)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_explanation_matches_the_chosen_sentences(story: Article, count: int) -> None:
    summary, explanation = explain(story, Length(count))
    assert summary.indices == summarize(story, "default", Length(count)).indices
    assert [e["index"] for e in explanation["sentences"]] == list(summary.indices)
    lowest = min(e["score"] for e in explanation["sentences"])
    for entry in explanation["sentences"]:
        assert set(entry["parts"]) == {"position", "centrality", "length", "title", "quote"}
        logit = explanation["base"] + sum(entry["parts"].values())
        assert entry["score"] == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-3)
    for skip in explanation["skipped"]:
        assert skip["index"] not in summary.indices
        assert skip["score"] >= lowest


def test_the_shipped_weights_are_what_the_fitting_script_writes() -> None:
    spec = importlib.util.spec_from_file_location(
        "fit_summary_scorer", ROOT / "scripts" / "fit_summary_scorer.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    # rank.FEATURES names the weights: the file holds one of each per feature, no names.
    assert not hasattr(summary_weights, "FEATURES")
    assert len(summary_weights.MEANS) == len(summary_weights.WEIGHTS) == len(FEATURES)
    assert Path(summary_weights.__file__) == script.WEIGHTS_FILE
    text = script.WEIGHTS_FILE.read_text(encoding="utf-8")
    note = summary_weights.__doc__.split("\n\n", 1)[1].split("\nDo not edit")[0]
    rendered = script.render(
        summary_weights.MEANS, summary_weights.WEIGHTS, summary_weights.BASE, note
    )
    assert rendered == text


# --- briefing summary --explain ----------------------------------------------


@pytest.fixture
def leaning_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "leaning"
    folder.mkdir()
    (folder / "library.txt").write_text(
        f"Council votes to close library\n\n{LEANING_STORY}", encoding="utf-8"
    )
    return folder


def test_explain_in_json_adds_a_key_and_changes_nothing_else(
    run_cli: CliRunner, leaning_dir: Path
) -> None:
    plain = json.loads(run_cli("summary", leaning_dir, "-f", "json", "-n", "2").stdout)
    result = run_cli("summary", leaning_dir, "-f", "json", "-n", "2", "--explain")
    assert result.returncode == 0, result.stderr
    explained = json.loads(result.stdout)
    summary = explained["articles"][0]["summary"]
    explanation = summary.pop("explanation")
    assert "explanation" not in plain["articles"][0]["summary"]
    assert explained == plain  # the contract is unchanged, only a key is added
    indices = [s["index"] for s in summary["sentences"]]
    assert [e["index"] for e in explanation["sentences"]] == indices
    (skip,) = explanation["skipped"]
    assert skip["reason"] == "leans on" and skip["sentence"] == skip["index"] - 1
    assert skip["text"].startswith("He added")


def test_explain_in_text_formats(run_cli: CliRunner, leaning_dir: Path) -> None:
    plain = run_cli("summary", leaning_dir, "-f", "plain", "-n", "2", "--explain").stdout
    assert plain.count("\n     (score ") == 2  # one under each chosen sentence
    assert "position " in plain and "centrality " in plain and "length " in plain
    assert "sentence 3 (score" in plain and "leans on sentence 2, not chosen: “He added" in plain
    markdown = run_cli("summary", leaning_dir, "-f", "markdown", "-n", "2", "--explain").stdout
    assert markdown.count("  - *score ") == 2 and "**Skipped**" in markdown
    rich = run_cli(
        "summary", leaning_dir, "-f", "rich", "-n", "2", "--explain", env={"COLUMNS": "200"}
    ).stdout
    assert rich.count("score ") == 3 and "Skipped" in rich  # two chosen, one skipped


def test_explain_with_another_algorithm_says_so(run_cli: CliRunner, leaning_dir: Path) -> None:
    result = run_cli("summary", leaning_dir, "-f", "json", "-a", "lead", "--explain")
    assert result.returncode == 0
    assert "lead does not explain its choices" in result.stderr
    assert "explanation" not in json.loads(result.stdout)["articles"][0]["summary"]


# --- the reader: `x` in the summary shows the reasons ------------------------


async def test_the_reader_shows_and_hides_the_reasons(tmp_path: Path) -> None:
    from tui_helpers import make_app, settle

    from briefing.tui.widgets.summary_view import SummaryView

    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "library.txt").write_text(
        f"Council votes to close library\n\n{LEANING_STORY}", encoding="utf-8"
    )
    app = make_app(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        summary = app.screen.query_one(SummaryView)

        def shown() -> str:
            return "\n".join(
                str(summary.get_option_at_index(i).prompt) for i in range(summary.option_count)
            )

        assert "score" not in shown()
        summary.focus()
        await pilot.press("x")
        await pilot.pause()
        text = shown()
        article = _story(LEANING_STORY)
        _, explanation = explain(article, Length(3))
        assert text.count("score ") == len(explanation["sentences"]) + len(explanation["skipped"])
        assert "leans on sentence 2, not chosen" in text
        await pilot.press("x")
        await pilot.pause()
        assert "score" not in shown()


# The one-pattern definition of "this sentence quotes someone" that rank's
# three faster searches replace; they must agree on every text.
_QUOTE_SPEC = re.compile(r"[\"“”«»]|(?:^|(?<=[\s(—–:-]))['‘](?=\w)")


@given(st.text(alphabet=st.sampled_from(list("ab_1 ('‘’\"“”«»—–:-\n\tç")), max_size=12))
def test_quote_feature_matches_its_definition(text: str) -> None:
    from briefing.analysis.rank import _has_quote

    assert _has_quote(text) == bool(_QUOTE_SPEC.search(text))


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("'We will win,' she said.", True),
        ("He said: 'never'.", True),
        ("It's the council's budget.", False),
        ("“Yes,” he said.", True),
        ("(‘Maybe’) was all.", True),
        ("Rock 'n' roll", True),
        ("Nothing quoted here.", False),
    ],
)
def test_quote_feature_examples(text: str, quoted: bool) -> None:
    from briefing.analysis.rank import _has_quote

    assert _has_quote(text) is quoted


# --- the scorer's fast paths, held to their plain definitions ----------------

_WORDY = st.text(alphabet=st.sampled_from(list("abAZ19 '’.,\n\x00£“—éΣσİK_")), max_size=30)


@given(st.lists(_WORDY, max_size=6))
def test_terms_of_all_sentences_at_once_are_each_sentences_terms(texts: list[str]) -> None:
    from briefing.analysis.rank import _sentence_terms, _stop_words, _terms

    stop = _stop_words()
    assert _sentence_terms(texts, stop) == [_terms(text, stop) for text in texts]


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab1 '.\n£“—é’\xa0…")), max_size=20)))
def test_ascii_words_are_the_patterns_words(texts: list[str]) -> None:
    from briefing.analysis.rank import _TOKEN_OR_BREAK, _ascii_words

    lowered = "\x00".join(texts).lower()
    words = _ascii_words(lowered)
    assert words is None or words == _TOKEN_OR_BREAK.findall(lowered)
    if lowered.replace("£", "").isascii() and "'" not in lowered:
        assert words is not None  # the fast path is taken where it can be


def _plain_features(article: Article) -> list[tuple[float, ...]]:
    """The features as first written: a dict per sentence, one sentence at a time."""
    from collections import Counter

    from briefing.analysis.rank import _has_quote, _stop_words, _terms, cosine

    stop = _stop_words()
    bags = [Counter(_terms(s.text, stop)) for s in article.sentences]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {t: math.log((len(bags) + 1) / (f + 1)) + 1.0 for t, f in df.items()}

    def unit(bag: Counter[str]) -> dict[str, float]:
        vector = {t: count * idf.get(t, 1.0) for t, count in bag.items()}
        scale = 1.0 / (math.sqrt(sum(w * w for w in vector.values())) or 1.0)
        return {t: w * scale for t, w in vector.items()}

    vectors, title = [unit(bag) for bag in bags], unit(Counter(_terms(article.title, stop)))
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    central = [cosine(v, total) - (1.0 if v else 0.0) for v in vectors]
    top = max(central, default=0.0)
    central = [c / top for c in central] if top > 0 else [0.0] * len(vectors)
    sentences, last = article.sentences, max(1, len(article.sentences) - 1)
    return [
        (
            1.0 / (1.0 + i),
            math.log(1.0 + i),
            math.log(max(1, len(s.text.split()))),
            central[i],
            cosine(vectors[i], title) if title else 0.0,
            1.0 if _has_quote(s.text) else 0.0,
            math.log(1.0 + s.paragraph),
            1.0 if i == 0 or sentences[i - 1].paragraph != s.paragraph else 0.0,
            i / last,
        )
        for i, s in enumerate(sentences)
    ]


_PROSE = st.text(alphabet=st.sampled_from(list("abcdeSTV 19 '’.\n\n\"“£é")), max_size=200)


@given(_PROSE, _PROSE)
def test_features_are_their_plain_definition_to_the_last_bit(title: str, body: str) -> None:
    from briefing.analysis.rank import feature_rows

    article = Article(title=title, body=body)
    rows, vectors = feature_rows(article)
    assert rows == _plain_features(article)
    assert len(vectors) == len(article.sentences)


def test_features_of_the_example_story_are_their_plain_definition(story: Article) -> None:
    from briefing.analysis.rank import feature_rows, sentence_vectors

    assert feature_rows(story)[0] == _plain_features(story)
    vectors, _ = sentence_vectors(story)
    assert vectors == list(feature_rows(story)[1])
