"""The editor's commands: ``new`` then ``check`` (``--strict``), ``suggest``, ``enrich``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT


def edition(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edition", "--config", str(config), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def copy_edition(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    for folder in ("seeds", "glossary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path / "mkdocs.yml"


def test_new_on_a_real_file_passes_check_once_the_todos_are_filled(tmp_path: Path) -> None:
    config = copy_edition(tmp_path)
    # a real text as an editor gets it: CRLF, paragraphs between blank lines
    paragraphs = (ROOT / "seeds" / "manchuria-1920-1934" / "pl.txt").read_text("utf-8").split()
    plain = tmp_path / "essay.txt"
    plain.write_bytes(
        "\r\n\r\n".join([" ".join(paragraphs[:40]), " ".join(paragraphs[40:80])]).encode()
    )
    result = edition(config, "new", "essay", str(plain), "--lang", "pl")
    assert result.returncode == 0, result.stderr
    meta = tmp_path / "seeds" / "essay" / "meta.yml"
    assert f"note: {meta}:5: TODO left:" in result.stdout
    assert "ok: 3 texts" in result.stdout
    assert edition(config, "check", "--strict").returncode == 1
    meta.write_text(
        "original: pl\ntitle: {pl: Esej, uk: Есей, en: Essay}\n"
        "source: {pl: Z korpusu., uk: З корпусу., en: From the corpus.}\n"
        "licence: {status: unknown}\n",
        "utf-8",
    )
    result = edition(config, "check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "TODO" not in result.stdout


def test_new_on_bad_input_is_a_message_without_traceback(tmp_path: Path) -> None:
    config = copy_edition(tmp_path)
    result = edition(
        config, "new", "manchuria-1920-1934", str(tmp_path / "none.txt"), "--lang", "de"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "3 problem(s):" in result.stderr
    assert "unknown language code 'de'" in result.stderr
    assert "manchuria-1920-1934: already exists" in result.stderr
    assert "none.txt: no such file" in result.stderr


def fixture_edition(tmp_path: Path) -> Path:
    """The real edition's settings over the suggest fixture's text and register."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    for folder in ("seeds", "glossary"):
        shutil.copytree(ROOT / "tests" / "fixtures" / "suggest" / folder, tmp_path / folder)
    return tmp_path / "mkdocs.yml"


def test_suggest_prints_stubs_for_texts_and_files(tmp_path: Path) -> None:
    config = fixture_edition(tmp_path)
    plain = ROOT / "tests" / "fixtures" / "suggest" / "pl.txt"
    result = edition(config, "suggest", "wizyta", str(plain))
    assert result.returncode == 0, result.stderr
    stubs = yaml.safe_load(result.stdout)
    by_id = {e["id"]: e for e in stubs}
    # the text's Jan Kowalski and the file's are one candidate: the same base form
    assert by_id["jan-kowalski"]["names"]["uk"]["name"] == "Ян Ковальський"
    assert "# 13x Jan Kowalski" in result.stdout
    assert "pl: Jan Kowalski 2, Jana Kowalskiego 2, Kowalski 2, Kowalskiego 1" in result.stdout


def test_suggest_on_bad_input_is_a_message(tmp_path: Path) -> None:
    config = fixture_edition(tmp_path)
    odd = tmp_path / "notes.txt"
    odd.write_text("Jan Kowalski.\n", "utf-8")
    result = edition(config, "suggest", "no-such-text", str(odd))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no-such-text: neither a text ID of seeds/ nor a file" in result.stderr
    assert "notes.txt: give its language with --lang" in result.stderr
    assert edition(config, "suggest", "--lang", "pl", str(odd)).returncode == 0
