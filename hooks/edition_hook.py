"""MkDocs adapter: the edition core generates its pages before MkDocs reads ``docs/``.

Everything else lives in the ``edition`` package, which does not import MkDocs.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from watchdog.observers.api import BaseObserver

from edition.analysis import assignments
from edition.base.addresses import ASSIGNMENTS_DIR, PAGE_DIRS, Address
from edition.base.errors import EditionError
from edition.base.strings import date_text
from edition.build.generate import Build, generate, generate_assignments, is_generated
from edition.build.session import Session
from edition.build.settings import Settings, read_settings
from edition.build.worker import WorkerError
from edition.web import assignments as assignment_pages

# The build on_pre_build started, for the pages built after it (every language's build) and
# its data files, which on_post_build moves into the site.
_builds: list[Build] = []
# Under `mkdocs serve --dirty`: what each build keeps for the next (edition.build.session),
# and the build whose data files are still being made after its pages were served.
_session: list[Session] = []
_finishing: list[Build] = []
_assignments: dict[Path, assignments.Assignment] = {}
log = get_plugin_logger("edition")


# Generated pages (reading pages, parallel views, catalogue, index and entry pages) are raw
# HTML blocks only (see edition.web.reading), which Markdown passes through unchanged; but finding
# those blocks is a pure-Python HTML parse of every tag, which cost more than all the rest of
# the build on a large edition (see benchmarks/). So their body skips Markdown: MkDocs
# renders a placeholder, and the body is read again from its file when the page is written
# (``on_post_page``). MkDocs renders every page of a language before it writes any: holding
# the bodies until then would hold every page of the edition in memory. The page is the
# same but for white space between block elements (Markdown puts adjacent top-level blocks
# on lines of their own).
_RAW_HTML_DIRS = tuple(f"{folder}/" for folder in PAGE_DIRS)
# Material adds the page's title as an <h1> when the content has none: the placeholder of a
# body with its own <h1> says so.
_PLACEHOLDERS = {
    False: "<!-- EDITION-GENERATED-BODY -->",
    True: "<!-- EDITION-GENERATED-BODY <h1> -->",
}


_BODY_AFTER = "\n---\n\n"


class SuffixLayout:
    """mkdocs-static-i18n's suffix layout (``docs/texts/<id>.<ui>.md``; the default language
    built at the site's root, each other one in a folder named by its code) and MkDocs'
    front matter, in which the title is YAML data (the overrides print it escaped)."""

    def __init__(self, ui_languages: tuple[str, ...]) -> None:
        self.default = ui_languages[0]

    def source(self, page: Address, ui: str) -> str:
        return f"{page.page}.{ui}.md"

    def ui_root(self, ui: str) -> str:
        return "" if ui == self.default else f"{ui}/"

    def page_file(self, title: str, body: str, meta: Mapping[str, Any]) -> str:
        fields = {"title": title, **meta}
        head = "".join(f"{_yaml_value(k)}: {_yaml_value(v)}\n" for k, v in fields.items())
        return f"---\n{head}{_BODY_AFTER}{body}"

    @staticmethod
    def body(page_file: str) -> str:
        """The body of a page's source file written by :meth:`page_file` (the front matter
        is one line of JSON per field: no line of it is ``---``)."""
        return page_file[page_file.index(_BODY_AFTER) + len(_BODY_AFTER) :]


# The front matter is written as JSON, which is YAML (a JSON string is a YAML double-quoted
# scalar with the same escapes), far cheaper than dumping it with PyYAML; JSON leaves
# as they are a few characters YAML reads as line breaks (U+0085, U+2028, U+2029) or does
# not accept in a file (other C1 controls, DEL, U+FFFE, U+FFFF): escaped here.
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _yaml_value(value: object) -> str:
    """``value`` (strings, lists and mappings of them) as one line of YAML."""
    dumped = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped)


class _Sources(watchdog.events.FileSystemEventHandler):
    """Under ``mkdocs serve``: on a change to a source (a text, the register, a hand-written
    page), asks for a rebuild by writing ``trigger``, a file MkDocs' server watches. Changes
    to what a build writes itself (generated pages, ledgers, the cache: ``is_generated``) are
    not sources, so one edit is one rebuild; opening or reading a file is no change."""

    _CHANGES = frozenset({"created", "modified", "deleted", "moved"})

    def __init__(self, settings: Settings, trigger: Path) -> None:
        self.settings, self.layout, self.trigger = (
            settings,
            SuffixLayout(settings.ui_languages),
            trigger,
        )

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in self._CHANGES:
            return
        paths = (event.src_path, event.dest_path)
        if any(
            p and not is_generated(self.settings, self.layout, Path(os.fsdecode(p))) for p in paths
        ):
            self.trigger.write_text(str(time.time_ns()), "utf-8")


_observers: list[BaseObserver] = []


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]
) -> LiveReloadServer:
    """Watch the sources through the system's file events (inotify), instead of MkDocs polling
    every file of ``docs`` (the generated pages too) twice a second, and ignore what a build
    writes (see ``_Sources``); MkDocs' server polls only the trigger file and mkdocs.yml."""
    settings = read_settings(Path(config.config_file_path))
    folders = [f.absolute() for f in (settings.docs, settings.seeds, settings.glossary)]
    server.unwatch(config.docs_dir)
    # `watch:` entries in mkdocs.yml inside those folders would be polled, the ledgers too
    config.watch[:] = [
        w for w in config.watch if not any(Path(w).absolute().is_relative_to(f) for f in folders)
    ]
    trigger = settings.cache / "serve-changes"
    trigger.parent.mkdir(parents=True, exist_ok=True)
    trigger.touch()
    server.watch(str(trigger))
    try:
        observer: BaseObserver = watchdog.observers.Observer()
        _schedule(observer, _Sources(settings, trigger), folders)
    except OSError:  # no inotify, or its limit reached: poll, still skipping generated files
        observer = watchdog.observers.polling.PollingObserver()
        _schedule(observer, _Sources(settings, trigger), folders)
    observer.start()
    _observers.append(observer)
    return server


