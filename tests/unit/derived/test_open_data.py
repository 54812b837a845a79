"""Open data in the built site: register.json valid against the shipped schema, the CSV
with the same occurrences, every offset and link true to the texts."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from lxml import html

from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived.open_data import schema_text
from tests.conftest import ROOT

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def data(site: Path) -> dict:
    return json.loads((site / "register" / "register.json").read_text("utf-8"))


def test_the_export_validates_against_the_shipped_schema(site: Path, data: dict) -> None:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    # the copy in the site is the shipped schema, named by the file
    assert (site / "register" / data["$schema"]).read_text("utf-8") == schema_text()
    broken = json.loads(json.dumps(data))
    broken["entries"][0]["occurrences"].append({"text": "x"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_every_occurrence_is_true_to_its_text_and_its_link_lands(site: Path, data: dict) -> None:
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    texts = {t.id: t for t in corpus.texts}
    assert [e["id"] for e in data["entries"]] == list(corpus.register.entries)
    ids: dict[str, set[str]] = {}
    for entry in data["entries"]:
        assert len(entry["occurrences"]) == len(corpus.occurrences.get(entry["id"], []))
        for occ in entry["occurrences"]:
            version = texts[occ["text"]].version(occ["lang"])
            par = next(p for p in version.paragraphs if p.id == occ["paragraph"])
            assert par.text[occ["start"] : occ["end"]] == occ["surface"]
            sentence = par.sentences[occ["sentence"] - 1]
            assert sentence.start <= occ["start"] < occ["end"] <= sentence.end
            assert occ["original"] == (occ["lang"] == texts[occ["text"]].original.lang)
            path, fragment = urlsplit(occ["href"]).path, urlsplit(occ["href"]).fragment
            if path not in ids:
                ids[path] = set(html.parse(str(site / path)).getroot().xpath("//@id"))
            assert fragment == occ["anchors"][0] and fragment in ids[path]


def test_the_csv_holds_the_same_occurrences(site: Path, data: dict) -> None:
    with (site / "register" / "register.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    wanted = [
        (e["id"], o["text"], o["lang"], o["paragraph"], o["surface"], str(o["start"]))
        for e in data["entries"]
        for o in e["occurrences"]
    ]
    got = [(r["id"], r["text"], r["lang"], r["paragraph"], r["surface"], r["start"]) for r in rows]
    assert [g for g in got if g[1]] == wanted
    # an entry that occurs nowhere still has its row
    assert {r["id"] for r in rows} == {e["id"] for e in data["entries"]}


@pytest.mark.parametrize("prefix", ["", "pl/", "uk/"])
def test_the_index_links_the_open_data_in_every_language(site: Path, prefix: str) -> None:
    for page in ("names", "persons", "places", "organisations", "glossary"):
        path = site / f"{prefix}register/{page}.html"
        links = html.parse(str(path)).getroot().cssselect(".ed-open-data a")
        targets = {(path.parent / a.get("href")).resolve() for a in links}
        assert targets == {
            (site / "register" / name).resolve()
            for name in ("register.json", "register.csv", "register.schema.json")
        }
        assert all(t.exists() for t in targets)
