"""The edition's search against Pagefind on the same built site.

    python benchmarks/pagefind.py --site DIR [--edition DIR] [--queries 40]

Runs Pagefind (PyPI ``pagefind[bin]``, pinned in ``pyproject.toml``; the binary runs
offline) over a copy of a built site (``mkdocs build -d DIR``), then, in Debian's Chromium
over http (Pagefind does not work from ``file://``), measures for both engines: the index's
size, the bytes a first query downloads on a fresh page, the bytes of ten queries on one
page, the time to the first page of results on a fresh page (cold), and recall on inflected
queries: for each register entry with mentions and each Polish and Ukrainian form the
dictionary gives of its one-word names, the share of the texts that mention the entry which
the first page of results (10 for ours, Pagefind's first 20 pages) finds, per language.
Pagefind's script needs WebAssembly, which the edition's pages' CSP (``script-src 'self'``)
forbids; it runs in a blank page of the same server.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search import serve  # noqa: E402

from edition.base import lang  # noqa: E402
from edition.base.addresses import SEARCH_DIR  # noqa: E402
from edition.build.generate import load  # noqa: E402
from edition.build.settings import read_settings  # noqa: E402
from edition.derived.search_index import words  # noqa: E402

OURS = """async q => {
    const t0 = performance.now();
    const first = await edSearch.search(q, {});
    return {ms: performance.now() - t0, texts: first.results.map(r => r.text + " " + r.lang)};
}"""
THEIRS = """async q => {
    const t0 = performance.now();
    const pf = window.pf || (window.pf = await import("/pagefind/pagefind.js"));
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, 20).map(r => r.data()));
    return {ms: performance.now() - t0, texts: data.map(d => d.url)};
}"""
BYTES = """() => performance.getEntriesByType("resource")
    .filter(e => e.name.includes(PART)).reduce((n, e) => n + e.encodedBodySize, 0)"""


def size(folder: Path) -> tuple[int, int]:
    files = [f for f in folder.rglob("*") if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


def cases(corpus) -> list[tuple[str, str, set[str]]]:
    """(query, its language, the texts whose versions in that language mention the entry)."""
    out = []
    for entry in corpus.register:
        for code in ("pl", "uk"):
            where = {
                text.id
                for text in corpus.texts
                for version in text.versions
                if version.lang == code
                and any(m.ref == entry.id for ms in corpus.of(text, version).values() for m in ms)
            }
            ws = [w for _, _, w in words(entry.names.get(code, [""])[0])]
            if not where or len(ws) != 1:
                continue
            forms = set().union(*lang.get(code).paradigms(ws[0]).values()) or {ws[0]}
            out += [(f, code, where) for f in sorted(forms)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--edition", type=Path, default=ROOT)
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args()
    corpus = load(read_settings(args.edition / "mkdocs.yml"))
    site = Path(tempfile.mkdtemp()) / "site"
    shutil.copytree(args.site, site)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True
    )
    (site / "blank.html").write_text("<!doctype html><title>pagefind</title>", "utf-8")
    rng = random.Random(7)
    recall_cases = cases(corpus)
    qs = [q for q, _, _ in rng.sample(recall_cases, min(args.queries, len(recall_cases)))]

    from playwright.sync_api import sync_playwright

    rows = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        url, server = serve(site)
        for engine, page_url, run, part, folder in (
            ("edition", "/search.html", OURS, "/search/", site / SEARCH_DIR),
            ("Pagefind", "/blank.html", THEIRS, "/pagefind/", site / "pagefind"),
        ):
            measure = BYTES.replace("PART", repr(part))
            first, cold = [], []
            for q in qs:
                page = browser.new_page()
                page.goto(url + page_url)
                page.wait_for_load_state("networkidle")
                before = page.evaluate(measure)
                cold.append(page.evaluate(run, q)["ms"])
                first.append(
                    page.evaluate(measure) - before + (before if engine == "edition" else 0)
                )
                page.close()
            tens = []
            for k in range(0, len(qs) - 9, 10):
                page = browser.new_page()
                page.goto(url + page_url)
                for q in qs[k : k + 10]:
                    page.evaluate(run, q)
                tens.append(page.evaluate(measure))
                page.close()
            page = browser.new_page()
            page.goto(url + page_url)
            recall: dict[str, list[float]] = {"pl": [], "uk": []}
            for q, code, where in recall_cases:
                got = page.evaluate(run, q)["texts"]
                hit = {t for t in where if any(t in x and (code in x) for x in got)}
                if engine == "Pagefind":  # its results are pages: a text's page per UI language
                    hit = {t for t in where if any(f"/{t}.html" in x for x in got)}
                recall[code].append(len(hit) / len(where))
            page.close()
            files, total = size(folder)
            rows[engine] = (
                f"{files:,} files, {total / 1000:,.0f} KB",
                f"{statistics.median(first) / 1000:,.1f} KB (max {max(first) / 1000:,.1f})",
                f"{statistics.median(tens) / 1000:,.0f} KB",
                f"{statistics.median(cold):.0f} ms",
                f"{100 * statistics.mean(recall['pl']):.0f} %",
                f"{100 * statistics.mean(recall['uk']):.0f} %",
            )
        browser.close()
        server.terminate()
    head = [
        "engine",
        "index",
        "first query",
        "ten queries",
        "cold latency",
        "recall pl",
        "recall uk",
    ]
    print(f"{len(recall_cases)} inflected queries for recall, {len(qs)} for bytes and time")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for engine, row in rows.items():
        print("| " + " | ".join([engine, *row]) + " |")


if __name__ == "__main__":
    main()
