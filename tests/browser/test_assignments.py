"""What a teacher does in the browser: build a link to a selection, copy it, open an
assignment, follow its passage links, print it as a worksheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from edition.analysis import assignments
from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT, axe_violations

pytestmark = pytest.mark.browser

TEXT = "texts/manchuria-1920-1934.html"
ASSIGNMENT = "assignments/manchuria-railway.html"


def ranged(page: Page) -> list[str]:
    return page.eval_on_selector_all(".ed-range", "els => els.map(e => e.id)")


def drag_select(page: Page, start: str, end: str) -> None:
    """Select with the mouse from the first letter of sentence ``start`` into ``end``."""
    a = page.evaluate(
        f"(() => {{ const r = document.getElementById('{start}').getClientRects()[0]; return [r.left + 1, r.top + r.height / 2]; }})()"
    )
    b = page.evaluate(
        f"(() => {{ const r = document.getElementById('{end}').getClientRects()[0]; return [r.left + 30, r.top + r.height / 2]; }})()"
    )
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move(*b, steps=5)
    page.mouse.up()


def open_from_selection(page: Page) -> None:
    """A selection offers a button beside it, not the panel; the button opens the panel."""
    button = page.locator(".ed-share-open")
    expect(button).to_be_visible()
    expect(page.locator("#ed-share")).to_be_hidden()
    button.click()
    expect(page.locator("#ed-share")).to_be_visible()
    page.wait_for_timeout(500)  # longer than linkbuilder.js waits for a selection to settle
    expect(button).to_be_hidden()  # the panel shows the passage: no button over it


def test_a_selection_gives_a_link_that_highlights_it(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/{TEXT}")
    page.locator("#p3s2").scroll_into_view_if_needed()
    drag_select(page, "p3s2", "p4s1")
    open_from_selection(page)
    # No public address configured (mkdocs.yml has no site_url): the link is to this copy,
    # and the panel says so; never a placeholder.
    public = page.input_value("#ed-share-link")
    assert public == f"{base}/{TEXT}#p3s2-p4s1"
    expect(page.locator("#ed-share-local")).to_be_hidden()
    expect(page.locator(".ed-share-note")).to_be_visible()
    citation = page.input_value("#ed-share-cite")
    assert citation.startswith(
        "The Soviets and the Japanese in Manchuria (1920s–1934), sentences p3s2–p4s1. In: Manchuria and the Powers"
    )
    assert public in citation and "accessed" in citation
    page.goto(public)
    assert ranged(page) == ["p3s2", "p3s3", "p3s4", "p4s1"]
    guard.assert_clean()


def test_with_a_public_address_the_link_is_public_and_this_copy_second(
    page: Page, base: str
) -> None:
    """MkDocs writes site_url into each page's canonical link, which the panel reads."""
    page.goto(f"{base}/{TEXT}")
    page.evaluate("""() => {
        const link = document.createElement('link');
        link.rel = 'canonical';
        link.href = 'https://edition.example.net/ed/texts/manchuria-1920-1934.html';
        document.head.append(link);
    }""")
    page.click("#p2 a.ed-anchor")
    expect(page.locator("#ed-share")).to_be_visible()
    assert page.input_value("#ed-share-link") == (
        "https://edition.example.net/ed/texts/manchuria-1920-1934.html#p2"
    )
    assert page.input_value("#ed-share-local") == f"{base}/{TEXT}#p2"
    expect(page.locator(".ed-share-note")).to_be_hidden()


