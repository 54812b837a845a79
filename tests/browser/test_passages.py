"""Deep links a teacher gives: the range is highlighted and in view, online and offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

TEXT = "texts/manchuria-1920-1934.html"


def ranged(page: Page) -> list[str]:
    return page.eval_on_selector_all(".ed-range", "els => els.map(e => e.id)")


def test_paragraph_range(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/{TEXT}#p3-p5")
    assert ranged(page) == ["p3", "p4", "p5"]
    top = page.locator("#p3").bounding_box()
    assert top and 0 <= top["y"] < 200  # scrolled to the start of the range
    guard.assert_clean()


def test_sentence_range_and_hash_change(page: Page, server: str) -> None:
    page.goto(f"{server}/uk/{TEXT}#p3s4-p4s2")
    assert ranged(page) == ["p3s4", "p4s1", "p4s2"]
    page.evaluate("location.hash = '#p2'")
    page.wait_for_function("() => document.querySelectorAll('.ed-range').length === 1")
    assert ranged(page) == ["p2"]


def test_parallel_view_accepts_the_same_fragments(page: Page, server: str) -> None:
    page.goto(f"{server}/parallel/sino-soviet-1932-1937.html?cols=uk,en#p2-p3")
    assert ranged(page) == ["p2", "p3"]
    page.goto(f"{server}/parallel/sino-soviet-1932-1937.html#p4s2")
    assert ranged(page) == ["p4s2"]


def test_a_bad_fragment_highlights_nothing(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/{TEXT}#p9-p12")
    assert ranged(page) == []
    guard.assert_clean()
