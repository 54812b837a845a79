"""Shared fixtures: a real build of the edition, an HTTP server, a guarded Chromium."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from edition.base.addresses import POPUP_DIR
from edition.web.popups import shard_of

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Kept outside the site: let through only what is on this machine.
_LOCAL_SCHEMES = {"file", "data", "blob", "about"}

# The smallest valid meta.yml of a text (a Polish original), for tests that write seeds.
META = """\
original: pl
title: {pl: Tytuł, uk: Назва, en: Title}
source: {pl: Źródło, uk: Джерело, en: Source}
licence: {status: unknown}
"""


# Tests are marked by what they need, so that `pytest -m "not build and not browser"` runs
# the unit and specification tests alone, without MkDocs builds or Chromium.
_BUILD_FIXTURES = {"site", "bundle", "server", "base", "paged_site", "paged_base"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        parts = Path(str(item.path)).relative_to(ROOT / "tests").parts
        if parts[0] == "browser" or "page" in fixtures:
            item.add_marker(pytest.mark.browser)
        if parts[0] in ("build", "browser") or fixtures & _BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


def make_text(seeds: Path, name: str = "t", meta: str = META, **files: bytes | str) -> Path:
    folder = seeds / name
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text(meta, "utf-8")
    for fname, content in (files or {"pl": "Ala ma kota. Kot ma Alę.\n\nDrugi akapit.\n"}).items():
        data = content.encode() if isinstance(content, str) else content
        (folder / f"{fname}.txt").write_bytes(data)
    return folder


def build_site(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on ``config`` into ``out``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@dataclass(frozen=True)
class Bundle:
    """The offline bundle made by ``python -m edition bundle``, and its unzipped folder."""

    zip_path: Path
    folder: Path
    output: str


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """The real edition's offline bundle, made and unzipped once per test session."""
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "bundle", "--out", str(out / "dist")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (zip_path,) = (out / "dist").glob("*.zip")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(out / "unzipped")
    (folder,) = (out / "unzipped").iterdir()
    return Bundle(zip_path, folder, result.stdout)


def _serve(folder: Path) -> Iterator[str]:
    """``folder`` over http on a free loopback port, until the generator is closed."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site over http on a free loopback port."""
    yield from _serve(site)


@pytest.fixture(params=["http", "file"])
def base(request: pytest.FixtureRequest, server: str, site: Path) -> str:
    """The built site's root, served over http and opened from disk (``file://``)."""
    return _root(request, server, site)


def _root(request: pytest.FixtureRequest, server: str, site: Path) -> str:
    return server if request.param == "http" else site.as_uri()


# Small pages (``extra: edition: pages:``), so that the real corpus is paged and split.
PAGED = {
    "occurrences_on_entry": 3,
    "occurrences_per_page": 4,
    "entry_page_bytes": 6000,
    "texts_per_page": 2,
    "places_on_map": 5,
}
# Texts added to the paged edition: (ID, original, date or None, text).
PAGED_TEXTS = (
    ("note-1925", "pl", "3 maja 1925", "Japonia i Chiny rozmawiały o Mandżurii."),
    ("note-1932", "pl", "1932", "W Mandżurii Japonia stworzyła państwo marionetkowe."),
    ("note-1934", "uk", "весна 1934", "Японія і Китай говорили про Маньчжурію."),
    ("note-undated", "uk", None, "Маньчжурія лежала між Китаєм і Японією."),
)


def paged_edition(root: Path) -> Path:
    """The real edition with small pages and four short texts more, some dated: its
    ``mkdocs.yml``."""
    root.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    edition_block = "extra:\n  edition:\n"
    assert edition_block in config
    pages = ", ".join(f"{k}: {v}" for k, v in PAGED.items())
    config = config.replace(edition_block, f"{edition_block}    pages: {{{pages}}}\n")
    (root / "mkdocs.yml").write_text(config, "utf-8")
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        ignored = shutil.ignore_patterns("texts", "parallel", "register", "edition")
        shutil.copytree(ROOT / folder, root / folder, ignore=ignored)
    for text_id, original, date, text in PAGED_TEXTS:
        meta = META.replace("original: pl", f"original: {original}")
        if date:
            meta += f'date: "{date}"\n'
        make_text(root / "seeds", text_id, meta, **{original: text + "\n"})
    return root / "mkdocs.yml"


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The paged edition (:func:`paged_edition`), built once per test session."""
    work = tmp_path_factory.mktemp("paged")
    result = build_site(paged_edition(work / "edition"), work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="session")
def paged_server(paged_site: Path) -> Iterator[str]:
    yield from _serve(paged_site)


@pytest.fixture(params=["http", "file"])
def paged_base(request: pytest.FixtureRequest, paged_server: str, paged_site: Path) -> str:
    """The paged site's root, served over http and opened from disk (``file://``)."""
    return _root(request, paged_server, paged_site)


@pytest.fixture(scope="session")
def browser_type_launch_args(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run the README's test command, which installs it")
    home = tmp_path_factory.mktemp("chromium-home")
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ],
        "env": {**os.environ, "XDG_CONFIG_HOME": str(home), "XDG_CACHE_HOME": str(home)},
    }


def axe_violations(page, preload: bool = True) -> list[dict]:
    """axe-core's violations on ``page`` in its present state (axe-core from node_modules).
    From ``file://`` axe cannot fetch the stylesheets it would parse: pass ``preload=False``
    there; the one rule that needs them, css-orientation-lock, is checked over http."""
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text("utf-8"))
    options = "{resultTypes: ['violations']" + ("" if preload else ", preload: false") + "}"
    result = page.evaluate(f"() => axe.run(document, {options})")
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


class Guard:
    """Records every request that would leave the machine, every failed response and
    every console error of a page."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in _LOCAL_SCHEMES or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests outside the site: {self.outside}"
        assert self.failed == [], f"failed responses: {self.failed}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def guard(page) -> Guard:
    """Blocks and records outside requests of ``page``; the test asserts it is clean."""
    g = Guard()
    page.context.route("**/*", g.route)
    page.on("response", lambda r: r.status >= 400 and g.failed.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and g.console_errors.append(m.text))
    return g


def popups_of(site: Path, doc: html.HtmlElement) -> dict[str, html.HtmlElement]:
    """The popups a built page (``doc``, parsed by lxml) builds for its mentions, as
    ``edition.js`` builds them: from the shared data files its popup host names, links
    made relative to the page."""
    (host,) = doc.cssselect(".ed-popups[data-shards]")
    ui, root, shards = host.get("data-ui"), host.get("data-root"), int(host.get("data-shards"))
    out = {}
    for ref in {b.get("data-ref") for b in doc.cssselect(".ed-ref")}:
        js = (site / POPUP_DIR / ui / f"{shard_of(ref, shards)}.js").read_text("utf-8")
        data = json.loads(js[js.index(",") + 1 : js.rindex(");")])
        popup = html.fragment_fromstring(data[ref])
        for a in popup.iter("a"):
            if "://" not in a.get("href"):
                a.set("href", root + a.get("href"))
        out[ref] = popup
    return out
