"""The ID ledger: published paragraph IDs never change meaning."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from edition.base.errors import EditionError
from edition.base.ledger import LEDGER_NAME, Ledger
from edition.base.sources import load_texts
from tests.conftest import make_text

A = "Sowieci, pomni klęski sprzed prawie dwóch dekad, nie ważyli się zadrzeć."
B = "ZSRR poprzez Komintern wspierał działalność partii w Japonii od 1922 roku."
C = "Japończycy nie pozostawali dłużni i starali się osłabić wpływy sowieckie."
D = "Nowy akapit dopisany później przez redakcję, bez związku z poprzednimi."


def test_first_build_numbers_in_source_order() -> None:
    assert Ledger().assign([A, B, C]) == ["p1", "p2", "p3"]


def test_inserted_paragraph_gets_a_new_id_and_others_keep_theirs() -> None:
    ledger = Ledger()
    ledger.assign([A, B, C])
    assert ledger.assign([A, D, B, C]) == ["p1", "p4", "p2", "p3"]


def test_deleted_id_is_retired_and_never_reused() -> None:
    ledger = Ledger()
    ledger.assign([A, B, C])
    assert ledger.assign([A, C]) == ["p1", "p3"]
    assert ledger.retired == ["p2"]
    assert ledger.assign([A, C, D]) == ["p1", "p3", "p4"]


def test_edited_paragraph_keeps_its_id_when_its_start_or_end_is_kept() -> None:
    ledger = Ledger()
    ledger.assign([A, B, C])
    edited_end = B.replace("od 1922 roku.", "od roku 1922, jak podają źródła.")
    edited_start = "Tymczasem " + C[0].lower() + C[1:]
    assert ledger.assign([A, edited_end, edited_start]) == ["p1", "p2", "p3"]


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    ledger = Ledger()
    ledger.assign([A, B])
    path = tmp_path / "paragraph-ids.yml"
    path.write_text(ledger.dump(), "utf-8")
    again = Ledger.read(path)
    assert again.assign([B, A, C]) == ["p2", "p1", "p3"]


def test_dump_is_pyyaml_s_own_output_whatever_the_characters() -> None:
    """The ledger is written by libyaml where that is byte for byte what PyYAML would write."""
    rng = random.Random(3)
    plain = ["Ala", "ż", "中", "’", "«»", "—", "\u00a0", "\ufffd", " ", "  ", ": ", " #", "'", '"']
    odd = ["\U0001f600", "\x85", "\u2028", "\ufeff", "\t", "\x01", "\ud7ff\ue000"]
    yamlish = ["yes", "null", "~", "1e3", "0x1F", "2001-12-14", "- ", "? ", "[", "&a", "*b", "!"]
    for n in range(300):
        alphabet = plain + yamlish + (odd if n % 3 == 0 else [])
        texts = [
            " ".join("".join(rng.choices(alphabet, k=rng.randint(1, 9))) for _ in range(12))
            for _ in range(rng.randint(1, 6))
        ]
        ledger = Ledger()
        ledger.assign(texts)
        ledger.assign(texts[1:])  # one retired
        expected = {
            "next": ledger.next_number,
            "paragraphs": {pid: vars(fp) for pid, fp in ledger.entries.items()},
            "retired": ledger.retired,
        }
        kwargs = {"allow_unicode": True, "sort_keys": False, "width": 200}
        assert ledger.dump().endswith(yaml.dump(expected, Dumper=yaml.SafeDumper, **kwargs))


def test_a_broken_ledger_is_a_problem_with_its_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl="Pierwszy akapit.\n")
    ledger = folder / LEDGER_NAME
    ledger.write_text("next: 2\nparagraphs:\n  p1: [oops\n", "utf-8")
    with pytest.raises(EditionError) as bad_yaml:
        load_texts(seeds, ("en",))
    ((problem,),) = [bad_yaml.value.problems]
    assert (problem.path, problem.line) == (ledger, 4)
    assert "malformed YAML" in problem.message
    ledger.write_text("next: 2\nparagraphs:\n  p1:\n    digest: 1\n", "utf-8")
    with pytest.raises(EditionError) as bad_entry:
        load_texts(seeds, ("en",))
    messages = [(p.path, p.line, p.message) for p in bad_entry.value.problems]
    assert messages == [
        (ledger, 4, "paragraphs.p1: 'head' is missing"),
        (ledger, 4, "paragraphs.p1: 'tail' is missing"),
        (
            ledger,
            4,
            'paragraphs.p1.digest: YAML reads 1 as a number, not as text: write it in quotes, "1"',
        ),
    ]
