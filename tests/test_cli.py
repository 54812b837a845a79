"""``python -m edition check``: a verdict, or every problem by file and line, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    assert result.stdout.startswith("ok: 2 texts")


def test_check_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    bad = tmp_path / "seeds" / "manchuria-1920-1934" / "pl.txt"
    bad.write_bytes(bad.read_bytes() + b"\nzepsuty \xc5 bajt\n")
    result = run_check(tmp_path / "mkdocs.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}:6: not valid UTF-8 (byte 0xc5)" in result.stderr
