"""The real edition built by MkDocs: clean, faithful to its sources, self-contained."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT, build_site, popups_of

pytestmark = pytest.mark.build
UI = ("en", "pl", "uk")
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}


def texts():
    return load(read_settings(ROOT / "mkdocs.yml")).texts


def norm(s: str) -> str:
    return " ".join(s.split())


def test_strict_build_has_no_warning(tmp_path: Path) -> None:
    result = build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("ui", UI)
def test_every_source_paragraph_is_on_its_reading_page(site: Path, ui: str) -> None:
    for text in texts():
        doc = html.parse(str(site / f"{PREFIX[ui]}texts/{text.id}.html")).getroot()
        article = doc.cssselect("article.ed-text")[0]
        assert article.get("lang") == text.original.lang
        paras = article.cssselect(".ed-para")
        assert [p.get("id") for p in paras] == [f"p{i}" for i in range(1, len(paras) + 1)]
        for par, el in zip(text.original.paragraphs, paras, strict=True):
            shown = el.cssselect(".ed-p")[0].text_content()
            assert norm(shown) == norm(par.text), f"{text.id} {par.id} differs"
            spans = el.cssselect(".ed-s")
            assert [s.get("id") for s in spans] == [s.id for s in par.sentences]
            assert [s.text_content() for s in spans] == [
                par.text[s.start : s.end] for s in par.sentences
            ]
            assert el.cssselect(f'a.ed-anchor[href="#{par.id}"]')


def test_catalogue_lists_every_text_in_every_language(site: Path) -> None:
    all_texts = texts()
    for ui in UI:
        doc = html.parse(str(site / f"{PREFIX[ui]}texts/index.html")).getroot()
        links = {a.get("href") for a in doc.cssselect("table.ed-catalogue td:first-child a")}
        assert links == {f"{t.id}.html" for t in all_texts}
        # each translation's own page, in the translations' column
        links = {a.get("href") for a in doc.cssselect("table.ed-catalogue td a")}
        assert {f"{t.id}/{lang}.html" for t in all_texts for lang in t.translations} <= links


_FETCHING = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
    "video": "src", "embed": "src", "object": "data", "link": "href", "use": "href",
}  # fmt: skip
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def _outside(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def test_nothing_is_loaded_from_outside_the_site(site: Path) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        doc = html.parse(str(page)).getroot()
        for tag, attr in _FETCHING.items():
            for el in doc.iter(tag):
                url = el.get(attr) or ""
                if tag == "link" and el.get("rel") in {"canonical"}:
                    continue
                if _outside(url):
                    offenders.append(f"{page}: <{tag} {attr}={url}>")
        for style in doc.iter("style"):
            offenders += [f"{page}: {u}" for u in _CSS_URL.findall(style.text or "") if _outside(u)]
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        offenders += [f"{css}: {u}" for u in _CSS_URL.findall(text) if _outside(u)]
        offenders += [f"{css}: @import" for _ in re.findall(r"@import\s+['\"]?https?:", text)]
    assert offenders == []


def test_internal_links_and_fragments_resolve(site: Path) -> None:
    assert broken_links(site) == []


def broken_links(site: Path) -> list[str]:
    """Links and ``#fragment``s in the built ``site`` that lead to no file or no ID."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(html.parse(str(path)).getroot().xpath("//@id"))
        return ids[path]

    # 404.html links from the site's root path, so that it works at any depth.
    root_path = urlsplit(read_settings(ROOT / "mkdocs.yml").site_url).path or "/"
    broken = []
    for page in site.rglob("*.html"):
        for el in html.parse(str(page)).getroot().iter("a", "link", "script", "img"):
            url = el.get("href") or el.get("src")
            if not url or _outside(url) or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(url)
            base = page.parent
            if parts.path.startswith(root_path):
                base, parts = site, parts._replace(path=parts.path[len(root_path) :])
            target = (base / unquote(parts.path)).resolve() if parts.path else page
            fragment = unquote(parts.fragment)  # as a browser finds it (#letter-%D0%91)
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
            elif (
                fragment
                and target.suffix == ".html"
                and fragment not in ids_of(target)
                # a passage (#p3-p5) names two IDs
                and not set(fragment.split("-")) <= ids_of(target)
            ):
                broken.append(f"{page.relative_to(site)} -> {url} (no such id)")
    return broken


def test_a_copied_seed_folder_builds_with_no_other_change(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    edition.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", edition)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(
                ROOT / folder, edition / folder, ignore=shutil.ignore_patterns("texts", "edition")
            )
    copy = edition / "seeds" / "copied-text"
    shutil.copytree(ROOT / "seeds" / "manchuria-1920-1934", copy)
    (copy / "paragraph-ids.yml").unlink()
    result = build_site(edition / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for ui in UI:
        catalogue = (tmp_path / "site" / f"{PREFIX[ui]}texts/index.html").read_text("utf-8")
        assert 'href="copied-text.html"' in catalogue
        assert (tmp_path / "site" / f"{PREFIX[ui]}texts/copied-text.html").exists()
    assert (copy / "paragraph-ids.yml").exists()


def test_every_mention_names_a_register_entry_with_one_popup(site: Path) -> None:
    register = load(read_settings(ROOT / "mkdocs.yml")).register
    for ui in UI:
        for text in texts():
            doc = html.parse(str(site / f"{PREFIX[ui]}texts/{text.id}.html")).getroot()
            refs = {b.get("data-ref") for b in doc.cssselect("article .ed-ref")}
            assert refs and refs <= set(register.entries)
            assert not doc.cssselect(".ed-popup")  # built on first use from shared data
            popups = popups_of(site, doc)
            assert sorted(p.get("id") for p in popups.values()) == sorted(f"ref-{r}" for r in refs)
            for ref, popup in popups.items():
                assert popup.get("id") == f"ref-{ref}"
                assert register[ref].name(ui) in popup.text_content()


def test_parallel_views_pair_every_original_sentence_in_every_column(site: Path) -> None:
    for ui in UI:
        for text in texts():
            doc = html.parse(str(site / f"{PREFIX[ui]}parallel/{text.id}.html")).getroot()
            rows = doc.cssselect(".ed-parallel > .ed-row")
            assert [r.get("id") for r in rows] == [p.id for p in text.original.paragraphs]
            for row, par in zip(rows, text.original.paragraphs, strict=True):
                wanted = {s.id for s in par.sentences}
                for version in text.versions:
                    cell = row.cssselect(f'.ed-cell[data-lang="{version.lang}"]')[0]
                    assert cell.get("lang") == version.lang
                    keys = {k for s in cell.cssselect(".ed-s") for k in s.get("data-align").split()}
                    assert keys == wanted, (text.id, version.lang, par.id)
                shown = row.cssselect(f'.ed-cell[data-lang="{text.original.lang}"] .ed-p')[0]
                assert norm(shown.text_content()) == norm(par.text)
            reading = html.parse(str(site / f"{PREFIX[ui]}texts/{text.id}.html")).getroot()
            assert reading.cssselect(f'a.ed-switch[href="../parallel/{text.id}.html#p1"]')
            assert doc.cssselect(f'a.ed-switch[href="../texts/{text.id}.html#p1"]')
