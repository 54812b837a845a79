"""HTML of the index: pages per kind of entry with a letter bar, entry pages with every
occurrence of each entry in every text and translation, a map and an overview page.

Entries are grouped per kind and index letter (``addresses.by_group``), one page per group
(``register/entries/person-c``) with one section per entry, rather than one page per entry:
MkDocs' cost per page dominated the build with thousands of entries. The entry pages stay out
of the sidebar (``not_in_nav`` in ``mkdocs.yml``): a sidebar of thousands of entries makes
build time grow quadratically.

No page grows with the corpus (``addresses.Paging``): an entry's section shows its first
occurrences and links to numbered pages holding the rest, static pages rather than data
loaded by a script, so that they read without a script, from ``file://`` and with a screen
reader like every other page and each has an address to cite; a group whose sections
outgrow a page goes on over numbered parts, its first page listing every entry of the group
with an anchor at the entry's ID that links to the part holding it (``edition.js`` follows
it at once), so an entry's address stays ``register/entries/person-c.html#ID``. The parts
are cut in the default language's order, the same in every UI language; within a page the
entries follow the page's language. The index of each kind is cut the same way under the
same budget (:func:`cut`), by letters of the page's language (:func:`index_cut`), into
numbered pages, as many in every UI language; the map holds the most mentioned places.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from edition.analysis.corpus import Corpus
from edition.base import addresses
from edition.base.addresses import Address, Paging, relative, up
from edition.base.collation import OTHER, collation
from edition.base.register import Entry
from edition.base.strings import ui_strings
from edition.derived.register_index import index_name, letters, sort_keys
from edition.web.entry_sections import EntryTemplate, Fields
from edition.web.entry_sections import of as template_of
from edition.web.fallback import definition_in_language, in_language
from edition.web.html import dates, esc, href, pager
from edition.web.map import Marker, map_html
from edition.web.popups import host_html
from edition.web.reading import Page

T = TypeVar("T")

NAME_KINDS = ("person", "place", "organisation")


def _letter_id(letter: str) -> str:
    return "letter-other" if letter == OTHER else f"letter-{letter}"


class _Counts(NamedTuple):
    mentions: int
    texts: int


def counts(corpus: Corpus) -> dict[str, _Counts]:
    """Entry ID -> its number of occurrences and of texts it occurs in."""
    return {
        ref: _Counts(len(found), len({id(o.text) for o in found}))
        for ref, found in corpus.occurrences.items()
    }


class _Shown(NamedTuple):
    """What the index page and the entry page of one entry both show, in one UI language."""

    name: str
    definition: str
    dates: str
    mentions: str  # the number of mentions and texts, or that there are none


class _UiPages:
    """One UI language's pages of one edition, and what several of them need, made once."""

    def __init__(
        self,
        corpus: Corpus,
        ui: str,
        ui_root: str,
        counted: dict[str, _Counts],
        where: dict[str, Address],
    ) -> None:
        self.corpus, self.ui, self.ui_root = corpus, ui, ui_root
        self.s = ui_strings(ui)
        self.counted = counted
        self.where = where  # entry ID -> the page (part of its group) and section holding it
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
        # per kind, the pages of its index (``index_layouts``); each entry's place on them
        self.index: dict[str, list[list[_Listed]]] = {}
        self.index_of: dict[str, Address] = {}

    def mentions(self, entry: Entry) -> int:
        found = self.counted.get(entry.id)
        return found.mentions if found else 0

    def shown(self, entry: Entry) -> _Shown:
        found = self.counted.get(entry.id)
        return _Shown(
            in_language(entry.name_in(self.ui), self.ui),
            definition_in_language(entry.definition_in(self.ui), self.ui),
            esc(dates(entry, self.s)),
            self.s["mention_count"].format(mentions=found.mentions, texts=found.texts)
            if found
            else "",
        )


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


class _Listed(NamedTuple):
    """An entry on an index page, under its letter in the page's language."""

    letter: str
    entry: Entry


