"""An edit that changes an assigned passage is never passed over in silence: a strict build
stops with check's message, a non-strict build shows a notice on the assignment's page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
CHANGED = "manchuria-1920-1934 p3-p4 changed since assigned: p4: 'lepszego' -> 'większego'"


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A copy of the real edition (its assignments and lock) with a word of p4 edited."""
    edition = tmp_path / "edition"
    edition.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", edition)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, edition / folder, ignore=shutil.ignore_patterns("texts", "edition")
        )
    pl = edition / "seeds" / "manchuria-1920-1934" / "pl.txt"
    pl.write_text(pl.read_text("utf-8").replace("lepszego prezentu", "większego prezentu"), "utf-8")
    return edition


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def _reported(output: str) -> list[str]:
    """The lines of ``output`` from check's message on: its heading and one line per passage."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "assigned passage(s) changed" in line)
    heading = lines[start][lines[start].index("assigned passage(s)") - 2 :]
    return [heading, *(x for x in lines[start + 1 :] if "changed since assigned" in x)]


def test_a_strict_build_stops_with_the_message_of_check(edited: Path, tmp_path: Path) -> None:
    lock = edited / "docs" / "assignments" / "passages.lock.yml"
    before = lock.read_text("utf-8")
    check = _run("edition", "--config", str(edited / "mkdocs.yml"), "check")
    assert check.returncode == 1
    result = build_site(edited / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    reported = _reported(result.stderr)
    assert reported == _reported(check.stderr)
    assert reported[0].startswith("3 assigned passage(s) changed")  # one assignment, 3 languages
    assert all(CHANGED in line for line in reported[1:])
    assert lock.read_text("utf-8") == before  # the words the teacher chose are kept


def test_a_non_strict_build_shows_a_notice_on_the_changed_passage(
    edited: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = _run("mkdocs", "build", "-f", str(edited / "mkdocs.yml"), "-d", str(site))
    assert result.returncode == 0, result.stderr
    for ui, prefix in PREFIX.items():
        page = html.parse(str(site / f"{prefix}assignments/manchuria-railway.html")).getroot()
        changed = page.cssselect('.ed-passage[data-range="p3-p4"]')[0]
        notice = changed.cssselect(".ed-changed")
        assert len(notice) == 1, ui
        assert notice[0].cssselect(".admonition-title")[0].text_content().strip()
        # The passage shows the edited words; the passage that did not change has no notice.
        assert "większego prezentu" in changed.text_content()
        assert not page.cssselect('.ed-passage[data-range="p5s1-p5s2"] .ed-changed')
        other = html.parse(str(site / f"{prefix}assignments/sino-soviet-rapprochement.html"))
        assert not other.getroot().cssselect(".ed-changed")
