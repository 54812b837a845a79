"""What a reader does first: open a text, stay offline-safe, switch language."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TEXT = "manchuria-1920-1934"


def _read_and_switch(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/texts/{TEXT}.html")
    expect(page.locator("article.ed-text")).to_have_attribute("lang", "pl")
    expect(page.locator("#p1 .ed-p")).to_contain_text("Sowieci, pomni klęski")
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="uk"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/uk/texts/{TEXT}.html")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.locator("article.ed-text")).to_have_attribute("lang", "pl")
    expect(page.locator("#p1 .ed-p")).to_contain_text("Sowieci, pomni klęski")
    guard.assert_clean()


def test_reading_page_over_http(page: Page, server: str, guard) -> None:
    _read_and_switch(page, server, guard)


def test_reading_page_from_file(page: Page, site: Path, guard) -> None:
    _read_and_switch(page, site.as_uri(), guard)


def test_a_reading_page_fits_a_phone_screen(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    for path in (
        f"texts/{TEXT}.html",
        "uk/texts/sino-soviet-1932-1937.html",
        "pl/texts/index.html",
    ):
        page.goto(f"{server}/{path}")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()