def test_a_permalink_opens_the_panel_and_copy_puts_the_link_on_the_clipboard(
    page: Page, server: str, guard
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/pl/{TEXT}")
    page.locator("#p2 a.ed-anchor").focus()
    page.keyboard.press("Enter")
    copy = page.locator('#ed-share [data-copy="ed-share-link"]')
    expect(copy).to_be_focused()
    assert page.input_value("#ed-share-link") == f"{server}/pl/{TEXT}#p2"
    assert page.input_value("#ed-share-cite").startswith(
        "Sowieci i Japończycy w Mandżurii (lata dwudzieste – 1934), akapit p2. W: Mandżuria i mocarstwa"
    )
    page.keyboard.press("Enter")
    expect(page.locator(".ed-share-status")).to_have_text("Skopiowano")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/pl/{TEXT}#p2"
    page.keyboard.press("Escape")
    expect(page.locator("#ed-share")).to_be_hidden()
    expect(page.locator("#p2 a.ed-anchor")).to_be_focused()
    guard.assert_clean()


def test_copy_works_from_file(page: Page, site: Path, guard) -> None:
    page.goto(f"{site.as_uri()}/{TEXT}")
    page.click("#p4 a.ed-anchor")
    page.click('#ed-share [data-copy="ed-share-link"]')
    expect(page.locator(".ed-share-status")).to_have_text("Copied")
    guard.assert_clean()


def test_the_parallel_view_maps_a_translation_selection_to_original_sentences(
    page: Page, server: str
) -> None:
    page.goto(f"{server}/parallel/manchuria-1920-1934.html?cols=pl,en")
    page.evaluate("""() => {
        const cell = document.querySelector('#p3 .ed-cell[data-lang="en"] .ed-p');
        const r = document.createRange();
        r.selectNodeContents(cell);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
    }""")
    open_from_selection(page)
    link = page.input_value("#ed-share-link")
    assert link.endswith("parallel/manchuria-1920-1934.html?cols=pl,en#p3s1-p3s4")


def test_the_panel_fits_a_phone(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{server}/uk/{TEXT}")
    page.click("#p5 a.ed-anchor")
    expect(page.locator("#ed-share")).to_be_visible()
    box = page.locator("#ed-share").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(f"{server}/{ASSIGNMENT}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_every_passage_link_of_every_assignment_lands_on_its_range(page: Page, server: str) -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    corpus = load(settings)
    found = assignments.load_assignments(settings.docs, corpus, settings.ui_languages)
    prefix = {"en": "", "pl": "pl/", "uk": "uk/"}
    for a in found:
        page.goto(f"{server}/{prefix[a.ui]}assignments/{a.name}.html")
        hrefs = page.eval_on_selector_all(".ed-passage .ed-views a", "els => els.map(e => e.href)")
        expected = [p.passage.ids for p in a.passages for _ in range(1 + bool(p.text.translations))]
        assert len(hrefs) == len(expected)
        for href, ids in zip(hrefs, expected, strict=True):
            page.goto(href)
            assert tuple(ranged(page)) == ids, href


def test_printing_an_assignment_gives_a_clean_worksheet(
    page: Page, server: str, tmp_path: Path, guard
) -> None:
    page.goto(f"{server}/{ASSIGNMENT}")
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(".ed-lines").first).to_be_hidden()
    expect(page.locator(".ed-qr")).to_be_hidden()  # a QR code is for paper
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".ed-header-search",
        ".ed-answer",
    ):
        expect(page.locator(chrome).first).to_be_hidden()
    for part in (".ed-passage", ".ed-terms", ".ed-questions", ".ed-lines"):
        expect(page.locator(part).first).to_be_visible()
    # No public address: the sheet prints the address it was printed from, no placeholder.
    expect(page.locator("a.ed-served-url")).to_have_text(f"{server}/{ASSIGNMENT}")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    shot = tmp_path / "worksheet.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1
    guard.assert_clean()


def test_assignment_pages_and_index_have_no_accessibility_violation(
    page: Page, server: str
) -> None:
    for path in (
        ASSIGNMENT,
        "uk/assignments/sino-soviet-rapprochement.html",
        "assignments/index.html",
        "pl/assignments/index.html",
        TEXT,
    ):
        page.goto(f"{server}/{path}")
        if path == TEXT:
            page.locator("#p3 a.ed-anchor").focus()  # with the link builder open
            page.keyboard.press("Enter")
            expect(page.locator('#ed-share [data-copy="ed-share-link"]')).to_be_focused()
        violations = axe_violations(page)
        assert violations == [], f"{path}: {json.dumps(violations, ensure_ascii=False)}"
