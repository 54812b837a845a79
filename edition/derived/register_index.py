"""The index of the edition: register entries in a language's alphabetical order, an
occurrence's keyword in context, the forms in which an entry occurs.

Plain data for the pages (``edition.web.register_pages``, ``edition.web.entry_sections``).
"""

from __future__ import annotations

from typing import NamedTuple

from edition.analysis.corpus import Occurrence
from edition.base.collation import OTHER, collation
from edition.base.register import Entry, Register

KWIC_WIDTH = 60  # characters of context on each side of a mention, at most


class Snippet(NamedTuple):  # a tuple: cheap to make, once per occurrence
    left: str  # context before the mention, "…" where cut
    match: str
    right: str


def kwic(occ: Occurrence, width: int = KWIC_WIDTH) -> Snippet:
    """The mention with up to ``width`` characters of its paragraph on each side, cut
    between words so that no word is shown in part."""
    text, start, end = occ.paragraph.text, occ.mention.start, occ.mention.end
    if start > width:
        head, _, rest = text[start - width : start].partition(" ")
        left = "…" + (rest if rest else head)
    else:
        left = text[:start]
    right = text[end : end + width]
    if end + width < len(text):
        rest, _, _ = right.rpartition(" ")
        right = (rest if rest else right) + "…"
    return Snippet(left, text[start:end], right)


def letters(
    register: Register, kind: str, ui: str, keys: dict[str, bytes]
) -> list[tuple[str, list[Entry]]]:
    """The entries of ``kind`` by their name in ``ui``, in that language's order (``keys``:
    entry ID -> the sort key of its name), grouped under their index letter; names outside
    the alphabet (``1932 Theses``, a Latin name in a Ukrainian index) form one last group."""
    order = collation(ui)
    entries = sorted((e for e in register if e.kind == kind), key=lambda e: (keys[e.id], e.id))
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(order.letter(e.name(ui)), []).append(e)
    other = groups.pop(OTHER, [])
    return [*groups.items(), *([(OTHER, other)] if other else [])]


def surface_forms(entry: Entry, found: dict[str, dict[str, None]]) -> dict[str, list[str]]:
    """Language -> the distinct forms in which the entry occurs (``found``: language -> the
    forms, as dict keys), in that language's order; languages in the order of the entry's
    names."""
    languages = sorted(found, key=lambda c: (c not in entry.names, [*entry.names, c].index(c)))
    return {code: sorted(found[code], key=collation(code).key) for code in languages}
