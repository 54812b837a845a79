"""Matcher throughput with a large register, and register load time.

    python benchmarks/matcher.py [--entries 5000] [--tokens 200000]

Builds a synthetic register: the real one plus entries made of real words of the corpus
(their dictionary lemmas, capitalised, alone and in pairs), so that many entries share first
words with the text, as in a large real register. The text is the corpus's sentences
recombined to the asked length. Reports tokens per second per language, with an empty
analysis cache (cold) and after one pass (warm), and prints the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.annotate import Matcher  # noqa: E402
from edition.config import read_settings  # noqa: E402
from edition.lang import get  # noqa: E402
from edition.morphology import TOKEN  # noqa: E402
from edition.register import load_register  # noqa: E402
from edition.site import load  # noqa: E402

UI = ("en", "pl", "uk")


def synthetic_register(folder: Path, corpus, size: int, rng: random.Random) -> None:
    words = {code: set() for code in UI}
    for text in corpus.texts:
        for version in text.versions:
            for par in version.paragraphs:
                words[version.lang].update(
                    w for w in TOKEN.findall(par.text) if w.isalpha() and len(w) > 3
                )
    pools = {code: sorted(ws) for code, ws in words.items()}
    entries = []
    for i in range(size - len(corpus.register)):
        names = {}
        for code in UI:
            pool = pools[code]
            parts = [rng.choice(pool) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
            name = " ".join(p[0].upper() + p[1:] for p in parts)
            names[code] = {"name": name}
        entries.append(
            {"id": f"synthetic-{i}", "kind": "term", "names": names,
             "definition": {c: "synthetic" for c in UI}}
        )  # fmt: skip
    shutil_copy = (ROOT / "glossary").glob("*.yml")
    for path in shutil_copy:
        (folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (folder / "synthetic.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")


def sample_text(corpus, code: str, tokens: int, rng: random.Random) -> list[str]:
    sentences = [
        par.text[s.start : s.end]
        for text in corpus.texts
        for version in text.versions
        if version.lang == code
        for par in version.paragraphs
        for s in par.sentences
    ]
    paragraphs, count = [], 0
    while count < tokens:
        para = " ".join(rng.choice(sentences) for _ in range(5))
        paragraphs.append(para)
        count += len(TOKEN.findall(para))
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--tokens", type=int, default=200_000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    rng = random.Random(1)
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {platform.processor() or '?'}, Python {platform.python_version()}",
        "entries": args.entries,
    }
    with tempfile.TemporaryDirectory() as tmp:
        synthetic_register(Path(tmp), corpus, args.entries, rng)
        start = time.perf_counter()
        register = load_register(Path(tmp), UI)
        results["register_load_s"] = round(time.perf_counter() - start, 3)
    for code in ("pl", "uk", "en"):
        paragraphs = sample_text(corpus, code, args.tokens, rng)
        tokens = sum(len(TOKEN.findall(p)) for p in paragraphs)
        start = time.perf_counter()
        matcher = Matcher(register, get(code))
        build = time.perf_counter() - start
        row = {"tokens": tokens, "matcher_build_s": round(build, 3)}
        for label in ("cold", "warm"):
            start = time.perf_counter()
            mentions = sum(len(matcher.find(p)) for p in paragraphs)
            seconds = time.perf_counter() - start
            row[f"{label}_tokens_per_s"] = round(tokens / seconds)
        row["mentions"] = mentions
        results[code] = row
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
