"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.config import read_settings
from edition.errors import EditionError
from edition.site import generate
from edition.strings import ui_strings

# Material's search panel is a dialog without a name (axe: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_pre_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # i18n rebuilds each extra language inside the first build
    try:
        generate(read_settings(Path(config.config_file_path)))
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    label = ui_strings(config.theme["language"])["search"]
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
