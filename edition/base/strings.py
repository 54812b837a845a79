"""Interface strings of generated pages, per UI language (``data/ui.yml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _all() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(resources.files("edition").joinpath("data", "ui.yml").read_text("utf-8"))


def ui_strings(code: str) -> dict[str, Any]:
    """The strings for UI language ``code``; KeyError if the edition has none for it."""
    return _all()[code]


def missing_ui_languages(codes: tuple[str, ...]) -> list[str]:
    return [c for c in codes if c not in _all()]
