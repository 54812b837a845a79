"""Open data: the register with every occurrence, as JSON (with its JSON Schema) and as CSV.

Written into the built site beside the index pages (``register/register.json`` etc.).
Fields are described in ``schemas/register-export.schema.json`` and the README.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

from .corpus import Corpus, Occurrence
from .render import PARALLEL_DIR

DATA_DIR = "register"
FILES = {"json": "register.json", "csv": "register.csv", "schema": "register.schema.json"}
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
            page = f"{'texts' if original else PARALLEL_DIR}/{text.id}.html#"
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


def records(corpus: Corpus, ui_languages: tuple[str, ...]) -> dict[str, Any]:
    """Every text and every entry, each entry with all its occurrences, in corpus order."""
    return {
        "$schema": FILES["schema"],
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
        "entries": [
            {
                "id": e.id,
                "kind": e.kind,
                "names": {code: list(names) for code, names in e.names.items()},
                "definition": e.definition,
                **{k: e.data[k] for k in _DATA_KEYS if k in e.data},
                "occurrences": _occurrences(corpus.occurrences.get(e.id, [])),
            }
            for e in corpus.register
        ],
    }


def csv_text(data: dict[str, Any]) -> str:
    """One row per occurrence (an entry that occurs nowhere: one row, occurrence fields
    empty), entry columns repeated: ready for a spreadsheet."""
    ui = data["ui_languages"]
    occurrence_fields = ["text", "lang", "original", "paragraph", "sentence", "anchors",
                         "surface", "start", "end", "href"]  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "kind", *(f"name_{c}" for c in ui), "wikidata", *occurrence_fields])
    for e in data["entries"]:
        head = [e["id"], e["kind"], *(e["names"][c][0] for c in ui), e.get("wikidata", "")]
        for occ in e["occurrences"] or [None]:
            if occ is None:
                writer.writerow(head + [""] * len(occurrence_fields))
                continue
            row = {
                **occ,
                "anchors": " ".join(occ["anchors"]),
                "original": str(occ["original"]).lower(),
            }
            writer.writerow(head + [row[f] for f in occurrence_fields])
    return out.getvalue()


def files(corpus: Corpus, ui_languages: tuple[str, ...]) -> dict[str, str]:
    """Path under ``docs`` -> content of each open-data file."""
    data = records(corpus, ui_languages)
    return {
        f"{DATA_DIR}/{FILES['json']}": json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        + "\n",
        f"{DATA_DIR}/{FILES['csv']}": csv_text(data),
        f"{DATA_DIR}/{FILES['schema']}": schema_text(),
    }
