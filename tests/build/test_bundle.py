"""The offline bundle: packaging, the real ``python -m edition bundle``, valid HTML, whole links."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import html

from edition.build.bundle import README, SERVER_ONLY, bundle_name, package, readme_text
from tests.conftest import ROOT, Bundle

from .test_build import broken_links

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Nu checker messages that come from Material's own base.html and are left in place.
# base.html puts autocomplete="off" on the two hidden checkboxes that open the drawer and
# the search (`<input class="md-toggle" type="checkbox" ... autocomplete="off">`): HTML
# allows autocomplete only on text-like inputs, but Material relies on it so that Firefox
# does not restore a checked drawer or search box when a reader comes back to a page.
# The lines sit outside any template block, so only a copy of the whole base.html could
# drop them.
MATERIAL_MESSAGES = {
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle',
    ),
}


def small_site(root: Path) -> Path:
    site = root / "site"
    (site / "pl" / "texts").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>home</title>", "utf-8")
    (site / "pl" / "index.html").write_text("<!doctype html><title>dom</title>", "utf-8")
    (site / "pl" / "texts" / "a.html").write_text("<!doctype html><title>a</title>", "utf-8")
    (site / "style.css").write_text("body{}", "utf-8")
    (site / "pl-x").mkdir()  # sorted by name: "pl-x/" before "pl/", unlike path parts
    (site / "pl-x" / "a.js").write_text("", "utf-8")
    for name in SERVER_ONLY:
        (site / name).write_text("server only", "utf-8")
    return site


def test_package_writes_one_folder_with_the_home_page_and_readme(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    summary = package(site, tmp_path / "dist" / "x-offline.zip", "x-offline", "Hello\nŁódź\n")
    assert summary.html_pages == 3
    assert summary.size == summary.zip_path.stat().st_size
    with zipfile.ZipFile(summary.zip_path) as archive:
        names = archive.namelist()
        readme = archive.read(f"x-offline/{README}")
        dates = {info.date_time for info in archive.infolist()}
    assert names == sorted(names)
    assert names == [
        "x-offline/README.txt",
        "x-offline/index.html",
        "x-offline/pl-x/a.js",
        "x-offline/pl/index.html",
        "x-offline/pl/texts/a.html",
        "x-offline/style.css",
    ]
    assert readme == "\ufeffHello\r\nŁódź\r\n".encode()
    assert dates == {(1980, 1, 1, 0, 0, 0)}
    assert not (tmp_path / "dist" / "x-offline.zip.part").exists()


def test_the_same_site_gives_the_same_zip(tmp_path: Path) -> None:
    first = package(small_site(tmp_path / "a"), tmp_path / "a.zip", "x", "r").zip_path
    second = package(small_site(tmp_path / "b"), tmp_path / "b.zip", "x", "r").zip_path
    assert first.read_bytes() == second.read_bytes()


def test_bundle_name_is_a_slug_of_the_edition_name() -> None:
    assert bundle_name("Manchuria and the Powers, 1920–1937 — a digital edition") == (
        "manchuria-and-the-powers-1920-1937-a-digital-edition-offline"
    )
    assert bundle_name("Маньчжурія, Łódź") == "manchzhuriia-lodz-offline"
    assert bundle_name("—") == "edition-offline"


def test_readme_tells_how_to_open_it_in_every_ui_language() -> None:
    text = readme_text("An edition", "an-edition-offline", ("en", "pl", "uk"))
    assert text.startswith("An edition\n\nHow to open the edition (English)")
    for words in ("double-click the file index.html", "kliknij dwukrotnie", "двічі клацніть"):
        assert words in text
    assert text.count("an-edition-offline") == 3


def test_bundle_reports_bad_sources_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    (tmp_path / "glossary").mkdir()
    seed = tmp_path / "seeds" / "t"
    seed.mkdir(parents=True)
    (seed / "meta.yml").write_text("original: pl\ntitle: [unclosed\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "--config", str(tmp_path / "mkdocs.yml"), "bundle"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{seed / 'meta.yml'}:3: malformed YAML" in result.stderr
    assert not (tmp_path / "dist").exists()


@pytest.mark.build
def test_the_bundle_command_reports_progress_size_pages_and_time(bundle: Bundle) -> None:
    pages = len(list(bundle.folder.rglob("*.html")))
    lines = bundle.output.splitlines()
    assert lines[0].startswith("[1/3] checking sources: 2 texts")
    assert lines[1] == f"[2/3] building pages: {pages} pages in 3 languages"
    assert lines[2].startswith("[3/3] zipping: ")
    size = bundle.zip_path.stat().st_size / 1_000_000
    assert re.fullmatch(
        rf"{re.escape(str(bundle.zip_path))}: {size:.1f} MB, {pages} HTML pages, built in \d+\.\d s",
        lines[3],
    )
    assert bundle.zip_path.name == f"{bundle.folder.name}.zip"


@pytest.mark.build
def test_the_bundle_opens_at_its_home_page_and_leaves_out_server_files(bundle: Bundle) -> None:
    home = html.parse(str(bundle.folder / "index.html")).getroot()
    assert home.get("lang") == "en"
    assert home.find(".//h1").text_content() == "Manchuria and the Powers, 1920–1937"
    assert (bundle.folder / README).read_text("utf-8-sig").count("index.html") == 6
    for name in SERVER_ONLY:
        assert not (bundle.folder / name).exists()
    assert (bundle.folder / "assets" / "edition" / "search" / "meta.js").is_file()


@pytest.mark.build
def test_every_link_in_the_bundle_leads_to_a_file_and_an_id_in_it(bundle: Bundle) -> None:
    assert broken_links(bundle.folder) == []


@pytest.mark.build
def test_nu_html_checker_finds_no_errors_in_any_page(bundle: Bundle) -> None:
    pages = sorted(str(p) for p in bundle.folder.rglob("*.html"))
    result = subprocess.run(
        [
            "java",
            "-Xss8m",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            "--errors-only",
            *pages,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}"
        for m in messages
        if not any(
            m["message"] == text and snippet in m.get("extract", "")
            for text, snippet in MATERIAL_MESSAGES
        )
    ]
    assert errors == []
    assert len(messages) == 2 * len(pages)  # exactly the two Material checkboxes per page
