"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from edition.analysis import assignments
from edition.analysis.corpus import Corpus
from edition.base.addresses import PAGE_DIRS, Address
from edition.base.errors import EditionError
from edition.build import gc_policy
from edition.build.generate import generate, generate_assignments
from edition.build.settings import read_settings
from edition.build.worker import Background, BackgroundError
from edition.web import assignments as assignment_pages

# What on_pre_build loaded, for the pages built after it (every language's build), and the
# data files (search index, popup and open data) being made beside the pages.
_built: dict[str, Corpus] = {}
_data: list[Background] = []
_assignments: dict[Path, assignments.Assignment] = {}
log = get_plugin_logger("edition")


# Generated pages (reading pages, parallel views, catalogue, index and entry pages) are raw
# HTML blocks only (see edition.web.reading), which Markdown passes through unchanged; but finding
# those blocks is a pure-Python HTML parse of every tag, which cost more than all the rest of
# the build on a large edition (see benchmarks/). So their body skips Markdown: MkDocs
# renders a placeholder, and the body is read again from its file when the page is written
# (``on_post_page``). MkDocs renders every page of a language before it writes any: with the
# bodies held until then, an 800-text edition's main process took 1.3 GB. The page is the
# same but for white space between block elements (Markdown puts adjacent top-level blocks
# on lines of their own).
_RAW_HTML_DIRS = tuple(f"{folder}/" for folder in PAGE_DIRS)
# Material adds the page's title as an <h1> when the content has none: the placeholder of a
# body with its own <h1> says so.
_PLACEHOLDERS = {
    False: "<!-- EDITION-GENERATED-BODY -->",
    True: "<!-- EDITION-GENERATED-BODY <h1> -->",
}


class SuffixLayout:
    """mkdocs-static-i18n's suffix layout (``docs/texts/<id>.<ui>.md``; the default language
    built at the site's root, each other one in a folder named by its code) and MkDocs'
    front matter, in which the title is YAML data (the overrides print it escaped)."""

    def __init__(self, ui_languages: tuple[str, ...]) -> None:
        self.default = ui_languages[0]

    def source(self, page: Address, ui: str) -> str:
        return f"{page.page}.{ui}.md"

    def ui_root(self, ui: str) -> str:
        return "" if ui == self.default else f"{ui}/"

    def page_file(self, title: str, body: str, meta: Mapping[str, Any]) -> str:
        head = yaml.safe_dump({"title": title, **meta}, allow_unicode=True, sort_keys=False)
        return f"---\n{head}---\n\n{body}"


def _nested(config: MkDocsConfig) -> bool:
    """True in the builds of the extra languages, which i18n runs inside the first build."""
    return getattr(config.plugins["i18n"], "building", False)


def on_pre_build(config: MkDocsConfig) -> None:
    if _nested(config):
        return
    _cancel_data()
    try:
        settings = read_settings(Path(config.config_file_path))
        if not config.site_url:  # `mkdocs serve` sets it to its own address
            log.info(
                "No public address (site_url in mkdocs.yml): links, citations and worksheets"
                " point at the address each page is served from. See README, Publishing."
            )
        layout = SuffixLayout(settings.ui_languages)
        corpus, background = generate(settings, layout)
        _built["corpus"] = corpus
        _data.append(background)
        # `mkdocs build --strict` stops on an assigned passage whose words changed.
        strict = bool(config.strict)
        found = generate_assignments(settings.docs, corpus, settings.ui_languages, layout, strict)
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
    _assignments.clear()
    _assignments.update({a.path.resolve(): a for a in found})


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs has just emptied the site's folder: the data files may be written into it
    (once, at the site's root, for every language)."""
    if not _nested(config):
        _data[-1].publish(Path(config.site_dir))
    return files


@event_priority(-100)  # after i18n's, which builds the other languages: they overlap the data files
def on_post_build(config: MkDocsConfig) -> None:
    if not _nested(config):
        try:
            _data.pop().wait()
        except BackgroundError as exc:
            raise PluginError(f"The edition's data files could not be made:\n{exc}") from None
        finally:
            gc_policy.thaw()


def on_build_error(error: Exception) -> None:
    _cancel_data()
    gc_policy.thaw()


def _cancel_data() -> None:
    while _data:
        _data.pop().cancel()


def _source(page: Page) -> Path:
    """The page's file: every page of the edition is a file under ``docs/`` (the generated
    ones are written there before MkDocs reads the folder), none is made in memory."""
    path = page.file.abs_src_path
    assert path is not None, f"{page.file.src_uri} has no file"
    return Path(path)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page: a placeholder for its body (see above). An assignment page: the
    teacher's Markdown, then the passages, terms and questions."""
    if page.file.src_uri.startswith(_RAW_HTML_DIRS):
        return _PLACEHOLDERS["<h1" in markdown]
    found = _assignments.get(_source(page).resolve())
    if found is None:
        return markdown
    return markdown + assignment_pages.page_html(found, _built["corpus"], page.canonical_url or "")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written from ``output``: its HTML need not stay in memory until the end of
    # the build (MkDocs keeps every page), which for a large edition is gigabytes.
    page.content = None
    if not page.file.src_uri.startswith(_RAW_HTML_DIRS):
        return output
    body, _ = get_data(_source(page).read_text("utf-8"))
    blocks = "\n".join(b.strip("\n") for b in body.split("\n\n") if b.strip())
    return output.replace(_PLACEHOLDERS["<h1" in body], blocks, 1)
