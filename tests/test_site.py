"""Writing the generated files: the data files made in a process of their own are the same
as made in the build's own process, a failure there is reported, stale files are pruned."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import datafiles, site, tree

from .conftest import ROOT


def _tree(base: Path) -> dict[str, bytes]:
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}


def test_the_data_files_from_their_own_process_are_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = site.load(site.Settings(ROOT, ("en", "pl", "uk")))
    alone = datafiles.DataFiles(corpus, ("en", "pl", "uk"))
    alone.publish(tmp_path / "alone")
    alone.wait()
    forks = []
    real = datafiles.multiprocessing.get_context

    def counting(method: str):
        forks.append(method)
        return real(method)

    monkeypatch.setattr(datafiles, "PARALLEL_FROM", 1)
    monkeypatch.setattr(datafiles.multiprocessing, "get_context", counting)
    forked = datafiles.DataFiles(corpus, ("en", "pl", "uk"))
    forked.publish(tmp_path / "forked")
    forked.wait()
    assert forks == ["fork"]
    made = _tree(tmp_path / "alone")
    assert {rel.split("/")[2] for rel in made if rel.startswith("assets/")} == {"search", "popups"}
    assert "register/register.json" in made
    assert _tree(tmp_path / "forked") == made


def test_a_failure_in_the_data_files_process_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = site.load(site.Settings(ROOT, ("en", "pl", "uk")))

    def broken(*args: object) -> None:
        raise ValueError("no index today")

    monkeypatch.setattr(datafiles, "PARALLEL_FROM", 1)
    monkeypatch.setattr(datafiles.search, "build", broken)
    data = datafiles.DataFiles(corpus, ("en", "pl", "uk"))
    data.publish(tmp_path)
    with pytest.raises(RuntimeError, match="no index today"):
        data.wait()


def test_files_not_generated_again_are_pruned(tmp_path: Path) -> None:
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"1", "gen/b/y.js": b"2", "keep.md": b"3"})
    tree.sync_tree(tmp_path, ("gen",), {"gen/a/x.js": b"4"})
    assert _tree(tmp_path) == {"gen/a/x.js": b"4", "keep.md": b"3"}
