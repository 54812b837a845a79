"""Matcher throughput with a large register, and register load time.

    python benchmarks/matcher.py [--entries 5000] [--texts 100]

Uses a synthetic edition (``synthetic.py``): the real register plus made-up names up to
``--entries``, and texts of recombined corpus sentences in which those names stand in
inflected forms. Reports tokens per second per language over all the texts' paragraphs in
that language, with an empty analysis cache (cold) and after one pass (warm), and the time
to load the register (YAML + schema validation).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import synthetic
from machine import machine

from edition.analysis.annotate import Matcher
from edition.base.lang import get
from edition.base.morphology import TOKEN
from edition.base.register import load_register


def measure(glossary: Path, paragraphs: dict[str, list[str]]) -> dict[str, object]:
    """Register load time from ``glossary``, then matcher speed on ``paragraphs`` per language."""
    start = time.perf_counter()
    register = load_register(glossary, synthetic.UI)
    results: dict[str, object] = {
        "entries": len(register),
        "register_load_s": round(time.perf_counter() - start, 3),
    }
    for code, texts in paragraphs.items():
        tokens = sum(len(TOKEN.findall(p)) for p in texts)
        start = time.perf_counter()
        matcher = Matcher(register, get(code))
        row: dict[str, object] = {
            "tokens": tokens,
            "matcher_build_s": round(time.perf_counter() - start, 3),
        }
        for label in ("cold", "warm"):
            start = time.perf_counter()
            mentions = sum(len(matcher.find(p)) for p in texts)
            row[f"{label}_tokens_per_s"] = round(tokens / (time.perf_counter() - start))
        row["mentions"] = mentions
        results[code] = row
    return results


def measure_edition(edition: synthetic.Edition) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic.write_edition(edition, Path(tmp))
        paragraphs = {
            code: [p[code] for t in edition.texts for p in t.paragraphs]
            for code in ("pl", "uk", "en")
        }
        return measure(Path(tmp) / "glossary", paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--texts", type=int, default=100)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = measure_edition(synthetic.make_edition(args.texts, args.entries))
    results["machine"] = machine()
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
