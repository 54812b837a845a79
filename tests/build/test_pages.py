"""Pages that stay small: on an edition built with small pages (``PAGED``), an entry's
occurrences are all there, over its section and numbered pages; a split letter group keeps
every entry's old address; the index of each kind is cut into pages under the budget, as
many in every UI language, and every entry is reached from the first page's letter bar; the
catalogue's pages and filters hold every text, once."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from edition.base import addresses
from edition.base.addresses import Paging
from edition.base.collation import collation
from edition.base.register import Register, load_register
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived.register_index import index_name
from edition.web import register_pages
from tests.conftest import PAGED, PAGED_TEXTS, ROOT

pytestmark = pytest.mark.build

PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}


def _doc(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def _follow(page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def register(paged_site: Path) -> dict:
    return json.loads((paged_site / "register/register.json").read_text("utf-8"))


def _section_page(site: Path, ui: str, entry_id: str, kind: str) -> tuple[Path, html.HtmlElement]:
    """The page holding the entry's section, reached from its address (the first page of
    its group) as a reader without scripts would: through the moved anchor's link."""
    (first,) = [
        p
        for p in (site / f"{PREFIX[ui]}register/entries").glob(f"{kind}-*.html")
        if "--" not in p.name and _doc(p).get_element_by_id(entry_id, None) is not None
    ]
    found = _doc(first).get_element_by_id(entry_id)
    if "ed-moved" in found.get("class", ""):
        page, fragment = _follow(first, found.cssselect("a")[0].get("href"))
        assert fragment == entry_id and "--" in page.name
        found = _doc(page).get_element_by_id(entry_id)
        first = page
    assert found.tag == "section"
    return first, found


@pytest.mark.parametrize("ui", ["en", "uk"])
def test_every_occurrence_is_on_the_entry_or_its_numbered_pages(
    paged_site: Path, register: dict, ui: str
) -> None:
    paged = 0
    for entry in register["entries"]:
        page, section = _section_page(paged_site, ui, entry["id"], entry["kind"])
        lines = section.cssselect("ol.ed-occurrences a.ed-occ-link")
        assert len(lines) == min(PAGED["occurrences_on_entry"], len(entry["occurrences"]))
        pager = section.cssselect("nav.ed-pager a")
        for link in pager:
            target, _ = _follow(page, link.get("href"))
            more = _doc(target).cssselect("ol.ed-occurrences a.ed-occ-link")
            assert 0 < len(more) <= PAGED["occurrences_per_page"]
            lines += more
        paged += bool(pager)
        # every occurrence once, in the export's order: its text and sentence
        expected = [(o["text"], o["anchors"][0]) for o in entry["occurrences"]]
        found = [(re.sub(r"\.html$", "", Path(urlsplit(a.get("href")).path).name),
                  urlsplit(a.get("href")).fragment) for a in lines]  # fmt: skip
        assert found == expected, entry["id"]
    assert paged, "no entry has more occurrences than its section shows: the test tests nothing"


def test_a_split_group_keeps_every_address_and_each_entry_once(
    paged_site: Path, register: dict
) -> None:
    folder = paged_site / "pl/register/entries"
    split = sorted(p for p in folder.glob("*--2.html"))
    assert split, "no group is split: the test tests nothing"
    moved = 0
    for second in split:
        first = folder / second.name.replace("--2", "")
        parts = [first, *sorted(folder.glob(first.stem + "--*.html"))]
        held = [s.get("id") for p in parts for s in _doc(p).cssselect("section.ed-entry")]
        assert len(held) == len(set(held))
        listed = _doc(first).cssselect("nav.ed-group-contents li")
        assert len(listed) == len(held)
        for item in _doc(first).cssselect("li.ed-moved"):
            page, fragment = _follow(first, item.cssselect("a")[0].get("href"))
            assert page in parts[1:] and _doc(page).get_element_by_id(fragment).tag == "section"
            moved += 1
    assert moved
    # the index pages link each entry to where its section is
    for entry in register["entries"]:
        (index,) = [
            p
            for p in _index_pages(paged_site, "pl", entry["kind"])
            if _doc(p).get_element_by_id(entry["id"], None) is not None
        ]
        link = _doc(index).cssselect(f'dt[id="{entry["id"]}"] a')[0].get("href")
        page, fragment = _follow(index, link)
        assert _doc(page).get_element_by_id(fragment).tag == "section"


