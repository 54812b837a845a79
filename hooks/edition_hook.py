"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition import assignments
from edition.config import read_settings
from edition.corpus import Corpus
from edition.errors import EditionError
from edition.render import PARALLEL_DIR
from edition.search import SEARCH_DIR
from edition.site import generate

# What on_pre_build loaded, for the pages built after it (every language's build).
_built: dict[str, Corpus] = {}
_assignments: dict[Path, assignments.Assignment] = {}


# Generated pages (reading pages, parallel views, catalogue, index and entry pages) are raw
# HTML blocks only (see edition.render), which Markdown passes through unchanged; but finding
# those blocks is a pure-Python HTML parse of every tag, which cost more than all the rest of
# the build on a large edition (see benchmarks/). So their body skips Markdown: it is set
# aside before conversion and put back after. The page is the same but for white space
# between block elements (Markdown puts adjacent top-level blocks on lines of their own).
_RAW_HTML_DIRS = ("texts/", f"{PARALLEL_DIR}/", "register/")
_PLACEHOLDER = "EDITION-GENERATED-BODY"
_bodies: dict[str, str] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    body = _bodies.pop(page.file.src_uri, None)
    if body is None:
        return html
    blocks = "\n".join(b.strip("\n") for b in body.split("\n\n") if b.strip())
    return html.replace(f"<p>{_PLACEHOLDER}</p>", blocks, 1)


def on_pre_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # i18n rebuilds each extra language inside the first build
    try:
        settings = read_settings(Path(config.config_file_path))
        _built["corpus"] = corpus = generate(settings)
        found = assignments.generate(settings.docs, corpus, settings.ui_languages)
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
    _assignments.clear()
    _assignments.update({a.path.resolve(): a for a in found})


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The search index's files (thousands on a large edition) are not MkDocs' files: they
    are copied once, after the build (``on_post_build``), rather than each examined by
    mkdocs-static-i18n and copied again in every language's build."""
    return Files([f for f in files if not f.src_uri.startswith(f"{SEARCH_DIR}/")])


def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # one copy, at the site's root, for every language
    source, target = Path(config.docs_dir) / SEARCH_DIR, Path(config.site_dir) / SEARCH_DIR
    shutil.copytree(source, target, dirs_exist_ok=True)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    """A generated page: a placeholder for its body (see above). An assignment page: the
    teacher's Markdown, then the passages, terms and questions."""
    if page.file.src_uri.startswith(_RAW_HTML_DIRS):
        _bodies[page.file.src_uri] = markdown
        return _PLACEHOLDER
    found = _assignments.get(Path(page.file.abs_src_path).resolve())
    if found is None:
        return markdown
    return markdown + assignments.page_html(found, _built["corpus"], page.canonical_url or "")


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    # The page is written from ``output``: its HTML need not stay in memory until the end of
    # the build (MkDocs keeps every page), which for a large edition is gigabytes.
    page.content = None
    return output