def _schedule(observer: BaseObserver, handler: _Sources, folders: list[Path]) -> None:
    for folder in folders:
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)


def on_shutdown() -> None:
    _cancel()
    while _observers:
        observer = _observers.pop()
        observer.stop()
        observer.join()


def _nested(config: MkDocsConfig) -> bool:
    """True in the builds of the extra languages, which i18n runs inside the first build."""
    return getattr(config.plugins["i18n"], "building", False)


@contextmanager
def _reported() -> Iterator[None]:
    """The core's errors as the editor sees them: a message, never a traceback."""
    try:
        yield
    except EditionError as exc:
        raise PluginError("The edition's sources have problems:\n" + str(exc)) from None
    except WorkerError as exc:
        raise PluginError(f"The edition could not be built: {exc}") from None


def on_pre_build(config: MkDocsConfig) -> None:
    if _nested(config):
        return
    _cancel()
    with _reported():
        settings = read_settings(Path(config.config_file_path))
        if not config.site_url:  # `mkdocs serve` sets it to its own address
            log.info(
                "No public address (site_url in mkdocs.yml): links, citations and worksheets"
                " point at the address each page is served from. See README, Publishing."
            )
        layout = SuffixLayout(settings.ui_languages)
        build = generate(settings, layout, Path(config.site_dir), *_session)
        _builds.append(build)
        # `mkdocs build --strict` stops on an assigned passage whose words changed.
        strict = bool(config.strict)
        found = generate_assignments(
            settings.docs, build.corpus, settings.ui_languages, layout, strict
        )
    _assignments.clear()
    _assignments.update({a.path.resolve(): a for a in found})


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """`mkdocs serve --dirty` renders only the pages whose source is newer than their output;
    an assignment page also shows passages and terms from the corpus: its output is aged."""
    for file in files.documentation_pages():
        if not file.src_uri.startswith(f"{ASSIGNMENTS_DIR}/"):
            continue  # resolving every page's path cost seconds per rebuild
        dest = Path(file.abs_dest_path)
        if (
            file.abs_src_path
            and Path(file.abs_src_path).resolve() in _assignments
            and dest.exists()
        ):
            os.utime(dest, (0, 0))
    return files


