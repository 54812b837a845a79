"""The CSL-JSON download of every text of the real edition is valid CSL-JSON (the Citation Style
Language's own schema, vendored in tests/fixtures/csl with its licence), and the schema check
can fail: an item of a type CSL does not know, or with a field CSL does not have, is refused."""

from __future__ import annotations

import json

import jsonschema
import pytest

from edition.analysis.corpus import Corpus
from edition.base import strings
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived import citation
from tests.conftest import ROOT

CSL_DATA = json.loads((ROOT / "tests" / "fixtures" / "csl" / "csl-data.json").read_text("utf-8"))
EDITION = citation.Edition("An edition", "https://example.org/ed/", "2.3", "2026-01-31")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(read_settings(ROOT / "mkdocs.yml"))


def _items(corpus: Corpus) -> list[list[dict]]:
    return [
        json.loads(data)
        for path, data in citation.files(corpus, EDITION, "en")
        if path.endswith(".csl.json")
    ]


def test_every_csl_json_download_validates_against_the_csl_schema(corpus: Corpus) -> None:
    found = _items(corpus)
    assert len(found) == len(corpus.texts)
    for items in found:
        jsonschema.validate(items, CSL_DATA)
        assert items[0]["version"] == EDITION.version


@pytest.mark.parametrize(
    "broken",
    [{"type": "web page"}, {"edition-version": "2.3"}, {"author": [{"name": "X"}]}],
    ids=["unknown-type", "unknown-field", "unknown-name-part"],
)
def test_an_item_outside_csl_json_is_refused(corpus: Corpus, broken: dict) -> None:
    items = _items(corpus)[0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([items[0] | broken], CSL_DATA)


@pytest.mark.parametrize(
    ("ui", "label"),
    [
        ("en", "version 2.3 of 31 January 2026"),
        ("pl", "wersja 2.3 z 31 stycznia 2026"),
        ("uk", "версія 2.3 від 31 січня 2026"),
    ],
)
def test_the_version_label_gives_the_date_as_the_ui_language_writes_it(ui: str, label: str) -> None:
    assert citation.version_label(EDITION, strings.ui_strings(ui)) == label
