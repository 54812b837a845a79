"""``python -m edition check``: a verdict, or every problem by file and line, no traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run_check(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edition", "--config", str(config), "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_check_passes_on_the_real_edition() -> None:
    result = run_check(ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    *notes, last = result.stdout.splitlines()
    assert last.startswith("ok: 2 texts")
    # what the editor should know of the register's names (annotate.Matcher.report), no more
    assert notes and all(" is also a common word " in n for n in notes), notes


def test_check_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    bad = tmp_path / "seeds" / "manchuria-1920-1934" / "pl.txt"
    bad.write_bytes(bad.read_bytes() + b"\nzepsuty \xc5 bajt\n")
    result = run_check(tmp_path / "mkdocs.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}:6: not valid UTF-8 (byte 0xc5)" in result.stderr


def test_check_names_the_folders_it_skips(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copytree(ROOT / "seeds" / "manchuria-1920-1934", tmp_path / "seeds" / "_draft")
    result = run_check(tmp_path / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert f"note: {tmp_path / 'seeds' / '_draft'}: skipped, not a text" in result.stdout


def test_annotate_prints_mentions_as_json(tmp_path: Path) -> None:
    sample = tmp_path / "sample.txt"
    sample.write_text("Rząd Czang Kaj-szeka zerwał stosunki z ZSRR.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "annotate", "--lang", "pl", str(sample)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(result.stdout) == [
        {"start": 5, "end": 20, "surface": "Czang Kaj-szeka", "ref": "Q16574"},
        {"start": 39, "end": 43, "surface": "ZSRR", "ref": "Q15180"},
    ]


def test_annotate_with_another_register(tmp_path: Path) -> None:
    (tmp_path / "reg").mkdir()
    (tmp_path / "reg" / "a.yml").write_text(
        "- id: kot\n  kind: term\n  names: {pl: {name: kot}, uk: {name: кіт}, en: {name: cat}}\n"
        "  definition: {pl: zwierzę, uk: тварина, en: animal}\n",
        "utf-8",
    )
    sample = tmp_path / "sample.txt"
    sample.write_text("Ala ma kota.", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "annotate", "--lang", "pl", "--register",
         str(tmp_path / "reg"), str(sample)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    assert json.loads(result.stdout) == [{"start": 7, "end": 11, "surface": "kota", "ref": "kot"}]


def run_outside(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m edition`` run in ``folder``, where there is no mkdocs.yml."""
    return subprocess.run(
        [sys.executable, "-m", "edition", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_annotate_outside_an_edition_over_a_folder_as_json_lines(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "register")
    (tmp_path / "texts" / "more").mkdir(parents=True)
    (tmp_path / "texts" / "a.txt").write_text("Czang Kaj-szek.\nPotem ZSRR.\n", "utf-8")
    (tmp_path / "texts" / "more" / "b.txt").write_text("Nic.\n", "utf-8")
    (tmp_path / "texts" / "more" / "c.txt").write_bytes(b"z\xc5y\n")
    result = run_outside(tmp_path, "annotate", "--lang", "pl", "--register", "register", "texts")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records == [
        {
            "file": str(Path("texts") / "a.txt"),
            "mentions": [
                {"start": 0, "end": 14, "surface": "Czang Kaj-szek", "ref": "Q16574"},
                {"start": 22, "end": 26, "surface": "ZSRR", "ref": "Q15180"},
            ],
        },
        {"file": str(Path("texts") / "more" / "b.txt"), "mentions": []},
    ]
    # the file that cannot be read is named, and the others are still annotated
    assert result.returncode == 1
    assert f"{Path('texts') / 'more' / 'c.txt'}:1: not valid UTF-8" in result.stderr


def test_annotate_outside_an_edition_needs_a_register(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ZSRR.\n", "utf-8")
    result = run_outside(tmp_path, "annotate", "--lang", "pl", "a.txt")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs.yml: no such file: run it in an edition's folder, or name a register folder" in (
        result.stderr
    )


def test_annotate_says_how_a_shared_name_was_decided(tmp_path: Path) -> None:
    (tmp_path / "reg").mkdir()
    (tmp_path / "reg" / "a.yml").write_text(
        "- {id: msz-pl, kind: organisation, definition: {pl: d}, names: {pl: {name:"
        " Ministerstwo Spraw Zagranicznych RP, variants: [MSZ]}}}\n"
        "- {id: msz-ua, kind: organisation, definition: {pl: d}, names: {pl: {name:"
        " Ministerstwo Spraw Zagranicznych Ukrainy, variants: [MSZ]}}, preferred: [MSZ]}\n",
        "utf-8",
    )
    (tmp_path / "a.txt").write_text("Ministerstwo Spraw Zagranicznych RP.\nMSZ milczy.\n", "utf-8")
    (tmp_path / "b.txt").write_text("MSZ milczy.\n", "utf-8")
    result = run_outside(
        tmp_path, "annotate", "--lang", "pl", "--register", "reg", "a.txt", "b.txt"
    )
    a, b = (json.loads(line)["mentions"][-1] for line in result.stdout.splitlines())
    assert (a["ref"], a["reason"]) == ("msz-pl", "the text names it by a fuller name")
    assert (b["ref"], b["reason"]) == ("msz-ua", "the register marks it preferred")
    assert a["candidates"] == b["candidates"] == ["msz-ua", "msz-pl"]