# Room for a part number in an index item's link to its entry (``person-c--12.html``): the
# index is cut before the group pages are, which decide the parts.
_PART_ROOM = 8
# Bytes of a letter's section around its entries, at most: the heading, the link to the page
# it continues on.
_LETTER_ROOM = 400


def cut(items: Sequence[T], size: Callable[[T], int], budget: int) -> list[list[T]]:
    """``items``, in their order, in runs whose sizes add up to at most ``budget`` (one item
    at least): the parts of a group page, the pages of an index."""
    runs: list[list[T]] = [[]]
    used = 0
    for item in items:
        n = size(item)
        if runs[-1] and used + n > budget:
            runs.append([])
            used = 0
        runs[-1].append(item)
        used += n
    return runs


def _halved(page: list[_Listed], size: Callable[[_Listed], int]) -> list[list[_Listed]]:
    """``page`` cut in two where the bytes are most even, between letters where it holds
    several."""
    cuts = [i for i in range(1, len(page)) if page[i].letter != page[i - 1].letter]
    cuts = cuts or list(range(1, len(page)))
    total, before, at = sum(map(size, page)), {0: 0}, 0
    for i, item in enumerate(page, 1):
        at += size(item)
        before[i] = at
    best = min(cuts, key=lambda i: (abs(total - 2 * before[i]), i))
    return [page[:best], page[best:]]


def index_cut(
    groups: list[tuple[str, list[Entry]]],
    size: Callable[[_Listed], int],
    budget: int,
    count: int = 1,
) -> list[list[_Listed]]:
    """The entries of an index (its letters, from ``register_index.letters``) on pages of at
    most ``budget`` bytes (their letters' sections) by :func:`cut`: runs of whole letters, a
    letter larger than a page on pages of its own; then, while there are fewer than ``count`` pages, the largest is
    halved, so that every UI language has as many pages."""
    letters = [[_Listed(letter, e) for e in entries] for letter, entries in groups]
    pages: list[list[_Listed]] = []
    for run in cut(letters, lambda items: sum(map(size, items)) + _LETTER_ROOM, budget):
        if len(run) == 1:
            pages += [p for p in cut(run[0], size, budget - _LETTER_ROOM) if p]
        else:
            pages.append([item for items in run for item in items])
    while len(pages) < count:
        k = max(
            (k for k, p in enumerate(pages) if len(p) > 1),
            key=lambda k: sum(map(size, pages[k])),
        )
        pages[k : k + 1] = _halved(pages[k], size)
    return pages


def _letter_title(s: dict[str, Any], letter: str) -> str:
    return s["other"] if letter == OTHER else letter


def _index_item(lang: _UiPages, e: Entry, here: Address) -> str:
    """An entry on an index page: its name linked to its section, definition and facts."""
    s, shown = lang.s, lang.shown(e)
    facts = [x for x in [shown.dates] if x]
    facts.append(esc(shown.mentions or s["no_occurrences"]))
    return (
        f'<dt id="{esc(e.id)}"><a href="{href(here, lang.where[e.id])}">'
        f"{in_language(index_name(e, lang.ui), lang.ui)}</a></dt>"
        f"<dd><p>{shown.definition}</p>"
        f'<p class="ed-facts">{" · ".join(facts)}</p></dd>'
    )


def index_layouts(langs: dict[str, _UiPages], budget: int) -> None:
    """Cut the index of every kind, in every UI language, into pages (``_UiPages.index``),
    as many in each language, and note the index page of every entry."""
    for kind in addresses.index_kinds():
        cuts = {ui: _IndexCut(lang, kind, budget) for ui, lang in langs.items()}
        count = max(len(c.pages()) for c in cuts.values())
        for ui, lang in langs.items():
            lang.index[kind] = cuts[ui].pages(count)
            for n, page in enumerate(lang.index[kind], 1):
                for x in page:
                    lang.index_of[x.entry.id] = addresses.index(kind, n).at(x.entry.id)


