"""Sentence segmentation, per language, as readable cases."""

from __future__ import annotations

import pytest

from edition.base.lang import get
from edition.base.segment import sentence_spans


def sentences(text: str, code: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, get(code))]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("pl", "Ala ma kota. Kot ma Alę.", ["Ala ma kota.", "Kot ma Alę."]),
        (
            "pl",
            "W tzw. tezach z 1927 roku. Potem nic.",
            ["W tzw. tezach z 1927 roku.", "Potem nic."],
        ),
        ("pl", "W 1934 r. Mandżukuo uznał Salwador.", ["W 1934 r. Mandżukuo uznał Salwador."]),
        ("pl", "Kolej (ros. KWŻD) była wspólna.", ["Kolej (ros. KWŻD) była wspólna."]),
        (
            "pl",
            "Cesarz Pu Yi (jako Po I). W mig ruszyli.",
            ["Cesarz Pu Yi (jako Po I).", "W mig ruszyli."],
        ),
        ("pl", "Czy to koniec? Nie! To początek…", ["Czy to koniec?", "Nie!", "To początek…"]),
        (
            "uk",
            "Посол Д. В. Богомолов прибув. Це було важливо.",
            ["Посол Д. В. Богомолов прибув.", "Це було важливо."],
        ),
        ("uk", "Ще влітку 1934р. він домовився.", ["Ще влітку 1934р. він домовився."]),
        (
            "uk",
            "Телеграма від 7 березня 1933р. Радянський уряд виражало готовність.",
            ["Телеграма від 7 березня 1933р. Радянський уряд виражало готовність."],
        ),
        (
            "uk",
            "Він сказав: «Вам важко». Потім пішов.",
            ["Він сказав: «Вам важко».", "Потім пішов."],
        ),
        ("uk", "На останньому тижні з'ясувало...", ["На останньому тижні з'ясувало..."]),
        (
            "uk",
            "я один на один з агресором. До цього часу все.",
            ["я один на один з агресором.", "До цього часу все."],
        ),
        (
            "en",
            "President F. Roosevelt spoke. Then Mr. Troyanovsky replied.",
            ["President F. Roosevelt spoke.", "Then Mr. Troyanovsky replied."],
        ),
        (
            "en",
            "He said “we wait.” Nothing followed... Then war.",
            ["He said “we wait.”", "Nothing followed...", "Then war."],
        ),
    ],
)
def test_segmentation(code: str, text: str, expected: list[str]) -> None:
    assert sentences(text, code) == expected


def test_spans_cover_all_but_whitespace() -> None:
    text = "  Pierwsze zdanie.   Drugie zdanie.  "
    spans = sentence_spans(text, get("pl"))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Koniec. „Nowe” zdanie.", ["Koniec.", "„Nowe” zdanie."]),
        ("Koniec. « ale nie zdanie.", ["Koniec. « ale nie zdanie."]),
        ("Koniec.  «", ["Koniec.  «"]),
        ("Koniec!\u00a0 ", ["Koniec!"]),
        ("Było ich 5. 6 zostało.", ["Było ich 5.", "6 zostało."]),
        ("Nic. ²", ["Nic.", "²"]),
        ("Ul. Długa " + "x" * 80 + ". Tam.", ["Ul. Długa " + "x" * 80 + ".", "Tam."]),
        # the whole word decides, though its end alone would read as a year ("1934r.")
        ("Kod a" + "1" * 70 + "r. Tak.", ["Kod a" + "1" * 70 + "r.", "Tak."]),
    ],
)
def test_what_follows_a_stop_and_the_word_before_it(text: str, expected: list[str]) -> None:
    assert sentences(text, "pl") == expected
