"""Writing the generated files: a second process writes the same files as this one would,
a failure there comes back as a message, staged data files move into the site, stale files
are pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from edition.base.errors import EditionError, Problem
from edition.build import datafiles, generate, tree, worker
from edition.build.settings import Settings
from hooks.edition_hook import SuffixLayout, _Sources
from tests.conftest import ROOT


def _tree(base: Path) -> dict[str, bytes]:
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}


UI = ("en", "pl", "uk")


def _files(corpus, base: Path, fork: bool) -> dict[str, bytes]:
    """The register pages and data files, written as a build's second processes write them."""
    pages = worker.start(
        "the register pages",
        lambda: tree.write_files(
            base / "docs", generate._encoded(generate.register_pages(corpus, UI, SuffixLayout(UI)))
        ),
        fork,
    )
    data = worker.start(
        "the data files", lambda: tree.write_files(base / "site", datafiles.files(corpus, UI)), fork
    )
    assert pages.forked == data.forked == fork
    assert pages.wait() == set(_tree(base / "docs"))
    assert data.wait() == set(_tree(base / "site"))
    return _tree(base)


def test_the_second_process_writes_the_same_files_as_this_one(tmp_path: Path) -> None:
    corpus = generate.load(Settings(ROOT, UI))
    made = {fork: _files(corpus, tmp_path / str(fork), fork) for fork in (False, True)}
    assert made[True] == made[False]
    assert "docs/register/persons.pl.md" in made[True]
    assert "site/register/register.json" in made[True]
    assert any(rel.startswith("site/assets/edition/search/") for rel in made[True])
    assert any(rel.startswith("site/assets/edition/popups/") for rel in made[True])


def _broken() -> None:
    raise ValueError("no index today")


def test_a_failure_in_the_second_process_is_a_message_naming_it() -> None:
    work = worker.start("the data files", _broken, fork=True)
    with pytest.raises(worker.WorkerError) as caught:
        work.wait()
    message = str(caught.value)
    assert message.startswith("the data files could not be made: ValueError: no index today")
    assert "_broken" in message and "Traceback" not in message
    assert not work.forked


def test_problems_found_in_the_second_process_come_back_as_they_were() -> None:
    problem = Problem(Path("glossary/a.yml"), 3, "entry X: bad")

    def bad() -> None:
        raise EditionError([problem])

    with pytest.raises(EditionError) as caught:
        worker.start("the register pages", bad, fork=True).wait()
    assert caught.value.problems == [problem]


def test_a_second_process_that_dies_is_reported() -> None:
    work = worker.start("the data files", lambda: os._exit(3), fork=True)
    with pytest.raises(worker.WorkerError, match="the data files could not be made"):
        work.wait()


def test_a_cancelled_second_process_ends(tmp_path: Path) -> None:
    work = worker.start("the data files", lambda: time.sleep(60), fork=True)
    process = work._process
    work.cancel()
    assert process is not None and not process.is_alive()
    work.cancel()  # again: nothing left to do


def test_a_staging_folder_moves_into_the_site(tmp_path: Path) -> None:
    tree.write_files(tmp_path / "site", {"texts/a.html": b"page", "assets/old.js": b"old"})
    staging = tmp_path / ".site-data-x"
    tree.write_files(
        staging, {"texts/a.tei.xml": b"tei", "assets/old.js": b"new", "search/s.js": b"s"}
    )
    tree.move_into(staging, tmp_path / "site")
    assert not staging.exists()
    assert _tree(tmp_path / "site") == {
        "texts/a.html": b"page",
        "texts/a.tei.xml": b"tei",
        "assets/old.js": b"new",
        "search/s.js": b"s",
    }


def test_a_staging_folder_is_written_whole(tmp_path: Path) -> None:
    files = {"search/a/b.js": b"1", "search/a/c.js": b"2", "texts/t.tei.xml": b"3", "x.csv": b""}
    tree.write_new(tmp_path / "staging", files.items())
    assert _tree(tmp_path / "staging") == files


def test_files_not_generated_again_are_pruned(tmp_path: Path) -> None:
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"1", "gen/b/y.js": b"2", "keep.md": b"3"})
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"4"})
    assert _tree(tmp_path) == {"gen/a/x.js": b"4", "keep.md": b"3"}


def test_what_a_build_writes_is_told_from_the_sources(tmp_path: Path) -> None:
    settings = Settings(tmp_path, UI)
    layout = SuffixLayout(UI)
    written = [
        "docs/texts/t.en.md",
        "docs/register/entries/person-a.pl.md",
        "docs/assets/edition/edition.js",
        "docs/search.uk.md",
        "docs/assignments/index.pl.md",
        "docs/assignments/passages.lock.yml",
        "seeds/t/paragraph-ids.yml",
        ".cache/edition/analysis/t.json",
    ]
    sources = [
        "docs/index.en.md",
        "docs/search.md",
        "docs/assignments/homework.pl.md",
        "docs/assignments/texts/notes.md",
        "seeds/t/pl.txt",
        "seeds/t/meta.yml",
        "seeds/t/annotations.yml",
        "glossary/persons.yml",
        "glossary/paragraph-ids.yml",
        "mkdocs.yml",
    ]
    assert [p for p in written if not generate.is_generated(settings, layout, tmp_path / p)] == []
    assert [p for p in sources if generate.is_generated(settings, layout, tmp_path / p)] == []


def test_serve_rebuilds_on_a_source_change_only(tmp_path: Path) -> None:
    from watchdog import events

    trigger = tmp_path / ".cache" / "edition" / "serve-changes"
    trigger.parent.mkdir(parents=True)
    handler = _Sources(Settings(tmp_path, UI), trigger)
    ledger, text = str(tmp_path / "seeds/t/paragraph-ids.yml"), str(tmp_path / "seeds/t/pl.txt")
    quiet = [
        events.FileModifiedEvent(ledger),
        events.FileModifiedEvent(str(tmp_path / "docs/texts/t.en.md")),
        events.FileOpenedEvent(text),
        events.FileClosedNoWriteEvent(text),
        events.DirModifiedEvent(str(tmp_path / "seeds/t")),
    ]
    for event in quiet:
        handler.on_any_event(event)
    assert not trigger.exists()
    for event in (events.FileModifiedEvent(text), events.FileMovedEvent(ledger + ".tmp", text)):
        trigger.unlink(missing_ok=True)
        handler.on_any_event(event)
        assert trigger.exists()


def test_only_under_serve_the_pages_policy_lets_livereload_run() -> None:
    from types import SimpleNamespace

    from hooks import edition_hook

    html = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'; object-src 'none'\">"
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri="index.en.md"), content="x")
    try:
        for command, allowed in (("build", False), ("serve", True), ("build", False)):
            edition_hook.on_startup(command=command, dirty=False)
            output = edition_hook.on_post_page(html, page, Any)
            assert ("'unsafe-inline'" in output) == allowed
            assert "object-src 'none'" in output
    finally:
        edition_hook.on_startup(command="build", dirty=False)
