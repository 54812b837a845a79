"""The built site's TEI and citation files: present, linked, parseable; the reading pages' meta
tags for reference managers in every UI language; the version on every page."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from lxml import etree, html

from edition.base.addresses import TEI_CORPUS, citation_file, tei_file
from edition.base.strings import date_text
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived import tei
from tests.conftest import ROOT

pytestmark = pytest.mark.build
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
SETTINGS = read_settings(ROOT / "mkdocs.yml")
CSL_DATA = json.loads((ROOT / "tests" / "fixtures" / "csl" / "csl-data.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def texts():
    return load(SETTINGS).texts


def _meta(doc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        if m.get("name"):
            found.setdefault(m.get("name"), []).append(m.get("content"))
    return found


@pytest.mark.parametrize("ui", list(PREFIX))
def test_reading_pages_carry_citation_meta_tags_and_link_their_downloads(
    site: Path, texts, ui: str
) -> None:
    edition = SETTINGS.edition
    for text in texts:
        page = site / f"{PREFIX[ui]}texts/{text.id}.html"
        doc = html.parse(str(page)).getroot()
        meta = _meta(doc)
        assert meta["citation_title"] == meta["DC.title"] == [text.meta["title"][ui]]
        assert meta["citation_publication_date"] == [edition.date.replace("-", "/")]
        assert meta["citation_language"] == meta["DC.language"] == [text.original.lang]
        assert meta["DC.identifier"] == [edition.href(f"texts/{text.id}.html")]
        hrefs = {a.get("href") for a in doc.cssselect(".ed-downloads a")}
        assert {Path(h).name for h in hrefs} == {
            Path(p).name
            for p in [
                tei_file(text.id),
                *(citation_file(text.id, e) for e in ("bib", "ris", "csl.json")),
            ]
        }
        for href in hrefs:
            assert (page.parent / href).is_file(), href
        assert edition.version in doc.cssselect(".ed-cite")[0].text_content()
        assert edition.version in doc.cssselect("#ed-share")[0].get("data-version")


@pytest.mark.parametrize("ui", list(PREFIX))
def test_every_page_shows_the_edition_version(site: Path, ui: str) -> None:
    pages = [
        p
        for p in (site / PREFIX[ui]).rglob("*.html")
        if ui != "en" or (not p.is_relative_to(site / "pl") and not p.is_relative_to(site / "uk"))
    ]
    assert pages
    for page in pages:
        doc = html.parse(str(page)).getroot()
        shown = doc.cssselect(".ed-edition-version")
        assert shown and f"v{SETTINGS.edition.version}" in shown[0].text_content(), page
        # The one 404 page is built by the last language's build (mkdocs-static-i18n #284).
        if page.name != "404.html":
            assert f"({date_text(SETTINGS.edition.date, ui)})" in shown[0].text_content(), page
            # linked to the changelog in the page's language
            (link,) = shown[0].cssselect("a")
            target = (page.parent / link.get("href")).resolve()
            assert target == (site / PREFIX[ui] / "changelog.html").resolve(), page


def test_the_catalogue_links_every_tei_file(site: Path, texts) -> None:
    for ui, prefix in PREFIX.items():
        doc = html.parse(str(site / f"{prefix}texts/index.html")).getroot()
        hrefs = {a.get("href") for a in doc.cssselect(".ed-downloads a, .ed-catalogue a[download]")}
        for href in hrefs:
            assert (site / f"{prefix}texts" / href).is_file(), (ui, href)
        assert {Path(h).name for h in hrefs} == {Path(tei_file(t.id)).name for t in texts} | {
            Path(TEI_CORPUS).name
        }, ui
    for rel in [TEI_CORPUS, *(tei_file(t.id) for t in texts)]:
        root = etree.parse(str(site / rel)).getroot()
        assert etree.QName(root).namespace == tei.NS


def test_citation_downloads_parse_and_name_the_version(site: Path, texts) -> None:
    edition = SETTINGS.edition
    for text in texts:
        bib = bibtexparser.loads((site / citation_file(text.id, "bib")).read_text("utf-8"))
        [entry] = bib.entries
        assert entry["ID"] == text.id
        assert entry["title"] == text.meta["title"][SETTINGS.ui_languages[0]]
        assert entry["edition"] == edition.version and entry["date"] == edition.date
        ris = (site / citation_file(text.id, "ris")).read_text("utf-8").splitlines()
        tags = dict(line.split("  - ", 1) for line in ris if line.strip())
        assert ris[0] == "TY  - ELEC" and ris[-1] == "ER  - "
        assert tags["ET"] == edition.version and tags["TI"] == entry["title"]
        items = json.loads((site / citation_file(text.id, "csl.json")).read_text("utf-8"))
        jsonschema.validate(items, CSL_DATA)  # the CSL-JSON schema (tests/fixtures/csl)
        [item] = items
        assert item["version"] == edition.version
        assert item["issued"] == {"date-parts": [[int(x) for x in edition.date.split("-")]]}
        assert item["title"] == entry["title"] and item["URL"] == entry["url"]
