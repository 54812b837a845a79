"""The ID ledger: published paragraph IDs never change meaning."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from edition.base import sources
from edition.base.errors import EditionError
from edition.base.ledger import LEDGER_NAME, SIMILAR, Ledger, similarity, vocabulary
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


def test_any_characters_survive_the_file(tmp_path: Path) -> None:
    """What the one writer writes reads back as the same ledger, whatever the characters."""
    rng = random.Random(3)
    alphabet = ["Ala", "ż", "中", "’", "«»", "—", "\u00a0", "\ufffd", ": ", " #", "'", '"', "yes",
                "null", "~", "1e3", "0x1F", "2001-12-14", "- ", "? ", "[", "&a", "*b", "!", "%",
                "\U0001f600", "\u2028", "\ufeff", "\t", "\x85"]  # fmt: skip
    path = tmp_path / LEDGER_NAME
    for _ in range(100):
        texts = [
            " ".join("".join(rng.choices(alphabet, k=rng.randint(1, 9))) for _ in range(12))
            for _ in range(rng.randint(1, 6))
        ]
        ledger = Ledger()
        ledger.assign(texts)
        ledger.assign(texts[1:])  # one retired
        path.write_text(ledger.dump(), "utf-8")
        assert Ledger.read(path) == ledger


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


# --- what happens to IDs when a text is edited (see the ledger's docstring) ---------------

X = "W dniu tym rano wojska japońskie zajęły Mukden po krótkiej walce z chińskim garnizonem."
Y = "W dniu tym rano wojska japońskie weszły do Harbinu, witane przez emigrantów z Rosji."


def test_a_shared_beginning_does_not_carry_an_id_to_another_paragraph() -> None:
    """Delete the first of two paragraphs that start alike, lightly edit the second: the
    second keeps its ID, the first one's ID is retired, never pointed at the second."""
    ledger = Ledger()
    assert ledger.assign([X, Y, C]) == ["p1", "p2", "p3"]
    assert ledger.assign([Y.replace("z Rosji", "z Rosji sowieckiej"), C]) == ["p2", "p3"]
    assert ledger.retired == ["p1"]


def test_a_shared_end_does_not_carry_an_id_either() -> None:
    tail = " i tak zakończył się ten dzień w Mandżurii."
    first, second = "Rano padał deszcz" + tail, "Wieczorem nad miastem przeszła burza" + tail
    ledger = Ledger()
    ledger.assign([first, second])
    assert ledger.assign(["Wieczorem nad miastem przeszła krótka burza" + tail]) == ["p2"]


def test_when_two_entries_are_as_close_neither_id_is_given() -> None:
    """Two near-identical paragraphs, one deleted, the other edited: which one is left
    cannot be told, so the paragraph gets a new ID and both old ones are retired."""
    twin = X.replace("krótkiej", "krótkiej i zaciętej")
    ledger = Ledger()
    ledger.assign([X, twin, C])
    assert ledger.assign([X.replace("Mukden", "Mukden i okolice"), C]) == ["p4", "p3"]
    assert sorted(ledger.retired) == ["p1", "p2"]


def test_edit_light_keeps_the_id_heavy_gives_a_new_one() -> None:
    ledger = Ledger()
    ledger.assign([A, B])
    light = B.replace("działalność", "aktywną działalność")
    heavy = "Komintern, " + " ".join(reversed(B.split()[:6])) + " i nic więcej nie wiadomo."
    assert similarity(vocabulary(B), vocabulary(light)) >= SIMILAR
    assert similarity(vocabulary(B), vocabulary(heavy)) < SIMILAR
    assert ledger.assign([A, light]) == ["p1", "p2"]
    assert ledger.assign([A, heavy]) == ["p1", "p3"]
    assert ledger.retired == ["p2"]


def test_swap_keeps_both_ids() -> None:
    ledger = Ledger()
    ledger.assign([A, B, C])
    assert ledger.assign([C, A, B]) == ["p3", "p1", "p2"]
    assert ledger.assign([B.replace("roku", "r."), C, A]) == ["p2", "p3", "p1"]


def test_split_the_larger_part_keeps_the_id_equal_parts_get_new_ones() -> None:
    long = B + " " + C + " " + A
    ledger = Ledger()
    ledger.assign([long, D])
    assert ledger.assign([B + " " + C, A, D]) == ["p1", "p3", "p2"]
    ledger = Ledger()
    ledger.assign([B + " " + C, D])
    assert ledger.assign([B, C, D]) == ["p3", "p4", "p2"]
    assert ledger.retired == ["p1"]


def test_merge_the_dominant_part_keeps_its_id_equal_parts_do_not() -> None:
    ledger = Ledger()
    ledger.assign([B + " " + C + " " + A, "Krótki dopisek.", D])
    assert ledger.assign([B + " " + C + " " + A + " Krótki dopisek.", D]) == ["p1", "p3"]
    ledger = Ledger()
    ledger.assign([B, C, D])
    assert ledger.assign([B + " " + C, D]) == ["p4", "p3"]
    assert ledger.retired == ["p1", "p2"]


def test_identical_paragraphs_take_identical_entries_in_order() -> None:
    ledger = Ledger()
    ledger.assign([A, B, A])
    assert ledger.assign([A, A, B]) == ["p1", "p3", "p2"]


