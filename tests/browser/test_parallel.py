"""Parallel views: counterparts highlighted, columns kept in the URL, phones interleaved."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import axe_violations

pytestmark = pytest.mark.browser

PL = "parallel/manchuria-1920-1934.html"
UK = "uk/parallel/sino-soviet-1932-1937.html"


def highlighted(page: Page) -> list[tuple[str, str]]:
    pairs = page.eval_on_selector_all(
        ".ed-hl",
        "els => els.map(e => [e.closest('.ed-cell').dataset.lang, e.dataset.align])",
    )
    return [tuple(p) for p in pairs]


def test_hover_highlights_exactly_the_counterparts(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/{PL}")
    page.locator('#p3 .ed-cell[data-lang="pl"] .ed-s').nth(1).hover()
    assert sorted(highlighted(page)) == [("en", "p3s2"), ("uk", "p3s2")]
    page.locator('#p5 .ed-cell[data-lang="en"] .ed-s').nth(0).hover()
    assert sorted(highlighted(page)) == [("pl", "p5s1"), ("uk", "p5s1")]
    guard.assert_clean()


def test_focus_and_arrow_keys_move_sentence_by_sentence(page: Page, server: str) -> None:
    page.goto(f"{server}/{UK}")
    first = page.locator('#p1 .ed-cell[data-lang="uk"] .ed-s').first
    first.focus()
    assert sorted(highlighted(page)) == [("en", "p1s1"), ("pl", "p1s1")]
    page.keyboard.press("ArrowDown")
    second = page.locator('#p2 .ed-cell[data-lang="uk"] .ed-s').first
    expect(second).to_be_focused()
    assert sorted(highlighted(page)) == [("en", "p2s1"), ("pl", "p2s1")]
    page.keyboard.press("ArrowUp")
    expect(first).to_be_focused()


def test_column_choice_is_kept_in_the_url(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/{PL}#p2")
    page.get_by_label("Ukrainian").uncheck()
    assert "cols=pl%2Cen" in page.url or "cols=pl,en" in page.url
    assert page.url.endswith("#p2")
    page.reload()
    expect(page.locator('.ed-cell[data-lang="uk"]').first).to_be_hidden()
    expect(page.locator('.ed-cell[data-lang="en"]').first).to_be_visible()
    expect(page.get_by_label("Ukrainian")).not_to_be_checked()
    guard.assert_clean()


def test_phone_layout_interleaves_original_then_translation(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/{PL}?cols=pl,en")
    pl = page.locator('#p1 .ed-cell[data-lang="pl"]').bounding_box()
    en = page.locator('#p1 .ed-cell[data-lang="en"]').bounding_box()
    assert pl and en and en["y"] >= pl["y"] + pl["height"] - 1
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()


def test_popups_work_in_every_column(page: Page, server: str) -> None:
    page.goto(f"{server}/{PL}")
    for lang in ("pl", "en", "uk"):
        ref = page.locator(f'#p4 .ed-cell[data-lang="{lang}"] .ed-ref[data-ref="Q16574"]').first
        ref.click()
        expect(page.locator("#ref-Q16574")).to_be_visible()
        page.keyboard.press("Escape")


def test_no_accessibility_violations_on_parallel_views(page: Page, server: str) -> None:
    for path in (PL, UK, "pl/parallel/sino-soviet-1932-1937.html"):
        page.goto(f"{server}/{path}")
        violations = axe_violations(page)
        assert violations == [], f"{path}: {json.dumps(violations, ensure_ascii=False)}"
