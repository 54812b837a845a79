"""Sentence boundaries that know abbreviations, as readable cases: a paragraph, and the
sentences expected in it. A false boundary drops every mention that spans it ("Wlk. Brytanii")
and moves the sentence IDs of the rest of the paragraph."""

from __future__ import annotations

import pytest

from edition.base.lang import get
from edition.base.segment import sentence_spans

CASES = [
    # abbreviations SGJP tags (brev:pun), not in our own list
    ("pl", "Premier Wlk. Brytanii przyjechał. Potem nic.", ["Premier Wlk. Brytanii przyjechał.", "Potem nic."]),
    ("pl", "Pełnomocnik ds. Polonii mówił. Potem nic.", ["Pełnomocnik ds. Polonii mówił.", "Potem nic."]),
    ("pl", "W woj. Mazowieckim i w pow. Grójeckim. Tak.", ["W woj. Mazowieckim i w pow. Grójeckim.", "Tak."]),
    # initials and dotted acronyms
    ("pl", "Wiersz W.W. Majakowskiego. Potem nic.", ["Wiersz W.W. Majakowskiego.", "Potem nic."]),
    ("pl", "Akcje Philips N.V. Zarząd ich nie sprzedał.", ["Akcje Philips N.V. Zarząd ich nie sprzedał."]),
    ("uk", "Вірш В.В. Маяковського. Потім нічого.", ["Вірш В.В. Маяковського.", "Потім нічого."]),
    # abbreviations that close a list still end a sentence; so does an ordinary word
    ("pl", "Jabłka, gruszki itd. Potem nic.", ["Jabłka, gruszki itd.", "Potem nic."]),
    ("pl", "Na rynku stał kot. Potem nic.", ["Na rynku stał kot.", "Potem nic."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_sentences(code: str, text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text, get(code))] == expected
