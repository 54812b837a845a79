"""Build time of the index as the register grows: one entry page per entry and UI language.

    python benchmarks/index_build.py [--entries 1000]

Copies the edition into a temporary folder, adds ``--entries`` synthetic persons (names
that occur nowhere, so the texts' pages do not change), and times the edition's own page
generation and a full ``mkdocs build`` with and without them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.config import read_settings  # noqa: E402
from edition.site import load, pages  # noqa: E402


def copy_edition(dest: Path) -> Path:
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("texts", "edition")
        )
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


def timed_build(config: Path, out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(out),
        ],
        check=True,
        env=env,
        cwd=config.parent,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base = copy_edition(Path(tmp) / "base")
        big = copy_edition(Path(tmp) / "big")
        add_persons(big.parent / "glossary", args.entries)
        for label, config in (("real register", base), (f"+{args.entries} entries", big)):
            settings = read_settings(config)
            start = time.perf_counter()
            corpus = load(settings)
            generated = pages(corpus, settings.ui_languages)
            gen = time.perf_counter() - start
            seconds = timed_build(config, Path(tmp) / f"site-{config.parent.name}")
            site = Path(tmp) / f"site-{config.parent.name}"
            html = sum(1 for _ in site.rglob("*.html"))
            print(
                f"{label}: {len(corpus.register)} entries, {len(generated)} generated pages,"
                f" {html} HTML files; load+generate {gen:.1f} s; mkdocs build {seconds:.1f} s"
            )


if __name__ == "__main__":
    main()
