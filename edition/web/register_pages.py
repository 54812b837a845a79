"""HTML of the index: one page per kind of entry with a letter bar, entry pages with every
occurrence of each entry in every text and translation, a map and an overview page.

Entries are grouped per kind and index letter (``entry_groups``), one page per group
(``register/entries/person-c``) with one section per entry, rather than one page per entry:
MkDocs' cost per page dominated the build with thousands of entries. The entry pages stay out
of the sidebar (``not_in_nav`` in ``mkdocs.yml``): a sidebar of thousands of entries makes
build time grow quadratically.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from edition.analysis.corpus import Corpus
from edition.base import addresses
from edition.base.addresses import Address, relative
from edition.base.collation import OTHER, collation
from edition.base.register import Entry
from edition.base.strings import ui_strings
from edition.derived.register_index import index_name, letters, sort_keys
from edition.web.entry_sections import EntryTemplate, fill, groups_of, words
from edition.web.entry_sections import of as template_of
from edition.web.fallback import definition_in_language, in_language
from edition.web.html import dates, esc, href
from edition.web.map import Marker, map_html
from edition.web.reading import Page

NAME_KINDS = ("person", "place", "organisation")


def _letter_id(letter: str) -> str:
    return "letter-other" if letter == OTHER else f"letter-{letter}"


def _mention_count(occurrences: EntryTemplate, s: dict[str, Any]) -> str:
    return s["mention_count"].format(mentions=occurrences.count, texts=occurrences.texts)


class _Shown(NamedTuple):
    """What the index page and the entry page of one entry both show, in one UI language."""

    name: str
    definition: str
    dates: str
    template: EntryTemplate
    mentions: str  # the number of mentions and texts, or that there are none


class _UiPages:
    """One UI language's pages of one edition, and what several of them need, made once."""

    def __init__(self, corpus: Corpus, ui: str, ui_root: str) -> None:
        self.corpus, self.ui, self.ui_root = corpus, ui, ui_root
        self.s = ui_strings(ui)
        self.groups = groups_of(corpus)
        self.addresses = addresses.entries(self.groups)
        self._shown: dict[str, _Shown] = {}
        self.keys = sort_keys(corpus.register, ui)
        # per kind of entry: its name, its index page, its name in the plural
        self.kinds = {
            kind: (
                esc(self.s["kinds"][kind]),
                addresses.index(kind),
                esc(self.s["kinds_plural"][kind]),
            )
            for kind in addresses.index_kinds()
        }
        self.none = f"<p>{esc(self.s['no_occurrences'])}</p>"

    def shown(self, entry: Entry) -> _Shown:
        found = self._shown.get(entry.id)
        if found is None:
            template = template_of(self.corpus, entry)
            found = self._shown[entry.id] = _Shown(
                in_language(entry.name_in(self.ui), self.ui),
                definition_in_language(entry.definition_in(self.ui), self.ui),
                esc(dates(entry, self.s)),
                template,
                _mention_count(template, self.s) if template.count else "",
            )
        return found


_OPEN_DATA_LINKS = dict(
    zip(
        addresses.OPEN_DATA_KINDS,
        (
            ("application/json", "JSON"),
            ("text/csv", "CSV"),
            ("application/schema+json", "JSON Schema"),
        ),
        strict=True,
    )
)


def _open_data(s: dict[str, Any], here: Address, ui_root: str) -> str:
    """Links from page ``here`` of the UI language whose site is at ``ui_root`` to the
    open-data files, written once at the site's root for every language."""
    links = ", ".join(
        f'<a href="{esc(relative(ui_root + here.path, addresses.open_data(key)))}" type="{mime}">{label}</a>'
        for key, (mime, label) in _OPEN_DATA_LINKS.items()
    )
    return f'<p class="ed-open-data">{esc(s["open_data"])}: {links}</p>'


def index_page(lang: _UiPages, kind: str) -> Page:
    """Every entry of ``kind`` in the alphabetical order of the language, under a letter bar."""
    s, ui, here = lang.s, lang.ui, addresses.index(kind)
    title, intro = (
        (s["glossary"], s["glossary_intro"])
        if kind == "term"
        else (s["kinds_plural"][kind], s["index_intro"])
    )
    groups = letters(lang.corpus.register, kind, ui, lang.keys)
    present = {letter for letter, _ in groups}
    bar = [
        f'<a href="#{_letter_id(x)}">{esc(x)}</a>'
        if x in present
        else f'<span class="ed-letter-empty">{esc(x)}</span>'
        for x in collation(ui).letters
    ]
    if OTHER in present:
        bar.append(f'<a href="#{_letter_id(OTHER)}" title="{esc(s["other"])}">{esc(OTHER)}</a>')
    sections = []
    for letter, entries in groups:
        items = []
        for e in entries:
            shown = lang.shown(e)
            facts = [x for x in [shown.dates] if x]
            facts.append(esc(shown.mentions or s["no_occurrences"]))
            items.append(
                f'<dt id="{esc(e.id)}"><a href="{href(here, lang.addresses[e.id])}">'
                f"{in_language(index_name(e, ui), ui)}</a></dt>"
                f"<dd><p>{shown.definition}</p>"
                f'<p class="ed-facts">{" · ".join(facts)}</p></dd>'
            )
        sections.append(
            f'<section class="ed-letter" aria-labelledby="{esc(_letter_id(letter))}">'
            f'<h2 id="{esc(_letter_id(letter))}">{esc(letter)}</h2>'
            f'<dl class="ed-register">{"".join(items)}</dl></section>'
        )
    return Page(
        here,
        title,
        (
            f"<h1>{esc(title)}</h1>\n\n<p>{esc(intro)}</p>\n\n"
            + f'<nav class="ed-letters" aria-label="{esc(s["letters"])}">{" ".join(bar)}</nav>\n\n'
            + "\n".join(sections)
            + "\n\n"
            + _open_data(s, here, lang.ui_root)
            + "\n"
        ),
    )


