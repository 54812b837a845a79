"""Where a build's CPU time goes: ``mkdocs build`` of an edition, timed by phase in every process.

    cd EDITION && PYTHONPATH=/abs/path/to/repo python /abs/path/to/repo/benchmarks/phases.py [OUT]

Runs ``mkdocs build --quiet`` in this process with the build's functions wrapped by CPU timers
(``time.process_time``): loading, annotation, making and writing the text pages, and, per UI
language, MkDocs' reading of each page's source and front matter, its Markdown rendering and
its template rendering and writing; in the forked second processes (``edition.build.worker``),
the register pages and each kind of data file (search, popups, open data, TEI, citations),
with the number of files each writes. Each process writes its figures to ``OUT`` (default
``phases/``) as ``<process>-<pid>.json``, and the main process prints them all. For a cold
build, start from an edition as ``synthetic.py`` writes it (no ``site``, no ``.cache``).
cProfile gives the functions inside a phase (``python -m cProfile -o main.prof -m mkdocs
build``, for the main process only); the timers cost little and see the second processes.
"""

from __future__ import annotations

import functools
import json
import os
import pathlib
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.__main__ import cli
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import edition.build.generate as generate
import edition.build.worker as worker
from edition.derived import citation, open_data, search_index, tei
from edition.web import popups

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "phases").absolute()
cpu: defaultdict[str, float] = defaultdict(float)
count: Counter[str] = Counter()


def timed(name: str, fn: Callable[..., Any], key: Callable[..., str] | None = None) -> Any:
    """``fn`` with its CPU time added to ``name`` (or to ``key(*args)``) at each call."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            label = key(*args) if key else name
            cpu[label] += time.process_time() - start
            count[label] += 1

    return wrapper


def timed_iter(name: str, make: Callable[..., Iterable[Any]]) -> Callable[..., Iterator[Any]]:
    """``make`` (a generator function) with the CPU time of making each item added to ``name``."""

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = iter(make(*args, **kwargs))
        while True:
            start = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                cpu[name] += time.process_time() - start
            count[name] += 1
            yield item

    return wrapper


def dump(process: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    figures = {"cpu": cpu, "count": count, "process_cpu": time.process_time()}
    (OUT / f"{process}-{os.getpid()}.json").write_text(json.dumps(figures, indent=1))


_run = worker._run


def _timed_run(conn: Any, what: str, work: Callable[[], object]) -> None:
    """The second process's work, its figures written when it ends."""
    cpu.clear()
    count.clear()
    try:
        _run(conn, what, work)
    finally:
        dump(what.replace(" ", "_"))


def _language(config: Any) -> str:
    return str(config.theme["language"])


def instrument() -> None:
    worker._run = _timed_run
    generate.load_texts = timed("load texts", generate.load_texts)
    generate.load_register = timed("load register", generate.load_register)
    generate.annotate_corpus = timed("annotate", generate.annotate_corpus)
    generate.text_pages = timed_iter("text pages: make", generate.text_pages)
    generate.register_pages = timed_iter("register pages: make", generate.register_pages)
    search_index.build = timed("data: search (tables)", search_index.build)
    search_index.files = timed_iter("data: search (files)", search_index.files)
    open_data.files = timed_iter("data: open data", open_data.files)
    tei.files = timed_iter("data: TEI", tei.files)
    citation.files = timed_iter("data: citations", citation.files)
    popups.files = timed("data: popups", popups.files)
    pathlib.Path.read_bytes = timed("files: read to compare", pathlib.Path.read_bytes)  # type: ignore[method-assign]
    pathlib.Path.write_bytes = timed("files: written by the core", pathlib.Path.write_bytes)  # type: ignore[method-assign]
    Page.read_source = timed(  # type: ignore[method-assign]
        "", Page.read_source, lambda page, config: f"mkdocs {_language(config)}: read source"
    )
    Page.render = timed(  # type: ignore[method-assign]
        "", Page.render, lambda page, config, files: f"mkdocs {_language(config)}: Markdown"
    )
    mkdocs_build._build_page = timed(
        "",
        mkdocs_build._build_page,
        lambda page, config, *a: f"mkdocs {_language(config)}: template+write",
    )
    mkdocs_build.get_files = timed(
        "", mkdocs_build.get_files, lambda config: f"mkdocs {_language(config)}: files"
    )
    Files.copy_static_files = timed("mkdocs: static files", Files.copy_static_files)  # type: ignore[method-assign]


def report() -> None:
    for path in sorted(OUT.glob("*.json")):
        figures = json.loads(path.read_text())
        print(f"{path.stem}: {figures['process_cpu']:.2f} s CPU")
        for name, seconds in sorted(figures["cpu"].items(), key=lambda kv: -kv[1]):
            print(f"  {seconds:8.2f} s  {figures['count'].get(name, 0):7d}  {name}")


if __name__ == "__main__":
    instrument()
    for old in OUT.glob("*.json"):
        old.unlink()
    try:
        cli(["build", "--quiet"], standalone_mode=False)
    finally:
        dump("main")
    report()
