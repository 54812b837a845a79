"""Every form of a word's lemmas, from each language's dictionary (for the search index)."""

from __future__ import annotations

from edition.base import lang


def test_polish_forms_of_a_name_and_a_common_noun() -> None:
    polish = lang.get("pl")
    stalin = polish.paradigms("Stalina")
    assert set(stalin) == {"stalin"}
    assert {"Stalin", "Stalinowi", "Stalinem"} <= stalin["stalin"]
    assert {"Mandżurię", "Mandżurii", "Mandżuria"} <= polish.paradigms("Mandżurii")["mandżuria"]
    assert "Japończyk" in polish.paradigms("Japończycy")["japończyk"]


def test_polish_leaves_out_negated_twins() -> None:
    forms = lang.get("pl").paradigms("idący")["iść"]
    assert "idącego" in forms and not any(f.startswith("nie") for f in forms)


def test_ukrainian_lexeme() -> None:
    assert {"сталіна", "сталіну", "сталін"} <= lang.get("uk").paradigms("Сталін")["сталін"]
    assert "маньчжурії" in lang.get("uk").paradigms("Маньчжурія")["маньчжурія"]


def test_unknown_words_and_languages_without_a_dictionary_have_none() -> None:
    assert lang.get("pl").paradigms("Chunguzów") == {}
    assert lang.get("uk").paradigms("Чунгузів") == {}
    assert lang.get("en").paradigms("Stalin") == {}
