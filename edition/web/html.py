"""The one escaping rule of the web layer, and what several page builders share.

Every value that comes from a file (a title, a name, a definition, a text, an ID) reaches
HTML through :func:`esc`, in element content and in attribute values alike.
"""

from __future__ import annotations

from html import escape
from typing import Any

import yaml

from edition.base.register import Entry


def esc(value: str) -> str:
    """``value`` as HTML text or a quoted attribute value: ``& < > " '`` escaped."""
    return escape(value, quote=True)


def front_matter(**fields: Any) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n"


def _t(text: str) -> str:
    return escape(text, quote=False)


def dates(entry: Entry, s: dict[str, Any]) -> str:
    """Life dates of a person, or the coordinates of a place."""
    if "coordinates" in entry.data:
        lat, lon = entry.data["coordinates"]["lat"], entry.data["coordinates"]["lon"]
        return f"{abs(lat):.2f}° {'NS'[lat < 0]}, {abs(lon):.2f}° {'EW'[lon < 0]}"
    born, died = entry.data.get("born"), entry.data.get("died")
    if not (born or died):
        return ""
    return s["born_died"].format(born=born or "?", died=died or "?")


def authority_links(entry: Entry) -> list[str]:
    links = []
    if entry.wikidata:
        links.append(f'<a href="https://www.wikidata.org/wiki/{entry.wikidata}">Wikidata</a>')
    if entry.data.get("geonames"):
        links.append(f'<a href="https://www.geonames.org/{entry.data["geonames"]}">GeoNames</a>')
    return links
