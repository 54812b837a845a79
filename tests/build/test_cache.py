"""The analysis cache in whole builds: a site built from the cache is the site built cold, and
``python -m edition analyse`` run by several processes fills the cache one process fills."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, build_site

CACHE = Path(".cache") / "edition" / "analysis"
TEXTS = ("manchuria-1920-1934", "sino-soviet-1932-1937")


def copy_edition(dest: Path) -> Path:
    """The real edition's sources, without anything built or cached."""
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        shutil.copytree(
            ROOT / folder,
            dest / folder,
            ignore=shutil.ignore_patterns(
                "texts", "parallel", "register", "edition", "search.*.md", "__pycache__"
            ),
        )
    return dest


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def built(edition: Path, out: Path) -> dict[str, bytes]:
    result = build_site(edition / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return tree(out)


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def test_a_build_from_the_cache_is_byte_identical_to_a_cold_build(tmp_path: Path) -> None:
    """Unchanged, then after an edit of the register and of one text (what the cache holds
    for them must not be used)."""
    edition = copy_edition(tmp_path / "edition")
    cold = built(edition, tmp_path / "cold")
    assert sorted(p.name for p in (edition / CACHE).iterdir()) == [f"{t}.json" for t in TEXTS]
    warm = built(edition, tmp_path / "warm")
    assert len(cold) > 100
    assert differing(cold, warm) == []

    glossary = edition / "glossary"
    path = next(p for p in sorted(glossary.glob("*.yml")) if yaml.safe_load(p.read_text("utf-8")))
    entries = yaml.safe_load(path.read_text("utf-8"))
    entries[0]["names"].setdefault("pl", {"name": entries[0]["id"]})["variants"] = ["Wschód"]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    text = edition / "seeds" / TEXTS[1] / "pl.txt"
    lines = text.read_text("utf-8").split("\n")
    lines[0] += " Mandżuria i Wschód."
    text.write_text("\n".join(lines), "utf-8")
    edited = built(edition, tmp_path / "edited-warm")
    shutil.rmtree(edition / ".cache")
    assert differing(cold, edited)
    assert differing(edited, built(edition, tmp_path / "edited-cold")) == []


def analyse(edition: Path, *texts: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "edition", "--config", str(edition / "mkdocs.yml")]
    return subprocess.Popen([*command, "analyse", *texts], env=env, stderr=subprocess.PIPE)


def test_two_processes_filling_disjoint_halves_give_the_cache_of_one(tmp_path: Path) -> None:
    one, two = copy_edition(tmp_path / "one"), copy_edition(tmp_path / "two")
    alone = analyse(one)
    halves = [analyse(two, TEXTS[0]), analyse(two, TEXTS[1])]
    for process in (alone, *halves):
        _, err = process.communicate()
        assert process.returncode == 0, err.decode()
    filled = tree(one / CACHE)
    assert sorted(filled) == [f"{t}.json" for t in TEXTS]
    assert tree(two / CACHE) == filled


def test_analyse_names_a_text_that_does_not_exist(tmp_path: Path) -> None:
    edition = copy_edition(tmp_path / "edition")
    process = analyse(edition, "no-such-text")
    _, err = process.communicate()
    assert process.returncode == 1
    assert "no text 'no-such-text'" in err.decode()
    assert not (edition / CACHE).exists()