def _index_pages(site: Path, ui: str, kind: str) -> list[Path]:
    """Every page of the index of ``kind`` in ``ui``, by its pager (the first page alone
    where it has none)."""
    return _all_pages(site / PREFIX[ui] / addresses.index(kind).path)


def _reached(
    doc: Callable[[Path], html.HtmlElement], first: Path, ui: str, register: Register
) -> tuple[list[str], int]:
    """The entries reached from the letter bar of an index's first page ``first``: each
    letter leads to the page where it begins and, where it runs over, to its next pages;
    each entry found is under its letter in the language's collation. With the number of
    times a letter went on over a page."""
    order, found, went_on = collation(ui), [], 0
    for link in doc(first).cssselect("nav.ed-letters a"):
        page, fragment = _follow(first, link.get("href"))
        letter = link.text_content()
        while True:
            section = doc(page).get_element_by_id(fragment).getparent()
            ids = [dt.get("id") for dt in section.cssselect("dl.ed-register > dt")]
            for ref in ids:
                assert order.letter(index_name(register[ref], ui)[0]) == letter, (ref, letter)
            found += ids
            go_on = section.cssselect("p.ed-letter-continues a")
            if not go_on:
                break
            page, fragment = _follow(page, go_on[0].get("href"))
            went_on += 1
    return found, went_on


def _within(page: html.HtmlElement, budget: int) -> bool:
    """Whether the letters' sections of an index page take at most ``budget`` bytes, or
    it holds a single entry."""
    held = sum(
        len(html.tostring(x, encoding="unicode").encode())
        for x in page.cssselect("section.ed-letter")
    )
    return held <= budget or len(page.cssselect("dl.ed-register > dt")) == 1


@pytest.mark.parametrize("ui", ["en", "pl", "uk"])
def test_every_entry_is_reached_from_the_first_index_pages_letter_bar(
    paged_site: Path, register: dict, ui: str
) -> None:
    entries = load_register(ROOT / "glossary", tuple(PREFIX))
    cut = 0
    for kind in addresses.index_kinds():
        first = paged_site / PREFIX[ui] / addresses.index(kind).path
        found, _ = _reached(_doc, first, ui, entries)
        wanted = [e["id"] for e in register["entries"] if e["kind"] == kind]
        assert sorted(found) == sorted(wanted), kind
        pages = _index_pages(paged_site, ui, kind)
        cut += len(pages) > 1
        assert all(_within(_doc(page), PAGED["entry_page_bytes"]) for page in pages)
    assert cut, "no index is cut: the test tests nothing"


def test_a_letter_larger_than_a_page_goes_on_over_pages(tmp_path: Path) -> None:
    """The real edition's index pages made with a budget smaller than a letter: every entry
    is still reached from the letter bar, in every UI language, each page under it."""
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    budget = 1500
    root = tmp_path.resolve()
    made = {
        root / PREFIX[ui] / page.address.path: html.fromstring(page.body)
        for ui, page in register_pages.pages(corpus, PREFIX, Paging(entry_page_bytes=budget))
        if Path(page.address.path).parent == Path("register")
    }
    went_on = 0
    for ui in PREFIX:
        for kind in addresses.index_kinds():
            found, n = _reached(
                made.__getitem__,
                root / PREFIX[ui] / addresses.index(kind).path,
                ui,
                corpus.register,
            )
            assert sorted(found) == sorted(e.id for e in corpus.register if e.kind == kind)
            went_on += n
    assert went_on, "no letter goes on over a page: the test tests nothing"
    assert all(
        _within(page, budget) for page in made.values() if page.cssselect("section.ed-letter")
    )


