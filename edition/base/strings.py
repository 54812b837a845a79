"""Interface strings of generated pages, per UI language (``data/ui.yml``), and dates and
numbers in each UI language's own form (ICU through PyICU, which the collation uses already):
"13 stycznia 1882", "45,75°"."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import icu
import yaml


@cache
def _all() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(resources.files("edition").joinpath("data", "ui.yml").read_text("utf-8"))
    for code, strings in data.items():
        strings["ui"] = code  # what the formatters below need to know of a block
    return data


def ui_strings(code: str) -> dict[str, Any]:
    """The strings for UI language ``code``; KeyError if the edition has none for it."""
    return _all()[code]


def missing_ui_languages(codes: tuple[str, ...]) -> list[str]:
    return [c for c in codes if c not in _all()]


# ISO 8601 dates as the register gives them: a day, a month or a year alone. ICU's patterns
# ("d MMMM y") give the genitive month where the language needs it ("13 stycznia 1882",
# "13 січня 1882"); a month alone is in the nominative ("LLLL": "sierpień 1967").
_DATE_PATTERNS = {3: "d MMMM y", 2: "LLLL y", 1: "y"}


@cache
def _date_format(ui: str, parts: int) -> icu.SimpleDateFormat:
    fmt = icu.SimpleDateFormat(_DATE_PATTERNS[parts], icu.Locale(ui))
    fmt.setTimeZone(icu.TimeZone.getGMT())
    return fmt


def date_text(iso: str, ui: str) -> str:
    """``1882-01-13`` (or ``1967-08``, ``1890``) as people of UI language ``ui`` write it; a
    value that is not such a date is returned as it is."""
    parts = str(iso).split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)):
        return str(iso)
    y, m, d = (int(p) for p in [*parts, "1", "1"][:3])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return str(iso)
    cal = icu.GregorianCalendar(icu.TimeZone.getGMT())
    cal.clear()
    cal.set(y, m - 1, d)
    return str(_date_format(ui, len(parts)).format(cal.getTime()))


@cache
def _decimal(ui: str) -> icu.DecimalFormat:
    fmt = icu.NumberFormat.createInstance(icu.Locale(ui))
    fmt.setMinimumFractionDigits(2)
    fmt.setMaximumFractionDigits(2)
    fmt.setGroupingUsed(False)
    return fmt


def coordinates_text(lat: float, lon: float, ui: str) -> str:
    """``45.75° N, 126.63° E`` in the form of UI language ``ui`` (decimal comma, its own
    compass words: ``45,75° пн. ш., 126,63° сх. д.``)."""
    s = ui_strings(ui)
    compass = s["compass"]
    return s["coordinates"].format(
        lat=_decimal(ui).format(abs(lat)),
        lon=_decimal(ui).format(abs(lon)),
        ns=compass["NS"[lat < 0]],
        ew=compass["EW"[lon < 0]],
    )
