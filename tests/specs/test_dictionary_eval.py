"""The dictionary-generated evaluation (benchmarks/dictionary_eval.py), sampled small: every
form of sampled proper names is found as its own name, inside a sentence and at its start;
capitalised common words at a sentence start are no names; the fallback alone still finds
most forms. The full run's figures are in the benchmark's output."""

from __future__ import annotations

import random
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import dictionary_eval

from edition.base.lang import get


@pytest.fixture(scope="module")
def names() -> dict[str, list]:
    rng = random.Random(0)
    uk = dictionary_eval.ukrainian_names(60, rng)
    candidates = [
        dictionary_eval.transliterate(n.lemma) for n in dictionary_eval.ukrainian_names(240, rng)
    ]
    return {"uk": uk, "pl": dictionary_eval.polish_names(candidates, 60)}


@pytest.mark.parametrize("code", ["pl", "uk"])
def test_every_form_of_a_dictionary_name_is_found(names, code: str) -> None:
    results = dictionary_eval.evaluate(names[code], get(code))
    for key, row in results.items():
        if "forms" in row:
            assert row["recall"] >= 90 and row["precision"] >= 90, (key, row)
    assert results["common words at a sentence start"]["false_hit_rate"] <= (
        1 if code == "pl" else 15
    )
    # a form that is also a common adjective's: a name before a verb, not before its noun
    adjectives = results["forms that are also a common adjective's, at a sentence start"]
    assert adjectives["pairs"] >= 5, adjectives
    assert adjectives["recall_before_a_verb"] >= 85, adjectives
    assert adjectives["false_hit_rate_before_their_noun"] <= 5, adjectives


@pytest.mark.parametrize("code", ["pl", "uk"])
def test_the_fallback_alone_finds_most_forms(names, code: str) -> None:
    results = dictionary_eval.evaluate(names[code], dictionary_eval.hidden(get(code)))
    for key, row in results.items():
        if "forms" in row:
            assert row["recall"] >= 75 and row["precision"] >= 80, (key, row)
