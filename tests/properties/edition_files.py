"""Small editions written to disk for the property tests, and what they check of the result."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import yaml
from lxml import html

from edition.analysis import assignments
from edition.analysis.corpus import Corpus
from edition.base.errors import EditionError
from edition.build import datafiles
from edition.build.generate import load, register_pages, text_pages
from edition.build.settings import Settings
from edition.build.tree import write_files
from hooks.edition_hook import SuffixLayout
from tests.conftest import ROOT

UI = ("en", "pl", "uk")


def write_edition(
    root: Path,
    lines: list[str],
    *,
    title: str = "Tytuł",
    source: str = "Źródło",
    names: Iterable[str] = (),
    raw_meta: str | None = None,
    translation: list[str] | None = None,
) -> Settings:
    """One Polish text of ``lines`` (paragraphs) and its Ukrainian ``translation`` if any,
    its meta.yml (``raw_meta`` as it is, or made of ``title`` and ``source``), and a register
    with one place per name of ``names``."""
    folder = root / "seeds" / "t"
    folder.mkdir(parents=True)
    if raw_meta is None:
        meta = {
            "original": "pl",
            "title": dict.fromkeys(UI, title),
            "source": dict.fromkeys(UI, source),
            "licence": {"status": "unknown"},
            "remarks": dict.fromkeys(UI, source),
        }
        if translation is not None:
            meta["translations"] = {"uk": {"by": source, "status": "working"}}
        raw_meta = yaml.safe_dump(meta, allow_unicode=True)
    (folder / "meta.yml").write_text(raw_meta, "utf-8")
    (folder / "pl.txt").write_text("\n".join(lines) + "\n", "utf-8")
    if translation is not None:
        (folder / "uk.txt").write_text("\n".join(translation) + "\n", "utf-8")
    (root / "glossary").mkdir()
    entries = [
        {
            "id": f"Q{n}",
            "kind": "place",
            "names": {code: {"name": name} for code in UI},
            "definition": dict.fromkeys(UI, name),
        }
        for n, name in enumerate(dict.fromkeys(names), 1)
    ]
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    (root / "docs").mkdir()
    return Settings(root=root, ui_languages=UI, docs_dir=root / "docs")


def add_site(root: Path) -> Path:
    """Make the edition in ``root`` buildable by MkDocs: the real configuration, hooks,
    overrides and hand-written pages. Returns its ``mkdocs.yml``."""
    shutil.copy(ROOT / "mkdocs.yml", root)
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, root / "docs")
    return root / "mkdocs.yml"


def check(settings: Settings) -> Corpus:
    """What ``python -m edition check`` runs: load, assignments, their review."""
    corpus = load(settings)
    found = assignments.load_assignments(settings.docs, corpus, UI)
    assignments.review(found, assignments.read_lock(settings.docs))
    return corpus


def generate_pages(settings: Settings, corpus: Corpus) -> dict[str, str]:
    """The core's pages of ``corpus`` written into the docs folder (Markdown by path), its
    data files made (search index, popups, open data)."""
    layout = SuffixLayout(UI)
    pages = dict(text_pages(corpus, UI, layout))
    pages.update(register_pages(corpus, UI, layout))
    write_files(settings.docs, ((k, v.encode()) for k, v in pages.items()))
    for _ in datafiles.files(corpus, UI):
        pass
    return pages


def body(page: str) -> html.HtmlElement:
    """A generated page's HTML (after its front matter), parsed."""
    return html.fromstring("<div>" + page.split("---\n", 2)[2] + "</div>")


def unnamed(exc: EditionError, root: Path) -> list[str]:
    """The problems of ``exc`` that do not name a file of the edition and a line in it."""
    return [
        str(p)
        for p in exc.problems
        if p.line is None or p.line < 1 or root.resolve() not in p.path.resolve().parents
    ]
