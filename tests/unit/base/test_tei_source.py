"""Reading a text given as TEI (``<lang>.xml``): paragraphs, marked names, notes on what was not
read (file and line), and hostile or broken XML refused with a message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.base.errors import EditionError
from edition.base.sources import load_texts
from edition.base.tei_source import Mark, read_tei
from tests.conftest import META, ROOT, make_text

FIXTURE = ROOT / "tests" / "fixtures" / "tei" / "import" / "seeds" / "notatka" / "pl.xml"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{}</body></text></TEI>'


def _surfaces(text: str, marks: list[Mark]) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.ref) for m in marks]


def test_paragraphs_and_marked_names_of_a_hand_written_tei_file() -> None:
    found, problems = read_tei(FIXTURE, "pl")
    assert problems == [] and found is not None
    texts = [t for _, t in found.lines]
    assert texts == [
        "Jasio pojechał do stolicy i tam spotkał Piotra. Pisał o Lidze.",
        "O drodze żelaznej i o Atlantydzie.Przypis wydawcy.",
    ]
    assert [line for line, _ in found.lines] == [15, 20]
    assert [_surfaces(t, m) for t, m in zip(texts, found.marks, strict=True)] == [
        [
            ("Jasio", "#jan-kowalski"),
            ("stolicy", "https://www.wikidata.org/wiki/Q270"),
            ("Lidze", "#ent.liga-narodow"),
        ],
        [("drodze żelaznej", "kolej"), ("Atlantydzie", "#atlantyda")],
    ]


def test_what_was_not_read_is_noted_with_file_and_line() -> None:
    found, _ = read_tei(FIXTURE, "pl")
    assert found is not None
    notes = {n.split(": ", 1)[1].split(" (")[0]: n.split(": ", 1)[0] for n in found.notes}
    where = f"{FIXTURE}:"
    assert notes == {
        "<teiHeader> not read": where + "3",
        "<front> of the <text> not read": where + "11",
        "text in <head>, outside a <p>, not read": where + "14",
        "<hi> inside a paragraph: its markup dropped, its text kept": where + "17",
        "<persName> without a ref: read as plain text": where + "17",
        "<lb> inside a paragraph: its markup dropped, its text kept": where + "17",
        "an empty <p> skipped": where + "19",
        "<term> inside another name: read as plain text": where + "20",
        "<note> inside a paragraph: its markup dropped, its text kept": where + "21",
        "text in <l>, outside a <p>, not read": where + "22",
    }


def test_layout_inside_a_paragraph_is_one_space_and_other_spacing_stays(tmp_path: Path) -> None:
    path = tmp_path / "pl.xml"
    body = "<p>\n   <persName ref='a'>Jan\n\t Kowalski</persName>  i\u00a0on \n</p><p> x </p>"
    path.write_text(HEAD + TEI.format(body), "utf-8")
    found, _ = read_tei(path, "pl")
    assert found is not None
    assert [t for _, t in found.lines] == ["Jan Kowalski  i\u00a0on", " x "]
    assert _surfaces(found.lines[0][1], found.marks[0]) == [("Jan Kowalski", "a")]


HOSTILE = {
    "entity-expansion": (
        '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + TEI.format("<p>&b;</p>"),
        "a DOCTYPE or entity declaration is not accepted",
    ),
    "external-entity": (
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + TEI.format("<p>&x;</p>"),
        "a DOCTYPE or entity declaration is not accepted",
    ),
    "xinclude": (
        TEI.format(
            '<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"'
            ' parse="text"/></p>'
        ),
        "xi:include is not accepted",
    ),
    "undeclared-entity": (TEI.format("<p>&nbsp;</p>"), "not well-formed XML"),
    "too-deep": (
        TEI.format("<p>" + "<hi>" * 5000 + "x" + "</hi>" * 5000 + "</p>"),
        "too large or too deeply nested to read safely",
    ),
    "broken": (TEI.format("<p>unclosed</body>"), "not well-formed XML"),
    "not-tei": (
        '<html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>',
        "not a TEI P5 document",
    ),
    "tei-corpus": (
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>',
        "not a TEI P5 document: the root element is <teiCorpus>",
    ),
    "other-language": (
        TEI.replace("<text>", '<text xml:lang="en">').format("<p>x</p>"),
        "the file is pl.xml, but none is in pl",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_or_broken_xml_is_refused_with_a_message(case: str, tmp_path: Path) -> None:
    source, message = HOSTILE[case]
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, "t", META, pl="x\n")
    (folder / "pl.txt").unlink()
    (folder / "pl.xml").write_text(HEAD + source, "utf-8")
    with pytest.raises(EditionError) as caught:
        load_texts(seeds, ("pl", "uk", "en"))
    (problem,) = caught.value.problems
    assert problem.path == folder / "pl.xml" and problem.line
    assert message in problem.message


def test_a_huge_text_node_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pl.xml"
    path.write_text(HEAD + TEI.format("<p>" + "a" * 11_000_000 + "</p>"), "utf-8")
    found, problems = read_tei(path, "pl")
    assert found is None and "too large or too deeply nested" in problems[0].message


def test_a_text_given_twice_and_a_control_character_are_problems(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    folder = make_text(seeds, "t", META, pl="x\n")
    (folder / "pl.xml").write_text(HEAD + TEI.format("<p>x\u0085y</p>"), "utf-8")
    with pytest.raises(EditionError) as caught:
        load_texts(seeds, ("pl", "uk", "en"))
    assert "both pl.txt and pl.xml: keep one" in str(caught.value)
    (folder / "pl.txt").unlink()
    with pytest.raises(EditionError) as caught:
        load_texts(seeds, ("pl", "uk", "en"))
    (problem,) = caught.value.problems
    assert problem.line == 2 and "U+0085" in problem.message
