"""Dates and coordinates in each UI language's own form (ICU)."""

from __future__ import annotations

import pytest

from edition.base.strings import coordinates_text, date_text, ui_strings


@pytest.mark.parametrize(
    ("ui", "day", "month", "year"),
    [
        ("pl", "13 stycznia 1882", "sierpień 1967", "1890"),
        ("uk", "13 січня 1882", "серпень 1967", "1890"),
        ("en", "13 January 1882", "August 1967", "1890"),
    ],
)
def test_a_date_is_written_as_its_language_writes_it(
    ui: str, day: str, month: str, year: str
) -> None:
    assert date_text("1882-01-13", ui) == day
    assert date_text("1967-08", ui) == month
    assert date_text("1890", ui) == year


@pytest.mark.parametrize("value", ["c. 1890", "1882-13-01", "", "1882-01-13T00:00"])
def test_what_is_not_a_date_is_shown_as_it_is(value: str) -> None:
    assert date_text(value, "pl") == value


def test_coordinates_have_each_languages_decimal_mark_and_compass() -> None:
    assert coordinates_text(45.75, 126.63, "en") == "45.75°\u00a0N, 126.63°\u00a0E"
    assert coordinates_text(45.75, 126.63, "pl") == "45,75°\u00a0N, 126,63°\u00a0E"
    assert (
        coordinates_text(-33.9, -70.65, "uk") == "33,90°\u00a0пд.\u00a0ш., 70,65°\u00a0зх.\u00a0д."
    )


def test_every_block_of_strings_knows_its_language() -> None:
    assert [ui_strings(c)["ui"] for c in ("pl", "uk", "en")] == ["pl", "uk", "en"]
