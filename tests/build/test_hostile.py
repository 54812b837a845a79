"""A fixture edition whose every file value is hostile markup, built by MkDocs: no value adds
an element, an attribute or a script anywhere, and every value is shown exactly as written."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from lxml import html

from edition.base import addresses
from edition.base.register import Register, load_register
from edition.build.settings import read_settings
from edition.derived.register_index import index_name
from edition.web.popups import shard_count, shard_of
from tests.conftest import ROOT, build_site, make_text

pytestmark = pytest.mark.build
UI = ("en", "pl", "uk")
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
# Markup that would run or add attributes if printed raw, and entities that would be read.
EVIL = """<script>alert(1)</script><img src=x onerror="alert(2)"> "q" 'a' &amp; & </p>"""
SITE_NAME = f"Edition {EVIL}"
TEXT_ID = "hostile"
ENTRY_ID = "ala"
ROOT_PATH = urlsplit(read_settings(ROOT / "mkdocs.yml").site_url).path or "/"


def localized(what: str) -> dict[str, str]:
    return {ui: f"{what} {ui} {EVIL}" for ui in UI}


META = {
    "original": "pl",
    "title": localized("Title"),
    "source": localized("Source"),
    "remarks": localized("Remarks"),
    "licence": {"status": "unknown", "note": localized("Licence note")},
    "translations": {"en": {"by": f"Translator {EVIL}", "status": "working"}},
}
PL = f"Ala ma kota {EVIL}. Kot ma Alę.\n\nDrugi akapit.\n"
EN = f"Ala has a cat {EVIL}. The cat has Ala.\n\nSecond paragraph.\n"
ENTRY = {
    "id": ENTRY_ID,
    "kind": "person",
    "born": "1900",
    "names": {
        "pl": {"name": "Ala"},
        "en": {"name": "Ala", "variants": [f"Ala {EVIL}"]},
        "uk": {"name": f"Аля {EVIL}"},
    },
    "definition": localized("Definition"),
}
ASSIGNMENT = {
    "title": f"Assignment {EVIL}",
    "description": f"Description {EVIL}",
    "passages": [{"text": TEXT_ID, "range": "p1", "note": f"Note {EVIL}"}],
    "terms": [ENTRY_ID],
    "questions": [f"Question {EVIL}"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    edition = tmp_path_factory.mktemp("hostile")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    # every language's name: the default's and the two i18n overrides
    config = re.sub(r"^(\s*)site_name: .*$", lambda m: m[1] + "site_name: " + json.dumps(SITE_NAME),
                    config, flags=re.M)  # fmt: skip
    (edition / "mkdocs.yml").write_text(config, "utf-8")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, edition / folder)
    (edition / "docs" / "assignments").mkdir(parents=True)
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, edition / "docs")
    front = yaml.safe_dump(ASSIGNMENT, allow_unicode=True)
    (edition / "docs" / "assignments" / "evil.en.md").write_text(f"---\n{front}---\n\nRead.\n")
    meta = yaml.safe_dump(META, allow_unicode=True)
    make_text(edition / "seeds", TEXT_ID, meta=meta, pl=PL, en=EN)
    (edition / "glossary").mkdir()
    register = yaml.safe_dump([ENTRY], allow_unicode=True)
    (edition / "glossary" / "all.yml").write_text(register, "utf-8")
    out = edition / "site"
    result = build_site(edition / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


def parse(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def text(el: html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def norm(s: str) -> str:
    return " ".join(s.split())


def test_no_page_has_a_script_or_handler_the_site_does_not_ship(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    own = site.resolve().as_uri() + "/assets/"
    for page in pages:
        doc = parse(page)
        for script in doc.iter("script"):
            src = script.get("src")
            if src is None:  # Material's configuration: data, never run
                assert script.get("type") == "application/json", page
            else:
                if src.startswith(ROOT_PATH):  # 404.html links from the site's root path
                    src = site.resolve().as_uri() + "/" + src.removeprefix(ROOT_PATH)
                assert urljoin(page.resolve().as_uri(), src).startswith(own), (page, src)
        assert doc.xpath("//@*[starts-with(name(), 'on')]") == [], page
        assert not doc.cssselect("img[src=x], p > p"), page
        policy = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert policy and "script-src 'self'" in policy[0], page


@pytest.mark.parametrize("ui", UI)
def test_the_reading_page_shows_every_value_as_written(site: Path, ui: str) -> None:
    doc = parse(site / PREFIX[ui] / addresses.reading(TEXT_ID).path)
    title = META["title"][ui]
    assert doc.findtext(".//title") == f"{title} - {SITE_NAME}"
    topics = doc.cssselect(".md-header__topic .md-ellipsis")
    assert [text(t) for t in topics] == [norm(SITE_NAME), norm(title)]
    assert text(doc.cssselect("article")[0].getparent().cssselect("h1")[0]) == norm(title)
    shown = [text(dd) for dd in doc.cssselect("dl.ed-meta dd")]
    assert norm(META["source"][ui]) in shown and norm(META["remarks"][ui]) in shown
    assert any(norm(META["licence"]["note"][ui]) in dd for dd in shown)
    assert any(norm(META["translations"]["en"]["by"]) in dd for dd in shown)
    first = doc.cssselect("#p1 .ed-p")[0]
    assert text(first) == norm(PL.split("\n\n")[0])
    assert doc.cssselect(".ed-share")[0].get("data-title") == title
    names = doc.xpath("//meta[@name='application-name']/@content")
    assert names == [SITE_NAME]


@pytest.mark.parametrize("ui", UI)
def test_lists_and_the_search_page_show_the_title_as_written(site: Path, ui: str) -> None:
    title = norm(META["title"][ui])
    catalogue = parse(site / PREFIX[ui] / addresses.catalogue().path)
    (link,) = catalogue.cssselect("table.ed-catalogue td:first-child a")
    assert (text(link), link.get("href")) == (title, f"{TEXT_ID}.html")
    # The search page lists no texts: a text's title, for its filter and its results, is in
    # its file of the search index, as written; its reading page's form sends its ID.
    (put,) = (site / f"assets/edition/search/x_{TEXT_ID}.js").read_text("utf-8").splitlines()
    start = f"edSearch.put({json.dumps('x_' + TEXT_ID, ensure_ascii=False)},"
    assert put.startswith(start) and put.endswith(");")
    assert json.loads(put[len(start) : -2])["t"][ui] == META["title"][ui]
    reading = parse(site / PREFIX[ui] / addresses.reading(TEXT_ID).path)
    (field,) = reading.cssselect('.ed-search-in-text input[name="text"]')
    assert field.get("value") == TEXT_ID
    parallel = parse(site / PREFIX[ui] / addresses.parallel(TEXT_ID).path)
    shown = parallel.findtext(".//title")
    assert shown.startswith(f"{META['title'][ui]} — ") and shown.endswith(f" - {SITE_NAME}")
    assert text(parallel.cssselect("h1")[0]) == title


@pytest.mark.parametrize("ui", UI)
def test_register_pages_and_popups_show_names_and_definitions_as_written(
    site: Path, ui: str
) -> None:
    name, definition = ENTRY["names"][ui]["name"], ENTRY["definition"][ui]
    register = _register(site)
    where = addresses.entry(register[ENTRY_ID])
    group = parse(site / PREFIX[ui] / where.path)
    section = group.get_element_by_id(ENTRY_ID)
    assert text(section.cssselect("h2")[0]) == norm(name)
    assert norm(definition) in [text(p) for p in section.cssselect("header p")]
    persons = parse(site / PREFIX[ui] / addresses.index("person").path)
    listed = index_name(register[ENTRY_ID], ui)[0]  # a person's last word first, as written
    assert [text(dt) for dt in persons.cssselect("dl.ed-register > dt")] == [norm(listed)]
    shard = shard_of(ENTRY_ID, shard_count(register))
    js = (site / addresses.popup_shard(ui, shard).path).read_text("utf-8")
    popup = html.fragment_fromstring(json.loads(js[js.index(",") + 1 : js.rindex(");")])[ENTRY_ID])
    assert popup.xpath("//@*[starts-with(name(), 'on')]") == [] and not popup.cssselect("script")
    assert text(popup.cssselect(".ed-popup-name")[0]) == norm(name)
    assert text(popup.cssselect(".ed-popup-def")[0]) == norm(definition)


def test_the_assignment_shows_its_fields_as_written(site: Path) -> None:
    doc = parse(site / addresses.assignment("evil").path)
    title = ASSIGNMENT["title"]
    assert doc.findtext(".//title") == f"{title} - {SITE_NAME}"
    assert [text(h) for h in doc.cssselect("h1")] == [norm(title)]
    assert doc.xpath("//meta[@name='description']/@content") == [ASSIGNMENT["description"]]
    assert text(doc.cssselect(".ed-passage-note")[0]) == norm(ASSIGNMENT["passages"][0]["note"])
    assert [text(p) for p in doc.cssselect(".ed-questions li p")] == [
        norm(q) for q in ASSIGNMENT["questions"]
    ]
    assert doc.cssselect(".ed-popups[data-shards]") and not doc.cssselect(".ed-popup")
    listing = parse(site / addresses.assignment("index").path)
    assert [text(a) for a in listing.cssselect("table.ed-catalogue a")] == [norm(title)]


def _register(site: Path) -> Register:
    return load_register(site.parent / "glossary", UI)
