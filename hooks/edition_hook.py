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


def on_pre_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # i18n rebuilds each extra language inside the first build
    try:
        generate(read_settings(Path(config.config_file_path)))
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
