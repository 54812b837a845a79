"""Where the index lists an entry: persons by surname in each language's order, with the
register's ``sort`` form where the rule does not fit."""

from __future__ import annotations

import pytest

from edition.base.register import Entry, Register, load_register
from edition.derived.register_index import index_name, letters, sort_keys
from tests.conftest import ROOT


def person(ident: str, names: dict[str, str], sort: dict[str, str] | None = None) -> Entry:
    return Entry(
        ident,
        "person",
        {code: (name,) for code, name in names.items()},
        {"en": "x"},
        "en",
        {"sort": sort} if sort else {},
    )


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Józef Stalin", "Stalin, Józef"),
        ("Franklin Delano Roosevelt", "Roosevelt, Franklin Delano"),
        ("Puyi", "Puyi"),
        ("Nicholas II", "Nicholas II"),
        ("Пий XI", "Пий XI"),
    ],
)
def test_a_person_is_listed_by_the_last_word_of_the_name(name: str, listed: str) -> None:
    assert index_name(person("x", {"pl": name}), "pl") == (listed, "pl")


def test_a_sort_form_overrides_the_rule_in_its_language_only() -> None:
    mao = person("mao", {"pl": "Mao Zedong", "en": "Mao Zedong"}, {"pl": "Mao Zedong"})
    assert index_name(mao, "pl") == ("Mao Zedong", "pl")
    assert index_name(mao, "en") == ("Zedong, Mao", "en")


def test_a_fallback_name_is_listed_in_its_own_language() -> None:
    assert index_name(person("k", {"pl": "Jan Kowalski"}), "uk") == ("Kowalski, Jan", "pl")


def test_places_are_listed_as_named() -> None:
    place = Entry("q", "place", {"en": ("Washington, D.C.",)}, {"en": "x"}, "en")
    assert index_name(place, "en") == ("Washington, D.C.", "en")


def test_persons_sort_by_surname_in_the_language_s_collation() -> None:
    register = Register(
        {
            e.id: e
            for e in (
                person("stalin", {"pl": "Józef Stalin"}),
                person("lis", {"pl": "Adam Łukasik"}),
                person("lenin", {"pl": "Włodzimierz Lenin"}),
                person("zola", {"pl": "Anna Żak"}),
                person("zaba", {"pl": "Ewa Zych"}),
            )
        }
    )
    groups = letters(register, "person", "pl", sort_keys(register, "pl"))
    assert [(letter, [e.id for e in es]) for letter, es in groups] == [
        ("L", ["lenin"]),
        ("Ł", ["lis"]),
        ("S", ["stalin"]),
        ("Z", ["zaba"]),
        ("Ż", ["zola"]),
    ]


def test_the_real_register_s_persons_in_polish_order() -> None:
    register = load_register(ROOT / "glossary", ("en", "pl", "uk"))
    groups = letters(register, "person", "pl", sort_keys(register, "pl"))
    listed = [index_name(e, "pl")[0] for _, es in groups for e in es]
    assert listed.index("Stalin, Józef") > listed.index("Roosevelt, Franklin Delano")
    assert "Mao Zedong" in listed and "Czang Kaj-szek" in listed
    assert "Stalin, Józef" in [index_name(e, "pl")[0] for e in dict(groups)["S"]]
