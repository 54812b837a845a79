"""Writing the generated files: a second process writes the same files as this one would,
a failure there comes back as a message, staged data files move into the site, stale files
are pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from edition.base.errors import EditionError, Problem
from edition.build import datafiles, generate, tree, worker
from edition.build.settings import Settings
from hooks.edition_hook import SuffixLayout
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


def test_files_not_generated_again_are_pruned(tmp_path: Path) -> None:
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"1", "gen/b/y.js": b"2", "keep.md": b"3"})
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"4"})
    assert _tree(tmp_path) == {"gen/a/x.js": b"4", "keep.md": b"3"}
