"""Reading pages and translation views: punctuation kept with names, a translation's
sentences carrying the original's IDs, credits and versions in the UI language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html

from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.web import reading
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
CREDIT = "{by: {pl: redakcja edycji, uk: редакція видання, en: the editors}, status: working}"


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    meta = META + f"translations: {{en: {CREDIT}}}\n"
    # Two Polish sentences that the English renders as one: the alignment merges them.
    make_text(
        tmp_path / "seeds",
        "t",
        meta=meta,
        pl="Mieszkał w „Warszawie”, potem w (Krakowie). Wrócił.\n",
        en="He lived in Warsaw, then in Kraków, and came back.\n",
    )
    (tmp_path / "glossary").mkdir()
    items = [
        {"id": "waw", "kind": "place", "names": {"pl": {"name": "Warszawa"}, "en": {"name": "Warsaw"}},
         "definition": dict.fromkeys(UI, "d")},
        {"id": "krk", "kind": "place", "names": {"pl": {"name": "Kraków"}, "en": {"name": "Kraków"}},
         "definition": dict.fromkeys(UI, "d")},
    ]  # fmt: skip
    (tmp_path / "glossary" / "places.yml").write_text(yaml.safe_dump(items), "utf-8")
    return annotate_corpus(
        load_texts(tmp_path / "seeds", UI), load_register(tmp_path / "glossary", UI)
    )


def _doc(body: str) -> html.HtmlElement:
    return html.fragment_fromstring(body, create_parent="div")


def test_punctuation_touching_a_name_is_kept_on_its_line(corpus: Corpus) -> None:
    doc = _doc(reading.reading_page(corpus, corpus.texts[0], "pl").body)
    glued = [g.text_content() for g in doc.cssselect(".ed-text .ed-nw")]
    assert glued == ["„Warszawie”,", "(Krakowie)."]
    assert all(g.cssselect("button.ed-ref") for g in doc.cssselect(".ed-nw"))
    # Nothing lost or added: the paragraph reads as its source line.
    text = doc.cssselect(".ed-text .ed-p")[0].text_content()
    assert text == "Mieszkał w „Warszawie”, potem w (Krakowie). Wrócił."


def test_a_translation_view_gives_every_original_sentence_id_a_place(corpus: Corpus) -> None:
    text = corpus.texts[0]
    doc = _doc(reading.translation_page(corpus, text, "en", "en").body)
    (article,) = doc.cssselect("article.ed-text")
    assert article.get("lang") == "en"
    spans = article.cssselect(".ed-s[id]")
    # In text order, as the original's: p1s2 is an empty mark at the start of the sentence
    # that renders both.
    assert [s.get("id") for s in spans] == ["p1s1", "p1s2"]
    assert spans[0].get("data-align") == "p1s1 p1s2"
    assert "came back" in spans[0].text_content()
    assert spans[1].text_content() == "" and spans[1].getparent() is spans[0]


def test_credits_and_versions_are_in_the_ui_language(corpus: Corpus) -> None:
    text = corpus.texts[0]
    doc = _doc(reading.reading_page(corpus, text, "pl").body)
    assert (
        "angielski (przekład roboczy: redakcja edycji)"
        in doc.cssselect(".ed-meta")[0].text_content()
    )
    versions = [(a.text_content(), a.get("aria-current")) for a in doc.cssselect(".ed-versions a")]
    assert versions == [("Oryginał", "page"), ("English", None), ("Widok równoległy", None)]
    doc = _doc(reading.translation_page(corpus, text, "en", "uk").body)
    assert "редакція видання" in doc.cssselect(".ed-version-label")[0].text_content()
    assert [a.get("aria-current") for a in doc.cssselect(".ed-versions a")] == [None, "page", None]
    doc = _doc(reading.parallel_page(corpus, text, "en").body)
    assert [a.get("aria-current") for a in doc.cssselect(".ed-versions a")] == [None, None, "page"]


def test_sentences_made_once_give_every_page_as_made_alone(corpus: Corpus) -> None:
    text = corpus.texts[0]
    shared = reading.Sentences(corpus, text)
    for ui in UI:
        assert reading.reading_page(corpus, text, ui, sentences=shared) == reading.reading_page(
            corpus, text, ui
        )
        assert reading.parallel_page(corpus, text, ui, shared) == reading.parallel_page(
            corpus, text, ui
        )
        assert reading.translation_page(
            corpus, text, "en", ui, sentences=shared
        ) == reading.translation_page(corpus, text, "en", ui)
