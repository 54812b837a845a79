"""Writing the generated files: the search index built in a process of its own gives the
same files as in the build's own process, and stale files are pruned."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import site

from .conftest import ROOT


def _tree(base: Path) -> dict[str, bytes]:
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}


def test_the_search_index_from_its_own_process_is_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = site.load(site.Settings(ROOT, ("en", "pl", "uk")))
    alone = site._start_search_index(corpus, tmp_path / "alone")()
    forks = []
    real = site.multiprocessing.get_context

    def counting(method: str):
        forks.append(method)
        return real(method)

    monkeypatch.setattr(site, "PARALLEL_FROM", 1)
    monkeypatch.setattr(site.multiprocessing, "get_context", counting)
    forked = site._start_search_index(corpus, tmp_path / "forked")()
    assert forks == ["fork"]
    assert forked == alone and len(alone) > 10
    assert _tree(tmp_path / "forked") == _tree(tmp_path / "alone")


def test_files_not_generated_again_are_pruned(tmp_path: Path) -> None:
    site.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"1", "gen/b/y.js": b"2", "keep.md": b"3"})
    site.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"4"})
    assert _tree(tmp_path) == {"gen/a/x.js": b"4", "keep.md": b"3"}
