"""Writing the generated files: the build's second process writes the same files as the
first would, a failure there is reported, stale files are pruned."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from edition.build import datafiles, generate, tree, worker
from edition.build.settings import Settings
from hooks.edition_hook import SuffixLayout, _Sources
from tests.conftest import ROOT


def _tree(base: Path) -> dict[str, bytes]:
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}


UI = ("en", "pl", "uk")


def _background(corpus, base: Path, fork: bool) -> worker.Background:
    return worker.Background(
        base / "docs",
        lambda: generate._encoded(generate.register_pages(corpus, UI, SuffixLayout(UI))),
        lambda: datafiles.files(corpus, UI),
        fork=fork,
    )


def test_the_second_process_writes_the_same_files_as_this_one(tmp_path: Path) -> None:
    corpus = generate.load(Settings(ROOT, UI))
    made = {}
    for fork in (False, True):
        work = _background(corpus, tmp_path / str(fork), fork)
        assert (work._process is not None) == fork
        docs = work.docs_written()
        work.publish(tmp_path / str(fork) / "site")
        work.wait()
        assert docs == set(_tree(tmp_path / str(fork) / "docs"))
        made[fork] = _tree(tmp_path / str(fork))
    assert made[True] == made[False]
    assert "docs/register/persons.pl.md" in made[True]
    assert "site/register/register.json" in made[True]
    assert any(rel.startswith("site/assets/edition/search/") for rel in made[True])
    assert any(rel.startswith("site/assets/edition/popups/") for rel in made[True])


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> worker.Background:
    """A forked second process whose search index fails, its docs files written."""

    def broken(*args: object) -> None:
        raise ValueError("no index today")

    monkeypatch.setattr(datafiles.search_index, "build", broken)
    work = _background(generate.load(Settings(ROOT, UI)), tmp_path, fork=True)
    work.docs_written()
    return work


def test_a_failure_in_the_second_process_is_reported(
    failing: worker.Background, tmp_path: Path
) -> None:
    failing.publish(tmp_path / "site")
    with pytest.raises(worker.BackgroundError, match="no index today"):
        failing.wait()
    assert failing._process is None


def test_a_second_process_that_failed_before_its_folder_came_is_reported(
    failing: worker.Background, tmp_path: Path
) -> None:
    """It fails while MkDocs builds and is gone when the folder is published: the pipe is
    broken then, and what went wrong must still reach the editor (not a BrokenPipeError)."""
    assert failing._process is not None
    failing._process.join(timeout=60)  # gone, its message left in the pipe
    failing.publish(tmp_path / "site")
    with pytest.raises(worker.BackgroundError, match="no index today"):
        failing.wait()


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
