"""The offline bundle: the whole edition in one zip that works from ``file://``.

The bundle is the ordinary build of the same ``mkdocs.yml`` (``use_directory_urls: false``
and the ``offline`` plugin are always on, so every page already works from disk), run by
MkDocs in a subprocess so that the core never imports MkDocs. The one difference from
the online site: the files that only a web server uses (``SERVER_ONLY``) are left out,
and a README.txt telling how to open the edition is added beside the home page.

The zip holds a single folder named after the edition, with the home page ``index.html``
at its top. Entries are sorted and carry a fixed date, so the same site gives the same
zip byte for byte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from slugify import slugify

from .config import read_config, read_settings
from .errors import EditionError, Problem
from .site import load
from .strings import ui_strings

# Used only by a web server: the 404 page, and sitemaps listing the public addresses.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
README = "README.txt"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
STAGES = 3

_READING = re.compile(r"^DEBUG\s+-\s+Reading: ")
_LANGUAGE = re.compile(r"Building '([\w-]+)' documentation")
_LEVEL = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b")


@dataclass(frozen=True)
class Summary:
    """What was written: the zip, its size in bytes and its number of HTML pages."""

    zip_path: Path
    size: int
    html_pages: int


class Progress:
    """Stage lines on ``stream``; on a terminal, the running stage is redrawn in place."""

    def __init__(self, stream: TextIO = sys.stdout) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.started = time.monotonic()
        self._stage = ""

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def stage(self, number: int, label: str) -> None:
        self._stage = f"[{number}/{STAGES}] {label}"
        if self.live:
            self.stream.write(f"{self._stage}…")
            self.stream.flush()

    def update(self, detail: str) -> None:
        if self.live:
            self.stream.write(f"\r\033[K{self._stage}: {detail}")
            self.stream.flush()

    @contextmanager
    def ticking(self, detail: Callable[[], str]) -> Iterator[None]:
        """Redraw ``detail()`` four times a second while the block runs (on a terminal)."""
        stop = threading.Event()

        def tick() -> None:
            while not stop.wait(0.25):
                self.update(detail())

        ticker = threading.Thread(target=tick, daemon=True)
        if self.live:
            ticker.start()
        try:
            yield
        finally:
            stop.set()
            if self.live:
                ticker.join()

    def done(self, detail: str) -> None:
        start = "\r\033[K" if self.live else ""
        self.stream.write(f"{start}{self._stage}: {detail}\n")
        self.stream.flush()


def bundle_name(site_name: str) -> str:
    """``<slug of site_name>-offline``: the name of the zip and of the folder inside it."""
    return f"{slugify(site_name) or 'edition'}-offline"


def readme_text(title: str, folder: str, ui_languages: tuple[str, ...]) -> str:
    """README.txt: how to open the bundle, in every UI language of the edition.

    Written with a byte-order mark and CRLF line ends (see ``package``) so that older
    Windows text editors show the Polish and Ukrainian letters and the line breaks.
    """
    parts = [title]
    parts += [ui_strings(ui)["offline_readme"].format(folder=folder) for ui in ui_languages]
    return "\n\n".join(parts) + "\n"


def package(site_dir: Path, zip_path: Path, folder: str, readme: str) -> Summary:
    """Zip the built site ``site_dir`` into ``zip_path`` as the offline bundle.

    Removes the server-only files from ``site_dir`` and writes ``readme`` into it first.
    """
    for name in SERVER_ONLY:
        (site_dir / name).unlink(missing_ok=True)
    (site_dir / README).write_bytes(readme.replace("\n", "\r\n").encode("utf-8-sig"))
    files = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*") if p.is_file()}
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name].read_bytes())
    partial.replace(zip_path)
    pages = sum(1 for name in files if name.endswith(".html"))
    return Summary(zip_path, zip_path.stat().st_size, pages)


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


def make_bundle(config: Path, dist: Path, progress: Progress) -> Summary:
    """Check the sources, build the site, and write ``dist/<name>-offline.zip``."""
    config = config.resolve()
    site_name = read_config(config).get("site_name")
    if not isinstance(site_name, str) or not site_name.strip():
        raise EditionError([Problem(config, None, "site_name is missing")])
    settings = read_settings(config)
    folder = bundle_name(site_name)

    progress.stage(1, "checking sources")
    corpus = load(settings)
    progress.done(f"{len(corpus.texts)} texts, {len(corpus.register)} register entries")

    progress.stage(2, "building pages")
    log = _BuildLog(settings.ui_languages[0])

    with tempfile.TemporaryDirectory(prefix="edition-bundle-") as tmp:
        site_dir = Path(tmp) / folder
        with progress.ticking(
            lambda: f"{log.pages} pages read ({log.language}), {progress.elapsed():.0f} s"
        ):
            run_mkdocs(config, site_dir, log.feed)
        progress.done(f"{log.pages} pages in {len(settings.ui_languages)} languages")

        progress.stage(3, "zipping")
        readme = readme_text(site_name, folder, settings.ui_languages)
        summary = package(site_dir, dist / f"{folder}.zip", folder, readme)
        progress.done(f"{summary.zip_path}")
    return summary
