"""A reader uses the index: letter bar, entry pages (one per kind and index letter), links
to the texts (WCAG 2.1 AA)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from edition.base.register import load_register
from edition.build.settings import read_settings
from tests.conftest import ROOT, axe_violations

pytestmark = pytest.mark.browser

PAGES = (
    "register/names.html",
    "register/persons.html",
    "pl/register/places.html",
    "uk/register/organisations.html",
    "uk/register/entries/person-c.html",  # Chiang Kai-shek
    "pl/register/entries/place-m.html",  # Moscow
    "register/entries/place-c.html",  # China
    "register/map.html",
    "uk/register/map.html",
)


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(page: Page, server: str, guard, path: str) -> None:
    page.goto(f"{server}/{path}")
    violations = axe_violations(page)
    assert violations == [], f"{path}: {json.dumps(violations, ensure_ascii=False)}"
    guard.assert_clean()


def test_from_the_letter_bar_to_an_entry_to_the_sentence(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/pl/register/persons.html")
    page.locator("nav.ed-letters a", has_text="C").click()
    expect(page.locator("#letter-C")).to_be_in_viewport()
    page.locator("dt#Q16574 a").click()
    expect(page).to_have_url(f"{server}/pl/register/entries/person-c.html#Q16574")
    expect(page.locator("#Q16574 h2")).to_have_text("Czang Kaj-szek")
    expect(page.locator("#Q16574 h2")).to_be_in_viewport()
    first = page.locator("#Q16574 ol.ed-occurrences a.ed-occ-link").first
    first.click()
    expect(page).to_have_url(
        f"{server}/texts/manchuria-1920-1934.html#p4s2".replace("/texts", "/pl/texts")
    )
    target = page.locator("#p4s2")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("Czang Kaj-szeka")
    guard.assert_clean()


def test_a_popup_leads_to_the_entry(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/uk/texts/sino-soviet-1932-1937.html")
    page.locator('.ed-ref[data-ref="Q16574"]').first.click()
    page.locator("#ref-Q16574 .ed-popup-links a").first.click()
    expect(page).to_have_url(f"{server}/uk/register/entries/person-c.html#Q16574")
    expect(page.locator("#Q16574 h2")).to_have_text("Чан Кайши")
    expect(page.locator("#Q16574 h2")).to_be_in_viewport()
    guard.assert_clean()


def test_an_entry_fits_a_phone_screen(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    for path in ("uk/register/entries/person-c.html", "pl/register/persons.html"):
        page.goto(f"{server}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()


def test_the_map_draws_with_no_network_and_its_markers_lead_to_entries(
    page: Page, base: str, guard
) -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    places = {
        e.id: e.name("pl")
        for e in load_register(settings.glossary, settings.ui_languages)
        if e.kind == "place" and "coordinates" in e.data
    }
    page.goto(f"{base}/pl/register/map.html")
    svg = page.locator("svg.ed-map-svg").first
    expect(svg).to_be_visible()
    land = svg.locator("path.ed-map-land")
    assert land.bounding_box()["width"] > 300  # the shipped base map is drawn
    links = page.locator(".ed-map-marks a")
    found = {
        links.nth(i).get_attribute("href").rsplit("#", 1)[1]: links.nth(i).text_content()
        for i in range(links.count())
    }
    assert found == places  # every place once, named
    page.locator(".ed-map-group summary", has_text="Moskwa").click()
    page.locator('.ed-map-menu a[href="entries/place-m.html#Q649"]').click()
    expect(page).to_have_url(f"{base}/pl/register/entries/place-m.html#Q649")
    expect(page.locator("#Q649 h2")).to_have_text("Moskwa")
    guard.assert_clean()
