"""Teachers' assignments: references checked against the edition, pages, the passage lock."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from edition.analysis import assignments
from edition.analysis.corpus import Corpus
from edition.base.errors import EditionError
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.web import assignments as assignment_pages
from tests.conftest import ROOT, build_site

UI = ("en", "pl", "uk")
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
GOOD = """---
title: A test
passages:
  - text: manchuria-1920-1934
    range: p3-p4
  - text: sino-soviet-1932-1937
    range: p4s2
terms: [honghuzi]
questions: [Why?]
---

Teacher's prose.
"""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(read_settings(ROOT / "mkdocs.yml"))


def write(docs: Path, name: str, text: str) -> Path:
    path = docs / "assignments" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def problems(docs: Path, corpus: Corpus) -> list[str]:
    with pytest.raises(EditionError) as exc:
        assignments.load_assignments(docs, corpus, UI)
    return [str(p) for p in exc.value.problems]


def test_a_good_assignment_resolves_every_reference(tmp_path: Path, corpus: Corpus) -> None:
    write(tmp_path, "a.pl.md", GOOD)
    write(tmp_path, "b.md", GOOD)  # no suffix: the default language
    (a, b) = assignments.load_assignments(tmp_path, corpus, UI)
    assert (a.name, a.ui, b.name, b.ui) == ("a", "pl", "b", "en")
    assert [p.passage.ids for p in a.passages] == [("p3", "p4"), ("p4s2",)]
    assert a.passages[0].line == 4 and a.passages[1].line == 6
    assert a.terms == ("honghuzi",) and a.questions == ("Why?",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("text: manchuria-1920-1934", "text: manchuria-1920"),
            ":4: passages[0]: no text 'manchuria-1920'; nearest: manchuria-1920-1934",
        ),
        (
            ("range: p3-p4", "range: p3-p9"),
            ":5: passages[0]: manchuria-1920-1934 'p3-p9': no p9; nearest: p5, p4",
        ),
        (
            ("range: p4s2", "range: p4s9"),
            ":7: passages[1]: sino-soviet-1932-1937 'p4s9': no p4s9; nearest: p4s2",
        ),
        (("range: p4s2", "range: chapter 4"), "'chapter 4' is not a passage"),
        (
            ("[honghuzi]", "[honghuz]"),
            ":8: terms[0]: no register entry 'honghuz'; nearest: honghuzi",
        ),
        (("title: A test\n", ""), ":2: (top level): 'title' is missing"),
        (("questions: [Why?]", "question: [Why?]"), ":9: question: unknown field"),
        (("passages:", "passages: [\n"), "malformed YAML"),
        (("---\ntitle", "title"), ":1: no front matter"),
    ],
)
def test_a_bad_assignment_names_file_line_reference_and_nearest(
    tmp_path: Path, corpus: Corpus, change: tuple[str, str], expected: str
) -> None:
    path = write(tmp_path, "bad.en.md", GOOD.replace(*change, 1))
    found = problems(tmp_path, corpus)
    assert len(found) == 1 and found[0].startswith(str(path)), found
    assert expected in found[0], found


def test_the_page_shows_each_passage_with_translation_popups_and_links(
    tmp_path: Path, corpus: Corpus
) -> None:
    write(tmp_path, "a.en.md", GOOD)
    (a,) = assignments.load_assignments(tmp_path, corpus, UI)
    doc = html.fromstring(assignment_pages.page_html(a, corpus, "https://example.org/x.html"))
    first, second = doc.cssselect("section.ed-passage")
    manchuria = corpus.texts[0]
    assert first.cssselect('a[href="../texts/manchuria-1920-1934.html#p3-p4"]')
    assert first.cssselect('a[href="../parallel/manchuria-1920-1934.html#p3-p4"]')
    original, english = first.cssselect(".ed-excerpt")
    assert (original.get("lang"), english.get("lang")) == ("pl", "en")
    shown = [p.text_content() for p in original.cssselect(".ed-p")]
    assert shown == [p.text for p in manchuria.original.paragraphs[2:4]]
    # A sentence range shows exactly its sentences, in the original and aligned translation.
    sino = corpus.texts[1]
    (sentence,) = second.cssselect('.ed-excerpt[lang="uk"] .ed-s')
    par = sino.original.paragraphs[3]
    assert sentence.get("data-s") == "p4s2"
    assert sentence.text_content() == par.text[par.sentences[1].start : par.sentences[1].end]
    refs = {b.get("data-ref") for b in doc.cssselect(".ed-ref")}
    assert refs and not doc.cssselect(".ed-popup")  # built on first use from the shared data
    (host,) = doc.cssselect(".ed-popups[data-shards]")
    assert (host.get("data-ui"), host.get("data-root")) == ("en", "../")
    assert doc.cssselect(".ed-terms dt a")[0].text_content() == "honghuzi"
    assert doc.cssselect("svg.ed-qr-code") and doc.cssselect('a[href="https://example.org/x.html"]')
    assert not doc.xpath("//@id[starts-with(., 'p')]")  # no clash with deep-link IDs


def test_the_lock_keeps_the_text_a_teacher_saw_until_accepted(
    tmp_path: Path, corpus: Corpus
) -> None:
    write(tmp_path, "a.en.md", GOOD)
    found = assignments.load_assignments(tmp_path, corpus, UI)
    seen = assignments.current_lock(found)["a.en.md"]
    old = {
        "a.en.md": {key: {u: "earlier words" for u in units} for key, units in seen.items()},
        "gone.en.md": {"manchuria-1920-1934 p1": {"p1": "x"}},
    }
    merged = assignments.merged_lock(old, found)
    assert merged == {"a.en.md": old["a.en.md"]}  # kept as seen; the deleted file dropped
    changed, unrecorded = assignments.review(found, merged)
    assert len(changed) == 2 and unrecorded == []
    assert "manchuria-1920-1934 p3-p4 changed since assigned: p3: 'earlier words' -> 'Japo" in str(
        changed[0]
    )


def run_check(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edition", "--config", str(config), "check", *extra],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def copy_edition(tmp_path: Path) -> Path:
    edition = tmp_path / "edition"
    edition.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", edition)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, edition / folder, ignore=shutil.ignore_patterns("texts", "edition")
        )
    return edition


def test_check_reports_assigned_passages_whose_text_changed(tmp_path: Path) -> None:
    edition = copy_edition(tmp_path)
    path = write(edition / "docs", "new.en.md", GOOD)
    result = run_check(edition / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert f"note: {path}:4: manchuria-1920-1934 p3-p4: not recorded yet" in result.stdout
    assert run_check(edition / "mkdocs.yml", "--accept-changes").returncode == 0
    pl = edition / "seeds" / "manchuria-1920-1934" / "pl.txt"
    pl.write_text(pl.read_text("utf-8").replace("lepszego prezentu", "większego prezentu"), "utf-8")
    result = run_check(edition / "mkdocs.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"{path}:4: manchuria-1920-1934 p3-p4 changed since assigned: p4: 'lepszego' -> 'większego'"
    ) in result.stderr
    assert "sino-soviet" not in result.stderr  # the unchanged passage is not reported
    assert run_check(edition / "mkdocs.yml", "--accept-changes").returncode == 0
    assert run_check(edition / "mkdocs.yml").returncode == 0


@pytest.mark.build
def test_a_bad_reference_fails_the_build_naming_it(tmp_path: Path) -> None:
    edition = copy_edition(tmp_path)
    path = write(edition / "docs", "bad.pl.md", GOOD.replace("range: p3-p4", "range: p3-p7"))
    result = build_site(edition / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert f"{path}:5: passages[0]: manchuria-1920-1934 'p3-p7': no p7" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_every_example_assignment_is_built_in_every_language(site: Path, corpus: Corpus) -> None:
    found = assignments.load_assignments(ROOT / "docs", corpus, UI)
    for text in corpus.texts:
        for ui in UI:
            assert any(a.ui == ui and text.id in {p.text.id for p in a.passages} for a in found)
    for a in found:
        doc = html.parse(str(site / PREFIX[a.ui] / "assignments" / f"{a.name}.html")).getroot()
        sections = doc.cssselect("section.ed-passage")
        assert [(s.get("data-text"), s.get("data-range")) for s in sections] == [
            (p.text.id, p.ref) for p in a.passages
        ]
        for section, p in zip(sections, a.passages, strict=True):
            shown = section.cssselect(f'.ed-excerpt[lang="{p.text.original.lang}"] .ed-s')
            assert [s.get("data-s") for s in shown] == [
                s.id
                for par in p.text.original.paragraphs
                for s in par.sentences
                if s.id in p.passage.ids or par.id in p.passage.ids
            ]
        assert len(doc.cssselect(".ed-questions li")) == len(a.questions) > 0
        index = html.parse(str(site / PREFIX[a.ui] / "assignments" / "index.html")).getroot()
        assert index.cssselect(f'a[href="{a.name}.html"]')


@pytest.mark.parametrize("name", ["index.en.md", "index.pl.md", "index.md"])
def test_an_assignment_may_not_take_the_index_s_name(
    tmp_path: Path, corpus: Corpus, name: str
) -> None:
    path = write(tmp_path, name, GOOD)
    write(tmp_path, "fine.en.md", GOOD)
    assert problems(tmp_path, corpus) == [
        f"{path}: the name 'index' is reserved: assignments/index.html is the generated list of "
        "assignments and would replace this one; rename the file"
    ]


@pytest.mark.parametrize("suffix", ["de", "pt-BR", "zh_TW"])
def test_an_assignment_in_a_language_the_site_is_not_built_in_is_a_problem(
    tmp_path: Path, corpus: Corpus, suffix: str
) -> None:
    path = write(tmp_path, f"x.{suffix}.md", GOOD)
    assert problems(tmp_path, corpus) == [
        f"{path}: written in {suffix!r}, a language the site is not built in (it is built in "
        "en, pl, uk): the page would be missing and links to it dead; rename the file "
        "x.<language>.md with one of those"
    ]


def test_a_dot_that_is_no_language_suffix_stays_in_the_name(tmp_path: Path, corpus: Corpus) -> None:
    write(tmp_path, "week.one.md", GOOD)
    (a,) = assignments.load_assignments(tmp_path, corpus, UI)
    assert (a.name, a.ui) == ("week.one", "en")


def test_the_generated_list_of_assignments_is_not_an_assignment(
    tmp_path: Path, corpus: Corpus
) -> None:
    write(tmp_path, "index.en.md", "---\ntitle: Assignments\n---\n\n<h1>Assignments</h1>\n")
    write(tmp_path, "a.en.md", GOOD)
    assert [a.name for a in assignments.load_assignments(tmp_path, corpus, UI)] == ["a"]
