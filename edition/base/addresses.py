"""Every public path and fragment of the built site, decided here and nowhere else: the
README promises that the addresses of texts, sentences and entries are stable and citable.

An :class:`Address` is a file of the site from the root of one UI language's site (``texts/
<id>.html``, with its ``#fragment``), as it stands on disk: IDs are not encoded. Links are
made by :func:`relative` (from one page to another of the same language) and :func:`url`,
which percent-encode each path segment and the fragment, so that an ID can never end a URL
or an attribute early; escaping the result for HTML is the web layer's part.

Where a register entry's page is: entries are grouped per kind and per index letter of their
name in the edition's default UI language, one page per group and UI language. One MkDocs page
per entry and UI language (15,000 pages for a 5,000-entry register) made MkDocs' fixed cost per
page dominate the build; one page per letter keeps a short, citable address
(``register/entries/person-c.html#Q17``) that is the same in every UI language, and stable
while the entry's name in the default language keeps its initial. Every UI language has the
same set of group pages, so the language switch finds each page in each language.

Pages stay small whatever the corpus (:class:`Paging`): a group too large for one page goes
on over numbered parts (``person-c--2.html``) while its first page keeps an anchor for every
entry of the group, so ``person-c.html#Q17`` still leads to the entry wherever it went; an
entry's occurrences past the first few are on numbered pages of their own
(``register/occurrences/Q17-2.html``); the catalogue is paged and filtered by original
language and date (``texts/catalogue/pl-1930s-2.html``; its first page is ``texts/index``);
the index of a kind is cut into numbered pages of whole letters where they fit
(``register/persons.html``, ``register/persons-2.html``), as many in every UI language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote

from edition.base.collation import OTHER, collation
from edition.base.register import Entry, Register

PAGE = ".html"
_TEXTS_DIR = "texts"  # reading pages and the catalogue (texts/index)
_PARALLEL_DIR = "parallel"
_REGISTER_DIR = "register"
_ENTRY_DIR = "register/entries"
_OCCURRENCES_DIR = "register/occurrences"  # at the depth of _ENTRY_DIR: the same relative links
_CATALOGUE_DIR = "texts/catalogue"
ASSIGNMENTS_DIR = "assignments"  # under ``docs`` and in the site
# The index page of each kind of entry; glossary terms keep the glossary page.
_INDEX_PAGES = {
    "person": "register/persons",
    "place": "register/places",
    "organisation": "register/organisations",
    "term": "register/glossary",
}
# Data files, written once at the site's root for every UI language.
ASSETS_DIR = "assets/edition"
POPUP_DIR = "assets/edition/popups"
SEARCH_DIR = "assets/edition/search"
# The folders the build generates pages into (under ``docs``), and with the assets'.
PAGE_DIRS = (_TEXTS_DIR, _PARALLEL_DIR, _REGISTER_DIR)
GENERATED_DIRS = (*PAGE_DIRS, ASSETS_DIR)
_OPEN_DATA = {"json": "register.json", "csv": "register.csv", "schema": "register.schema.json"}
OPEN_DATA_KINDS = tuple(_OPEN_DATA)


class Address(NamedTuple):
    """A file of the site (from a UI language's root, unencoded) and a fragment in it."""

    path: str
    fragment: str = ""

    def at(self, fragment: str) -> Address:
        return self._replace(fragment=fragment)

    @property
    def page(self) -> str:
        """The path without its ``.html``: what source files and front matter are named by."""
        return self.path.removesuffix(PAGE)


def _page(path: str) -> Address:
    return Address(path + PAGE)


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*\Z").match  # what quote() leaves as it is


def _segment(part: str) -> str:
    return part if _PLAIN(part) else quote(part, safe="")


def _encoded(path: str, fragment: str) -> str:
    out = "/".join(_segment(p) for p in path.split("/"))
    return out + (f"#{_segment(fragment)}" if fragment else "")


def url(to: Address) -> str:
    """``to`` as a URL from the root of its UI language's site."""
    return _encoded(to.path, to.fragment)


def up(from_path: str) -> str:
    """The way from the folder of ``from_path`` (a site path) to the site's root: ``../..``."""
    return "../" * from_path.count("/")


def relative(from_page: Address | str, to: Address) -> str:
    """The URL of ``to`` from ``from_page`` (an :class:`Address` or a site path); a link to a
    fragment of ``from_page`` itself is the fragment alone."""
    here = from_page.path if isinstance(from_page, Address) else from_page
    if to.path == here and to.fragment:
        return _encoded("", to.fragment)
    folder, target = here.split("/")[:-1], to.path.split("/")
    n = 0
    while n < len(folder) and n < len(target) - 1 and folder[n] == target[n]:
        n += 1
    return _encoded("/".join([".."] * (len(folder) - n) + target[n:]), to.fragment)


def reading(text_id: str) -> Address:
    """A text's reading page; a sentence or paragraph is ``reading(id).at("p3s2")``."""
    return _page(f"{_TEXTS_DIR}/{text_id}")


def parallel(text_id: str) -> Address:
    """A text's parallel view (original beside its translations)."""
    return _page(f"{_PARALLEL_DIR}/{text_id}")


def translation(text_id: str, lang: str) -> Address:
    """A text's translation into ``lang`` read on its own: one column, with the original's
    paragraph and sentence IDs (``translation(id, "en").at("p3s2")`` renders ``p3s2``). In a
    folder named by the text, beside its reading page: a language code is never ``index``."""
    return _page(f"{_TEXTS_DIR}/{text_id}/{lang}")


ALL = "all"  # a catalogue filter that keeps every text


def catalogue(language: str = ALL, period: str = ALL, number: int = 1) -> Address:
    """Page ``number`` of the catalogue of the texts whose original is in ``language`` and
    whose date is in ``period`` (a decade, ``1930s``, or ``undated``); ``all`` for either
    keeps every text. The first page of all texts is ``texts/index``."""
    if (language, period, number) == (ALL, ALL, 1):
        return _page(f"{_TEXTS_DIR}/index")
    return _page(f"{_CATALOGUE_DIR}/{language}-{period}" + (f"-{number}" if number > 1 else ""))


def search() -> Address:
    return _page("search")


def names() -> Address:
    """The index's overview page."""
    return _page(f"{_REGISTER_DIR}/names")


def map_page() -> Address:
    return _page(f"{_REGISTER_DIR}/map")


def index_kinds() -> tuple[str, ...]:
    """The kinds of entry that have an index page."""
    return tuple(_INDEX_PAGES)


def index(kind: str, number: int = 1) -> Address:
    """Page ``number`` of the index of one kind of entry (glossary terms: the glossary):
    the first is ``register/persons``, the others ``register/persons-2``, ... beside it.
    Numbered, not named by letter: the letters differ between UI languages (Ł in Polish,
    Cyrillic in Ukrainian), and every UI language has the same set of pages."""
    return _page(_INDEX_PAGES[kind] + (f"-{number}" if number > 1 else ""))


def assignment(name: str) -> Address:
    return _page(f"{ASSIGNMENTS_DIR}/{name}")


def open_data(kind: str) -> Address:
    """An open-data file (``json``, ``csv``, ``schema``), beside the default language's index
    pages: written once, at the site's root."""
    return Address(f"{_REGISTER_DIR}/{_OPEN_DATA[kind]}")


def popup_shard(ui: str, k: int) -> Address:
    return Address(f"{POPUP_DIR}/{ui}/{k}.js")


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


def group(kind: str, letter: str, part: int = 1) -> Address:
    """The page of one group of entries, or of its ``part`` (from 2) where it is split: a
    slug never holds ``--``."""
    return _page(f"{_ENTRY_DIR}/{kind}-{slug(letter)}" + (f"--{part}" if part > 1 else ""))


def occurrences(entry_id: str, number: int) -> Address:
    """Page ``number`` (from 2: the first is the entry's section) of an entry's occurrences.
    An entry ID never ends in ``-`` and digits after a single hyphen are its page's."""
    return _page(f"{_OCCURRENCES_DIR}/{entry_id}-{number}")


@dataclass(frozen=True)
class Paging:
    """How much one page holds (``extra: edition: pages:`` in ``mkdocs.yml``)."""

    occurrences_on_entry: int = 20  # occurrences in the entry's section; the rest on pages
    occurrences_per_page: int = 800
    entry_page_bytes: int = 350_000  # the sections of one group page, at most (one at least);
    # also the entries of one index page
    texts_per_page: int = 100  # rows of a catalogue page
    places_on_map: int = 300  # the most mentioned places with coordinates; all in the index


def any_group() -> Address:
    """A page in the folder of every group page: for links made once for all of them."""
    return group("person", "")


def entry(e: Entry) -> Address:
    """The entry's address: its group page and its section's ID."""
    return group(*group_of(e)).at(e.id)


def entries(groups: dict[tuple[str, str], list[Entry]]) -> dict[str, Address]:
    """Entry ID -> :func:`entry` of every entry of ``groups`` (:func:`by_group`)."""
    return {e.id: group(kind, letter).at(e.id) for (kind, letter), es in groups.items() for e in es}


def by_group(register: Register) -> dict[tuple[str, str], list[Entry]]:
    """(kind, letter) -> the entries of that group, in register order."""
    out: dict[tuple[str, str], list[Entry]] = {}
    for e in register:
        out.setdefault(group_of(e), []).append(e)
    return out


# The TEI P5 export and the citation downloads, beside the reading pages. The corpus file
# takes the catalogue's name: ``index`` is never a text's ID.
TEI_CORPUS = f"{_TEXTS_DIR}/index.tei.xml"


def tei_file(text_id: str) -> str:
    """The TEI document of a text, from the site's root."""
    return f"{_TEXTS_DIR}/{text_id}.tei.xml"


def citation_file(text_id: str, ext: str) -> str:
    """A text's citation download (``bib``, ``ris``, ``csl.json``), from the site's root."""
    return f"{_TEXTS_DIR}/{text_id}.{ext}"


DEFAULT_PAGING = Paging()
