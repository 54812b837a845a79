"""Reads the edition's settings from ``mkdocs.yml`` without importing MkDocs.

The UI languages are those of the i18n plugin; the folders sit beside ``mkdocs.yml``.
MkDocs-specific YAML tags (``!ENV``, ``!!python/...``) are read as null: the core never
needs their values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.base.addresses import DEFAULT_PAGING, Paging
from edition.base.errors import EditionError, Problem
from edition.derived.citation import UNVERSIONED, Edition


@dataclass(frozen=True)
class Settings:
    """Where an edition lives and which UI languages it is built in."""

    root: Path
    ui_languages: tuple[str, ...]  # the default language first
    docs_dir: Path | None = None
    site_url: str = ""
    edition: Edition = UNVERSIONED  # name, version and date: ``extra: edition:`` in mkdocs.yml
    paging: Paging = DEFAULT_PAGING  # how much a page holds: ``extra: edition: pages:``

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary"

    @property
    def docs(self) -> Path:
        return self.docs_dir or self.root / "docs"

    @property
    def cache(self) -> Path:
        """What the build keeps between builds to be faster, and may always be deleted: in the
        edition's folder (so it moves with it, and processes building it share it), outside
        what the site builder reads or watches; git-ignored."""
        return self.root / ".cache" / "edition"


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def read_config(config_file: Path) -> dict:
    """The contents of ``config_file`` (a ``mkdocs.yml``); EditionError if unreadable."""
    try:
        return yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise EditionError([Problem(config_file, None, f"cannot read: {exc}")]) from None


def read_settings(config_file: Path) -> Settings:
    """Settings of the edition configured by ``config_file`` (a ``mkdocs.yml``)."""
    data = read_config(config_file)
    langs: list[str] = []
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"].get("languages", [])
            # The default language first: assignments without a language suffix are in it.
            langs = [e["locale"] for e in sorted(entries, key=lambda e: not e.get("default"))]
    if not langs:
        raise EditionError([Problem(config_file, None, "no languages under plugins: i18n:")])
    root = config_file.parent
    return Settings(
        root=root,
        ui_languages=tuple(langs),
        docs_dir=root / data.get("docs_dir", "docs"),
        site_url=data.get("site_url") or "",
        edition=_edition(data, config_file),
        paging=_paging(data, config_file),
    )


def _paging(data: dict, config_file: Path) -> Paging:
    """``extra: edition: pages:``, each a whole number from 1 (the defaults where absent)."""
    found = (((data.get("extra") or {}).get("edition")) or {}).get("pages") or {}
    fields = Paging.__dataclass_fields__
    if not isinstance(found, dict):
        raise EditionError([Problem(config_file, None, "extra: edition: pages: must be a mapping")])
    problems = [
        Problem(
            config_file,
            None,
            f"extra: edition: pages: unknown setting {key!r}; known: " + ", ".join(fields),
        )
        for key in found
        if key not in fields
    ]
    problems += [
        Problem(config_file, None, f"extra: edition: pages: {key} must be a whole number from 1")
        for key, value in found.items()
        if key in fields and (type(value) is not int or value < 1)
    ]
    if problems:
        raise EditionError(problems)
    return Paging(**found)


def _edition(data: dict, config_file: Path) -> Edition:
    """The edition's version and date (``extra: edition: {version, date}``: the one place)."""
    found = ((data.get("extra") or {}).get("edition")) or {}
    if not isinstance(found, dict):
        raise EditionError([Problem(config_file, None, "extra: edition: must be a mapping")])
    date = str(found.get("date") or "")  # YAML reads 2026-12-01 as a date
    return Edition(
        name=data.get("site_name") or "",
        url=data.get("site_url") or "",
        version=str(found.get("version") or ""),
        date=date,
        publisher=str(found.get("publisher") or ""),
    )
