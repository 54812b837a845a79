"""Page builders given IDs and values that are markup: none adds an element or attribute,
IDs in links are percent-encoded, and what a reader sees is the value as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html

from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.addresses import DEFAULT_PAGING
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.derived.citation import UNVERSIONED
from edition.web import reading
from edition.web.catalogue import catalogue_pages
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
# A folder name that would add an attribute to a link printed raw.
HOSTILE_ID = 'x" autofocus onfocus="alert(1)'


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    meta = META + "translations: {en: {by: test, status: working}}\n"
    make_text(tmp_path / "seeds", "t", meta=meta, pl="Ala ma kota.\n", en="Ala has a cat.\n")
    (tmp_path / "glossary").mkdir()
    item = {"id": "ala", "kind": "person", "names": {ui: {"name": "Ala"} for ui in UI},
            "definition": dict.fromkeys(UI, "d")}  # fmt: skip
    (tmp_path / "glossary" / "all.yml").write_text(yaml.safe_dump([item]), "utf-8")
    found = annotate_corpus(
        load_texts(tmp_path / "seeds", UI), load_register(tmp_path / "glossary", UI)
    )
    # IDs are validated when sources are read; the pages must be safe whatever they get.
    found.texts[0].id = HOSTILE_ID
    return found


def _check(body: str) -> html.HtmlElement:
    doc = html.fragment_fromstring(body, create_parent="div")
    assert doc.xpath("//@*[starts-with(name(), 'on') or name() = 'autofocus']") == []
    return doc


def test_a_hostile_text_id_adds_no_attribute_and_links_percent_encoded(corpus: Corpus) -> None:
    text = corpus.texts[0]
    encoded = "x%22%20autofocus%20onfocus%3D%22alert%281%29"
    page = next(catalogue_pages(corpus.texts, "en", UNVERSIONED, "", DEFAULT_PAGING))
    links = [a.get("href") for a in _check(page.body).cssselect("table a")]
    assert links == [f"{encoded}.html", f"{encoded}/en.html", f"{encoded}.tei.xml"]
    body = reading.reading_page(corpus, text, "en").body
    views = [f"{encoded}.html", f"{encoded}/en.html", f"../parallel/{encoded}.html"]
    assert [a.get("href") for a in _check(body).cssselect(".ed-views a")] == views
    body = reading.translation_page(corpus, text, "en", "en").body
    assert [a.get("href") for a in _check(body).cssselect(".ed-views a")] == [
        f"../{encoded}.html",
        "en.html",
        f"../../parallel/{encoded}.html",
    ]
    body = reading.parallel_page(corpus, text, "en").body
    assert _check(body).cssselect("a.ed-switch")[0].get("href") == f"../texts/{encoded}.html#p1"
    body = reading.reading_page(corpus, text, "en").body
    field = _check(body).cssselect('.ed-search-in-text input[name="text"]')
    assert [f.get("value") for f in field] == [HOSTILE_ID]
