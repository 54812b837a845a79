"""``enrich``: Wikidata's answers (recorded-format fixtures, no network) into the committed
cache, and the register filled from it without touching the editor's YAML."""

from __future__ import annotations

import json
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from edition.base.errors import EditionError
from edition.base.register import CACHE_NAME, load_register
from edition.build.authority import enrich, reconcile
from tests.conftest import ROOT

UI = ("en", "pl", "uk")
ANSWERS = ROOT / "tests" / "fixtures" / "wikidata"
REGISTER = """\
# the editor's comment stays
- id: Q855
  kind: person
  wikidata: Q855
  names:
    pl: {name: Józef Stalin, variants: [Stalin]}
  definition: {pl: Przywódca ZSRR.}
- id: Q17
  kind: place
  wikidata: Q17
  coordinates: {lat: 36.0, lon: 138.0}   # the editor's value wins
  names:
    pl: {name: Japonia}
    en: {name: Japan (the editor's)}
  definition: {pl: Państwo.}
- id: jan-kowalski
  kind: person
  names:
    pl: {name: Jan Kowalski}
  definition: {pl: Dziennikarz.}
"""


class Recorded:
    """A fetcher that answers from the fixtures and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[dict[str, str]] = []

    def __call__(self, params: dict[str, str]) -> Any:
        self.asked.append(params)
        return json.loads((ANSWERS / f"{params['action']}.json").read_text("utf-8"))


def offline(params: dict[str, str]) -> Any:
    raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    (tmp_path / "register.yml").write_text(REGISTER, "utf-8")
    return tmp_path


def test_enrich_writes_the_cache_and_the_register_takes_what_its_files_lack(
    glossary: Path,
) -> None:
    fetch = Recorded()
    found = enrich(load_register(glossary, UI), glossary, UI, fetch)
    assert fetch.asked == [
        {
            "action": "wbgetentities",
            "ids": "Q17|Q855",
            "props": "labels|claims",
            "languages": "en|pl|uk",
        }
    ]
    # the preferred date, not the deprecated one; a statement of unknown value is no date
    assert found["Q855"]["born"] == "1878-12-18"
    assert "died" not in found["Q17"]
    assert json.loads((glossary / CACHE_NAME).read_text("utf-8"))["entities"] == found
    assert (glossary / "register.yml").read_text("utf-8") == REGISTER  # never rewritten
    register = load_register(glossary, UI)
    stalin, japan = register["Q855"], register["Q17"]
    assert stalin.names["en"] == ("Joseph Stalin",) and stalin.names["uk"] == ("Йосип Сталін",)
    assert stalin.name_in("pl") == ("Józef Stalin", "pl")  # the file's name, variants kept
    assert stalin.names["pl"] == ("Józef Stalin", "Stalin")
    assert (stalin.data["born"], stalin.data["died"]) == ("1878-12-18", "1953-03-05")
    assert japan.names["en"] == ("Japan (the editor's)",)
    assert japan.data["coordinates"] == {"lat": 36.0, "lon": 138.0}
    assert japan.data["geonames"] == 1861060
    assert [str(p) for p in register.missing(UI)] == [
        f"{glossary / 'register.yml'}:2: entry Q855: no definition in en, uk"
        " (pages show the one in pl)",
        f"{glossary / 'register.yml'}:8: entry Q17: no definition in en, uk"
        " (pages show the one in pl)",
        f"{glossary / 'register.yml'}:16: entry jan-kowalski: no name in en, uk"
        " (pages show the one in pl)",
        f"{glossary / 'register.yml'}:16: entry jan-kowalski: no definition in en, uk"
        " (pages show the one in pl)",
    ]


def test_reconcile_proposes_and_writes_nothing(glossary: Path) -> None:
    fetch = Recorded()
    proposals = reconcile(load_register(glossary, UI), glossary, fetch)
    assert [p.entry for p in proposals] == ["jan-kowalski", "jan-kowalski"]
    assert [(p.qid, p.description) for p in proposals] == [
        ("Q11111111", "dziennikarz"),
        ("Q22222222", "polski polityk"),
    ]
    assert fetch.asked[0]["search"] == "Jan Kowalski" and fetch.asked[0]["language"] == "pl"
    assert not (glossary / CACHE_NAME).exists()
    assert (glossary / "register.yml").read_text("utf-8") == REGISTER


def test_without_network_a_clear_message(glossary: Path) -> None:
    with pytest.raises(EditionError) as info:
        enrich(load_register(glossary, UI), glossary, UI, offline)
    assert "cannot reach Wikidata" in str(info.value)
    assert "builds go on with the cache as it is" in str(info.value)
    assert not (glossary / CACHE_NAME).exists()


def test_a_broken_cache_is_a_problem(glossary: Path) -> None:
    (glossary / CACHE_NAME).write_text("{", "utf-8")
    with pytest.raises(EditionError) as info:
        load_register(glossary, UI)
    assert f"{glossary / CACHE_NAME}: not a Wikidata cache" in str(info.value)
