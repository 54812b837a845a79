"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition import assignments
from edition.config import read_settings
from edition.corpus import Corpus
from edition.errors import EditionError
from edition.site import generate

# What on_pre_build loaded, for the pages built after it (every language's build).
_built: dict[str, Corpus] = {}
_assignments: dict[Path, assignments.Assignment] = {}


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


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    """An assignment page: the teacher's Markdown, then the passages, terms and questions."""
    found = _assignments.get(Path(page.file.abs_src_path).resolve())
    if found is None:
        return markdown
    return markdown + assignments.page_html(found, _built["corpus"], page.canonical_url or "")
