"""The fact record shared by the extractor, the command line and the reader."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["KINDS", "Fact"]

# In the order a reader wants them: who, which bodies, where, when, how many, who said what.
KINDS = ("person", "organisation", "place", "date", "figure", "quote")


@dataclass(frozen=True, slots=True)
class Fact:
    """One key fact of an article, pointing at the sentence it was first seen in.

    ``key`` is stable across articles for the same entity ("organisation:sco"
    whether the article wrote "SCO" or "Shanghai Cooperation Organization
    (SCO)"), so it can be used to find every article that mentions it.
    ``sentences`` lists every sentence it was seen in, first one first.
    """

    kind: str
    text: str
    sentence: int
    key: str
    mentions: int = 1
    sentences: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()
    role: str | None = None
    acronym: str | None = None
    speaker: str | None = None
    speaker_key: str | None = None
    # The rule that found it (the first to type one of its sightings; for a quote, the
    # speaker rule): for the benchmark's per-rule report, never shown, stored or compared.
    rule: str = field(default="", compare=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `briefing summary --format json` (keys only added, never renamed)."""
        data: dict[str, object] = {"kind": self.kind, "text": self.text, "sentence": self.sentence}
        if self.kind == "person":
            data["role"] = self.role
        if self.kind == "organisation":
            data["acronym"] = self.acronym
        if self.kind == "quote":
            data["speaker"] = self.speaker
        data["mentions"] = self.mentions
        data["sentences"] = list(self.sentences)
        if self.aliases:
            data["aliases"] = list(self.aliases)
        data["key"] = self.key
        return data
