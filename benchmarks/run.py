"""Build cost, scaling and page weight of the edition against plain mkdocs-material.

    python benchmarks/run.py [--sizes 50 200 800] [--entries 5000] [--json benchmarks/results.json]
    python benchmarks/run.py --sizes 3000 --merge     # one more size into the same results

For each size, a synthetic edition (``synthetic.py``) is built twice, each time by
``mkdocs build`` in a fresh process from clean output folders: the edition itself, and the
baseline (the same texts as plain Markdown pages, every version a page in every UI
language, through the same theme, plugins and languages with no edition hook). Reported:
wall time, CPU time and peak memory (the largest proportional set size of the build's
process tree, sampled from /proc every 0.2 s, and the kernel's peak resident set of its
largest single process), their ratio and growth, matcher throughput and register load
time (``matcher.py``), the bytes of a reading page against the bytes of its source text,
and the largest page of the built edition (bytes, which page). Prints a table and writes
JSON; ``--merge`` keeps the other sizes already in the JSON file (the 3,000-text point is
long, so it can run on its own). ``--quick`` measures small editions (10, 20, 40). The
edit-loop column is filled from ``edit_loop.py``'s figure for a size where the JSON has one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import matcher
import synthetic
from machine import machine

from edition.build.generate import GENERATED_DIRS

EDITION_OUTPUT = ("site", *(f"docs/{d}" for d in GENERATED_DIRS))
_CONTENT = re.compile(rb'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def _tree_memory(root: int) -> int:
    """Proportional set size (shared pages split among their users, so the forked workers'
    copy-on-write memory is not counted twice) of ``root`` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1)) * 1024
        except (OSError, AttributeError):
            pass
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def build(folder: Path, generated: tuple[str, ...]) -> dict[str, float]:
    """``mkdocs build`` of ``folder`` with the ``generated`` folders removed first, as in a
    fresh checkout: wall seconds and peak memory."""
    for rel in generated:
        shutil.rmtree(folder / rel, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=folder, env=env
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, _tree_memory(proc.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"mkdocs build failed in {folder}")
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_tree_mb": round(peak / 2**20),
        "peak_process_mb": round(usage.ru_maxrss / 1024),
    }


def page_weight(folder: Path, edition: synthetic.Edition) -> dict[str, float]:
    """Bytes of the English reading pages: whole page, page content, source text."""
    pages = contents = sources = 0
    for text in edition.texts:
        html = (folder / "site" / "texts" / f"{text.id}.html").read_bytes()
        pages += len(html)
        contents += len(_CONTENT.search(html).group(1))
        sources += sum(len(p[text.original].encode()) for p in text.paragraphs)
    n = len(edition.texts)
    return {
        "page_bytes": round(pages / n),
        "content_bytes": round(contents / n),
        "source_bytes": round(sources / n),
        "shell_bytes": round((pages - contents) / n),
        "content_per_source": round(contents / sources, 2),
    }


def largest_page(site: Path) -> dict[str, object]:
    """The largest HTML page of a built site: its bytes and its path in the site."""
    size, page = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return {"bytes": size, "page": page.relative_to(site).as_posix()}


def measure_size(size: int, entries: int, work: Path) -> tuple[dict[str, object], object]:
    edition = synthetic.make_edition(size, entries)
    folder = work / str(size)
    synthetic.write_edition(edition, folder / "edition")
    synthetic.write_baseline(edition, folder / "baseline")
    row: dict[str, object] = {
        "texts": size,
        "words_per_text": round(
            sum(len(p[t.original].split()) for t in edition.texts for p in t.paragraphs) / size
        ),
        "distinct_words": {
            code: len(
                {w.lower() for t in edition.texts for p in t.paragraphs for w in p[code].split()}
            )
            for code in ("pl", "uk", "en")
        },
        "synthetic_entries": len(edition.entries),
        "edition": build(folder / "edition", EDITION_OUTPUT),
        "baseline": build(folder / "baseline", ("site",)),
    }
    row["ratio"] = round(row["edition"]["seconds"] / row["baseline"]["seconds"], 2)
    row["page_weight"] = page_weight(folder / "edition", edition)
    row["largest_page"] = largest_page(folder / "edition" / "site")
    shutil.rmtree(folder)
    return row, edition


def table(results: dict) -> str:
    rows = results["sizes"]
    lines = [
        "| texts | edition s | plain s | ratio | edition CPU s | plain CPU s | edition peak MB"
        " | plain peak MB | reading page content / source bytes | largest page | edit loop s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        w = r["page_weight"]
        big = r["largest_page"]
        edit = r.get("edit_loop", {}).get("seconds", "—")
        lines.append(
            f"| {r['texts']} | {r['edition']['seconds']} | {r['baseline']['seconds']}"
            f" | {r['ratio']} | {r['edition']['cpu_seconds']} | {r['baseline']['cpu_seconds']}"
            f" | {r['edition']['peak_tree_mb']} | {r['baseline']['peak_tree_mb']}"
            f" | {w['content_bytes']:,} / {w['source_bytes']:,} = {w['content_per_source']}"
            f" (+ shell {w['shell_bytes']:,}) | {big['bytes']:,} `{big['page']}` | {edit} |"
        )
    for label, growth in results["growth"].items():
        lines.append(f"\nGrowth {label}: edition {growth['edition']}×, plain {growth['baseline']}×")
    m = results.get("matcher")  # absent where a run was stopped before the end
    if m:
        speeds = ", ".join(
            f"{code} {m[code]['cold_tokens_per_s']:,} (warm {m[code]['warm_tokens_per_s']:,})"
            for code in ("pl", "uk", "en")
        )
        lines.append(
            f"\nMatcher, tokens/s with {m['entries']:,} entries: {speeds}."
            f" Register load: {m['register_load_s']} s."
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--quick", action="store_true", help="sizes 10, 20 and 40")
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "results.json")
    parser.add_argument("--merge", action="store_true", help="keep the JSON file's other sizes")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict[str, object] = {"machine": machine(), "entries": args.entries, "sizes": []}
    previous = json.loads(args.json.read_text("utf-8")) if args.json.exists() else {"sizes": []}
    before = {r["texts"]: r for r in previous["sizes"]}
    kept = [r for r in previous["sizes"] if r["texts"] not in args.sizes] if args.merge else []
    if kept and "matcher" in previous:
        results["matcher"] = previous["matcher"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in [10, 20, 40] if args.quick else sorted(args.sizes):
            row, edition = measure_size(size, args.entries, Path(tmp))
            if "edit_loop" in before.get(size, {}):  # edit_loop.py's figure, measured apart
                row["edit_loop"] = before[size]["edit_loop"]
            results["sizes"].append(row)
            print(f"{size} texts: {json.dumps(row)}", flush=True)
            if "matcher" not in results:  # on the smallest edition: the register is the same
                results["matcher"] = matcher.measure_edition(edition)
    results["sizes"] = sizes = sorted(kept + results["sizes"], key=lambda r: r["texts"])
    pairs = {(sizes[0]["texts"], sizes[-1]["texts"]), (sizes[-2:][0]["texts"], sizes[-1]["texts"])}
    by_size = {r["texts"]: r for r in sizes}
    results["growth"] = {
        f"{a}->{b}": {
            side: round(by_size[b][side]["seconds"] / by_size[a][side]["seconds"], 2)
            for side in ("edition", "baseline")
        }
        for a, b in sorted(pairs)
        if a != b
    }
    results["total_seconds"] = round(time.perf_counter() - started)
    print(table(results))
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
