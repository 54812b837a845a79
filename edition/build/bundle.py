"""The offline bundle: the whole edition in one zip that works from ``file://``.

The bundle is the ordinary build of the same ``mkdocs.yml`` (with ``use_directory_urls:
false`` every page already works from disk), run by the face that knows the site generator
(``edition.faces.mkdocs``), so that the core never imports it. The one difference from
the online site: the files that only a web server uses (``SERVER_ONLY``) are left out,
and a README.txt telling how to open the edition is added beside the home page.

The zip holds a single folder named after the edition, with the home page ``index.html``
at its top. Entries are sorted and carry a fixed date, so the same site gives the same
zip byte for byte.
"""

from __future__ import annotations

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

from edition.base.errors import EditionError, Problem
from edition.base.strings import ui_strings
from edition.build.generate import load
from edition.build.settings import read_config, read_settings

# Used only by a web server: the 404 page, and sitemaps listing the public addresses.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
README = "README.txt"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
STAGES = 3


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


# Builds the site of a config file into a folder, reporting on ``Progress``; returns what
# the stage's last line says (the face that knows the site generator provides it).
SiteBuilder = Callable[[Path, Path, "Progress"], str]


def make_bundle(config: Path, dist: Path, progress: Progress, build_site: SiteBuilder) -> Summary:
    """Check the sources, build the site with ``build_site``, and write
    ``dist/<name>-offline.zip``."""
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
    with tempfile.TemporaryDirectory(prefix="edition-bundle-") as tmp:
        site_dir = Path(tmp) / folder
        progress.done(build_site(config, site_dir, progress))

        progress.stage(3, "zipping")
        readme = readme_text(site_name, folder, settings.ui_languages)
        summary = package(site_dir, dist / f"{folder}.zip", folder, readme)
        progress.done(f"{summary.zip_path}")
    return summary
