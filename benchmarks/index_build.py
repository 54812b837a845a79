"""Build time of the index as the register grows: one entry page per entry and UI language.

    python benchmarks/index_build.py [--entries 1000]

Copies the edition into a temporary folder, adds ``--entries`` synthetic persons (names
that occur nowhere, so the texts' pages do not change), and times the edition's own page
generation and a full ``mkdocs build`` with and without them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import yaml
from machine import machine
from run import EDITION_OUTPUT, build
from synthetic import ROOT, copy_site_files

from edition.config import read_settings
from edition.site import load, pages


def copy_edition(dest: Path) -> Path:
    copy_site_files(dest, hook=True, all_docs=True)
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    return dest / "mkdocs.yml"


def add_persons(glossary: Path, n: int) -> None:
    entries = [
        {
            "id": f"synthetic-{i:05d}",
            "kind": "person",
            "names": {code: {"name": f"Xyzzy Plugh {i:05d}"} for code in ("pl", "uk", "en")},
            "definition": {code: f"Synthetic person number {i}." for code in ("pl", "uk", "en")},
        }
        for i in range(n)
    ]
    (glossary / "synthetic.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    print(json.dumps(machine()))
    with tempfile.TemporaryDirectory() as tmp:
        base = copy_edition(Path(tmp) / "base")
        big = copy_edition(Path(tmp) / "big")
        add_persons(big.parent / "glossary", args.entries)
        for label, config in (("real register", base), (f"+{args.entries} entries", big)):
            settings = read_settings(config)
            start = time.perf_counter()
            corpus = load(settings)
            generated = sum(1 for _ in pages(corpus, settings.ui_languages))
            gen = time.perf_counter() - start
            measured = build(config.parent, EDITION_OUTPUT)
            html = sum(1 for _ in (config.parent / "site").rglob("*.html"))
            print(
                f"{label}: {len(corpus.register)} entries, {generated} generated pages,"
                f" {html} HTML files; load+generate {gen:.1f} s; mkdocs build"
                f" {measured['seconds']:.1f} s ({measured['cpu_seconds']:.1f} s CPU)"
            )


if __name__ == "__main__":
    main()
