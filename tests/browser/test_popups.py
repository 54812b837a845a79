"""A reader opens the popup of a name by mouse, keyboard and touch (WCAG 2.1 AA)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import axe_violations

pytestmark = pytest.mark.browser

PAGE = "pl/texts/manchuria-1920-1934.html"
FIRST = '.ed-ref[data-ref="Q711"]'  # "Mongolii", paragraph 1
POPUP = "#ref-Q711"


def test_hover_opens_and_the_popup_stays_while_hovered(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/{PAGE}")
    popup = page.locator(POPUP)
    expect(popup).to_be_hidden()
    page.locator(FIRST).hover()
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("Mongolia")  # the name in the UI language (pl)
    popup.hover()  # moving onto the popup keeps it (1.4.13 hoverable)
    page.wait_for_timeout(600)
    expect(popup).to_be_visible()
    page.keyboard.press("Escape")  # dismissable without moving the pointer
    expect(popup).to_be_hidden()
    page.mouse.move(0, 0)
    guard.assert_clean()


def test_keyboard_tab_enter_escape_returns_focus(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/{PAGE}")
    ref = page.locator(FIRST)
    ref.focus()
    page.keyboard.press("Enter")
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    page.keyboard.press("Tab")  # the popup comes next in the focus order
    expect(popup.locator(".ed-popup-close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(ref).to_be_focused()
    guard.assert_clean()


def test_tap_opens_and_the_popup_fits_a_phone_screen(browser: Browser, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{server}/{PAGE}")
    for ref_id in ("Q711", "Q36"):  # one near the top, one in the last paragraph
        ref = page.locator(f'.ed-ref[data-ref="{ref_id}"]').first
        ref.scroll_into_view_if_needed()
        ref.tap()
        popup = page.locator(f"#ref-{ref_id}")
        expect(popup).to_be_visible()
        box = popup.bounding_box()
        assert box and box["x"] >= 0 and box["y"] >= 0
        assert box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 640
        page.touchscreen.tap(5, 600)  # tapping elsewhere closes it
        expect(popup).to_be_hidden()
    context.close()


def test_each_popup_is_built_once_on_first_use(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/uk/texts/sino-soviet-1932-1937.html")
    mentions = page.locator('.ed-ref[data-ref="Q16574"]')
    assert mentions.count() > 5
    assert page.locator(".ed-popup").count() == 0  # the page carries no popups
    for ref in (mentions.first, mentions.last):
        ref.scroll_into_view_if_needed()
        ref.click()
        expect(page.locator("#ref-Q16574")).to_be_visible()
        expect(page.locator("#ref-Q16574")).to_contain_text("Чан Кайши")
        page.keyboard.press("Escape")
        expect(ref).to_be_focused()  # every mention of the entry is its popup's invoker
    assert page.locator(".ed-popup#ref-Q16574").count() == 1
    ids = page.eval_on_selector_all(".ed-popup", "ps => ps.map(p => p.id)")
    assert len(ids) == len(set(ids))  # (the pointer may have rested on other mentions)
    guard.assert_clean()


def test_no_accessibility_violations_on_an_annotated_page(page: Page, server: str) -> None:
    for path in (PAGE, "uk/texts/sino-soviet-1932-1937.html", "register/glossary.html"):
        page.goto(f"{server}/{path}")
        page.locator(FIRST).first.focus() if "manchuria" in path else None
        violations = axe_violations(page)
        assert violations == [], f"{path}: {json.dumps(violations, ensure_ascii=False)}"


def test_popups_of_an_assignment_open_too(page: Page, server: str, guard) -> None:
    page.goto(f"{server}/assignments/manchuria-railway.html")
    ref = page.locator(".ed-ref").first
    popup = page.locator(f"#ref-{ref.get_attribute('data-ref')}")
    assert page.locator(".ed-popup").count() == 0  # built on first use, as on reading pages
    ref.click()
    expect(popup).to_be_visible()
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(ref).to_be_focused()
    page.mouse.move(0, 0)
    ref.hover()
    expect(popup).to_be_visible()
    guard.assert_clean()
