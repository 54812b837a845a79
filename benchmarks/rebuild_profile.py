"""Where a rebuild of ``mkdocs serve --dirty`` spends its time, after a one-word edit.

    python benchmarks/rebuild_profile.py EDITION [--edits 2] [--profile out.prof] [--top 25]

Runs MkDocs' own ``build`` in one process the way ``mkdocs serve --dirty`` does (the hook's
``on_startup('serve', dirty=True)``, a fresh configuration per build, ``dirty=True``, into
a temporary site folder): a first build, then for each edit one word appended to the first
paragraph of a text's original and a rebuild. Each rebuild is timed by phase, in wall and
CPU seconds of this process: the hook's ``on_pre_build`` (the core's loading and pages),
``on_post_build`` (waiting for the data files, made by a forked process, and moving them
in) and everything else, which is MkDocs' and its plugins' (file collection, navigation,
rendering the changed pages, mkdocs-static-i18n's build of every other language). The
last rebuild is profiled with cProfile (``--profile`` keeps the file; the ``--top``
functions by cumulative time are printed). The edited texts are restored at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from edit_loop import original_file
from mkdocs.commands.build import build
from mkdocs.config import load_config


class Clock:
    """Wall and CPU seconds spent inside wrapped functions, by name."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = {}

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)  # keeps MkDocs' event priority
        def timed(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent = self.spent.setdefault(name, [0.0, 0.0])
                spent[0] += time.perf_counter() - wall
                spent[1] += time.process_time() - cpu

        return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path, help="an edition's folder (with mkdocs.yml)")
    parser.add_argument("--edits", type=int, default=2)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    folder = args.edition.resolve()
    os.chdir(folder)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    sys.argv.append("--dirty")  # mkdocs-static-i18n builds the other languages dirty only then
    site = Path(tempfile.mkdtemp(prefix="rebuild-profile-"))
    texts = sorted(p for p in (folder / "seeds").iterdir() if p.is_dir() and p.name[0] not in "._")
    edited = [texts[len(texts) * (k + 1) // (args.edits + 1)] for k in range(args.edits)]
    saved = {t: original_file(t).read_bytes() for t in edited}
    clock = Clock()

    def config() -> Any:
        loaded = load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(site))
        hook = next(p for name, p in loaded.plugins.items() if name.endswith("edition_hook.py"))
        if not hasattr(hook, "_timed"):  # the module is loaded once: wrap it, then load again
            hook._timed = True
            for event in ("on_pre_build", "on_post_build"):
                setattr(hook, event, clock.wrap(event, getattr(hook, event)))
            return config()
        return loaded

    try:
        started = time.perf_counter()
        first = config()
        first.plugins.on_startup(command="serve", dirty=True)  # once, as serve does
        build(first, dirty=True)
        print(f"first build: {time.perf_counter() - started:.1f} s wall", flush=True)
        for k, text in enumerate(edited):
            path = original_file(text)
            lines = path.read_text("utf-8").split("\n")
            first = next(i for i, line in enumerate(lines) if line.strip())
            lines[first] += f" Zzedit{k}."
            path.write_text("\n".join(lines), "utf-8")
            clock.spent.clear()
            profile = cProfile.Profile() if k == len(edited) - 1 else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            build(config(), dirty=True)
            if profile:
                profile.disable()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            hooks = {name: spent for name, spent in clock.spent.items()}
            rest = (
                wall - sum(s[0] for s in hooks.values()),
                cpu - sum(s[1] for s in hooks.values()),
            )
            print(f"rebuild {k + 1} ({text.name}): {wall:.2f} s wall, {cpu:.2f} s CPU")
            for name, (w, c) in [*hooks.items(), ("MkDocs and plugins", rest)]:
                print(f"  {name:<20} {w:7.2f} s wall {c:7.2f} s CPU")
            if profile:
                if args.profile:
                    profile.dump_stats(args.profile)
                pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(
                    args.top
                )
    finally:
        for text, content in saved.items():
            original_file(text).write_bytes(content)
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
