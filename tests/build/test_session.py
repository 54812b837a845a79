"""Rebuilds through a session (``mkdocs serve --dirty``): after an edit, what a rebuild leaves
in ``docs`` and in the site is byte for byte what a cold build of the edited edition
writes, and it makes only the pages the edit changes."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
import yaml

from edition.build import generate
from edition.build.session import Session
from edition.build.settings import read_settings
from edition.web import reading
from hooks.edition_hook import SuffixLayout
from tests.build.test_cache import TEXTS, copy_edition, differing, tree


def build(edition: Path, site: Path, session: Session | None) -> dict[str, bytes]:
    """``docs`` and the site's data files after one build (its data files landed)."""
    settings = read_settings(edition / "mkdocs.yml")
    generate.generate(settings, SuffixLayout(settings.ui_languages), site, session).finish()
    return {
        **{f"docs/{k}": v for k, v in tree(edition / "docs").items()},
        **{f"site/{k}": v for k, v in tree(site).items()},
    }


def cold(edition: Path, tmp_path: Path) -> dict[str, bytes]:
    """A cold build of a copy of ``edition``'s sources as they are now."""
    copy = tmp_path / "cold-edition"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(edition, copy, ignore=shutil.ignore_patterns(".cache"))
    for folder in generate.GENERATED_DIRS:
        shutil.rmtree(copy / "docs" / folder, ignore_errors=True)
    site = tmp_path / "cold-site"
    shutil.rmtree(site, ignore_errors=True)
    return build(copy, site, None)


def append(path: Path, words: str) -> None:
    lines = path.read_text("utf-8").split("\n")
    lines[0] += words
    path.write_text("\n".join(lines), "utf-8")


@pytest.fixture(params=[False, True], ids=["one process", "second processes"])
def fork(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """The real edition has two texts: below PARALLEL_FROM, so lowered to fork too."""
    if request.param:
        monkeypatch.setattr(generate, "PARALLEL_FROM", 1)
    return bool(request.param)


def test_a_rebuild_after_an_edit_is_a_cold_build_of_the_edit(tmp_path: Path, fork: bool) -> None:
    edition = copy_edition(tmp_path / "edition")
    site, session = tmp_path / "site", Session()
    first = build(edition, site, session)
    assert first == cold(edition, tmp_path)

    # a word and a name the register knows in one text's original: its pages, the entry's
    # occurrences and counts change; the other text's pages do not
    append(edition / "seeds" / TEXTS[1] / "pl.txt", " Mandżuria i Wschód.")
    edited = build(edition, site, session)
    changed = differing(first, edited)
    assert any(k.startswith("docs/texts/") for k in changed)
    assert any(k.startswith("docs/register/entries/") for k in changed)
    assert any(k.startswith("site/assets/edition/search/") for k in changed)
    assert not any(TEXTS[0] in k for k in changed)
    assert differing(edited, cold(edition, tmp_path)) == []

    # the text's title in meta.yml: its pages, the catalogue, every entry it mentions
    meta = edition / "seeds" / TEXTS[1] / "meta.yml"
    data = yaml.safe_load(meta.read_text("utf-8"))
    data["title"] = {ui: f"{title} (2)" for ui, title in data["title"].items()}
    meta.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    retitled = build(edition, site, session)
    assert any(k.startswith("docs/register/entries/") for k in differing(edited, retitled))
    assert differing(retitled, cold(edition, tmp_path)) == []

    # the register: every page may change
    glossary = edition / "glossary"
    path = next(p for p in sorted(glossary.glob("*.yml")) if yaml.safe_load(p.read_text("utf-8")))
    entries = yaml.safe_load(path.read_text("utf-8"))
    entries[0]["names"].setdefault("pl", {"name": entries[0]["id"]})["variants"] = ["Wschód"]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    registered = build(edition, site, session)
    assert differing(retitled, registered)
    assert differing(registered, cold(edition, tmp_path)) == []


def test_a_rebuild_makes_the_pages_of_the_edited_text_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edition = copy_edition(tmp_path / "edition")
    site, session = tmp_path / "site", Session()
    build(edition, site, session)
    made: list[str] = []
    reading_page = reading.reading_page

    def counted(corpus, text, *args):  # type: ignore[no-untyped-def]
        made.append(text.id)
        return reading_page(corpus, text, *args)

    monkeypatch.setattr(reading, "reading_page", counted)
    build(edition, site, session)
    assert made == []
    append(edition / "seeds" / TEXTS[0] / "pl.txt", " Słowo.")
    build(edition, site, session)
    assert made == [TEXTS[0]] * 3  # once per UI language
    # a page file removed by hand is made again
    (edition / "docs" / "texts" / f"{TEXTS[1]}.en.md").unlink()
    made.clear()
    build(edition, site, session)
    assert made == [TEXTS[1]] * 3
    assert (edition / "docs" / "texts" / f"{TEXTS[1]}.en.md").is_file()


def test_data_files_made_after_the_pages_land_whole_or_not_at_all(
    tmp_path: Path, fork: bool
) -> None:
    """Under ``serve --dirty`` the data files of a rebuild are moved in by a thread once made
    (the page has reloaded); cancelled by the next rebuild, they leave nothing behind."""
    edition = copy_edition(tmp_path / "edition")
    site, session = tmp_path / "site", Session()
    build(edition, site, session)
    settings = read_settings(edition / "mkdocs.yml")
    layout = SuffixLayout(settings.ui_languages)

    def cold_site() -> dict[str, bytes]:
        made = cold(edition, tmp_path).items()
        return {k.removeprefix("site/"): v for k, v in made if k.startswith("site/")}

    append(edition / "seeds" / TEXTS[0] / "pl.txt", " Mandżuria.")
    done, failed = threading.Event(), []
    generate.generate(settings, layout, site, session).finish_later(done.set, failed.append)
    assert done.wait(600) and failed == []
    assert tree(site) == cold_site()

    append(edition / "seeds" / TEXTS[0] / "pl.txt", " Wschód.")
    before, landed = tree(site), []
    cancelled = generate.generate(settings, layout, site, session)
    cancelled.finish_later(lambda: landed.append(True), failed.append)
    cancelled.cancel()
    assert failed == []
    assert [p for p in site.parent.iterdir() if p.name.startswith(f".{site.name}-data-")] == []
    assert tree(site) == (cold_site() if landed else before)
    # the next build makes what the cancelled one did not land
    assert differing(build(edition, site, session), cold(edition, tmp_path)) == []
