"""Loading the register: errors name the file, the line, the entry and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.base.errors import EditionError
from edition.base.register import load_register
from tests.conftest import ROOT

UI = ("en", "pl", "uk")
GOOD = """\
- id: Q17
  kind: place
  wikidata: Q17
  coordinates: {lat: 35.0, lon: 136.0}
  names:
    pl: {name: Japonia}
    uk: {name: Японія}
    en: {name: Japan}
  definition: {pl: Państwo., uk: Держава., en: A state.}
"""


def problems(folder: Path) -> list[str]:
    with pytest.raises(EditionError) as info:
        load_register(folder, UI)
    return [str(p) for p in info.value.problems]


def test_the_real_register_loads() -> None:
    register = load_register(ROOT / "glossary", UI)
    assert {e.kind for e in register} == {"person", "place", "organisation", "term"}
    assert register["Q16574"].name("uk") == "Чан Кайши"


def test_a_good_entry(tmp_path: Path) -> None:
    (tmp_path / "places.yml").write_text(GOOD, "utf-8")
    entry = load_register(tmp_path, UI)["Q17"]
    assert entry.names["pl"] == ("Japonia",)
    assert entry.data["coordinates"] == {"lat": 35.0, "lon": 136.0}


def test_missing_field_names_entry_field_and_line(tmp_path: Path) -> None:
    (tmp_path / "places.yml").write_text(GOOD.replace("    uk: {name: Японія}\n", "    uk: {}\n"))
    assert problems(tmp_path) == [
        f"{tmp_path / 'places.yml'}:7: entry Q17: names.uk: 'name' is missing"
    ]


def test_wrong_kind(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(GOOD.replace("kind: place", "kind: city"))
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{tmp_path / 'x.yml'}:2: entry Q17: kind: 'city' is not one of")


def test_dates_only_for_persons(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(
        GOOD.replace("  wikidata: Q17\n", '  wikidata: Q17\n  born: "1900"\n')
    )
    assert problems(tmp_path) == [
        f"{tmp_path / 'x.yml'}:4: entry Q17: born: only for a person, not a place"
    ]


def test_one_language_is_enough_and_the_gaps_are_notes(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(
        "- id: kowalski\n  kind: person\n  names:\n    pl: {name: Jan Kowalski}\n"
        "  definition: {en: A journalist., pl: Dziennikarz.}\n",
        "utf-8",
    )
    register = load_register(tmp_path, UI)
    entry = register["kowalski"]
    assert [entry.name_in(ui) for ui in UI] == [("Jan Kowalski", "pl")] * 3
    assert entry.definition_in("uk") == ("A journalist.", "en")  # the default UI language's
    assert entry.definition_in("pl") == ("Dziennikarz.", "pl")
    assert [str(p) for p in register.missing(UI)] == [
        f"{tmp_path / 'x.yml'}:1: entry kowalski: no name in en, uk (pages show the one in pl)",
        f"{tmp_path / 'x.yml'}:1: entry kowalski: no definition in uk (pages show the one in en)",
    ]


def test_the_real_register_lacks_nothing() -> None:
    assert load_register(ROOT / "glossary", UI).missing(UI) == []


def test_no_name_at_all_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(
        "- id: x\n  kind: term\n  names: {}\n  definition: {}\n", "utf-8"
    )
    assert problems(tmp_path) == [
        f"{tmp_path / 'x.yml'}:3: entry x: names: {{}} should be non-empty",
        f"{tmp_path / 'x.yml'}:4: entry x: definition: {{}} should be non-empty",
    ]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(GOOD)
    (tmp_path / "b.yml").write_text(GOOD)
    assert problems(tmp_path) == [
        f"{tmp_path / 'b.yml'}:1: entry Q17: duplicate ID (first in {tmp_path / 'a.yml'}:1)"
    ]


def test_malformed_yaml(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("- id: [unclosed\n")
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{tmp_path / 'a.yml'}:") and "malformed YAML" in msg


def test_preferred_names_are_the_entrys_own(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(GOOD + "  preferred: [Japan, Nippon]\n", "utf-8")
    assert problems(tmp_path) == [
        f"{tmp_path / 'x.yml'}:10: entry Q17: preferred: 'Nippon' is none of its names"
        " (Japonia, Японія, Japan): write one of them exactly as under names"
    ]


def test_a_name_is_preferred_by_one_entry_only(tmp_path: Path) -> None:
    other = GOOD.replace("Q17", "Q18").replace("coordinates: {lat: 35.0, lon: 136.0}", "")
    (tmp_path / "x.yml").write_text(
        GOOD + "  preferred: [Japan]\n" + other + "  preferred: [Japan]\n", "utf-8"
    )
    (msg,) = problems(tmp_path)
    assert msg == (
        f"{tmp_path / 'x.yml'}:11: entry Q18: preferred: 'Japan' is preferred by entry Q17 too"
        f" ({tmp_path / 'x.yml'}:1): only one entry can win a shared name; remove it from one"
        " of them"
    )


def test_preferred_must_be_a_list_of_names(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(GOOD + "  preferred: yes\n", "utf-8")
    assert problems(tmp_path) == [
        f"{tmp_path / 'x.yml'}:10: entry Q17: preferred: True is not of type 'array'"
    ]


PERSON = """\
- id: Q855
  kind: person
  names:
    pl: {name: Józef Stalin}
    en: {name: Joseph Stalin}
  sort: {pl: "Stalin, Józef"}
  definition: {en: A dictator.}
"""


def test_a_sort_form_is_kept(tmp_path: Path) -> None:
    (tmp_path / "p.yml").write_text(PERSON, "utf-8")
    assert load_register(tmp_path, UI)["Q855"].data["sort"] == {"pl": "Stalin, Józef"}


def test_a_sort_form_in_a_language_without_a_name(tmp_path: Path) -> None:
    (tmp_path / "p.yml").write_text(PERSON.replace("{pl: ", "{uk: "), "utf-8")
    assert problems(tmp_path) == [
        f"{tmp_path / 'p.yml'}:6: entry Q855: sort.uk: no name in uk (names in pl, en)"
    ]


def test_a_sort_form_with_other_words_than_the_name(tmp_path: Path) -> None:
    (tmp_path / "p.yml").write_text(PERSON.replace("Stalin, Józef", "Stalin, Jozef"), "utf-8")
    assert problems(tmp_path) == [
        f"{tmp_path / 'p.yml'}:6: entry Q855: sort.pl: 'Stalin, Jozef' is not the words of the"
        " name 'Józef Stalin' rearranged (write the name's own words, in the order the index"
        " sorts them)"
    ]


def test_an_area_only_for_a_place(tmp_path: Path) -> None:
    (tmp_path / "p.yml").write_text(
        PERSON.replace("  sort:", "  area: {lat: 1, lon: 2}\n  sort:"), "utf-8"
    )
    assert problems(tmp_path) == [
        f"{tmp_path / 'p.yml'}:6: entry Q855: area: only for a place, not a person"
    ]
