"""A small library of made-up articles in three stories and two lone ones,
for the digest tests (written here; no article text from elsewhere)."""

from __future__ import annotations

from pathlib import Path

# Said by both strike articles, word for word: a digest must say it once.
PORT_BACKGROUND = (
    "The Northbay port authority, founded in 1901, runs the container docks and the ferry terminal."
)

STRIKE = [
    (
        "Dock workers strike at Northbay port",
        "Harbour Times",
        "2024-07-01",
        "Dock workers at Northbay port walked out on Monday over pay, leaving container ships "
        "waiting at anchor in the bay.\n\n"
        f"{PORT_BACKGROUND} Crane operators joined the strike by midday.\n\n"
        "Union leader Maria Okafor said the dockers would stay out until the port authority "
        "raised its pay offer. Shipping lines warned of delays to container cargo.",
    ),
    (
        "Northbay dockers extend port strike as ships queue",
        "Daily Meridian",
        "2024-07-02",
        "The strike at Northbay port entered its second day as dockers rejected a new pay offer "
        "and more container ships queued at anchor.\n\n"
        f"{PORT_BACKGROUND} Maria Okafor, who leads the dockers union, called the offer an "
        "insult to crane operators.\n\n"
        "Freight companies diverted some container cargo to other ports along the coast.",
    ),
    (
        "Port strike ends after Northbay pay deal",
        "Coastal Courier",
        "2024-07-04",
        "Dockers at Northbay port voted to end their strike after the port authority agreed a "
        "pay rise, and the first container ships berthed by evening.\n\n"
        "Maria Okafor told the union meeting the deal rewarded crane operators and dockers "
        "alike. The queue of ships at anchor should clear within days, the port said.",
    ),
]

ELECTION = [
    (
        "Valley mayor election goes to a runoff",
        "Valley Post",
        "2024-07-02",
        "No candidate won a majority in the Valley mayoral election, so councillor Tomas Reyes "
        "and former judge Alice Brennan will meet in a runoff vote.\n\n"
        "Turnout at the polling stations was the highest in twenty years, election officials "
        "said. Reyes campaigned on housing and Brennan on the budget.",
    ),
    (
        "Reyes and Brennan trade blows before Valley runoff",
        "Capital Observer",
        "2024-07-03",
        "Tomas Reyes and Alice Brennan clashed over housing and the city budget in a televised "
        "debate before the Valley mayoral runoff vote.\n\n"
        "Polling stations will open early on Sunday, election officials said, after record "
        "turnout in the first round of the mayoral election.",
    ),
]

LONE = [
    (
        "A slow-cooked bean stew for autumn",
        "Kitchen Notes",
        "2024-06-20",
        "Soak the beans overnight, then simmer them with garlic, rosemary and a spoonful of "
        "tomato paste for three hours.\n\nServe the stew with toasted bread and grated cheese.",
    ),
    (
        "Comet visible to the naked eye this week",
        "Sky Watch",
        "2024-07-03",
        "Stargazers can see a bright comet low in the western sky after sunset this week, "
        "astronomers said.\n\nBinoculars show its long tail best away from city lights.",
    ),
]

ALL = STRIKE + ELECTION + LONE


def write_library(folder: Path, articles=ALL) -> Path:
    """Markdown files with front matter (title, source, published)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (title, source, published, body) in enumerate(articles):
        text = f'---\ntitle: "{title}"\nsource: {source}\npublished: {published}\n---\n\n{body}\n'
        (folder / f"{number:02d}.md").write_text(text, encoding="utf-8")
    return folder
