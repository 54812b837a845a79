"""The index of the edition: register entries in a language's alphabetical order, and the
occurrences of an entry grouped by text and version, each with a keyword in context.

Plain data for the pages (``index_pages``) and the open-data export (``export``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .collation import OTHER, collation
from .corpus import Occurrence
from .register import Entry, Register
from .sources import Text, Version

KWIC_WIDTH = 60  # characters of context on each side of a mention, at most


@dataclass(frozen=True)
class Snippet:
    left: str  # context before the mention, "…" where cut
    match: str
    right: str


def kwic(occ: Occurrence, width: int = KWIC_WIDTH) -> Snippet:
    """The mention with up to ``width`` characters of its paragraph on each side, cut
    between words so that no word is shown in part."""
    text, start, end = occ.paragraph.text, occ.mention.start, occ.mention.end
    left = text[max(0, start - width) : start]
    if start > width:
        head, _, rest = left.partition(" ")
        left = "…" + (rest if rest else head)
    right = text[end : end + width]
    if end + width < len(text):
        rest, _, _ = right.rpartition(" ")
        right = (rest if rest else right) + "…"
    return Snippet(left, text[start:end], right)


def letters(register: Register, kind: str, ui: str) -> list[tuple[str, list[Entry]]]:
    """The entries of ``kind`` by their name in ``ui``, in that language's order, grouped
    under their index letter; names outside the alphabet (``1932 Theses``, a Latin name in
    a Ukrainian index) form one last group."""
    order = collation(ui)
    entries = sorted(
        (e for e in register if e.kind == kind), key=lambda e: (order.key(e.name(ui)), e.id)
    )
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(order.letter(e.name(ui)), []).append(e)
    other = groups.pop(OTHER, [])
    return [*groups.items(), *([(OTHER, other)] if other else [])]


def by_text(
    occurrences: list[Occurrence],
) -> list[tuple[Text, list[tuple[Version, list[Occurrence]]]]]:
    """Occurrences grouped by text, then by version (the original first), in text order."""
    out: list[tuple[Text, list[tuple[Version, list[Occurrence]]]]] = []
    for occ in occurrences:  # the corpus lists them text by text, version by version
        if not out or out[-1][0] is not occ.text:
            out.append((occ.text, []))
        versions = out[-1][1]
        if not versions or versions[-1][0] is not occ.version:
            versions.append((occ.version, []))
        versions[-1][1].append(occ)
    return out


def surface_forms(entry: Entry, occurrences: list[Occurrence]) -> dict[str, list[str]]:
    """Language -> the distinct forms in which the entry occurs, in that language's order;
    languages in the order of the entry's names."""
    forms: dict[str, dict[str, None]] = {}
    for occ in occurrences:
        forms.setdefault(occ.version.lang, {})[occ.surface] = None
    languages = sorted(forms, key=lambda c: (c not in entry.names, [*entry.names, c].index(c)))
    return {code: sorted(forms[code], key=collation(code).key) for code in languages}