class _IndexCut:
    """The index of one kind in one UI language, to be cut into pages: its letters and the
    bytes of each entry's item."""

    def __init__(self, lang: _UiPages, kind: str, budget: int) -> None:
        self.groups = letters(lang.corpus.register, kind, lang.ui, lang.keys)
        here, self.budget = addresses.index(kind), budget
        self.sizes = {
            e.id: len(_index_item(lang, e, here).encode()) + _PART_ROOM
            for _, entries in self.groups
            for e in entries
        }

    def size(self, x: _Listed) -> int:
        return self.sizes[x.entry.id]

    def pages(self, count: int = 1) -> list[list[_Listed]]:
        return index_cut(self.groups, self.size, self.budget, count)


def index_page(lang: _UiPages, kind: str, number: int) -> Page:
    """Page ``number`` (from 1) of the index of ``kind``: its entries in the alphabetical
    order of the language under their letters, a letter bar linking to the page of each
    letter, and the pages' numbers."""
    s, ui = lang.s, lang.ui
    layout = lang.index[kind]
    pages = [addresses.index(kind, n) for n in range(1, len(layout) + 1)]
    here = pages[number - 1]
    title, intro = (
        (s["glossary"], s["glossary_intro"])
        if kind == "term"
        else (s["kinds_plural"][kind], s["index_intro"])
    )
    starts: dict[str, Address] = {}  # letter -> its heading, on the page it begins on
    for n, page in enumerate(layout):
        for x in page:
            starts.setdefault(x.letter, pages[n].at(_letter_id(x.letter)))
    runs: dict[str, list[Entry]] = {}
    for x in layout[number - 1]:
        runs.setdefault(x.letter, []).append(x.entry)

    def letter_link(x: str, extra: str = "") -> str:
        if x not in starts:
            return f'<span class="ed-letter-empty">{esc(x)}</span>'
        here_too = ' class="ed-letter-here"' if x in runs and len(pages) > 1 else ""
        return f'<a href="{href(here, starts[x])}"{here_too}{extra}>{esc(x)}</a>'

    bar = [letter_link(x) for x in collation(ui).letters]
    if OTHER in starts:
        bar.append(letter_link(OTHER, f' title="{esc(s["other"])}"'))
    before = layout[number - 2][-1].letter if number > 1 and layout[number - 2] else None
    after = layout[number][0].letter if number < len(layout) and layout[number] else None
    sections = []
    for letter, entries in runs.items():
        heading = esc(letter)
        if letter == before:  # a letter larger than a page, begun on the page before
            heading = esc(s["letter_continued"].format(letter=letter))
        go_on = ""
        if letter == after:
            more = s["letter_continues"].format(letter=letter, n=number + 1)
            to = href(here, pages[number].at(_letter_id(letter)))
            go_on = f'<p class="ed-letter-continues"><a href="{to}">{esc(more)}</a></p>'
        sections.append(
            f'<section class="ed-letter" aria-labelledby="{esc(_letter_id(letter))}">'
            f'<h2 id="{esc(_letter_id(letter))}">{heading}</h2>'
            f'<dl class="ed-register">{"".join(_index_item(lang, e, here) for e in entries)}</dl>'
            f"{go_on}</section>"
        )
    head = f"<h1>{esc(title)}</h1>\n\n<p>{esc(intro)}</p>\n\n"
    nav = ""
    if len(pages) > 1:
        nav = pager(here, pages, number, s["pages_of_index"]) + "\n\n"
        if number > 1:
            shown = [_letter_title(s, x) for x in runs]
            span = shown[0] if len(shown) == 1 else f"{shown[0]}–{shown[-1]}"
            title = s["page_of"].format(
                title=s["entry_group"].format(kind=title, letter=span),
                n=number,
                total=len(pages),
            )
            head = f"<h1>{esc(title)}</h1>\n\n"
    return Page(
        here,
        title,
        (
            head
            + f'<nav class="ed-letters" aria-label="{esc(s["letters"])}">{" ".join(bar)}</nav>\n\n'
            + nav
            + "\n".join(sections)
            + "\n\n"
            + _open_data(s, here, lang.ui_root)
            + host_html(lang.corpus.register, ui, up(here.path), follow=True)
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


def entry_section(
    lang: _UiPages, fields: Fields, entry: Entry, template: EntryTemplate, parts: str
) -> str:
    """One entry, a section of its group page: its names in every language and the forms
    found in the texts, its data and definition, and its first occurrences grouped by text
    and by version (its template, filled in with the words of the language), with links to
    the pages of the others. IDs inside the section start with the entry's ID (unique on the
    page). Every part of a group is in one folder: links are the same from each (``parts``)."""
    s, shown = lang.s, lang.shown(entry)
    kind, _, plural = lang.kinds[entry.kind]
    dates = f" · {shown.dates}" if shown.dates else ""
    ref = esc(entry.id)
    head = (
        f'<section class="ed-entry" id="{ref}" aria-labelledby="{ref}-name">'
        f'<header class="ed-header"><h2 id="{ref}-name">{shown.name}</h2>'
        f'<p class="ed-facts">{kind}{dates}{template.authority}</p>'
        f"<p>{shown.definition}</p>"
        f'<p class="ed-views"><a href="{href(parts, lang.index_of[entry.id])}">{plural}</a></p></header>'
    )
    if not template.count:
        mentions = [lang.none]
    else:
        mentions = [f'<p class="ed-in-texts">{esc(shown.mentions)}</p>\n']
        if template.more:
            first = template.occurrences
            mentions.append(_occurrence_pager(lang, entry, template, 1, parts))
            mentions.append(
                f'<p class="ed-range">{esc(_range(s, first.first, first.last, template.count))}</p>'
            )
        mentions.append(fields.fill(template.occurrences.template, lang.ui))
    # joined once: the occurrences run to megabytes on a large edition
    return "".join([head, fields.fill(template.names, lang.ui), *mentions, "</section>"])


def _range(s: dict[str, Any], first: int, last: int, count: int) -> str:
    return s["occurrences_range"].format(first=first, last=last, count=count)


def _occurrence_pager(
    lang: _UiPages, entry: Entry, template: EntryTemplate, current: int, here: str
) -> str:
    """Links to the entry's section (page 1) and to the pages of its other occurrences."""
    pages = [lang.where[entry.id]]
    pages += [addresses.occurrences(entry.id, n) for n in range(2, len(template.more) + 2)]
    return pager(Address(here), pages, current, lang.s["pages_of_occurrences"])


def occurrence_page(
    lang: _UiPages, fields: Fields, entry: Entry, template: EntryTemplate, number: int
) -> Page:
    """Page ``number`` (from 2) of an entry's occurrences."""
    s, here = lang.s, addresses.occurrences(entry.id, number)
    shown, page = lang.shown(entry), template.more[number - 2]
    span = _range(s, page.first, page.last, template.count)
    title = f"{entry.name(lang.ui)}: {span}"
    nav = _occurrence_pager(lang, entry, template, number, here.path)
    body = (
        # the texts' sections are named by the entry's name, as in its section
        f'<h1 id="{esc(entry.id)}-name">{shown.name}</h1>\n\n<p class="ed-views">'
        f'<a href="{href(here, lang.where[entry.id])}">{esc(s["back_to_entry"])}</a></p>\n\n'
        f"<h2>{esc(s['mentions'])}</h2>\n\n<h3>{esc(span)}</h3>\n\n"
        f"{nav}\n{fields.fill(page.template, lang.ui)}\n"
    )
    return Page(here, title, body)


def _parts(
    default: _UiPages, sizes: dict[str, int], members: list[Entry], budget: int
) -> list[list[Entry]]:
    """The group's entries cut, in the default language's order, into parts whose sections
    take at most ``budget`` bytes (one entry at least)."""
    ordered = sorted(members, key=lambda e: (default.keys[e.id], e.id))
    return cut(ordered, lambda e: sizes[e.id], budget)


def group_pages(
    langs: dict[str, _UiPages],
    fields: Fields,
    paging: Paging,
    kind: str,
    letter: str,
    members: list[Entry],
) -> Iterator[tuple[str, Page]]:
    """The entries of one kind under one index letter (of the default language), in every
    UI language: each entry's templates made once and filled in for each language, on one
    page or its numbered parts, and the pages of their other occurrences."""
    folder = addresses.group(kind, letter).path  # every part's folder: the links are the same
    templates = {e.id: template_of(fields, e, paging) for e in members}
    sections = {
        ui: {e.id: entry_section(lang, fields, e, templates[e.id], folder) for e in members}
        for ui, lang in langs.items()
    }
    sizes = {e.id: max(len(sections[ui][e.id].encode()) for ui in langs) for e in members}
    default = next(iter(langs.values()))
    parts = _parts(default, sizes, members, paging.entry_page_bytes)
    if len(parts) > 1:  # the first part also lists every entry: room for the list
        parts = _parts(default, sizes, members, paging.entry_page_bytes - 200 * len(members))
    addresses_of = [addresses.group(kind, letter, n) for n in range(1, len(parts) + 1)]
    for n, part in enumerate(parts):
        for e in part:
            default.where[e.id] = addresses_of[n].at(e.id)  # shared by every language
    for ui, lang in langs.items():
        for n in range(1, len(parts) + 1):
            yield ui, _group_page(lang, kind, letter, parts, n, addresses_of, sections[ui])
        for e in members:
            for number in range(2, len(templates[e.id].more) + 2):
                yield ui, occurrence_page(lang, fields, e, templates[e.id], number)


def _group_page(
    lang: _UiPages,
    kind: str,
    letter: str,
    parts: list[list[Entry]],
    number: int,
    pages: list[Address],
    sections: dict[str, str],
) -> Page:
    """Part ``number`` (from 1) of a group's page in one UI language."""
    s, here = lang.s, pages[number - 1]
    title = s["entry_group"].format(
        kind=s["kinds_plural"][kind], letter=s["other"] if letter == OTHER else letter
    )
    ordered = sorted(parts[number - 1], key=lambda e: (lang.keys[e.id], e.id))
    head = [f"<h1>{esc(title)}</h1>\n\n"]
    if len(parts) > 1:
        if number > 1:
            title = s["page_of"].format(title=title, n=number, total=len(parts))
        nav = pager(here, pages, number, s["pages_of_group"])
        head = [f"<h1>{esc(title)}</h1>\n\n", nav, "\n\n"]
        if number == 1:
            head.append(_contents(lang, parts, pages))
    sections_html = "\n".join(sections[e.id] for e in ordered)
    return Page(here, title, "".join([*head, sections_html, "\n"]))


def _contents(lang: _UiPages, parts: list[list[Entry]], pages: list[Address]) -> str:
    """Every entry of a split group, in the language's order, linked to its section; an
    entry on another part keeps its anchor here (``ed-moved``: ``edition.js`` follows it)."""
    s, here = lang.s, pages[0]
    part_of = {e.id: n for n, part in enumerate(parts) for e in part}
    items = []
    for e in sorted(part_of, key=lambda ref: (lang.keys[ref], ref)):
        entry, n = lang.corpus.register[e], part_of[e]
        name = in_language(entry.name_in(lang.ui), lang.ui)
        to = href(here, pages[n].at(e))
        if n == 0:
            items.append(f'<li><a href="{to}">{name}</a></li>')
        else:
            on = esc(s["on_page"].format(n=n + 1))
            items.append(
                f'<li class="ed-moved" id="{esc(e)}"><a href="{to}">{name}</a> ({on})</li>'
            )
    label = esc(s["group_contents"])
    return (
        f'<nav class="ed-group-contents" aria-label="{label}"><h2>{label}</h2>'
        f"<ul>{''.join(items)}</ul></nav>\n\n"
    )


def map_page(lang: _UiPages, paging: Paging) -> Page:
    """Every place with coordinates as a marker linked to its entry, over a shipped base
    map; below it, the same places as a list (the map's text alternative). Where there are
    more than ``paging.places_on_map``, the most mentioned of them, with a link to the
    index of places, which holds them all: the map's page stays small."""
    corpus, ui, s, here = lang.corpus, lang.ui, lang.s, addresses.map_page()
    located = [e for e in corpus.register if e.kind == "place" and "coordinates" in e.data]
    most = ""
    if len(located) > paging.places_on_map:
        by_mentions = sorted(located, key=lambda e: (-lang.mentions(e), lang.keys[e.id], e.id))
        located = by_mentions[: paging.places_on_map]
        text = s["map_most"].format(shown=len(located), total=len(by_mentions))
        index = href(here, addresses.index("place"))
        most = (
            f'<p class="ed-map-most">{esc(text)} '
            f'<a href="{index}">{esc(s["kinds_plural"]["place"])}</a></p>\n\n'
        )
    links = {e.id: relative(here, lang.where[e.id]) for e in located}
    places = sorted(located, key=lambda e: lang.keys[e.id])
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
                max(1, lang.mentions(e)),
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
            + most
            + figure
            + f"\n\n<h2>{esc(s['map_list'])}</h2>\n\n"
            + f'<ul class="ed-map-list">{items}</ul>\n'
        ),
    )


