"""The index over the built site: index pages in each language's order, entry pages (one per
kind and index letter) whose sections list every occurrence of an entry, and deep links that
land on the mention."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import html

from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base import addresses
from edition.base.addresses import DEFAULT_PAGING, by_group, group
from edition.base.collation import OTHER, collation
from edition.base.register import Entry, load_register
from edition.base.sources import load_texts
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived.register_index import index_name, kwic, sort_keys
from edition.web import register_pages
from tests.conftest import META, ROOT, make_text, popups_of

UI = ("en", "pl", "uk")
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
SHARED = ("Q16574", "Q17", "Q13426199", "Q15180", "Q649")  # Chiang, Japan, China, USSR, Moscow


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(read_settings(ROOT / "mkdocs.yml"))


def norm(s: str) -> str:
    return " ".join(s.split())


def test_kwic_cuts_between_words_and_keeps_the_mention(corpus: Corpus) -> None:
    for occurrences in corpus.occurrences.values():
        for occ in occurrences:
            snip = kwic(occ)
            assert snip.match == occ.surface
            text = occ.paragraph.text
            left, right = snip.left.removeprefix("…"), snip.right.removesuffix("…")
            assert text[occ.mention.start - len(left) : occ.mention.end + len(right)] == (
                left + snip.match + right
            )
            # a cut context starts and ends at a word boundary
            assert snip.left == left or text[occ.mention.start - len(left) - 1] == " "
            assert snip.right == right or text[occ.mention.end + len(right)] == " "


@pytest.mark.build
@pytest.mark.parametrize("ui", UI)
def test_index_pages_follow_the_collation_of_the_language(site: Path, corpus, ui: str) -> None:
    order = collation(ui)
    for kind, page in (("person", "persons"), ("place", "places"), ("organisation", "organisations"),
                       ("term", "glossary")):  # fmt: skip
        doc = html.parse(str(site / f"{PREFIX[ui]}register/{page}.html")).getroot()
        names = [dt.text_content() for dt in doc.cssselect("dl.ed-register > dt")]
        wanted = [e for e in corpus.register if e.kind == kind]
        # letters of the alphabet in its order, then names outside it ("1932 Theses")
        inside = sorted((n for n in names if order.letter(n) != OTHER), key=order.key)
        assert names == inside + sorted(set(names) - set(inside), key=order.key)
        assert sorted(names) == sorted(index_name(e, ui)[0] for e in wanted)  # "Stalin, Józef"
        bar = [unquote(a.get("href")) for a in doc.cssselect("nav.ed-letters a")]
        headings = [f"#{h.get('id')}" for h in doc.cssselect(".ed-letter > h2")]
        assert bar == headings and bar


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    return (page.parent / parts.path).resolve(), parts.fragment


def _entry(site: Path, corpus: Corpus, ui: str, entry: Entry) -> tuple[Path, str]:
    """The entry's group page in ``ui`` and its section's ID, from its address."""
    return _target(site, site / f"{PREFIX[ui]}index.html", addresses.url(addresses.entry(entry)))


@pytest.mark.build
def test_entry_pages_group_entries_by_kind_and_letter_of_the_default_language(
    site: Path, corpus
) -> None:
    default = collation(UI[0])
    for (kind, letter), entries in by_group(corpus.register).items():
        for e in entries:
            assert e.kind == kind and default.letter(e.name(UI[0])) == letter
        for ui in UI:  # every language has every group page, its entries in its own order
            doc = html.parse(str(site / f"{PREFIX[ui]}{group(kind, letter).path}")).getroot()
            sections = doc.cssselect("section.ed-entry")
            keys = sort_keys(corpus.register, ui)  # persons by surname
            assert [x.get("id") for x in sections] == [
                e.id for e in sorted(entries, key=lambda e: (keys[e.id], e.id))
            ]
            for x in sections:
                heading = x.cssselect("h2")[0]
                assert x.get("aria-labelledby") == heading.get("id")
                assert norm(heading.text_content()) == corpus.register[x.get("id")].name(ui)
            ids = doc.xpath("//@id")
            assert len(ids) == len(set(ids)), group(kind, letter)
            assert len(doc.cssselect("h1")) == 1


@pytest.mark.build
@pytest.mark.parametrize("ui", UI)
def test_every_entry_lists_each_occurrence_with_a_link_to_it(site: Path, corpus, ui: str) -> None:
    pages: dict[Path, html.HtmlElement] = {}

    def parsed(path: Path) -> html.HtmlElement:
        if path not in pages:
            pages[path] = html.parse(str(path)).getroot()
        return pages[path]

    for entry in corpus.register:
        page, ref = _entry(site, corpus, ui, entry)
        doc = parsed(page).get_element_by_id(ref)
        assert norm(doc.cssselect("h2")[0].text_content()) == entry.name(ui)
        items = doc.cssselect("ol.ed-occurrences > li")
        for link in doc.cssselect("nav.ed-pager a"):  # the pages of its other occurrences,
            more, _ = _target(site, page, link.get("href"))  # at the entry page's depth
            items += parsed(more).cssselect("ol.ed-occurrences > li")
        occurrences = corpus.occurrences.get(entry.id, [])
        assert len(items) == len(occurrences), entry.id
        if occurrences:  # the forms found in the texts, per language
            forms = doc.cssselect("dl.ed-meta")[1]
            for occ in occurrences:
                dd = forms.cssselect(f'dd[lang="{occ.version.lang}"]')[0]
                assert occ.surface in dd.text_content().split(", ")
        for occ, li in zip(occurrences, items, strict=True):
            assert li.cssselect("mark")[0].text_content() == occ.surface
            assert li.cssselect(".ed-kwic")[0].get("lang") == occ.version.lang
            path, fragment = _target(site, page, li.cssselect("a.ed-occ-link")[0].get("href"))
            assert path.exists(), path
            target = parsed(path).get_element_by_id(fragment)
            if occ.is_original:  # the sentence itself, on the reading page
                assert path.name == f"{occ.text.id}.html" and path.parent.name == "texts"
                assert (
                    target.text_content()
                    == occ.paragraph.text[
                        occ.paragraph.sentences[occ.sentence].start : occ.paragraph.sentences[
                            occ.sentence
                        ].end
                    ]
                )
                assert target.getparent().getparent().get("id") == occ.paragraph.id
            else:  # the parallel view, at the original sentence the translation renders
                assert path.parent.name == "parallel"
                row = target.xpath("ancestor::div[@class='ed-row']")[0]
                assert row.get("id") == occ.paragraph.id
                cell = row.cssselect(f'.ed-cell[data-lang="{occ.version.lang}"]')[0]
                aligned = [
                    s for s in cell.cssselect(".ed-s") if fragment in s.get("data-align").split()
                ]
                assert any(occ.surface in s.text_content() for s in aligned)


@pytest.mark.build
@pytest.mark.parametrize("ui", UI)
@pytest.mark.parametrize("ref", SHARED)
def test_entries_shared_by_the_polish_and_the_ukrainian_text(
    site: Path, corpus, ui: str, ref: str
) -> None:
    page, _ = _entry(site, corpus, ui, corpus.register[ref])
    doc = html.parse(str(page)).getroot().get_element_by_id(ref)
    originals = {t.id: t.original.lang for t in corpus.texts}
    found = set()
    for section in doc.cssselect("section.ed-occ-text"):
        text_id = section.cssselect("h4")[0].get("id").removeprefix(f"{ref}-text-")
        lang = originals[text_id]
        links = section.cssselect(f'.ed-kwic[lang="{lang}"]')
        if links:
            found.add(lang)
    assert found == {"pl", "uk"}
    # the page says the entry is in several texts and links both
    several = doc.cssselect("p.ed-in-texts a")
    assert {a.get("href") for a in several} == {f"#{ref}-text-{t}" for t in originals}


@pytest.mark.build
@pytest.mark.parametrize("ui", UI)
def test_the_popup_index_link_lands_on_the_entry(site: Path, corpus, ui: str) -> None:
    for text in corpus.texts:
        page = site / f"{PREFIX[ui]}texts/{text.id}.html"
        doc = html.parse(str(page)).getroot()
        popups = popups_of(site, doc)
        assert popups
        for ref, popup in popups.items():
            href = popup.cssselect(".ed-popup-links a")[0].get("href")
            path, fragment = _target(site, page, href)
            assert (path, fragment) == _entry(site, corpus, ui, corpus.register[ref])
            entry = html.parse(str(path)).getroot().get_element_by_id(fragment)
            assert norm(entry.cssselect("h2")[0].text_content()) == corpus.register[ref].name(ui)


SPECIAL_PL = "Zysk 50% <netto> & Mandżuria & więcej."
SPECIAL_UK = "Прибуток 50% <нетто> & Маньчжурія & більше."
TITLES = {"en": "Title", "pl": "Tytuł", "uk": "Назва"}  # of META


def _small_corpus(root: Path) -> Corpus:
    """One text whose ID holds a ``%`` and whose paragraph has ``&``, ``<``, ``>`` and ``%``
    around a mention, in a Polish original and a Ukrainian translation."""
    meta = META + "translations: {uk: {by: test, status: working}}\n"
    make_text(root / "seeds", "t-1", meta=meta, pl=f"{SPECIAL_PL}\n", uk=f"{SPECIAL_UK}\n")
    (root / "glossary").mkdir(exist_ok=True)
    item = {
        "id": "Q1",
        "kind": "place",
        "names": {"pl": {"name": "Mandżuria"}, "uk": {"name": "Маньчжурія"}, "en": {"name": "Manchuria"}},
        "definition": dict.fromkeys(UI, "d"),
    }  # fmt: skip
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump([item], allow_unicode=True), "utf-8")
    return annotate_corpus(load_texts(root / "seeds", UI), load_register(root / "glossary", UI))


def test_entry_lines_keep_special_characters_in_every_language(tmp_path: Path) -> None:
    """The lines are made once and filled in for every language: a language's pages are the
    same whether it is made with others or alone, and every character is shown as it is."""
    kept = _small_corpus(tmp_path / "a")
    after: dict[str, dict[str, str]] = {ui: {} for ui in UI}
    for ui, p in register_pages.pages(kept, dict.fromkeys(UI, ""), DEFAULT_PAGING):
        after[ui][p.address.path] = p.body
    fresh = _small_corpus(tmp_path / "b")
    alone = register_pages.pages(fresh, {"uk": ""}, DEFAULT_PAGING)
    assert {p.address.path: p.body for _, p in alone} == after["uk"]
    entry = kept.register["Q1"]
    for ui in UI:
        page = after[ui][addresses.entry(entry).path]
        section = html.fromstring(page).get_element_by_id("Q1")
        lines = section.cssselect(".ed-occurrences li")
        assert [li.cssselect(".ed-kwic")[0].text_content() for li in lines] == [
            SPECIAL_PL,
            SPECIAL_UK,
        ]
        assert [li.cssselect("mark")[0].text for li in lines] == ["Mandżuria", "Маньчжурія"]
        hrefs = [li.cssselect("a.ed-occ-link")[0].get("href") for li in lines]
        assert hrefs == ["../../texts/t-1.html#p1s1", "../../parallel/t-1.html#p1s1"]
        heading = section.cssselect("h4 a")[0]
        assert (heading.get("href"), heading.text) == ("../../texts/t-1.html", TITLES[ui])
