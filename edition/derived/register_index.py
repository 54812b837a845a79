"""The index of the edition: register entries in a language's alphabetical order, an
occurrence's keyword in context, the forms in which an entry occurs.

Plain data for the pages (``edition.web.register_pages``, ``edition.web.entry_sections``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from edition.analysis.corpus import Occurrence
from edition.base.collation import OTHER, collation
from edition.base.register import Entry, Register

KWIC_WIDTH = 60  # characters of context on each side of a mention, at most
# A ruler's number ("Nicholas II", "Пий XI"): a name ending in one is listed as written.
_REGNAL = re.compile(r"[IVXLC]+\.?")


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


def index_name(entry: Entry, ui: str) -> tuple[str, str]:
    """(the form an index in ``ui`` lists ``entry`` under, its language): the entry's
    ``sort`` form in the language of the name shown, else for a person the last word of the
    name first ("Józef Stalin" -> "Stalin, Józef"; one word, or a ruler's number last, as
    written), else the name. Chinese and Korean names (family name first), pseudonyms and
    titles the rule gets wrong are given a ``sort`` form in the register."""
    name, code = entry.name_in(ui)
    form = entry.data.get("sort", {}).get(code)
    if form:
        return form, code
    words = name.split()
    if entry.kind != "person" or len(words) < 2 or _REGNAL.fullmatch(words[-1]):
        return name, code
    return f"{words[-1]}, {' '.join(words[:-1])}", code


def sort_keys(register: Register, ui: str) -> dict[str, bytes]:
    """Entry ID -> the sort key of its :func:`index_name` in the order of ``ui``."""
    order = collation(ui)
    return {e.id: order.key(index_name(e, ui)[0]) for e in register}


def letters(
    register: Register, kind: str, ui: str, keys: dict[str, bytes]
) -> list[tuple[str, list[Entry]]]:
    """The entries of ``kind`` by their :func:`index_name` in ``ui``, in that language's
    order (``keys``: from :func:`sort_keys`), grouped under their index letter; names outside
    the alphabet (``1932 Theses``, a Latin name in a Ukrainian index) form one last group."""
    order = collation(ui)
    entries = sorted((e for e in register if e.kind == kind), key=lambda e: (keys[e.id], e.id))
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(order.letter(index_name(e, ui)[0]), []).append(e)
    other = groups.pop(OTHER, [])
    return [*groups.items(), *([(OTHER, other)] if other else [])]


def surface_forms(entry: Entry, found: dict[str, dict[str, None]]) -> dict[str, list[str]]:
    """Language -> the distinct forms in which the entry occurs (``found``: language -> the
    forms, as dict keys), in that language's order; languages in the order of the entry's
    names."""
    languages = sorted(found, key=lambda c: (c not in entry.names, [*entry.names, c].index(c)))
    return {code: sorted(found[code], key=collation(code).key) for code in languages}
