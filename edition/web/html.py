"""The one escaping rule of the web layer, and what several page builders share.

Every value that comes from a file (a title, a name, a definition, a text, an ID, an
interface string) reaches HTML through :func:`esc`, in element content and in attribute
values alike (every attribute value is double-quoted). A link is :func:`href`: the address
percent-encoded by ``edition.base.addresses``, then escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from edition.base.addresses import Address, relative
from edition.base.register import Entry
from edition.base.strings import coordinates_text, date_text


def esc(value: str) -> str:
    """``value`` as HTML text or a quoted attribute value: ``& < > " '`` escaped."""
    return escape(value, quote=True)


def href(here: Address | str, to: Address) -> str:
    """The escaped URL of ``to`` from page ``here``, for an ``href`` attribute."""
    return esc(relative(here, to))


def dates(entry: Entry, s: dict[str, Any]) -> str:
    """Life dates of a person, or the coordinates of a place, in the form of the UI language
    of strings ``s``."""
    ui = s["ui"]
    if "coordinates" in entry.data:
        where = entry.data["coordinates"]
        return coordinates_text(where["lat"], where["lon"], ui)
    born, died = entry.data.get("born"), entry.data.get("died")
    if not (born or died):
        return ""
    return s["born_died"].format(
        born=date_text(born, ui) if born else "?", died=date_text(died, ui) if died else "?"
    )


def authority_links(entry: Entry) -> list[str]:
    """Links to the entry's records in Wikidata and GeoNames."""
    links = []
    if entry.wikidata:
        url = f"https://www.wikidata.org/wiki/{quote(str(entry.wikidata), safe='')}"
        links.append(f'<a href="{esc(url)}">Wikidata</a>')
    if entry.data.get("geonames"):
        url = f"https://www.geonames.org/{quote(str(entry.data['geonames']), safe='')}"
        links.append(f'<a href="{esc(url)}">GeoNames</a>')
    return links


def pager(here: Address, pages: list[Address], current: int, label: str) -> str:
    """A numbered list of links to ``pages`` (page ``current``, from 1, is ``here``: marked
    as the current page, not linked), in a navigation landmark named ``label``."""
    items = [
        f'<li><span aria-current="page">{n}</span></li>'
        if n == current
        else f'<li><a href="{href(here, to)}">{n}</a></li>'
        for n, to in enumerate(pages, 1)
    ]
    return f'<nav class="ed-pager" aria-label="{esc(label)}"><ol>{"".join(items)}</ol></nav>'
