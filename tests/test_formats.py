"""Files that are not what they seem: dumps in several house styles, formats
we do not read, a Markdown heading that repeats the title (issue 13,
defects 2 to 5). Through the real CLI where a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CliRunner, write

from briefing.library.load import load_article_file
from briefing.library.loaders import ArticleFormatError
from briefing.library.loaders.dump import looks_like_headline, split_dump
from briefing.library.sniff import unsupported_format

# Dumps in the styles of several houses (text written for these tests).
BBC_STYLE = """Ferry operator cuts winter sailings

The island's only ferry operator is to cut its winter timetable by a third, \
the company has said.

Fuel costs rose by 40% over the year, it said in a statement.

"We had no other choice," a spokesperson said.

Farmers hope for dry spell after wet summer

Farmers in the north say a dry autumn is needed to save the potato harvest.

Rainfall in July was twice the average.
"""
REUTERS_STYLE = """Copper slips as demand worries weigh

LONDON (Wire) - Copper prices fell on Tuesday as worries about demand in top \
consumer markets outweighed supply disruptions.

Three-month copper lost 0.8% to $9,120 a tonne by 1030 GMT.

Shipping group posts record quarterly profit

COPENHAGEN (Wire) - A shipping group reported a record profit for the third \
quarter on Wednesday, helped by high freight rates.
"""
GUARDIAN_STYLE = """Ministers urged to act on river pollution

Campaigners have called on ministers to set binding targets for river quality \
after a report found sewage discharges rose last year.

The report, published on Monday, said 12 rivers failed basic standards.

Why the city's oldest market is worth saving

The market has traded on the same square since 1750. It now faces closure.
"""
TITLE_CASE = """Harbour Vote Passes After Long Debate

The harbour authority approved the plan on Tuesday. Critics said they would appeal.

New Bridge Opens to Traffic

