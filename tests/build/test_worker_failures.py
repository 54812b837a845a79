"""A fixture edition large enough for the build's second processes (8 texts), broken in one of
them: the editor reads what failed, never a traceback, and neither ``mkdocs build`` nor the
rebuilds of ``mkdocs serve`` leave a staging folder, a process or a frozen collector behind."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import mkdocs.commands.build
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from edition.analysis.corpus import PARALLEL_FROM
from edition.derived import search_index
from tests.build.test_any_input import entry, make_edition
from tests.conftest import build_site

# A test hook: EDITION_BREAK=index or register breaks that step, in a second process only.
BREAKS = """
import os

from edition.derived import search_index
from edition.web import register_pages

_FIRST = os.getpid()


def _broken(real):
    def broken(*args, **kwargs):
        if os.getpid() != _FIRST:
            raise ValueError("broken in the second process")
        return real(*args, **kwargs)

    return broken


if os.environ.get("EDITION_BREAK") == "index":
    search_index.build = _broken(search_index.build)
if os.environ.get("EDITION_BREAK") == "register":
    register_pages.pages = _broken(register_pages.pages)
"""


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = {f"t{n}": {} for n in range(PARALLEL_FROM)}
    path = make_edition(tmp_path_factory.mktemp("edition"), [entry("Q1", pl="Ala")], **texts)
    (path.parent / "hooks" / "breaks.py").write_text(BREAKS, "utf-8")
    yml = path.read_text("utf-8").replace(
        "  - hooks/edition_hook.py\n", "  - hooks/edition_hook.py\n  - hooks/breaks.py\n"
    )
    path.write_text(yml, "utf-8")
    return path


def _left_behind(site: Path) -> list[str]:
    """What a build left beside the site: staging folders, processes, a frozen collector."""
    found = [p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}-data-")]
    found += [f"process {p.pid}" for p in multiprocessing.active_children()]
    if gc.get_freeze_count() or not gc.isenabled():
        found.append("the collector frozen or paused")
    return found


@pytest.mark.parametrize(
    ("step", "what"), [("index", "the data files"), ("register", "the register pages")]
)
def test_a_step_that_fails_in_the_second_process_stops_the_build_with_a_message(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, what: str
) -> None:
    monkeypatch.setenv("EDITION_BREAK", step)
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"The edition could not be built: {what} could not be made: "
        "ValueError: broken in the second process" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "site"] == []


def _rebuild(config: Path, site: Path) -> None:
    """One rebuild as ``mkdocs serve`` runs it: the configuration read again and the site
    built in this process."""
    build(load_config(str(config), site_dir=str(site)), serve_url="http://127.0.0.1:8000/")


def _in_a_second_process(message: str) -> Callable[..., object]:
    first, real = os.getpid(), search_index.build

    def broken(*args: object) -> object:
        if os.getpid() != first:
            raise ValueError(message)
        return real(*args)

    return broken


def test_rebuilds_as_under_mkdocs_serve_leave_nothing_behind(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = tmp_path / "site"
    _rebuild(config, site)
    assert list((site / "assets" / "edition" / "search").glob("*.js"))
    assert (site / "register" / "register.json").is_file()
    assert _left_behind(site) == []

    with monkeypatch.context() as m:  # the data files fail
        m.setattr(search_index, "build", _in_a_second_process("no index today"))
        with pytest.raises(Abort):  # how MkDocs ends a build a PluginError stopped
            _rebuild(config, site)
    assert (
        "The edition could not be built: the data files could not be made: ValueError: no index"
        " today (in files, edition/build/datafiles.py:" in caplog.text
    )
    assert _left_behind(site) == []

    def page_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a page failed")

    with monkeypatch.context() as m:  # MkDocs fails while the data files are being made
        m.setattr(mkdocs.commands.build, "_build_page", page_fails)
        with pytest.raises(RuntimeError, match="a page failed"):
            _rebuild(config, site)
    assert _left_behind(site) == []

    _rebuild(config, site)
    assert (site / "register" / "register.json").is_file()
    assert _left_behind(site) == []
