"""Alphabetical order of Polish and Ukrainian names, and their index letters."""

from __future__ import annotations

import random

import pytest

from edition.base.collation import OTHER, collation

POLISH = ["Cieszyn", "Czang", "Ćma", "Lublin", "Lwów", "Łódź", "Ostrów", "Óbuda",
          "Sanok", "Szanghaj", "Śląsk", "Zabłocie", "Źródło", "Żuków"]  # fmt: skip
UKRAINIAN = ["Гоміньдан", "Ґава", "Европа", "Єгипет", "Ивано", "Ізраїль", "ім'я", "Ірак",
             "Їжак", "Київ", "Чан Кайши", "Японія"]  # fmt: skip


@pytest.mark.parametrize(("code", "ordered"), [("pl", POLISH), ("uk", UKRAINIAN)])
def test_names_sort_in_the_order_of_the_alphabet(code: str, ordered: list[str]) -> None:
    shuffled = ordered[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=collation(code).key) == ordered
    # not the order of code points, which puts every letter with a diacritic last
    assert sorted(ordered) != ordered


def test_polish_letters_follow_their_base_letter() -> None:
    pl = collation("pl")
    assert [pl.letter(x) for x in ("Łódź", "Lwów", "Śląsk", "Żuków", "Źródło", "Zabłocie")] == [
        "Ł", "L", "Ś", "Ż", "Ź", "Z"
    ]  # fmt: skip
    letters = pl.letters
    for base, after in (("L", "Ł"), ("S", "Ś"), ("Z", "Ź"), ("Ź", "Ż")):
        assert letters.index(after) == letters.index(base) + 1


def test_ukrainian_letters_and_the_apostrophe() -> None:
    uk = collation("uk")
    assert [uk.letter(x) for x in ("Ґава", "Європа", "Іран", "Їжак", "Japan")] == [
        "Ґ", "Є", "І", "Ї", OTHER
    ]  # fmt: skip
    letters = uk.letters
    for base, after in (("Г", "Ґ"), ("Е", "Є"), ("И", "І"), ("І", "Ї")):
        assert letters.index(after) == letters.index(base) + 1
    # the apostrophe does not decide the order: ім'я sorts among ім... words by its letters
    assert sorted(["імла", "імя", "ім'я"], key=uk.key)[0] == "імла"
