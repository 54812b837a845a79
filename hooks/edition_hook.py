"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.analysis import assignments
from edition.base.addresses import PAGE_DIRS, Address
from edition.base.errors import EditionError
from edition.build.generate import Build, generate, generate_assignments
from edition.build.settings import read_settings
from edition.build.worker import WorkerError
from edition.web import assignments as assignment_pages

# The build on_pre_build started, for the pages built after it (every language's build) and
# its data files, which on_post_build moves into the site.
_builds: list[Build] = []
_assignments: dict[Path, assignments.Assignment] = {}
log = get_plugin_logger("edition")


# Generated pages (reading pages, parallel views, catalogue, index and entry pages) are raw
# HTML blocks only (see edition.web.reading), which Markdown passes through unchanged; but finding
# those blocks is a pure-Python HTML parse of every tag, which cost more than all the rest of
# the build on a large edition (see benchmarks/). So their body skips Markdown: MkDocs
# renders a placeholder, and the body is read again from its file when the page is written
# (``on_post_page``). MkDocs renders every page of a language before it writes any: holding
# the bodies until then would hold every page of the edition in memory. The page is the
# same but for white space between block elements (Markdown puts adjacent top-level blocks
# on lines of their own).
_RAW_HTML_DIRS = tuple(f"{folder}/" for folder in PAGE_DIRS)
# Material adds the page's title as an <h1> when the content has none: the placeholder of a
# body with its own <h1> says so.
_PLACEHOLDERS = {
    False: "<!-- EDITION-GENERATED-BODY -->",
    True: "<!-- EDITION-GENERATED-BODY <h1> -->",
}


# libyaml's emitter where PyYAML has it: the front matter of every generated page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BODY_AFTER = "\n---\n\n"


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
        head = yaml.dump(
            {"title": title, **meta}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False
        )
        return f"---\n{head}{_BODY_AFTER}{body}"

    @staticmethod
    def body(page_file: str) -> str:
        """The body of a page's source file written by :meth:`page_file` (the front matter
        is YAML of a mapping: no line of it is ``---``)."""
        return page_file[page_file.index(_BODY_AFTER) + len(_BODY_AFTER) :]


def _nested(config: MkDocsConfig) -> bool:
    """True in the builds of the extra languages, which i18n runs inside the first build."""
    return getattr(config.plugins["i18n"], "building", False)


@contextmanager
def _reported() -> Iterator[None]:
    """The core's errors as the editor sees them: a message, never a traceback."""
    try:
        yield
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
    except WorkerError as exc:
        raise PluginError(f"The edition could not be built: {exc}") from None


def on_pre_build(config: MkDocsConfig) -> None:
    if _nested(config):
        return
    _cancel()
    with _reported():
        settings = read_settings(Path(config.config_file_path))
        if not config.site_url:  # `mkdocs serve` sets it to its own address
            log.info(
                "No public address (site_url in mkdocs.yml): links, citations and worksheets"
                " point at the address each page is served from. See README, Publishing."
            )
        layout = SuffixLayout(settings.ui_languages)
        build = generate(settings, layout, Path(config.site_dir))
        _builds.append(build)
        # `mkdocs build --strict` stops on an assigned passage whose words changed.
        strict = bool(config.strict)
        found = generate_assignments(
            settings.docs, build.corpus, settings.ui_languages, layout, strict
        )
    _assignments.clear()
    _assignments.update({a.path.resolve(): a for a in found})


@event_priority(-100)  # after i18n's, which builds the other languages into the site
def on_post_build(config: MkDocsConfig) -> None:
    if _nested(config):
        return
    with _reported():
        _builds.pop().finish()


def on_build_error(error: Exception) -> None:
    _cancel()


def _cancel() -> None:
    while _builds:
        _builds.pop().cancel()


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
    return markdown + assignment_pages.page_html(
        found, _builds[-1].corpus, page.canonical_url or ""
    )


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written from ``output``: its HTML need not stay in memory until the end of
    # the build (MkDocs keeps every page), which for a large edition is gigabytes.
    page.content = None
    if not page.file.src_uri.startswith(_RAW_HTML_DIRS):
        return output
    body = SuffixLayout.body(_source(page).read_text("utf-8"))
    blocks = "\n".join(b.strip("\n") for b in body.split("\n\n") if b.strip())
    return output.replace(_PLACEHOLDERS["<h1" in body], blocks, 1)
