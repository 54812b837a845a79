"""Search index size, bytes a query downloads and query time in a real browser.

    python benchmarks/search.py [--queries 300] [--edition DIR] [--site DIR [--reindex]]

Builds the site of the edition in ``--edition`` (the folder of its ``mkdocs.yml``; the real
edition by default, any folder ``benchmarks/synthetic.py`` wrote) unless ``--site`` names a
built one (``--reindex``: its search folder and ``search.js`` replaced first by this
version's, the only files the search changes, for a site too slow to build again), and reports the size of the search index (files and bytes, and the largest
file), the time to build the index in Python, the bytes of index files a query loads, and
the time the browser's query engine (``edition/web/assets/search.js``) takes to answer its
first page of results, in Debian's Chromium driven by Playwright over http and from file://:
- cold: a fresh page per query, so every file it needs is loaded (a reader's first query);
  its bytes include ``meta.js`` and the shard lists it walks down; the largest first queries
  are listed with their files by family (``s`` shards, ``s1`` a level of their list, ``d``
  did-you-mean candidates, ``e`` entries, ``o`` pages of hits, ``t`` paragraphs);
- ten: ten queries one after another on one page (bytes of everything they loaded);
- frequent: the most frequent form of the corpus, on a fresh page (a query with most hits);
- warm: many queries on one page, shards already loaded (the following queries).
Queries: words sampled from every version of every text (as typed: inflected forms), their
diacritic-free spellings, forms of corpus lemmas the corpus does not have, the base names of
register entries, and two-word phrases.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
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
from edition.derived.search_index import build, files, fold, words  # noqa: E402

ENGINE = """async qs => {
    const times = [], counts = [];
    for (const q of qs) {
        const t0 = performance.now();
        const first = await edSearch.search(q, {});
        times.push(performance.now() - t0);
        counts.push(first.results.length);
    }
    return {times, counts};
}"""
LOADED = "Array.from(document.querySelectorAll('head script[src*=\"/search/\"]'), s => s.src)"


def queries(corpus, n: int, rng: random.Random) -> list[str]:
    from edition.base import lang

    forms, phrases = set(), set()
    for text in corpus.texts:
        for version in text.versions:
            for par in version.paragraphs:
                ws = [w for _, _, w in words(par.text)]
                forms.update(ws)
                phrases.update(f'"{a} {b}"' for a, b in pairwise(ws))
    names = {e.names[c][0] for e in corpus.register for c in e.names}
    polish = lang.get("pl")
    absent = set()
    for w in rng.sample(sorted(forms), min(len(forms), 400)):
        for generated in polish.paradigms(w).values():
            absent |= generated - forms
    picked = rng.sample(sorted(forms), n // 3)
    picked += rng.sample(sorted(absent), min(len(absent), n // 6))
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


def frequent(corpus) -> str:
    counts: dict[str, int] = {}
    for text in corpus.texts:
        for version in text.versions:
            for par in version.paragraphs:
                for _, _, w in words(par.text):
                    counts[w] = counts.get(w, 0) + 1
    return max(counts, key=counts.__getitem__)


def loaded_bytes(site: Path, srcs: list[str]) -> int:
    return sum((site / SEARCH_DIR / src.rsplit("/", 1)[1]).stat().st_size for src in srcs)


def reindex(site: Path, tables) -> None:
    """Replace the built ``site``'s search folder and ``search.js`` by this version's."""
    shutil.rmtree(site / SEARCH_DIR)
    for path, content in files(tables):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(content)
    shutil.copy(ROOT / "edition/web/assets/search.js", site / SEARCH_DIR / ".." / "search.js")


def by_family(site: Path, srcs: list[str]) -> str:
    """The files a query loaded as ``family:files/bytes``, the largest family first."""
    found: dict[str, list[int]] = {}
    for src in srcs:
        name = src.rsplit("/", 1)[1]
        family = re.match(r"[a-z]+\d*(?=_)|[a-z]+", name).group()
        got = found.setdefault(family, [0, 0])
        got[0] += 1
        got[1] += (site / SEARCH_DIR / name).stat().st_size
    ranked = sorted(found.items(), key=lambda kv: -kv[1][1])
    return " ".join(f"{family}:{n}/{size:,}" for family, (n, size) in ranked)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--cold", type=int, default=0, help="queries run on a fresh page (default: all)"
    )
    parser.add_argument("--edition", type=Path, default=ROOT)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--reindex", action="store_true", help="write this version's search")
    args = parser.parse_args()
    corpus = load(read_settings(args.edition / "mkdocs.yml"))
    t0 = time.perf_counter()
    tables = build(corpus)
    built = time.perf_counter() - t0
    site = args.site
    if site is not None and args.reindex:
        reindex(site, tables)
    del tables
    if site is None:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(args.edition / "mkdocs.yml"),
             "-d", str(site)],
            check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                             "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
    index = sorted((site / SEARCH_DIR).glob("*.js"))
    sizes = {f.name: f.stat().st_size for f in index}
    biggest = max(sizes, key=sizes.__getitem__)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(
        "load average at the start (1, 5, 15 min): "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    print(f"index: {len(index)} files, {sum(sizes.values()):,} bytes")
    print(f"  meta.js {sizes['meta.js']:,} bytes; largest file {biggest} {sizes[biggest]:,} bytes")
    for family in ("s", "e", "o", "t"):
        group = [s for n, s in sizes.items() if n.startswith(family + "_")]
        print(f"  {family}_*: {len(group)} files, {sum(group):,} bytes, largest {max(group):,}")
    lists = [s for n, s in sizes.items() if n[0] in "se" and n[1].isdigit()]
    if lists:  # the levels of the shard lists below meta.js
        print(f"  shard lists: {len(lists)} files, {sum(lists):,} bytes, largest {max(lists):,}")
    print(f"index built in Python in {built * 1000:.0f} ms (analysis cache cold)")
    qs = queries(corpus, args.queries, random.Random(7))
    often = frequent(corpus)
    n_cold = args.cold or len(qs)

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
            cold, loaded, sizes_cold, files_cold = [], [], [], []
            for q in [*qs[:n_cold], often]:
                page = browser.new_page()
                page.goto(f"{base}/search.html")
                page.wait_for_load_state("networkidle")  # the page preloads meta.js
                cold += page.evaluate(ENGINE, [q])["times"]
                srcs = page.evaluate(LOADED)
                loaded.append(len(srcs))
                sizes_cold.append(loaded_bytes(site, srcs))
                files_cold.append(by_family(site, srcs))
                page.close()
            tens = []
            for k in range(0, min(len(qs), 100), 10):
                page = browser.new_page()
                page.goto(f"{base}/search.html")
                page.evaluate(ENGINE, qs[k : k + 10])
                tens.append(loaded_bytes(site, page.evaluate(LOADED)))
                page.close()
            often_bytes, often_ms, often_files = sizes_cold.pop(), cold.pop(), files_cold.pop()
            hits = sum(1 for c in warm["counts"] if c)
            print(
                f"{over}: {len(qs)} queries, {hits} with results, median {statistics.median(warm['counts'])} results"
            )
            print(
                f"  cold ({n_cold} queries, fresh page each): {summary(cold)}; files loaded median {statistics.median(loaded)}, max {max(loaded)}"
            )
            print(
                f"  bytes of a first query: median {statistics.median(sizes_cold):,.0f}, max {max(sizes_cold):,}"
            )
            for k in sorted(range(len(cold)), key=lambda k: -sizes_cold[k])[:5]:
                print(f"    {sizes_cold[k]:>9,} {qs[k]!r}: {files_cold[k]}")
            print(
                f"  bytes of ten queries on one page: median {statistics.median(tens):,.0f}, max {max(tens):,}"
            )
            print(
                f"  most frequent form {often!r}: {often_bytes:,} bytes, {often_ms:.1f} ms cold ({often_files})"
            )
            print(f"  first pass on one page: {summary(warm['times'])}")
            print(f"  warm (third pass):      {summary(again['times'])}")
        browser.close()
        server.terminate()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