def test_every_ui_language_has_the_same_index_pages(paged_site: Path) -> None:
    for kind in addresses.index_kinds():
        names = {
            ui: [p.relative_to(paged_site / PREFIX[ui]) for p in _index_pages(paged_site, ui, kind)]
            for ui in PREFIX
        }
        assert names["en"] == names["pl"] == names["uk"], kind
        built = sorted(
            (paged_site / "register").glob(Path(addresses.index(kind).path).stem + "-*.html")
        )
        assert [paged_site / p for p in names["en"][1:]] == sorted(
            built, key=lambda p: int(p.stem.rsplit("-", 1)[1])
        )


def test_the_map_shows_the_most_mentioned_places_and_links_the_index(
    paged_site: Path, register: dict
) -> None:
    located = {
        e["id"]: len(e["occurrences"])
        for e in register["entries"]
        if e["kind"] == "place" and "coordinates" in e
    }
    for ui in PREFIX:
        page = paged_site / PREFIX[ui] / addresses.map_page().path
        doc = _doc(page)
        listed = [_follow(page, a.get("href"))[1] for a in doc.cssselect("ul.ed-map-list a")]
        assert len(located) > PAGED["places_on_map"] == len(listed) == len(set(listed))
        fewest = min(located[ref] for ref in listed)
        assert all(n <= fewest for ref, n in located.items() if ref not in listed)
        marked = {_follow(page, a.get("href"))[1] for a in doc.cssselect("figure.ed-map a[href]")}
        assert marked and marked <= set(listed)
        (index,) = doc.cssselect("p.ed-map-most a")
        target = paged_site / PREFIX[ui] / addresses.index("place").path
        assert _follow(page, index.get("href")) == (target.resolve(), "")


def _rows(page: Path) -> list[str]:
    return [
        Path(a.get("href")).stem
        for a in _doc(page).cssselect("table.ed-catalogue td:first-child a")
    ]


def _all_pages(first: Path) -> list[Path]:
    pager = _doc(first).cssselect("nav.ed-pager")
    links = pager[0].cssselect("a") if pager else []
    return [first, *(_follow(first, a.get("href"))[0] for a in links)]


def test_the_catalogue_pages_and_filters_hold_every_text_once(paged_site: Path, register) -> None:
    texts = {t["id"]: t for t in register["texts"]}
    index = paged_site / "uk/texts/index.html"
    pages = _all_pages(index)
    assert len(pages) == -(-len(texts) // PAGED["texts_per_page"]) > 1
    rows = [r for p in pages for r in _rows(p)]
    assert sorted(rows) == sorted(texts)
    assert all(len(_rows(p)) <= PAGED["texts_per_page"] for p in pages)
    filters = _doc(index).cssselect("nav.ed-filters a")
    labels = [re.sub(r"\s+", " ", a.text_content()) for a in filters]
    dates = {t: d for t, _, d, _ in PAGED_TEXTS}
    decades = {"1920s": {"note-1925"}, "1930s": {"note-1932", "note-1934"}}
    for link, label in zip(filters, labels, strict=True):
        first, _ = _follow(index, link.get("href"))
        kept = [r for p in _all_pages(first) for r in _rows(p)]
        assert len(kept) == len(set(kept)) == int(re.search(r"\((\d+)\)", label).group(1))
        name = first.stem  # <language>-<period>
        language, period = name.split("-", 1)
        if language != "all":
            assert {texts[t]["original"] for t in kept} == {language}
        if period in decades:
            assert set(kept) == decades[period]
        elif period == "undated":
            assert set(kept) == set(texts) - set(dates) | {"note-undated"}
    assert any("1930" in label for label in labels)
