"""Open data: the register with every occurrence, as JSON (with its JSON Schema) and as CSV.

Written into the built site beside the index pages (``register/register.json`` etc.).
Fields are described in ``schemas/register-export.schema.json`` and the README.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from edition.analysis.corpus import Corpus, Occurrence
from edition.base.addresses import open_data, parallel, reading, relative, url

_DATA_KEYS = ("wikidata", "geonames", "born", "died", "coordinates")


def schema_text() -> str:
    return (
        resources.files("edition")
        .joinpath("schemas", "register-export.schema.json")
        .read_text("utf-8")
    )


def _occurrences(occurrences: list[Occurrence]) -> list[dict[str, Any]]:
    """The occurrences' records; what all the occurrences in one version share is made once
    per version (the corpus lists them version by version)."""
    out: list[dict[str, Any]] = []
    version = None
    for occ in occurrences:
        if occ.version is not version:
            version, text = occ.version, occ.text
            original = version is text.original
            shared = {"text": text.id, "lang": version.lang, "original": original}
            # anchors are ledger IDs (p3s2): the fragment needs no encoding
            page = url((reading if original else parallel)(text.id)) + "#"
        start, end = occ.mention.start, occ.mention.end
        out.append(
            {
                **shared,
                "paragraph": occ.paragraph.id,
                "sentence": occ.sentence + 1,
                "anchors": list(occ.anchors),
                "surface": occ.paragraph.text[start:end],
                "start": start,
                "end": end,
                "href": page + occ.anchors[0],
            }
        )
    return out


def _head(corpus: Corpus, ui_languages: tuple[str, ...]) -> dict[str, Any]:
    """The export but for its entries."""
    return {
        "$schema": relative(open_data("json"), open_data("schema")),
        "ui_languages": list(ui_languages),
        "texts": [
            {
                "id": t.id,
                "original": t.original.lang,
                "languages": [v.lang for v in t.versions],
                "title": t.meta["title"],
            }
            for t in corpus.texts
        ],
    }


def _entries(corpus: Corpus) -> Iterator[dict[str, Any]]:
    """Every entry with all its occurrences, in register order, made one at a time."""
    for e in corpus.register:
        yield {
            "id": e.id,
            "kind": e.kind,
            "names": {code: list(names) for code, names in e.names.items()},
            "definition": e.definition,
            **{k: e.data[k] for k in _DATA_KEYS if k in e.data},
            "occurrences": _occurrences(corpus.occurrences.get(e.id, [])),
        }


_OCCURRENCE_FIELDS = ["text", "lang", "original", "paragraph", "sentence", "anchors",
                      "surface", "start", "end", "href"]  # fmt: skip


def _csv_rows(entry: dict[str, Any], ui: tuple[str, ...]) -> Iterator[list[Any]]:
    """One row per occurrence (an entry that occurs nowhere: one row, occurrence fields
    empty), entry columns repeated: ready for a spreadsheet."""
    # a UI language without a name (the register requires only one) has an empty column
    head = [entry["id"], entry["kind"], *(entry["names"].get(c, [""])[0] for c in ui)]
    head.append(entry.get("wikidata", ""))
    if not entry["occurrences"]:
        yield head + [""] * len(_OCCURRENCE_FIELDS)
    for occ in entry["occurrences"]:
        row = {**occ, "anchors": " ".join(occ["anchors"]), "original": str(occ["original"]).lower()}
        yield head + [row[f] for f in _OCCURRENCE_FIELDS]


def files(corpus: Corpus, ui_languages: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    """(path relative to the site's root, content) of each open-data file.

    The JSON is ``{head..., "entries": [...]}`` written compactly, put together from each
    entry's own JSON (the same bytes as the whole dumped at once), and the CSV is written
    entry by entry: a large edition's export as Python records would take several times its
    bytes in memory."""
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    head = dump(_head(corpus, ui_languages))
    entries: list[bytes] = []
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["id", "kind", *(f"name_{c}" for c in ui_languages), "wikidata",
                     *_OCCURRENCE_FIELDS])  # fmt: skip
    rows: list[bytes] = []
    for entry in _entries(corpus):
        entries.append(dump(entry).encode())
        writer.writerows(_csv_rows(entry, ui_languages))
        rows.append(table.getvalue().encode())
        table.seek(0)
        table.truncate()
    json_text = b"".join([head[:-1].encode(), b',"entries":[', b",".join(entries), b"]}\n"])
    del entries
    yield open_data("json").path, json_text
    del json_text
    yield open_data("csv").path, b"".join(rows)
    yield open_data("schema").path, schema_text().encode()