@dataclass
class Made:
    """What one build's register pages were: every entry's part (the page and section it is on), its
    counts, and the pages each group made (``None``: the index pages, map and overview), so that a
    later build of the same process (``edition.build.session``) can make only what changed."""

    where: dict[str, Address] = field(default_factory=dict)
    counted: dict[str, _Counts] = field(default_factory=dict)
    index_of: dict[str, dict[str, Address]] = field(default_factory=dict)  # UI -> entry -> page
    pages: dict[tuple[str, str] | None, list[tuple[str, Address]]] = field(default_factory=dict)


def pages(
    corpus: Corpus,
    ui_roots: dict[str, str],
    paging: Paging,
    made: Made | None = None,
    changed: Collection[str] | None = None,
) -> Iterator[tuple[str, Page]]:
    """(UI language, page): the entry pages, group by group in every UI language, then the
    index pages, the map and the overview, each made when it is reached (all the entry pages
    at once took hundreds of megabytes on a large edition). ``ui_roots``: each UI language
    (the default first) -> the folder of its site from the site's root.

    ``made`` is filled with what this build made. Given ``changed`` too, the IDs of the
    entries whose occurrences may differ from those of the build that filled ``made`` (with
    the same register, languages and paging), only their groups are made again, and the
    index pages, the map and the overview only if an entry's count or part changed: the
    other pages would be the same."""
    groups = addresses.by_group(corpus.register)
    last = made if changed is not None else None  # the build to make only changes against
    where = dict(last.where) if last is not None else addresses.entries(groups)
    before = dict(where)
    counted = counts(corpus)
    langs = {ui: _UiPages(corpus, ui, root, counted, where) for ui, root in ui_roots.items()}
    fields = Fields(corpus, tuple(ui_roots))
    index_layouts(langs, paging.entry_page_bytes)
    index_of = {ui: lang.index_of for ui, lang in langs.items()}
    record: dict[tuple[str, str] | None, list[tuple[str, Address]]] = {}
    # an entry's section links to the index page that holds it: if any moved, every group
    wanted = (
        {addresses.group_of(corpus.register[ref]) for ref in changed if ref in corpus.register}
        if last is not None and changed is not None and index_of == last.index_of
        else groups.keys()
    )
    for key, members in groups.items():
        if key in wanted:
            record[key] = []
            for ui, page in group_pages(langs, fields, paging, *key, members):
                record[key].append((ui, page.address))
                yield ui, page
    if last is None or counted != last.counted or where != before or index_of != last.index_of:
        record[None] = []
        for ui, lang in langs.items():
            shown = [overview_page(corpus, ui, lang.ui_root), map_page(lang, paging)]
            for kind in addresses.index_kinds():
                shown += [index_page(lang, kind, n) for n in range(1, len(lang.index[kind]) + 1)]
            for page in shown:
                record[None].append((ui, page.address))
                yield ui, page
    if made is not None:
        made.where, made.counted, made.index_of = where, counted, index_of
        made.pages = {**made.pages, **record} if last is not None else record
