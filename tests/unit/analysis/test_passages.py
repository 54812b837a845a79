"""Passage references as teachers write them and deep links carry them."""

from __future__ import annotations

import pytest

from edition.analysis.passages import PassageError, parse, resolve
from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def essay():
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    return next(t for t in corpus.texts if t.id == "manchuria-1920-1934").original


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("p3", ("p3", "p3")), ("p3-p5", ("p3", "p5")), ("p3s2", ("p3s2", "p3s2")),
     ("p3s2-p4s1", ("p3s2", "p4s1"))],
)  # fmt: skip
def test_parse(ref: str, expected: tuple[str, str]) -> None:
    assert parse(ref) == expected


@pytest.mark.parametrize("ref", ["", "3", "p0", "p3-", "p3s", "q3", "p3-p5-p7", "p3 s2"])
def test_parse_rejects(ref: str) -> None:
    with pytest.raises(PassageError):
        parse(ref)


def test_paragraph_range(essay) -> None:
    assert resolve("p2-p4", essay).ids == ("p2", "p3", "p4")


def test_sentence_range_across_paragraphs(essay) -> None:
    assert resolve("p3s4-p4s2", essay).ids == ("p3s4", "p4s1", "p4s2")


def test_unknown_id_names_the_nearest(essay) -> None:
    with pytest.raises(PassageError, match=r"no p9; nearest: p5, p4, p3"):
        resolve("p9", essay)
    with pytest.raises(PassageError, match=r"no p3s9; nearest: p3s4, p3s3, p3s2"):
        resolve("p3s9", essay)


def test_backwards_and_mixed_ranges(essay) -> None:
    with pytest.raises(PassageError, match="ends before it starts"):
        resolve("p4-p2", essay)
    with pytest.raises(PassageError, match="mixes"):
        resolve("p2-p3s1", essay)