def test_a_ledger_of_the_old_format_keeps_its_ids(tmp_path: Path) -> None:
    """Entries of digest, head and tail: same words, or one shared edge with one candidate."""
    old = "next: 4\nparagraphs:\n"
    for pid, text in (("p1", A), ("p2", X), ("p3", Y)):
        words = text.split()
        digest = hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]
        head, tail = " ".join(words[:6]), " ".join(words[-6:])
        old += f"  {pid}: {{digest: {digest}, head: '{head}', tail: '{tail}'}}\n"
    path = tmp_path / LEDGER_NAME
    path.write_text(old, "utf-8")
    edited_a = A.replace("zadrzeć", "zadrzeć z nikim")
    assert Ledger.read(path).assign([edited_a, X, Y]) == ["p1", "p2", "p3"]
    # X and Y share their first six words: an edited Y could be either, so it is neither
    ledger = Ledger.read(path)
    assert ledger.assign([A, Y.replace("emigrantów", "tłumy emigrantów")]) == ["p1", "p4"]
    path.write_text(ledger.dump(), "utf-8")
    assert Ledger.read(path).entries == {"p1": A, "p4": Y.replace("emigrantów", "tłumy emigrantów")}


def test_a_lowered_next_is_a_problem_not_a_reused_id(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl=f"{A}\n{B}\n{C}\n")
    (text,) = load_texts(seeds, ("en",))
    path = folder / LEDGER_NAME
    path.write_text(text.ledger_text.replace("next: 4", "next: 2"), "utf-8")
    (folder / "pl.txt").write_text(f"{A}\n{B}\n{C}\n{D}\n", "utf-8")
    with pytest.raises(EditionError) as info:
        load_texts(seeds, ("en",))
    assert [str(p) for p in info.value.problems] == [
        f"{path}:3: next: 2 is not above p3, an ID already given out: new paragraphs would "
        "reuse published IDs; set it to 4"
    ]


def test_an_id_both_used_and_retired_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / LEDGER_NAME
    path.write_text(f"next: 3\nparagraphs:\n  p1: {A}\nretired: [p2, p1]\n", "utf-8")
    with pytest.raises(EditionError) as info:
        Ledger.read(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:4: p1 both in use and retired: the ledger was edited by hand; restore it from "
        "version control"
    ]


def test_the_ledger_is_written_only_when_its_data_changed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl=f"{A}\n{B}\n")
    (text,) = load_texts(seeds, ("en",))
    assert text.ledger_is_stale()  # no file yet
    path = folder / LEDGER_NAME
    path.write_text(text.ledger_text, "utf-8")
    (text,) = load_texts(seeds, ("en",))
    assert not text.ledger_is_stale()
    path.write_text(path.read_text("utf-8").replace("# Paragraph", "#  Paragraph") + "\n")
    (text,) = load_texts(seeds, ("en",))
    assert not text.ledger_is_stale()  # the same data, written otherwise
    (folder / "pl.txt").write_text(f"{A}\n{B}\n{C}\n", "utf-8")
    (text,) = load_texts(seeds, ("en",))
    assert text.ledger_is_stale() and f"  p3:\n  - {C}\n" in text.ledger_text


# Sentence IDs (p1s2) are published too: the ledger keeps each paragraph's sentences.
S = "Delegacja wyjechała do Wlk. Brytanii w maju. Rozmowy trwały długo i nie dały wyniku."


def _sentences(text) -> list[str]:
    (par,) = text.original.paragraphs
    return [par.text[s.start : s.end] for s in par.sentences]


def test_a_change_of_the_sentence_rules_moves_no_published_sentence_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl=S + "\n")
    # published by rules that broke after "Wlk." (as the splitter did before it knew it)
    old_rules = lambda text, language: [(0, 27), (28, 44), (45, len(text))]  # noqa: E731
    monkeypatch.setattr(sources, "sentence_spans", old_rules)
    (text,) = load_texts(seeds, ("en",))
    published = _sentences(text)
    assert published[1] == "Brytanii w maju."
    (folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
    monkeypatch.undo()  # today's rules: "Wlk." is an abbreviation
    (text,) = load_texts(seeds, ("en",))
    assert _sentences(text) == published  # p1s2 still stands for the same words
    assert not text.ledger_is_stale()
    (note,) = text.original.sentence_notes
    assert note.startswith(f"{folder / 'pl.txt'}:1: p1: the sentence rules would now split it")
    assert "published sentence IDs keep the split recorded in the ledger" in note


def test_today_s_rules_split_a_paragraph_without_a_recorded_split(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl=S + "\n")
    (folder / LEDGER_NAME).write_text(f"next: 2\nparagraphs:\n  p1: {S}\n", "utf-8")  # old format
    (text,) = load_texts(seeds, ("en",))
    assert _sentences(text) == [
        "Delegacja wyjechała do Wlk. Brytanii w maju.",
        "Rozmowy trwały długo i nie dały wyniku.",
    ]
    assert text.ledger_is_stale() and text.original.sentence_notes == []  # the split is recorded
    (folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
    assert Ledger.read(folder / LEDGER_NAME).entries["p1"] == tuple(_sentences(text))


def test_an_edit_that_moves_published_sentence_ids_is_named(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, pl=S + "\n")
    (text,) = load_texts(seeds, ("en",))
    (folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
    # a sentence added at the end moves nothing; one added at the start moves both
    (folder / "pl.txt").write_text(S + " Wrócili w czerwcu.\n", "utf-8")
    (text,) = load_texts(seeds, ("en",))
    assert text.original.paragraphs[0].id == "p1" and text.original.sentence_notes == []
    (folder / "pl.txt").write_text("Był maj. " + S + "\n", "utf-8")
    (text,) = load_texts(seeds, ("en",))
    assert text.original.paragraphs[0].id == "p1"
    assert text.original.sentence_notes == [
        f"{folder / 'pl.txt'}:1: p1: edited; its published sentence ID(s) p1s1, p1s2 now stand"
        " for other words"
    ]