@event_priority(-100)  # after i18n's, which builds the other languages into the site
def on_post_build(config: MkDocsConfig) -> None:
    if _nested(config):
        return
    build = _builds.pop()
    if _session and _session[0].landed:
        # The site holds the data files of the build before: the browser reloads now, and
        # the new data files replace those that changed when they are made.
        _finishing.append(build)
        build.finish_later(
            lambda: log.info("The edition's data files are up to date."),
            lambda exc: log.error(f"The edition's data files were not made: {exc}"),
        )
        return
    with _reported():
        build.finish()


def on_build_error(error: Exception) -> None:
    _cancel()


def _cancel() -> None:
    while _builds:
        _builds.pop().cancel()
    while _finishing:
        _finishing.pop().cancel()


def _source(page: Page) -> Path:
    """The page's file: every page of the edition is a file under ``docs/`` (the generated
    ones are written there before MkDocs reads the folder), none is made in memory."""
    path = page.file.abs_src_path
    assert path is not None, f"{page.file.src_uri} has no file"
    return Path(path)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page: a placeholder for its body (see above). An assignment page: the
    teacher's Markdown, then the passages, terms and questions."""
    if page.file.src_uri.startswith(_RAW_HTML_DIRS):
        return _PLACEHOLDERS["<h1" in markdown]
    found = _assignments.get(_source(page).resolve())
    if found is None:
        return markdown
    return markdown + assignment_pages.page_html(
        found, _builds[-1].corpus, page.canonical_url or ""
    )


_serving: list[bool] = []
# The pages' Content-Security-Policy (overrides/main.html) allows no inline script; MkDocs'
# server adds one to every page it serves (livereload, which reloads it after a rebuild). Under
# `mkdocs serve` only, whose site is a temporary preview, the policy lets it run.
_CSP = "script-src 'self';"
_SERVE_CSP = "script-src 'self' 'unsafe-inline';"


def on_startup(command: str, dirty: bool) -> None:
    _serving[:] = [command == "serve"]
    # `--dirty` keeps the site's folder between builds (else MkDocs empties it each time)
    _session[:] = [Session()] if command == "serve" and dirty else []


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    return _footer(context, config)


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return _footer(context, config)  # pages made from a template alone: the 404 page


def _footer(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    """For the footer (overrides/partials/copyright.html): the edition's date in the page's
    language, and the changelog among this language's pages (the first whose source is
    ``changelog.*``). MkDocs lists the top-level pages first, so the search stops within a
    few; the template looping over every page for it made each page's cost grow with the
    number of pages."""
    date = (config.extra.get("edition") or {}).get("date")
    if date:
        context["edition_date"] = date_text(str(date), config.theme["language"])
    pages = context.get("pages") or ()
    context["edition_changelog"] = next(
        (f for f in pages if f.src_uri.startswith("changelog.")), None
    )
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written from ``output``: its HTML need not stay in memory until the end of
    # the build (MkDocs keeps every page), which for a large edition is gigabytes.
    page.content = None
    if any(_serving):
        output = output.replace(f'content="{_CSP}', f'content="{_SERVE_CSP}', 1)
    if not page.file.src_uri.startswith(_RAW_HTML_DIRS):
        return output
    body = SuffixLayout.body(_source(page).read_text("utf-8"))
    blocks = "\n".join(b.strip("\n") for b in body.split("\n\n") if b.strip())
    return output.replace(_PLACEHOLDERS["<h1" in body], blocks, 1)
