"""Writing generated files into a folder: only the files whose content changed, and pruning
the ones no longer generated (so that ``mkdocs serve`` does not rebuild in a loop)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

Contents = Mapping[str, bytes] | Iterable[tuple[str, bytes]]  # path -> content, or pairs


def write_files(base: Path, files: Contents, held: Path | None = None) -> set[str]:
    """Write each file under ``base`` whose content differs (from the same file under
    ``held``, if given: a folder ``base`` will be moved into); returns every path given."""
    return _write(base, files, held or base)


def write_new(base: Path, files: Contents) -> None:
    """Write each file under ``base``, a folder made empty for them (a staging folder): no
    file is there to compare with, so none is read first."""
    _write(base, files, None)


def _write(base: Path, files: Contents, compared: Path | None) -> set[str]:
    """Write ``files`` under ``base``, skipping each one whose content the same path under
    ``compared`` already holds; returns every path given."""
    kept: set[str] = set()
    made: set[Path] = set()  # folders known to exist: one mkdir per folder, not per file
    for rel, content in files.items() if isinstance(files, Mapping) else files:
        kept.add(rel)
        path = base / rel
        if compared is not None:
            try:
                if (compared / rel).read_bytes() == content:
                    continue
            except FileNotFoundError:
                pass
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(content)
    return kept


def prune(base: Path, managed: tuple[str, ...], kept: set[str]) -> None:
    """Remove from the ``managed`` folders under ``base`` every file not in ``kept``, and
    the folders left empty."""
    for folder in managed:
        root = base / folder
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(base).as_posix()
            if path.is_file() and rel not in kept:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)


def sync_tree(base: Path, managed: tuple[str, ...], files: Contents) -> None:
    """Make the ``managed`` folders under ``base`` hold exactly ``files``."""
    prune(base, managed, write_files(base, files))


def move_into(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same path under ``target`` (replacing what is
    there), then remove ``source``. A folder ``target`` lacks is moved whole, by one rename;
    both must be on one file system."""
    for path in sorted(source.iterdir()):
        there = target / path.name
        if path.is_dir() and there.is_dir():
            move_into(path, there)
        else:
            target.mkdir(parents=True, exist_ok=True)
            path.replace(there)
    source.rmdir()
