"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.errors import EditionError
from edition.site import Settings, generate


def _settings(config: MkDocsConfig) -> Settings:
    i18n = config.plugins["i18n"].config
    langs = tuple(lang.locale for lang in i18n.languages)
    root = Path(config.config_file_path).parent
    return Settings(root=root, ui_languages=langs, docs_dir=Path(config.docs_dir))


def on_pre_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # i18n rebuilds each extra language inside the first build
    try:
        generate(_settings(config))
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
