"""What a reader does around the text: switch language or view without losing the place,
read a translation on its own, on a phone and at a desk; lines, tap targets, accessibility."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

TEXT = "manchuria-1920-1934"
UK_TEXT = "sino-soviet-1932-1937"
PHONE = {"width": 360, "height": 640}
DESK = {"width": 1280, "height": 900}


def switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    with page.expect_navigation():
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()


def test_the_language_switcher_keeps_the_sentence(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/texts/{TEXT}.html#p3s2")
    switch_language(page, "uk")
    assert page.url.endswith(f"/uk/texts/{TEXT}.html#p3s2")
    expect(page.locator("#p3s2")).to_be_in_viewport()
    switch_language(page, "pl")
    assert page.url.endswith(f"/pl/texts/{TEXT}.html#p3s2")
    guard.assert_clean()


def test_the_language_switcher_keeps_the_columns(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/parallel/{TEXT}.html#p2")
    page.get_by_label("Ukrainian").uncheck()  # the address now has ?cols=pl,en
    switch_language(page, "pl")
    assert unquote(page.url).endswith(f"/pl/parallel/{TEXT}.html?cols=pl,en#p2")
    expect(page.locator('.ed-cell[data-lang="uk"]').first).to_be_hidden()
    expect(page.locator('.ed-cell[data-lang="en"]').first).to_be_visible()
    guard.assert_clean()


def test_the_language_switcher_keeps_the_search(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/pl/search.html?q=Mandżuria")
    expect(page.locator(".ed-search-group mark").first).to_be_visible()
    switch_language(page, "uk")
    assert unquote(page.url).endswith("/uk/search.html?q=Mandżuria")
    expect(page.locator(".ed-search-group mark").first).to_be_visible()
    guard.assert_clean()


def test_the_switch_between_views_keeps_the_columns(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/parallel/{TEXT}.html?cols=pl,uk")
    with page.expect_navigation():
        page.locator("#p4 a.ed-switch").click()
    assert unquote(page.url).endswith(f"/texts/{TEXT}.html?cols=pl,uk#p4")
    with page.expect_navigation():
        page.locator("#p5 a.ed-switch").click()
    assert unquote(page.url).endswith(f"/parallel/{TEXT}.html?cols=pl,uk#p5")
    expect(page.locator('.ed-cell[data-lang="en"]').first).to_be_hidden()
    guard.assert_clean()


def test_a_translation_is_read_on_its_own_with_the_originals_ids(
    page: Page, base: str, guard
) -> None:
    page.goto(f"{base}/uk/texts/{TEXT}.html#p3s2")
    original = page.eval_on_selector_all(".ed-text .ed-s[id]", "els => els.map(e => e.id)")
    with page.expect_navigation():
        page.locator(".ed-versions a[hreflang='en']").click()
    # The choice of version keeps the sentence; the page is the English text alone.
    assert page.url.endswith(f"/uk/texts/{TEXT}/en.html#p3s2")
    expect(page.locator("article.ed-text")).to_have_attribute("lang", "en")
    expect(page.locator(".ed-text .ed-cell")).to_have_count(0)
    ids = page.eval_on_selector_all(".ed-text .ed-s[id]", "els => els.map(e => e.id)")
    assert ids == original
    aligned = page.eval_on_selector_all(
        ".ed-text .ed-s[id]", "els => els.map(e => e.dataset.align)"
    )
    assert all(ident in (keys or "").split() for ident, keys in zip(ids, aligned, strict=True))
    expect(page.locator("#p3s2")).to_contain_text("diplomatic relations with the USSR")
    expect(page.locator(".ed-versions a[aria-current='page']")).to_have_attribute("hreflang", "en")
    mention = page.locator("#p3s2 .ed-ref").first  # popups work two folders down too
    mention.click()
    popup = page.locator(f"#ref-{mention.get_attribute('data-ref')}")
    expect(popup).to_be_visible()
    entry_link = popup.locator('a[href*="register/entries/"]')
    expect(entry_link).to_have_attribute("href", re.compile(r"^\.\./\.\./register/"))
    page.keyboard.press("Escape")
    page.goto(f"{base}/texts/{UK_TEXT}/pl.html#p2s1-p2s2")
    assert page.eval_on_selector_all(".ed-range", "els => els.map(e => e.id)") == ["p2s1", "p2s2"]
    guard.assert_clean()


def test_one_column_asked_of_the_parallel_view_opens_that_version(
    page: Page, base: str, guard
) -> None:
    page.goto(f"{base}/uk/parallel/{TEXT}.html?cols=en#p4")
    page.wait_for_url(f"**/uk/texts/{TEXT}/en.html#p4")
    expect(page.locator("article.ed-text")).to_have_attribute("lang", "en")
    page.goto(f"{base}/parallel/{TEXT}.html?cols=pl#p2")
    page.wait_for_url(f"**/texts/{TEXT}.html#p2")
    guard.assert_clean()


# A character that starts a line after a line break (its box is below the previous one's):
# closing and other punctuation (Unicode Pe, Pf, Po) must never start a line.
_LINE_STARTS = """(root) => {
  const punct = /^[\\p{Pe}\\p{Pf}\\p{Po}]$/u, found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let prev = null, r = document.createRange(), n;
  while ((n = walker.nextNode())) {
    for (let i = 0; i < n.data.length; i++) {
      if (/\\s/.test(n.data[i])) continue;
      r.setStart(n, i); r.setEnd(n, i + 1);
      const box = r.getClientRects()[0];
      if (!box || !box.width) continue;
      if (prev && box.top >= prev.bottom - 1 && punct.test(n.data[i])) {
        found.push(n.data.slice(Math.max(0, i - 12), i + 12));
      }
      prev = box;
    }
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_no_line_starts_with_punctuation(browser: Browser, server: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in (
        f"texts/{TEXT}.html",
        f"uk/texts/{UK_TEXT}.html",
        f"pl/texts/{TEXT}/uk.html",
        f"texts/{UK_TEXT}/en.html",
        f"pl/parallel/{TEXT}.html",
    ):
        page.goto(f"{server}/{path}")
        for width in range(viewport["width"], viewport["width"] - 60, -15):
            page.set_viewport_size({"width": width, "height": viewport["height"]})
            starts = page.eval_on_selector(".ed-text, .ed-parallel", _LINE_STARTS)
            assert starts == [], f"{path} at {width} px: {starts}"
    context.close()


_TARGETS = ".ed-anchor, .ed-switch, .ed-versions a, .ed-views > a, .ed-about > summary"


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_tap_targets_are_at_least_24_px(browser: Browser, server: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in (f"texts/{TEXT}.html", f"uk/texts/{TEXT}/en.html", f"pl/parallel/{TEXT}.html"):
        page.goto(f"{server}/{path}")
        sizes = page.eval_on_selector_all(
            _TARGETS,
            "els => els.filter(e => e.getClientRects().length).map(e => {"
            " const r = e.getBoundingClientRect(); return [e.className || e.tagName, r.width, r.height]; })",
        )
        assert len(sizes) > 10, path
        small = [s for s in sizes if s[1] < 24 or s[2] < 24]
        assert small == [], f"{path}: {small[:5]}"
    context.close()


def test_the_phone_reading_page_opens_on_the_text(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    for path in (f"pl/texts/{TEXT}.html", f"uk/texts/{UK_TEXT}.html", f"texts/{TEXT}/en.html"):
        page.goto(f"{server}/{path}")
        expect(page.locator("details.ed-about")).not_to_have_attribute("open", "")
        box = page.locator("#p1").bounding_box()
        assert box and box["y"] + 40 < PHONE["height"], path
        expect(page.locator(".ed-legend-kind").first).to_be_visible()
    page.goto(f"{server}/pl/parallel/{TEXT}.html?cols=pl,uk")
    labels = page.locator("#p1 .ed-cell-lang")
    expect(labels.nth(0)).to_have_text("polski")
    expect(labels.nth(2)).to_have_text("ukraiński")
    context.close()


def test_the_desk_parallel_view_uses_the_full_width(page: Page, server: str) -> None:
    page.set_viewport_size(DESK)
    page.goto(f"{server}/parallel/{TEXT}.html")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    box = page.locator(".ed-parallel").bounding_box()
    assert box and box["width"] > 0.9 * DESK["width"]
    expect(page.locator(".ed-cell-lang").first).to_be_hidden()
    page.goto(f"{server}/texts/{TEXT}.html")
    expect(page.locator("details.ed-about")).to_have_attribute("open", "")


_AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text("utf-8")


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_reading_translation_and_parallel_pages_pass_axe(
    browser: Browser, server: str, viewport: dict
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for ui in ("", "pl/", "uk/"):
        for path in (f"texts/{TEXT}.html", f"texts/{UK_TEXT}/en.html", f"parallel/{TEXT}.html"):
            page.goto(f"{server}/{ui}{path}")
            page.evaluate(_AXE)
            result = page.evaluate(
                "() => axe.run(document, {resultTypes: ['violations'],"
                " rules: {'target-size': {enabled: true}}})"
            )
            found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            assert found == [], f"{ui}{path}: {json.dumps(found, ensure_ascii=False)}"
    context.close()
