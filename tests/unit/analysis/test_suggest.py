"""``suggest``: every name the register lacks, once, in its base form, and nothing else;
counterparts in translations paired through the sentence alignment."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.analysis.suggest import Source, Suggestion, slug, stubs_yaml, suggest
from edition.base.register import Register, load_register
from edition.base.sources import load_texts
from edition.build.scaffold import _paragraphs
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "suggest"
UI = ("en", "pl", "uk")


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(FIXTURES / "glossary", UI)


def of_file(path: Path, code: str) -> Source:
    return Source(path.name, code, _paragraphs(path.read_text("utf-8"), code))


def names(found: list[Suggestion]) -> list[dict[str, str]]:
    return [{c.lang: c.base for c in s.candidates} for s in found]


def test_every_name_once_in_its_base_form_and_nothing_else(register: Register) -> None:
    # pl.txt: a sentence-initial adverb before a name, inflected names, a name split by an
    # initial (A. Nowak), numbers, a Roman numeral, one-letter prepositions, a multi-word
    # organisation with a connector, an adjective opening a name at a sentence start, and
    # the Vistula, the United States and the League of Nations, which the register covers
    found = suggest([of_file(FIXTURES / "pl.txt", "pl")], register, [])
    assert names(found) == [
        {"pl": "Jan Kowalski"},
        {"pl": "Kraków"},
        {"pl": "Polska Akademia Nauk"},
        {"pl": "Nowak"},
        {"pl": "Uniwersytet w Warszawie"},
    ]
    assert [s.kind for s in found] == ["person", "place", "organisation", "person", "organisation"]
    jan = found[0].candidates[0]
    assert jan.variants == {"Kowalski"}  # the surname alone folds into the full name
    assert dict(jan.forms) == {
        "Jan Kowalski": 1,
        "Jana Kowalskiego": 1,
        "Kowalskiego": 1,
        "Kowalski": 1,
    }
    assert jan.places == [("pl.txt", "p1"), ("pl.txt", "p2"), ("pl.txt", "p3")]
    assert dict(found[2].candidates[0].forms) == {
        "Polska Akademia Nauk": 1,
        "Polskiej Akademii Nauk": 1,
    }


def test_translations_pair_their_counterparts(register: Register) -> None:
    (text,) = load_texts(FIXTURES / "seeds", UI)
    original = Source(text.id, "pl", text.original.paragraphs)
    translations = [Source(text.id, v.lang, v.paragraphs) for v in text.translations.values()]
    found = suggest([original, *translations], register, [(original, t) for t in translations])
    assert names(found) == [
        {"pl": "Anna Nowak", "en": "Anna Nowak", "uk": "Анна Новак"},
        {"pl": "Jan Kowalski", "en": "Jan Kowalski", "uk": "Ян Ковальський"},
        {"pl": "Kraków", "en": "Krakow", "uk": "Краків"},
        {"pl": "Lwów", "en": "Lviv", "uk": "Львів"},
    ]
    # the English translation's sentence-initial "There" and "In" are not names
    assert all(c.base not in ("There", "In") for s in found for c in s.candidates)


def test_overlaps_with_the_register_are_said(register: Register, tmp_path: Path) -> None:
    sample = tmp_path / "en.txt"
    sample.write_text("They sailed down the Wisła to the Baltic.\n", "utf-8")
    found = suggest([of_file(sample, "en")], register, [])
    (wisla,) = [s for s in found if s.candidates[0].base == "Wisła"]
    assert wisla.candidates[0].same_name == {"wisla"}  # its Polish name: a variant, no entry
    assert "a name of register entry wisla in another language" in stubs_yaml(found)
    real = load_register(ROOT / "glossary", UI)
    sample = tmp_path / "pl.txt"
    sample.write_text("Wczoraj partia Nowa Polska wydała komunikat.\n", "utf-8")
    (party,) = suggest([of_file(sample, "pl")], real, [])
    assert party.candidates[0].base == "Nowa Polska"
    assert party.candidates[0].overlaps == {"Q36"}  # Polska is in the register
    # while "Polska" of "Polska Akademia Nauk" is an adjective agreeing with its noun, no
    # mention of Poland (the matcher's rule: tests/specs/test_matching.py)
    (pan,) = suggest([of_file(FIXTURES / "pl.txt", "pl")], real, [])[2:3]
    assert pan.candidates[0].base == "Polska Akademia Nauk"
    assert pan.candidates[0].overlaps == set()


def test_stubs_are_register_entries_once_the_todos_are_filled(
    register: Register, tmp_path: Path
) -> None:
    (text,) = load_texts(FIXTURES / "seeds", UI)
    original = Source(text.id, "pl", text.original.paragraphs)
    translations = [Source(text.id, v.lang, v.paragraphs) for v in text.translations.values()]
    stubs = stubs_yaml(
        suggest([original, *translations], register, [(original, t) for t in translations])
    )
    entries = yaml.safe_load(stubs)
    assert [e["id"] for e in entries] == ["anna-nowak", "jan-kowalski", "krakow", "lwow"]
    assert entries[1]["names"]["uk"] == {"name": "Ян Ковальський", "variants": ["Ковальський"]}
    # A definition typed over the placeholder may hold commas and colons (the stub quotes it).
    typed = "Filled in, with a comma: and a colon."
    (tmp_path / "new.yml").write_text(stubs.replace("TODO", typed), "utf-8")
    found = load_register(tmp_path, UI)
    assert len(found) == 4 and found["krakow"].definition == {"pl": typed}


def test_slug() -> None:
    assert slug("Ян Ковальський") == "yan-kovalskyy"
    assert slug("Об’єднані Нації") == "obyednani-natsiyi"
    assert slug("Łódź Fabryczna") == "lodz-fabryczna"


def test_a_register_name_inside_a_name_and_a_run_of_two_names(tmp_path: Path) -> None:
    (tmp_path / "r.yml").write_text(
        "- {id: japonia, kind: place, names: {pl: {name: Japonia}}, definition: {pl: Państwo.}}\n",
        "utf-8",
    )
    register = load_register(tmp_path, UI)
    sample = tmp_path / "pl.txt"
    sample.write_text(
        "W 1922 roku powstała Komunistyczna Partia Japonii. Otoczenie Japonii było wrogie.\n"
        "O Komunistycznej Partii Japonii pisał wtedy Jan Kowalski.\n",
        "utf-8",
    )
    found = suggest([of_file(sample, "pl")], register, [])
    # the genitive Japonii stays inside the party's name; "Otoczenie" (a common word at a
    # sentence start) before the register's Japonii is no name
    assert names(found) == [{"pl": "Komunistyczna Partia Japonii"}, {"pl": "Jan Kowalski"}]
    assert found[0].candidates[0].overlaps == {"japonia"}