def overview_page(corpus: Corpus, ui: str, ui_root: str) -> Page:
    """The way into the index: one link per kind of entry, with its size."""
    s, here = ui_strings(ui), addresses.names()
    items = "".join(
        f'<li><a href="{href(here, addresses.index(kind))}">'
        f"{esc(s['kinds_plural'][kind])}</a> ({sum(1 for e in corpus.register if e.kind == kind)})</li>"
        for kind in NAME_KINDS
    )
    items += f'<li><a href="{href(here, addresses.map_page())}">{esc(s["map"])}</a></li>'
    return Page(
        here,
        s["names"],
        (
            f"<h1>{esc(s['names'])}</h1>\n\n<p>{esc(s['names_intro'])}</p>\n\n"
            + f'<ul class="ed-index-kinds">{items}</ul>\n\n'
            + _open_data(s, here, ui_root)
            + "\n"
        ),
    )


def entry_section(lang: _UiPages, here: Address, entry: Entry, words: dict[bytes, bytes]) -> str:
    """One entry, a section of its group page: its names in every language and the forms
    found in the texts, its data and definition, and every occurrence grouped by text and by
    version (its template, filled in with the ``words`` of the language). IDs inside the
    section start with the entry's ID (unique on the page)."""
    shown = lang.shown(entry)
    kind, index, plural = lang.kinds[entry.kind]
    dates = f" · {shown.dates}" if shown.dates else ""
    ref = esc(entry.id)
    head = (
        f'<section class="ed-entry" id="{ref}" aria-labelledby="{ref}-name">'
        f'<header class="ed-header"><h2 id="{ref}-name">{shown.name}</h2>'
        f'<p class="ed-facts">{kind}{dates}{shown.template.authority}</p>'
        f"<p>{shown.definition}</p>"
        f'<p class="ed-views"><a href="{href(here, index.at(entry.id))}">{plural}</a></p></header>'
    )
    if not shown.template.count:
        mentions = [lang.none]
    else:
        count = f'<p class="ed-in-texts">{esc(shown.mentions)}</p>\n'
        mentions = [count, fill(shown.template.occurrences, words)]
    # joined once: the occurrences run to megabytes on a large edition
    return "".join([head, fill(shown.template.names, words), *mentions, "</section>"])


def group_page(lang: _UiPages, kind: str, letter: str, members: list[Entry]) -> Page:
    """The entries of one kind under one index letter (of the default language), in the
    alphabetical order of the language."""
    s, ui, here = lang.s, lang.ui, addresses.group(kind, letter)
    title = s["entry_group"].format(
        kind=s["kinds_plural"][kind], letter=s["other"] if letter == OTHER else letter
    )
    ordered = sorted(members, key=lambda e: (lang.keys[e.id], e.id))
    filled = words(lang.corpus, ui)
    sections = "\n".join(entry_section(lang, here, e, filled) for e in ordered)
    return Page(here, title, "".join([f"<h1>{esc(title)}</h1>\n\n", sections, "\n"]))


def map_page(lang: _UiPages) -> Page:
    """Every place with coordinates as a marker linked to its entry, over a shipped base
    map; below it, the same places as a list (the map's text alternative)."""
    corpus, ui, s, here = lang.corpus, lang.ui, lang.s, addresses.map_page()
    links = {ref: relative(here, a) for ref, a in lang.addresses.items()}
    places = sorted(
        (e for e in corpus.register if e.kind == "place" and "coordinates" in e.data),
        key=lambda e: lang.keys[e.id],
    )
    markers = []
    for e in places:
        name, code = e.name_in(ui)
        point = e.data.get("area", e.data["coordinates"])
        markers.append(
            Marker(
                point["lat"],
                point["lon"],
                links[e.id],
                name,
                code if code != ui else None,
                max(1, lang.shown(e).template.count),
                "area" in e.data,
            )
        )
    items = "".join(
        f'<li><a href="{esc(links[e.id])}">{in_language(e.name_in(ui), ui)}</a>'
        f' <span class="ed-facts">{esc(dates(e, s))}</span></li>'
        for e in places
    )
    figure = (
        f'<figure class="ed-map">{map_html(markers, s["map_frame"], s["map_more"])}'
        f"<figcaption>{esc(s['map_credit'])}</figcaption></figure>"
        if markers
        else ""
    )
    return Page(
        here,
        s["map"],
        (
            f"<h1>{esc(s['map'])}</h1>\n\n<p>{esc(s['map_intro'])}</p>\n\n"
            + figure
            + f"\n\n<h2>{esc(s['map_list'])}</h2>\n\n"
            + f'<ul class="ed-map-list">{items}</ul>\n'
        ),
    )


def pages(corpus: Corpus, ui: str, ui_root: str) -> Iterator[Page]:
    """The index pages, the entry pages, the map and the overview, in UI language ``ui``,
    whose site is at ``ui_root`` (from the site's root), each made when it is reached: all
    the entry pages of a language at once took hundreds of megabytes on a large edition."""
    lang = _UiPages(corpus, ui, ui_root)
    yield overview_page(corpus, ui, ui_root)
    yield map_page(lang)
    for kind in addresses.index_kinds():
        yield index_page(lang, kind)
    for (kind, letter), members in lang.groups.items():
        yield group_page(lang, kind, letter, members)
