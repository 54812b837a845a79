"""Annotation of the two originals measured against a hand-made gold file.

tests/gold/mentions.yml lists every mention of a person, place or organisation in the two
originals, made by reading the texts. Precision and recall are printed and must reach 98 %.
"""

from __future__ import annotations

from collections import Counter

import yaml

from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT

NAME_KINDS = {"person", "place", "organisation"}


def test_precision_and_recall_against_the_gold_file() -> None:
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "mentions.yml").read_text("utf-8"))
    found: Counter[tuple] = Counter()
    expected: Counter[tuple] = Counter()
    for text in corpus.texts:
        expected.update(
            (text.id, m["paragraph"], m["surface"], m["ref"]) for m in gold[text.id]["mentions"]
        )
        for par in text.original.paragraphs:
            for m in corpus.of(text, text.original)[par.id]:
                if corpus.register[m.ref].kind in NAME_KINDS:
                    found[(text.id, par.line, par.text[m.start : m.end], m.ref)] += 1
    right = sum((found & expected).values())
    precision, recall = right / sum(found.values()), right / sum(expected.values())
    print(f"\nprecision {precision:.3f}, recall {recall:.3f} on {sum(expected.values())} mentions")
    assert precision >= 0.98, sorted((found - expected).elements())
    assert recall >= 0.98, sorted((expected - found).elements())


def test_shared_entities_carry_the_same_ref_in_both_texts() -> None:
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    refs = {
        text.original.lang: {m.ref for ms in corpus.of(text, text.original).values() for m in ms}
        for text in corpus.texts
    }
    # Chiang Kai-shek, Japan, China, the USSR, Moscow, the League of Nations
    for ref in ("Q16574", "Q17", "Q13426199", "Q15180", "Q649", "Q38130"):
        assert ref in refs["pl"] and ref in refs["uk"], ref
