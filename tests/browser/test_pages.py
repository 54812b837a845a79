"""A reader on an edition whose pages are small (``PAGED``): reaches the second page of an
entry's occurrences, the entry under its old address after its letter was split, the pages
of an index by its letter bar on a phone, an entry by its old index address, a filtered
catalogue and its second page; over http and from ``file://``, with no accessibility
violations (WCAG 2.1 AA)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html
from playwright.sync_api import Browser, Page, expect

from edition.base import addresses
from tests.conftest import axe_violations

pytestmark = pytest.mark.browser


def _most_mentioned(site: Path) -> tuple[str, str]:
    """The entry with the most occurrences and the first page of its group (its address)."""
    data = json.loads((site / "register/register.json").read_text("utf-8"))
    entry = max(data["entries"], key=lambda e: len(e["occurrences"]))
    for page in sorted((site / "register/entries").glob(f"{entry['kind']}-*.html")):
        if "--" not in page.name and f'id="{entry["id"]}"' in page.read_text("utf-8"):
            return entry["id"], page.name
    raise AssertionError(entry["id"])


def _moved(site: Path) -> tuple[str, str, str]:
    """An entry listed on its group's first page but held by another part: its ID, the
    first page, the part."""
    for page in sorted((site / "uk/register/entries").glob("*--2.html")):
        first = page.parent / page.name.replace("--2", "")
        for item in html.fromstring(first.read_bytes()).cssselect("li.ed-moved"):
            return item.get("id"), first.name, item.cssselect("a")[0].get("href").split("#")[0]
    raise AssertionError("no entry moved to another part")


def test_a_reader_reaches_the_second_page_of_occurrences(
    page: Page, paged_base: str, paged_site: Path, guard
) -> None:
    ref, first = _most_mentioned(paged_site)
    page.goto(f"{paged_base}/register/entries/{first}#{ref}")
    section = page.locator(f'section.ed-entry[id="{ref}"]')
    expect(section).to_be_in_viewport()
    pager = section.locator("nav.ed-pager")
    expect(pager.locator('[aria-current="page"]')).to_have_text("1")
    pager.get_by_role("link", name="2", exact=True).click()
    expect(page).to_have_url(f"{paged_base}/register/occurrences/{ref}-2.html")
    expect(page.locator("h3")).to_have_text(re.compile(r"^Mentions 4–7 of \d+$"))
    expect(page.locator("ol.ed-occurrences a.ed-occ-link")).to_have_count(4)
    page.get_by_role("link", name="Back to the entry").click()
    expect(page.locator(f'section.ed-entry[id="{ref}"]')).to_be_in_viewport()
    guard.assert_clean()


def test_an_entry_moved_to_another_part_is_reached_at_its_old_address(
    page: Page, paged_base: str, paged_site: Path, guard
) -> None:
    ref, first, part = _moved(paged_site)
    page.goto(f"{paged_base}/uk/register/entries/{first}#{ref}")
    expect(page).to_have_url(f"{paged_base}/uk/register/entries/{part}#{ref}")
    expect(page.locator(f'section.ed-entry[id="{ref}"] h2')).to_be_in_viewport()
    guard.assert_clean()


def _on_a_later_page(site: Path, ui: str) -> tuple[str, str, str]:
    """A letter of the persons' index whose entries begin on a later page, that page, and
    an entry it lists."""
    first = site / ui / addresses.index("person").path
    for link in html.fromstring(first.read_bytes()).cssselect("nav.ed-letters a"):
        page, _, _ = link.get("href").partition("#")
        if page:
            later = html.fromstring((first.parent / page).read_bytes())
            return link.text_content(), page, later.cssselect("dl.ed-register > dt")[0].get("id")
    raise AssertionError("the persons' index has one page")


@pytest.mark.parametrize("ui", ["en", "pl", "uk"])
def test_a_reader_moves_through_the_letter_pages_on_a_phone(
    browser: Browser, paged_server: str, paged_site: Path, ui: str
) -> None:
    prefix = "" if ui == "en" else f"{ui}/"
    letter, later, _ = _on_a_later_page(paged_site, prefix)
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    first = f"{paged_server}/{prefix}register/persons.html"
    page.goto(first)
    bar = page.locator("nav.ed-letters")
    bar.get_by_role("link", name=letter, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(f"{paged_server}/{prefix}register/{later}#")))
    heading = page.locator("section.ed-letter > h2").first
    expect(heading).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # the letter bar is on every page, marking the letters of the page; its first letter
    # leads back to the first page
    expect(page.locator("h1")).to_contain_text(letter)
    expect(bar.get_by_role("link", name=letter, exact=True)).to_have_class("ed-letter-here")
    page.locator("nav.ed-letters a").first.click()
    expect(page).to_have_url(re.compile(re.escape(first) + "#"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # and the pager turns the pages
    page.locator("nav.ed-pager").first.get_by_role("link", name="2", exact=True).click()
    expect(page).to_have_url(f"{paged_server}/{prefix}register/persons-2.html")
    context.close()


def test_an_old_index_address_leads_to_the_entry(
    page: Page, paged_base: str, paged_site: Path, guard
) -> None:
    """``register/persons.html#ID``, written when every person was on that page, leads to
    the entry where it is now on another page."""
    _, _, ref = _on_a_later_page(paged_site, "pl/")
    page.goto(f"{paged_base}/pl/register/persons.html#{ref}")
    expect(page).to_have_url(re.compile(r"/pl/register/entries/person-[^/]*\.html#" + ref + "$"))
    expect(page.locator(f'section.ed-entry[id="{ref}"] h2')).to_be_in_viewport()
    guard.assert_clean()


def test_a_reader_filters_the_catalogue_and_turns_its_page(
    page: Page, paged_base: str, guard
) -> None:
    page.goto(f"{paged_base}/uk/texts/index.html")
    filters = page.get_by_role("navigation", name="Показати тексти")
    filters.get_by_role("link", name=re.compile(r"^польська \(\d+\)$")).click()
    expect(page).to_have_url(f"{paged_base}/uk/texts/catalogue/pl-all.html")
    cells = page.locator("table.ed-catalogue tbody td:nth-child(2)")
    expect(cells).to_have_text(["польська", "польська"])
    page.get_by_role("navigation", name="Сторінки списку").first.get_by_role(
        "link", name="2", exact=True
    ).click()
    expect(page).to_have_url(f"{paged_base}/uk/texts/catalogue/pl-all-2.html")
    expect(page.locator("h1")).to_contain_text("сторінка 2 з")
    for text in page.locator("table.ed-catalogue tbody td:nth-child(2)").all_text_contents():
        assert text == "польська"
    guard.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "register/occurrences/{ref}-2.html",
        "pl/register/entries/{first}",
        "uk/register/entries/{split}",
        "texts/catalogue/pl-all-2.html",
        "uk/texts/catalogue/all-1930s.html",
        "uk/register/persons-2.html",
        "pl/register/places-3.html",
        "register/map.html",
    ],
)
def test_no_accessibility_violations(
    page: Page, paged_server: str, paged_site: Path, guard, path: str
) -> None:
    ref, first = _most_mentioned(paged_site)
    _, split, _ = _moved(paged_site)
    page.goto(f"{paged_server}/{path.format(ref=ref, first=first, split=split)}")
    violations = axe_violations(page)
    assert violations == [], f"{path}: {json.dumps(violations, ensure_ascii=False)}"
    guard.assert_clean()
