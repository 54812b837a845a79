"""The edit loop under ``mkdocs serve``: from saving a text to the page showing the edit.

    python benchmarks/synthetic.py /tmp/e800 --texts 800
    python benchmarks/edit_loop.py /tmp/e800/edition [--edits 3] [--idle 20] [--data] [-- --dirty]

Starts a real ``mkdocs serve`` in the edition's folder (arguments after ``--`` go to it) and
measures, with Debian's Chromium through Playwright:

- the first build, until the server serves;
- idle CPU: the server's CPU time (every thread) over ``--idle`` seconds with nothing to do,
  as a share of one core;
- each edit: a reading page is open; one word is appended to the first paragraph of its
  original and the file saved; the time until the page (reloaded by MkDocs' livereload)
  shows the word (``seconds``; and until the server's log says the rebuild is done,
  ``rebuilt_s``, which is also the figure where the page never reloads); then the builds the
  one edit started (counted from the server's log until
  it has been quiet for ``--settle`` seconds: 1 is right, 2 is a rebuild woken by the first);
  with ``--data``, also the time until the server's log says the data files (search index,
  TEI, open data), made after the page reloads under ``--dirty``, are in the site
  (``data_s``).

Each edit goes to another text. The figures are printed, and written as JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
DATA_LANDED = r"data files are up to date"  # the hook's log line under serve --dirty
_TICKS = os.sysconf("SC_CLK_TCK")


class Server:
    """``mkdocs serve`` in ``folder``, its log lines kept with the time each arrived."""

    def __init__(self, folder: Path, port: int, extra: list[str]) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra]
        self.process = subprocess.Popen(
            command, cwd=folder, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
        )
        self.lines: list[tuple[float, str]] = []
        self.url = ""  # from the log: the site's address (site_url's path) on the server
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            self.lines.append((time.monotonic(), raw.decode("utf-8", "replace").rstrip()))

    def wait_for(self, pattern: str, after: float, timeout: float) -> float:
        """The time of the first log line after ``after`` matching ``pattern``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for at, line in list(self.lines):
                if at > after and re.search(pattern, line):
                    return at
            if self.process.poll() is not None:
                raise RuntimeError("mkdocs serve ended:\n" + self.log())
            time.sleep(0.05)
        raise TimeoutError(f"no {pattern!r} in {timeout} s:\n" + self.log())

    def builds_since(self, after: float) -> int:
        return sum(1 for at, line in self.lines if at > after and "Building documentation" in line)

    def quiet_for(self, seconds: float) -> None:
        """Returns once no log line came for ``seconds``."""
        while True:
            last = self.lines[-1][0] if self.lines else 0.0
            if time.monotonic() - last >= seconds:
                return
            time.sleep(0.1)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime

    def log(self) -> str:
        return "\n".join(line for _, line in self.lines[-40:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def original_file(folder: Path) -> Path:
    meta = (folder / "meta.yml").read_text("utf-8")
    code = re.search(r"^original:\s*(\w+)", meta, re.M)
    assert code, f"{folder}/meta.yml has no original"
    return folder / f"{code[1]}.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path, help="an edition's folder (with mkdocs.yml)")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle CPU sampling")
    parser.add_argument("--settle", type=float, default=15.0, help="quiet seconds after an edit")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--timeout", type=float, default=900.0, help="for a build, for a page")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--data",
        action="store_true",
        help="wait after each edit for the data files, made after the page reloads",
    )
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.serve_args = argv[cut + 1 :]  # passed to mkdocs serve
    folder = args.edition.resolve()
    texts = sorted(p for p in (folder / "seeds").iterdir() if p.is_dir() and p.name[0] not in "._")
    edited = [texts[len(texts) * (k + 1) // (args.edits + 1)] for k in range(args.edits)]
    originals = {t: original_file(t).read_bytes() for t in edited}
    results: dict[str, object] = {"texts": len(texts), "serve_args": args.serve_args}
    started = time.monotonic()
    server = Server(folder, args.port, args.serve_args)
    try:
        at = server.wait_for(r"Serving on", 0, args.timeout)
        line = next(text for when, text in server.lines if when == at)
        server.url = re.search(r"Serving on (\S+)", line)[1]  # type: ignore[index]
        results["first_build_s"] = round(time.monotonic() - started, 2)
        server.quiet_for(2)
        before, t0 = server.cpu_seconds(), time.monotonic()
        time.sleep(args.idle)
        results["idle_cpu_percent"] = round(
            100 * (server.cpu_seconds() - before) / (time.monotonic() - t0), 1
        )
        edits: list[dict[str, float | None]] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            for k, text in enumerate(edited):
                page.goto(f"{server.url}texts/{text.name}.html")
                page.wait_for_load_state("load")
                marker = f"Zzedit{k}x{int(time.time())}"
                path = original_file(text)
                lines = path.read_text("utf-8").split("\n")
                first = next(i for i, line in enumerate(lines) if line.strip())
                lines[first] += f" {marker}."
                saved = time.monotonic()
                path.write_text("\n".join(lines), "utf-8")
                reloaded = server.wait_for(r"Reloading browsers", saved, args.timeout)
                try:
                    page.wait_for_function(
                        "m => document.body && document.body.innerText.includes(m)",
                        arg=marker,
                        timeout=args.timeout * 1000,
                        polling=50,
                    )
                    shown: float | None = round(time.monotonic() - saved, 2)
                except PlaywrightTimeout:  # the page never reloaded itself
                    shown = None
                landed = server.wait_for(DATA_LANDED, saved, args.timeout) if args.data else None
                server.quiet_for(args.settle)
                edits.append(
                    {
                        "seconds": shown,
                        "rebuilt_s": round(reloaded - saved, 2),
                        "data_s": None if landed is None else round(landed - saved, 2),
                        "builds": server.builds_since(saved),
                    }
                )
                print(f"edit {k + 1} ({text.name}): {edits[-1]}", flush=True)
            browser.close()
        results["edits"] = edits
        shown_s = [s for e in edits if (s := e["seconds"]) is not None]
        results["edit_median_s"] = statistics.median(shown_s) if shown_s else None
        results["rebuilt_median_s"] = statistics.median(float(e["rebuilt_s"] or 0) for e in edits)
        landed_s = [float(s) for e in edits if (s := e["data_s"]) is not None]
        results["data_median_s"] = statistics.median(landed_s) if landed_s else None
        results["builds_per_edit"] = max(int(e["builds"] or 0) for e in edits)
    finally:
        server.stop()
        for text, content in originals.items():
            original_file(text).write_bytes(content)
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
