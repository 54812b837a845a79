"""Where a register entry's page is: entries are grouped per kind and per index letter of
their name in the edition's default UI language, one page per group and UI language.

One MkDocs page per entry and UI language (15,000 pages for a 5,000-entry register) made
MkDocs' fixed cost per page dominate the build; one page per letter keeps a short, citable
address (``register/entries/person-c.html#Q17``) that is the same in every UI language, and
stable while the entry's name in the default language keeps its initial. Every UI language
has the same set of group pages, so the language switch finds each page in each language.
"""

from __future__ import annotations

from edition.base.collation import OTHER, collation
from edition.base.register import Entry, Register

# The folders and pages of the built site, from its root, without ".html" for pages.
TEXTS_DIR = "texts"  # reading pages and the catalogue (texts/index)
PARALLEL_DIR = "parallel"
REGISTER_DIR = "register"
ENTRY_DIR = "register/entries"
NAMES_PAGE = "register/names"
MAP_PAGE = "register/map"
TERM_PAGE = "register/glossary"
# The index page of each kind of entry; glossary terms keep the glossary page.
INDEX_PAGES = {
    "person": "register/persons",
    "place": "register/places",
    "organisation": "register/organisations",
    "term": TERM_PAGE,
}
SEARCH_PAGE = "search"
ASSIGNMENTS_DIR = "assignments"
# Data files, written once at the site's root for every UI language.
ASSETS_DIR = "assets/edition"
POPUP_DIR = "assets/edition/popups"
SEARCH_DIR = "assets/edition/search"
DATA_DIR = REGISTER_DIR  # the open data, beside the default language's index pages
OPEN_DATA = {"json": "register.json", "csv": "register.csv", "schema": "register.schema.json"}


def slug(letter: str) -> str:
    """The file name part of an index letter: ``c`` for C, ``u141`` for Ł, ``other``."""
    if letter == OTHER:
        return "other"
    if letter.isascii():
        return letter.lower()
    return "u" + "-".join(f"{ord(c):x}" for c in letter)


def group_of(entry: Entry) -> tuple[str, str]:
    """The entry's group: its kind and the index letter of its name in the default language."""
    return entry.kind, collation(entry.default_ui).letter(entry.name(entry.default_ui))


def group_page(kind: str, letter: str) -> str:
    """The group page's path from the site's root, without ``.html``."""
    return f"{ENTRY_DIR}/{kind}-{slug(letter)}"


def _href(kind: str, letter: str, entry_id: str) -> str:
    return f"{group_page(kind, letter)}.html#{entry_id}"


def entry_href(entry: Entry) -> str:
    """The entry's address from the site's root: its group page and its section's ID."""
    return _href(*group_of(entry), entry.id)


def hrefs(groups: dict[tuple[str, str], list[Entry]]) -> dict[str, str]:
    """Entry ID -> :func:`entry_href` of every entry of ``groups`` (:func:`by_group`)."""
    return {e.id: _href(kind, letter, e.id) for (kind, letter), es in groups.items() for e in es}


def by_group(register: Register) -> dict[tuple[str, str], list[Entry]]:
    """(kind, letter) -> the entries of that group, in register order."""
    out: dict[tuple[str, str], list[Entry]] = {}
    for entry in register:
        out.setdefault(group_of(entry), []).append(entry)
    return out


# The TEI P5 export and the citation downloads, beside the reading pages. The corpus file
# takes the catalogue's name: ``index`` is never a text's ID.
TEI_CORPUS = f"{TEXTS_DIR}/index.tei.xml"


def tei_file(text_id: str) -> str:
    """The TEI document of a text, from the site's root."""
    return f"{TEXTS_DIR}/{text_id}.tei.xml"


def citation_file(text_id: str, ext: str) -> str:
    """A text's citation download (``bib``, ``ris``, ``csl.json``), from the site's root."""
    return f"{TEXTS_DIR}/{text_id}.{ext}"
