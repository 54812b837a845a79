"""The unzipped offline bundle, opened from ``file://`` as a student would open it.

Each page type is one ``Case`` in ``CASES``: the page is opened from disk with every outside
request blocked and recorded, the reader's steps run, axe-core checks the page in the state
those steps leave, and the guard must have recorded no outside request, no failed response
and no console error. To test a new page type, write its steps and add one ``Case``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Bundle, axe_violations

pytestmark = pytest.mark.browser

TEXT = "manchuria-1920-1934"


@dataclass(frozen=True)
class Case:
    """One page of the bundle and what a reader does and sees there."""

    id: str
    path: str  # relative to the bundle's folder; may carry ?query and #fragment
    steps: Callable[[Page], None]


def home(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("Manchuria and the Powers, 1920–1937")
    page.locator("article").get_by_role("link", name="Texts").click()
    assert page.url.endswith("/texts/index.html")
    expect(page.locator("h1")).to_have_text("Texts")


def catalogue(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("Teksty")
    page.locator(f'a[href="{TEXT}.html"]').first.click()
    assert page.url.endswith(f"/pl/texts/{TEXT}.html")
    expect(page.locator("#p1 .ed-p")).to_contain_text("Sowieci, pomni klęski")


def popup_by_keyboard(page: Page) -> None:
    ref = page.locator('.ed-ref[data-ref="Q711"]').first
    ref.focus()
    page.keyboard.press("Enter")
    popup = page.locator("#ref-Q711")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("Mongolia")
    page.keyboard.press("Tab")
    expect(popup.locator(".ed-popup-close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(ref).to_be_focused()
    page.keyboard.press("Enter")  # axe then checks the page with the popup open
    expect(popup).to_be_visible()


def parallel_highlight(page: Page) -> None:
    page.locator('#p3 .ed-cell[data-lang="pl"] .ed-s').nth(1).hover()
    pairs = page.eval_on_selector_all(
        ".ed-hl", "els => els.map(e => e.closest('.ed-cell').dataset.lang + ':' + e.dataset.align)"
    )
    assert sorted(pairs) == ["en:p3s2", "uk:p3s2"]


def index_to_entry(page: Page) -> None:
    """The Ukrainian index of persons in collation order leads to Chiang Kai-shek's entry,
    which lists him in both texts; an occurrence lands on its sentence."""
    page.locator("nav.ed-letters").get_by_role("link", name="Ч").click()
    page.locator("dt#Q16574 a").click()
    page.wait_for_url("**/uk/register/entries/person-c.html#Q16574")  # loaded, not only committed
    texts = page.eval_on_selector_all("#Q16574 .ed-occ-text h4", "els => els.map(e => e.id)")
    assert texts == ["Q16574-text-manchuria-1920-1934", "Q16574-text-sino-soviet-1932-1937"]
    link = page.locator("#Q16574-text-sino-soviet-1932-1937 ~ * a.ed-occ-link").first
    target = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    expect(page.locator(f"#{target}")).to_be_in_viewport()


def map_of_places(page: Page) -> None:
    group = page.locator(".ed-map-group summary", has_text="Moscow")
    group.focus()
    page.keyboard.press("Enter")  # opens the list of the places at Moscow
    marker = page.locator('.ed-map-menu a[href$="entries/place-m.html#Q649"]')
    expect(marker).to_be_visible()
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/register/entries/place-m.html#Q649")
    expect(page.locator("#Q649 h2")).to_have_text("Moscow")


def glossary(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("Глосарій")
    terms = page.locator("dl.ed-register > dt")
    assert terms.count() > 5
    page.locator("dt#honghuzi a").click()
    page.wait_for_url("**/uk/register/entries/term-h.html#honghuzi")
    page.locator("#honghuzi a.ed-occ-link").first.click()
    expect(page.locator("article.ed-text, .ed-parallel").first).to_be_visible()


def deep_link(page: Page) -> None:
    ranged = page.eval_on_selector_all(".ed-range", "els => els.map(e => e.id)")
    assert ranged == ["p2", "p3"]
    top = page.locator("#p2").bounding_box()
    assert top and 0 <= top["y"] < 200


def language_switch(page: Page) -> None:
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="uk"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/uk/texts/{TEXT}.html")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.locator("#p1 .ed-p")).to_contain_text("Sowieci, pomni klęski")


def assignment(page: Page) -> None:
    link = page.locator(".ed-passage .ed-views a").first
    assert link.get_attribute("href") == f"../texts/{TEXT}.html#p3-p4"
    link.click()
    page.wait_for_url(f"**/texts/{TEXT}.html#p3-p4")
    expect(page.locator(".ed-range")).to_have_count(2)
    ranged = page.eval_on_selector_all(".ed-range", "els => els.map(e => e.id)")
    assert ranged == ["p3", "p4"]


def link_builder(page: Page) -> None:
    here = page.url
    page.locator("#p2 a.ed-anchor").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ed-share")).to_be_visible()
    assert page.input_value("#ed-share-local") == f"{here}#p2"  # a file:// link to this copy
    expect(page.locator('#ed-share [data-copy="ed-share-link"]')).to_be_focused()


def search_inflected(page: Page) -> None:
    """From the header box on a Polish page: every form, then the result's sentence marked."""
    box = page.locator(".ed-header-search input[name=q]")
    box.fill("Mandżuria")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.split("?")[0].endswith("/pl/search.html")
    marks = page.locator(".ed-search-group mark")
    expect(marks.first).to_be_visible()
    assert {"Mandżurii", "Mandżurię"} <= set(marks.all_text_contents())
    with page.expect_navigation():
        page.locator(".ed-search-group li a").first.click()
    expect(page.locator(".ed-range mark.ed-mark").first).to_be_visible()


CASES = [
    Case("home", "index.html", home),  # the index.html a student double-clicks
    Case("catalogue", "pl/texts/index.html", catalogue),
    Case("reading-popup-by-keyboard", f"texts/{TEXT}.html", popup_by_keyboard),
    Case("parallel-highlight", f"parallel/{TEXT}.html", parallel_highlight),
    Case("index-to-entry", "uk/register/persons.html", index_to_entry),
    Case("map", "register/map.html", map_of_places),
    Case("glossary", "uk/register/glossary.html", glossary),
    Case("deep-link", f"texts/{TEXT}.html#p2-p3", deep_link),
    Case("language-switch", f"texts/{TEXT}.html", language_switch),
    Case("assignment", "assignments/manchuria-railway.html", assignment),
    Case("link-builder", f"pl/texts/{TEXT}.html", link_builder),
    Case("search-inflected-form", f"pl/texts/{TEXT}.html", search_inflected),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_page_from_the_unzipped_bundle(page: Page, bundle: Bundle, guard, case: Case) -> None:
    page.goto(f"{bundle.folder.as_uri()}/{case.path}")
    case.steps(page)
    guard.assert_clean()
    violations = axe_violations(page, preload=False)
    assert violations == [], json.dumps(violations, ensure_ascii=False)
