"""``python -m edition enrich``: authority data from Wikidata, kept in a committed cache.

The only network use of the edition, on the editor's machine. For every register entry with
a QID it asks Wikidata's ``wbgetentities`` for the labels in the UI languages, the dates of
birth and death (P569, P570), the coordinates (P625) and the GeoNames ID (P1566), and writes
the values to ``glossary/.wikidata-cache.json`` (see :data:`CACHE_NAME`). The editor's YAML is
never rewritten: the register loader fills from the cache only what an entry's own file
leaves out, so the editor's comments and order stay, the file's values win, and every
build reads the committed cache offline. ``--reconcile`` asks ``wbsearchentities`` for QIDs
of entries without one and only prints them, for the editor to check and copy.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.base.errors import EditionError, Problem
from edition.base.register import CACHE_NAME, Register

API = "https://www.wikidata.org/w/api.php"
_BATCH = 50  # wbgetentities takes at most 50 IDs a request
# precision of a Wikidata time value -> characters of its date kept (YYYY-MM-DD)
_PRECISION = {11: 10, 10: 7, 9: 4}

Fetch = Callable[[dict[str, str]], Any]  # API parameters -> the decoded JSON answer


def fetch_json(params: dict[str, str]) -> Any:
    """Ask the Wikidata API; the default fetcher (tests inject recorded answers)."""
    url = f"{API}?{urllib.parse.urlencode({**params, 'format': 'json'})}"
    request = urllib.request.Request(url, headers={"User-Agent": "edition-enrich/1 (python)"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


@dataclass(frozen=True)
class Proposal:
    """A QID Wikidata's search offers for an entry without one."""

    entry: str
    searched: str
    qid: str
    label: str
    description: str


def _ask(fetch: Fetch, params: dict[str, str], cache: Path) -> Any:
    try:
        return fetch(params)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise EditionError(
            [
                Problem(
                    cache,
                    None,
                    f"cannot reach Wikidata ({exc}): enrich needs the network; builds go on"
                    " with the cache as it is",
                )
            ]
        ) from None


def values_of(entity: dict[str, Any], ui_languages: Iterable[str]) -> dict[str, Any]:
    """What the register takes from one ``wbgetentities`` entity."""
    labels = entity.get("labels", {})
    found: dict[str, Any] = {"labels": {c: labels[c]["value"] for c in ui_languages if c in labels}}
    claims = entity.get("claims", {})
    for prop, key in (("P569", "born"), ("P570", "died")):
        value = _claim(claims, prop)
        if value and value.get("precision") in _PRECISION:
            time = value["time"]  # "+1878-12-18T00:00:00Z"
            sign = "-" if time.startswith("-") else ""
            found[key] = sign + time[1:].split("T")[0][: _PRECISION[value["precision"]]]
    coordinates = _claim(claims, "P625")
    if coordinates:
        found["coordinates"] = {
            "lat": round(coordinates["latitude"], 4),
            "lon": round(coordinates["longitude"], 4),
        }
    geonames = _claim(claims, "P1566")
    if geonames:
        found["geonames"] = int(geonames)
    return found


def _claim(claims: dict[str, Any], prop: str) -> Any:
    """The value of the preferred statement of ``prop``, else of the first normal one."""
    usable = [
        c
        for c in claims.get(prop, [])
        if c.get("rank") != "deprecated" and c["mainsnak"].get("snaktype") == "value"
    ]
    usable.sort(key=lambda c: c.get("rank") != "preferred")
    return usable[0]["mainsnak"]["datavalue"]["value"] if usable else None


def enrich(
    register: Register, glossary: Path, ui_languages: tuple[str, ...], fetch: Fetch = fetch_json
) -> dict[str, dict[str, Any]]:
    """Fetch the values of every entry with a QID and write the cache; returns it."""
    cache = glossary / CACHE_NAME
    qids = sorted({e.wikidata for e in register if e.wikidata}, key=lambda q: int(q[1:]))
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(qids), _BATCH):
        answer = _ask(
            fetch,
            {
                "action": "wbgetentities",
                "ids": "|".join(qids[i : i + _BATCH]),
                "props": "labels|claims",
                "languages": "|".join(ui_languages),
            },
            cache,
        )
        for qid, entity in answer.get("entities", {}).items():
            if "missing" not in entity:
                found[qid] = values_of(entity, ui_languages)
    text = json.dumps({"entities": found}, ensure_ascii=False, indent=1, sort_keys=True)
    cache.write_text(text + "\n", "utf-8")
    return found


def reconcile(
    register: Register, glossary: Path, fetch: Fetch = fetch_json, limit: int = 3
) -> list[Proposal]:
    """Wikidata's search results for each entry without a QID, by its first-listed name."""
    proposals = []
    for entry in register:
        if entry.wikidata:
            continue
        code, names = next(iter(entry.names.items()))
        answer = _ask(
            fetch,
            {
                "action": "wbsearchentities",
                "search": names[0],
                "language": code,
                "uselang": code,
                "type": "item",
                "limit": str(limit),
            },
            glossary / CACHE_NAME,
        )
        proposals += [
            Proposal(
                entry.id, names[0], hit["id"], hit.get("label", ""), hit.get("description", "")
            )
            for hit in answer.get("search", [])
        ]
    return proposals
