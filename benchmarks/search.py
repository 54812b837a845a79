"""Search index size and query time in a real browser.

    python benchmarks/search.py [--queries 300] [--site DIR]

Builds the site (unless ``--site`` names a built one), reports the size of the search index
(files and bytes, and the largest shard), the time to build the index in Python, and the
time the browser's query engine (``edition/assets/search.js``) takes to answer, in Debian's
Chromium driven by Playwright over http and from file://:
- cold: a fresh page per query, so every shard it needs is loaded (a reader's first query;
  the page has loaded the small meta file while the reader typed);
- warm: many queries on one page, shards already loaded (the following queries).
Queries: words sampled from every version of every text (as typed: inflected forms), their
diacritic-free spellings, the base names of register entries, and two-word phrases.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.base.addresses import SEARCH_DIR  # noqa: E402
from edition.build.generate import load  # noqa: E402
from edition.build.settings import read_settings  # noqa: E402
from edition.derived.search_index import build, fold, words  # noqa: E402

ENGINE = """async qs => {
    const times = [], counts = [];
    for (const q of qs) {
        const t0 = performance.now();
        const groups = await edSearch.query(q, {});
        times.push(performance.now() - t0);
        counts.push(groups.reduce((n, g) => n + g.results.length, 0));
    }
    return {times, counts};
}"""


def queries(corpus, n: int, rng: random.Random) -> list[str]:
    forms, phrases = set(), set()
    for text in corpus.texts:
        for version in text.versions:
            for par in version.paragraphs:
                ws = [w for _, _, w in words(par.text)]
                forms.update(ws)
                phrases.update(f'"{a} {b}"' for a, b in pairwise(ws))
    names = {e.names[c][0] for e in corpus.register for c in e.names}
    picked = rng.sample(sorted(forms), n // 2)
    picked += [fold(w) for w in rng.sample(sorted(forms), n // 6)]
    picked += rng.sample(sorted(names), min(len(names), n // 6))
    picked += rng.sample(sorted(phrases), n - len(picked))
    rng.shuffle(picked)
    return picked


def serve(site: Path) -> tuple[str, subprocess.Popen]:
    """The site over http from a server process of its own (no GIL shared with Playwright)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def summary(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    return f"median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--cold", type=int, default=40, help="queries run on a fresh page")
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    t0 = time.perf_counter()
    build(corpus)
    built = time.perf_counter() - t0
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
             "-d", str(site)],
            check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
    index = sorted((site / SEARCH_DIR).glob("*.js"))
    sizes = {f.name: f.stat().st_size for f in index}
    biggest = max(sizes, key=sizes.__getitem__)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"index: {len(index)} files, {sum(sizes.values()):,} bytes")
    print(f"  meta.js {sizes['meta.js']:,} bytes; largest file {biggest} {sizes[biggest]:,} bytes")
    for family in ("s", "e", "t"):
        group = [s for n, s in sizes.items() if n.startswith(family + "_")]
        print(f"  {family}_*: {len(group)} files, {sum(group):,} bytes, largest {max(group):,}")
    print(f"index built in Python in {built * 1000:.0f} ms (analysis cache cold)")
    qs = queries(corpus, args.queries, random.Random(7))

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        url, server = serve(site)
        for over, base in (("http", url), ("file", site.as_uri())):
            page = browser.new_page()
            page.goto(f"{base}/search.html")
            warm = page.evaluate(ENGINE, qs)
            page.evaluate(ENGINE, qs)  # second pass: everything loaded and compiled
            again = page.evaluate(ENGINE, qs)
            page.close()
            cold, loaded = [], []
            for q in qs[: args.cold]:
                page = browser.new_page()
                page.goto(f"{base}/search.html")
                page.wait_for_load_state("networkidle")  # the page preloads meta.js
                cold += page.evaluate(ENGINE, [q])["times"]
                loaded.append(
                    page.evaluate(
                        "document.querySelectorAll('head script[src*=\"/search/\"]').length"
                    )
                )
                page.close()
            hits = sum(1 for c in warm["counts"] if c)
            print(
                f"{over}: {len(qs)} queries, {hits} with results, median {statistics.median(warm['counts'])} results"
            )
            print(
                f"  cold ({args.cold} queries, fresh page each): {summary(cold)}; files loaded median {statistics.median(loaded)}, max {max(loaded)}"
            )
            print(f"  first pass on one page: {summary(warm['times'])}")
            print(f"  warm (third pass):      {summary(again['times'])}")
        browser.close()
        server.terminate()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
