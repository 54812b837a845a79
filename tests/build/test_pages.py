"""Pages that stay small: on an edition built with small pages (``PAGED``), an entry's
occurrences are all there, over its section and numbered pages; a split letter group keeps
every entry's old address; the catalogue's pages and filters hold every text, once."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from edition.base import addresses
from tests.conftest import PAGED, PAGED_TEXTS

pytestmark = pytest.mark.build

PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}


def _doc(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def _follow(page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    return (page.parent / unquote(parts.path)).resolve(), unquote(parts.fragment)


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
    # the index pages and the popups' data link each entry to where its section is
    for entry in register["entries"]:
        if entry["kind"] == "term":
            continue
        index = paged_site / "pl" / addresses.index(entry["kind"]).path
        link = _doc(index).cssselect(f'dt[id="{entry["id"]}"] a')[0].get("href")
        page, fragment = _follow(index, link)
        assert _doc(page).get_element_by_id(fragment).tag == "section"


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