The bridge opened on Friday after three years of work.
"""


@pytest.mark.parametrize(
    ("dump", "titles"),
    [
        (BBC_STYLE, ["Ferry operator cuts winter sailings",
                     "Farmers hope for dry spell after wet summer"]),
        (REUTERS_STYLE, ["Copper slips as demand worries weigh",
                         "Shipping group posts record quarterly profit"]),
        (GUARDIAN_STYLE, ["Ministers urged to act on river pollution",
                          "Why the city's oldest market is worth saving"]),
        (TITLE_CASE, ["Harbour Vote Passes After Long Debate", "New Bridge Opens to Traffic"]),
    ],
    ids=["bbc", "reuters", "guardian", "title-case"],
)  # fmt: skip
def test_split_finds_headlines_in_every_house_style(dump: str, titles: list[str]) -> None:
    parts, dropped, orphans = split_dump(dump)
    assert [p.title for p in parts] == titles
    assert dropped == [] and orphans == 0
    assert all(p.paragraphs for p in parts)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Harbour council rejects ferry plan", True),
        ("Is this the end of the road?", True),
        ("The council met on Monday.", False),  # a sentence
        ("the quiet lowercase line of text", False),
        ("He said the plan would go ahead despite the protests and would be paid for by a new tax "
         "on visitors to the city", False),  # too long for a sentence-case headline
        ('"We had no other choice," a spokesperson said.', False),
    ],
)  # fmt: skip
def test_headline_shapes(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline


def test_a_list_inside_an_article_stays_in_it() -> None:
    text = (
        "Cup draw pairs old rivals\n\nThe draw was made on Monday. The ties are:\n\n"
        "Northbay v Southport\n\nEastham v Westley\n\nMatches are played next month.\n"
    )
    parts, dropped, _ = split_dump(text)
    # (The list's last line, followed by a paragraph, cannot be told from a
    # headline by its shape: it starts an article of its own.)
    assert parts[0].title == "Cup draw pairs old rivals"
    assert "Northbay v Southport" in parts[0].paragraphs and not dropped


def test_import_split_sentence_case_dump(run_cli: CliRunner, tmp_path: Path) -> None:
    dump = write(tmp_path / "dump.txt", "Viewing results 1 - 6 of 3\n\n" + BBC_STYLE)
    result = run_cli("import", "--split", dump, "--into", tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    assert "2 articles added" in result.stdout
    assert result.stderr.count("not an article") == 1  # only the page debris


def test_import_split_says_once_when_unsure(run_cli: CliRunner, tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} has a sentence. It ends here." for n in range(8))
    dump = write(tmp_path / "dump.txt", paragraphs + "\n")
    result = run_cli("import", "--split", dump, "--into", tmp_path / "lib")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no headline followed by a body" in result.stderr
    lead = write(tmp_path / "lead.txt", paragraphs + "\n\n" + BBC_STYLE)
    result = run_cli("import", "--split", lead, "--into", tmp_path / "lib2")
    assert "2 articles added" in result.stdout
    assert "8 paragraphs before the first headline" in result.stderr
    assert result.stderr.count("\n") == 1


# Formats we do not read -------------------------------------------------------------

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
HTML = b"<!DOCTYPE html>\n<html><head><title>Page</title></head><body><p>Hi.</p></body></html>"
FEED = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title></channel></rss>'
DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml word/document.xml"


@pytest.mark.parametrize(
    ("data", "name"),
    [(PDF, "PDF"), (HTML, "HTML"), (FEED, "RSS feed"), (DOCX, "Word"),
     (b"\xef\xbb\xbf<html lang='en'><body>x</body></html>", "HTML"),
     (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
     (b"Plain words. <b>Not</b> a page.", None)],
)  # fmt: skip
def test_formats_we_do_not_read_are_named(data: bytes, name: str | None) -> None:
    assert unsupported_format(data) == name


def test_summary_and_import_name_the_format_in_one_line(run_cli: CliRunner, tmp_path: Path) -> None:
    files = [write(tmp_path / "report.pdf", PDF), write(tmp_path / "page.txt", HTML),
             write(tmp_path / "feed.xml", FEED)]  # fmt: skip
    result = run_cli("summary", *files)
    assert result.returncode != 0
    reasons = [line.rsplit(": ", 1)[-1] for line in result.stderr.splitlines() if "skipped" in line]
    # A PDF is named; a saved page and a feed go to the web loaders, which
    # say why these two (a page of one word, a feed of no entries) give nothing.
    assert reasons == [
        "unsupported format (PDF)",
        "no article text found in the page",
        "the feed has no entries with text",
    ]
    assert "DOCTYPE" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    result = run_cli("import", *files, "--into", tmp_path / "lib")
    assert result.stderr.count("unsupported format") == 1
    assert "the feed has no entries with text" in result.stderr
    assert "no article text found in the page" in result.stderr
    assert not list((tmp_path / "lib").glob("*"))


def test_a_saved_page_named_like_an_article_is_read_as_a_page(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The harbour board voted on Tuesday to dredge the main channel, ending a dispute that had run for three years.",
            "Members approved the plan by seven votes to two after a meeting that lasted well into the evening.",
            "The harbour company, which will pay for the work, expects forty more ship visits a year once it is done.",
            "Residents who opposed the scheme said they would ask the minister to call the decision in.",
        )
    )
    page = f"<!DOCTYPE html><html><head><title>Harbour vote</title></head><body><nav>Home | News</nav><article><h1>Harbour vote</h1>{paragraphs}</article></body></html>"
    write(tmp_path / "lib" / "saved-page.txt", page.encode())
    result = run_cli("summary", tmp_path / "lib", "--format", "json", "--no-facts")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["title"] == "Harbour vote"
    assert "<" not in article["summary"]["sentences"][0]["text"]


def test_a_disguised_file_in_a_folder_is_named_not_listed(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path / "lib" / "good.txt", "A Good Story\n\nIt happened. People saw it.\n")
    write(tmp_path / "lib" / "saved-page.txt", PDF)
    result = run_cli("summary", tmp_path / "lib", "--format", "json")
    titles = [a["title"] for a in json.loads(result.stdout)["articles"]]
    assert titles == ["A Good Story"]
    assert "saved-page.txt: unsupported format (PDF)" in result.stderr


# A dump opened directly; a Markdown heading that repeats the title -------------------------


def test_a_dump_opened_directly_suggests_import_split(run_cli: CliRunner, tmp_path: Path) -> None:
    dump = write(tmp_path / "dump.txt", "Viewing results 1 - 6 of 3\n\n" + BBC_STYLE)
    result = run_cli("summary", dump)
    assert "Viewing results" not in result.stdout
    assert "briefing import --split" in result.stderr and "several articles" in result.stderr
    with pytest.raises(ArticleFormatError, match="import --split"):
        load_article_file(dump)


def test_a_markdown_heading_repeating_the_title_is_not_body(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Harbour *Plan* Approved\n---\n\n"
                 "# Harbour Plan Approved\n\nThe council approved the plan. It costs a lot.\n")  # fmt: skip
    article = load_article_file(path)[0]
    assert article.title == "Harbour *Plan* Approved"
    assert article.body == "The council approved the plan. It costs a lot."
    other = write(tmp_path / "b.md", "---\ntitle: Harbour Plan Approved\n---\n\n"
                  "# Background\n\nThe council approved the plan.\n")  # fmt: skip
    assert load_article_file(other)[0].body.startswith("Background")


# Defect 8: duplicate files are said once ------------------------------------------------


def test_duplicate_files_are_said_once_on_the_cli(run_cli: CliRunner, tmp_path: Path) -> None:
    text = "A Story Told Twice\n\nIt happened once. It was written down twice.\n"
    for name in ("a.txt", "b.txt", "copies/c.txt"):
        write(tmp_path / "lib" / name, text)
    write(tmp_path / "lib" / "other.txt", "Another Story\n\nSomething else. Entirely.\n")
    result = run_cli("summary", tmp_path / "lib", "--format", "json")
    assert len(json.loads(result.stdout)["articles"]) == 2
    assert result.stderr.count("\n") == 1
    assert "2 files repeat an article already listed" in result.stderr


def test_a_saved_web_page_in_a_folder_is_an_article(run_cli: CliRunner, tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The ferry company said on Monday it would add a night crossing from the spring.",
            "Passenger numbers rose by a fifth last year, the company said, mostly on weekends.",
            "Islanders have asked for a later sailing for more than a decade, a councillor said.",
            "The new crossing will leave the mainland at eleven and return at half past midnight.",
        )
    )
    page = f"<html><head><title>Night ferry</title></head><body><nav>Home</nav><article><h1>Night ferry</h1>{paragraphs}</article><footer>© Courier</footer></body></html>"
    write(tmp_path / "lib" / "ferry.html", page.encode())
    write(tmp_path / "lib" / "good.txt", "A Good Story\n\nIt happened. People saw it.\n")
    result = run_cli("summary", tmp_path / "lib", "--format", "json", "--no-facts")
    assert result.returncode == 0, result.stderr
    titles = sorted(a["title"] for a in json.loads(result.stdout)["articles"])
    assert titles == ["A Good Story", "Night ferry"]
