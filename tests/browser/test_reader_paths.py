"""What a reader on a phone, at a keyboard or in the dark meets: the map's markers, the skip
link and single keys, answers kept on the device, the printed worksheet, axe on every page
type in both viewports and both colour schemes."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}
TEXT = "texts/manchuria-1920-1934.html"
PAGE_TYPES = [
    TEXT,
    "parallel/manchuria-1920-1934.html",
    "register/persons.html",
    "register/entries/person-j.html",
    "register/map.html",
    "search.html?q=Mandżuria",
    "assignments/manchuria-railway.html",
    "index.html",
    "about.html",
]


@pytest.mark.parametrize("lang", ["", "pl/", "uk/"])
def test_map_markers_are_labelled_24_px_targets_on_a_phone(
    page: Page, base: str, guard, lang: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/{lang}register/map.html")
    targets = page.locator(".ed-map-marks > li > a, .ed-map-marks summary")
    assert targets.count() > 10
    boxes = []
    for i in range(targets.count()):
        target = targets.nth(i)
        expect(target.locator(".ed-map-name").first).to_be_visible()
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, target.text_content()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, target.text_content()
        boxes.append((box, target.text_content()))
    for k, (a, name) in enumerate(boxes):  # no target covers another
        for b, other in boxes[k + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, f"{name} overlaps {other}"
    guard.assert_clean()


def test_places_at_one_point_are_one_marker_with_a_list(page: Page, base: str, guard) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/register/map.html")
    group = page.locator(".ed-map-group", has_text="Moscow")
    names = group.locator(".ed-map-menu a")
    expect(names).to_have_text(["Moscow", "Kremlin"])
    expect(names.first).to_be_hidden()
    group.locator("summary").click()
    expect(names.first).to_be_visible()
    first, second = names.nth(0).bounding_box(), names.nth(1).bounding_box()
    assert first["y"] + first["height"] <= second["y"]  # one under the other, not on top
    assert min(first["height"], second["height"]) >= 24
    # a country is written across its land, not listed at its capital
    expect(page.locator(".ed-map-area a", has_text="Soviet Union")).to_be_visible()
    expect(page.locator(".ed-map-group a", has_text="Soviet Union")).to_have_count(0)
    guard.assert_clean()


@pytest.mark.parametrize(
    "path", [TEXT, "parallel/manchuria-1920-1934.html", "register/persons.html", "search.html"]
)
@pytest.mark.parametrize("viewport", [PHONE, DESK])
def test_a_skip_link_is_the_first_tab_stop(
    page: Page, base: str, guard, path: str, viewport
) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{base}/pl/{path}")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert focused, "the Tab after the skip link is in the page's content"
    guard.assert_clean()


def test_the_closed_drawer_s_links_are_no_tab_stops_on_a_phone(page: Page, base: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/{TEXT}")
    for _ in range(12):
        page.keyboard.press("Tab")
        inside = page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
        assert not inside


def test_single_keys_move_between_paragraphs_and_mentions_but_not_while_typing(
    page: Page, base: str, guard
) -> None:
    page.goto(f"{base}/uk/{TEXT}")
    page.keyboard.press("j")
    expect(page.locator("#p1")).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator("#p2")).to_be_focused()
    page.keyboard.press("k")
    expect(page.locator("#p1")).to_be_focused()
    page.keyboard.press("m")  # the first mention after the start of paragraph 1
    expected = page.evaluate(
        """[...document.querySelectorAll('.ed-ref')].findIndex(e =>
             document.getElementById('p1').compareDocumentPosition(e) & 20)"""
    )
    refs = "[...document.querySelectorAll('.ed-ref')].indexOf(document.activeElement)"
    assert page.evaluate(refs) == expected >= 0
    page.keyboard.press("m")
    assert page.evaluate(refs) == expected + 1
    page.keyboard.press("Shift+m")
    assert page.evaluate(refs) == expected
    search = page.locator(".ed-header-search input")
    if search.is_visible():
        search.focus()
        page.keyboard.type("jm")
        expect(search).to_have_value("jm")
        expect(search).to_be_focused()
    guard.assert_clean()


def test_answers_survive_a_reload_and_can_be_deleted(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/pl/assignments/manchuria-railway.html")
    answers = page.locator("textarea.ed-answer")
    answers.nth(0).fill("Kolej łączyła Mandżurię z Władywostokiem.")
    answers.nth(1).fill("Druga <b>odpowiedź</b>")
    page.reload()
    expect(answers.nth(0)).to_have_value("Kolej łączyła Mandżurię z Władywostokiem.")
    expect(answers.nth(1)).to_have_value("Druga <b>odpowiedź</b>")
    printed = page.locator(".ed-answer-printed").nth(1)
    assert printed.inner_html() == "Druga &lt;b&gt;odpowiedź&lt;/b&gt;"  # text, never markup
    page.goto(f"{base}/assignments/manchuria-railway.html")  # another page keeps its own
    expect(page.locator("textarea.ed-answer").first).to_have_value("")
    page.goto(f"{base}/pl/assignments/manchuria-railway.html")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Usuń moje odpowiedzi").click()
    expect(page.locator(".ed-answer-status")).to_have_text("Odpowiedzi usunięto")
    page.reload()
    expect(answers.nth(0)).to_have_value("")
    guard.assert_clean()


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize("name", ["manchuria-railway", "sino-soviet-rapprochement"])
def test_the_printed_worksheet_s_first_page_holds_a_passage(
    page: Page, server: str, tmp_path, fmt: str, name: str
) -> None:
    page.goto(f"{server}/assignments/{name}.html")
    passage = page.locator(".ed-passage .ed-para .ed-p").first.text_content()
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), format=fmt)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = re.findall(r"\w{4,}", passage)[:6]
    flat = re.sub(r"\s+", " ", first)
    assert all(w in flat for w in words), f"page 1 lacks the passage: {flat[:400]}"
    dims = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert ("(A4)" if fmt == "A4" else "(letter)") in dims  # the paper asked for, not forced


def test_each_question_has_six_ruled_lines_8_to_9_mm_apart(page: Page, server: str) -> None:
    page.goto(f"{server}/assignments/manchuria-railway.html")
    page.emulate_media(media="print")
    lines = page.locator(".ed-lines").first
    height_mm = lines.bounding_box()["height"] * 25.4 / 96
    gradient = lines.evaluate("e => getComputedStyle(e).backgroundImage")
    assert height_mm >= 6 * 8 - 0.5
    assert "8.5mm" in gradient.replace(" ", "") or "32.1" in gradient


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESK])
def test_axe_finds_nothing_on_any_page_type(page: Page, server: str, scheme: str, viewport) -> None:
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    found = {}
    for lang in ("", "uk/"):
        for path in PAGE_TYPES:
            page.goto(f"{server}/{lang}{path}")
            body = page.locator("body")
            assert body.get_attribute("data-md-color-scheme") == (
                "slate" if scheme == "dark" else "default"
            )
            violations = axe_violations(page)
            if violations:
                found[lang + path] = violations
    assert found == {}
