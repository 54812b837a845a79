"""Running MkDocs from the command line's face: ``mkdocs build`` in a subprocess, its log
lines read for the progress of the offline bundle's build stage.

This is the one module of the package that knows MkDocs' and mkdocs-static-i18n's log
lines; it never imports MkDocs (the hook in ``hooks/`` is the only module that does).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from edition.base.errors import EditionError, Problem
from edition.build.bundle import Progress
from edition.build.settings import read_settings

_READING = re.compile(r"^DEBUG\s+-\s+Reading: ")
_LANGUAGE = re.compile(r"Building '([\w-]+)' documentation")
_LEVEL = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b")


def run_mkdocs(config: Path, out: Path, on_line: Callable[[str], None]) -> None:
    """``mkdocs build --strict`` of ``config`` into ``out``, in a subprocess.

    Every line MkDocs logs (``--verbose``, so that each page read shows) goes to
    ``on_line`` as it comes. If the build fails, raises EditionError with the lines
    that are not debug output.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose"]
    command += ["-f", str(config), "-d", str(out)]
    shown: list[str] = []
    level = ""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip("\n")
            match = _LEVEL.match(line)
            level = match.group(1) if match else level
            if level != "DEBUG":
                shown.append(line)
            on_line(line)
    if proc.returncode != 0:
        log = "\n".join(shown)
        raise EditionError([Problem(config, None, f"mkdocs build failed:\n{log}")])


class _BuildLog:
    """Pages read so far and the language being built, from MkDocs' log lines."""

    def __init__(self, language: str) -> None:
        self.pages = 0
        self.language = language

    def feed(self, line: str) -> None:
        if _READING.match(line):
            self.pages += 1
        elif match := _LANGUAGE.search(line):
            self.language = match.group(1)


def build_site(config: Path, out: Path, progress: Progress) -> str:
    """``mkdocs build --strict`` of ``config`` into ``out``, the pages read so far and the
    language being built redrawn on ``progress``; returns the stage's summary."""
    languages = read_settings(config).ui_languages
    log = _BuildLog(languages[0])
    with progress.ticking(
        lambda: f"{log.pages} pages read ({log.language}), {progress.elapsed():.0f} s"
    ):
        run_mkdocs(config, out, log.feed)
    return f"{log.pages} pages in {len(languages)} languages"
