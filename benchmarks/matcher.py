"""Matcher throughput with a large register, and register load time.

    python benchmarks/matcher.py [--entries 5000] [--texts 100]
    python benchmarks/matcher.py --varied [--entries 5000]

Uses a synthetic edition (``synthetic.py``): the real register plus made-up names up to
``--entries``, and texts of recombined corpus sentences in which those names stand in
inflected forms. Reports tokens per second per language over all the texts' paragraphs in
that language, with an empty analysis cache (cold) and after one pass (warm), and the time
to load the register (YAML + schema validation) and to build the matcher.

The synthetic texts repeat the two seed texts' vocabulary, which flatters the per-form
caches. ``--varied`` measures real, varied text instead: every Polish and Ukrainian message
of the gettext catalogues installed on this machine (``/usr/share/locale/<lang>/
LC_MESSAGES/*.mo``: translations of coreutils, bash, git, GnuPG, GTK, the ISO 3166 country
names and the like, written by people: about 320,000 Polish and 500,000 Ukrainian tokens,
30,000 and 43,000 distinct words), five messages to a paragraph, with the seed texts, and
the synthetic edition's names inserted as it inserts them (one sentence naming two entries
per paragraph). It is measured in a process of its own, so that no form was analysed before.
"""

from __future__ import annotations

import argparse
import gettext
import json
import random
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
    """Register load time from ``glossary``, then matcher speed on ``paragraphs`` per language.

    Times are CPU times of this process (``time.process_time``): everything here runs in one
    thread, and CPU time holds on a shared, busy machine where wall-clock time does not."""
    start = time.process_time()
    register = load_register(glossary, synthetic.UI)
    results: dict[str, object] = {
        "entries": len(register),
        "register_load_s": round(time.process_time() - start, 3),
    }
    for code, texts in paragraphs.items():
        tokens = sum(len(TOKEN.findall(p)) for p in texts)
        start = time.process_time()
        matcher = Matcher(register, get(code))
        row: dict[str, object] = {
            "tokens": tokens,
            "matcher_build_s": round(time.process_time() - start, 3),
        }
        for label in ("cold", "warm"):
            start = time.process_time()
            mentions = sum(len(matcher.find(p)) for p in texts)
            row[f"{label}_tokens_per_s"] = round(tokens / (time.process_time() - start))
        row["mentions"] = mentions
        results[code] = row
    return results


def varied_paragraphs(edition: synthetic.Edition, per_paragraph: int = 5) -> dict[str, list[str]]:
    """The gettext catalogues' messages and the seed texts, per language, in paragraphs,
    with the synthetic edition's names inserted (see the module's docstring)."""
    rng = random.Random(1)
    corpus = synthetic.load(synthetic.read_settings(synthetic.ROOT / "mkdocs.yml"))
    found: dict[str, list[str]] = {}
    for code in ("pl", "uk"):
        messages: dict[str, None] = {}
        for path in sorted(Path("/usr/share/locale", code, "LC_MESSAGES").glob("*.mo")):
            with path.open("rb") as f:
                catalogue = gettext.GNUTranslations(f)
            for key, message in catalogue._catalog.items():  # the catalogue lists no other way
                if key and isinstance(message, str) and len(message.split()) >= 3:
                    messages[" ".join(message.split())] = None
        listed = list(messages)
        paragraphs = [
            " ".join(listed[i : i + per_paragraph]) for i in range(0, len(listed), per_paragraph)
        ]
        for text in corpus.texts:
            for version in text.versions:
                if version.lang == code:
                    paragraphs += [p.text for p in version.paragraphs]
        found[code] = paragraphs
    texts = [
        synthetic.SyntheticText(
            "varied", "pl", [{"pl": p, "uk": "", "en": ""} for p in found["pl"]]
        )
    ]
    texts.append(
        synthetic.SyntheticText(
            "varied", "uk", [{"pl": "", "uk": p, "en": ""} for p in found["uk"]]
        )
    )
    names = [
        synthetic.Name({c: e["names"][c]["name"] for c in synthetic.UI}) for e in edition.entries
    ]
    synthetic.insert_names(texts, names, synthetic.NAMES_PER_PARAGRAPH, rng)
    return {
        code: [p[code].strip() for p in t.paragraphs]
        for code, t in zip(("pl", "uk"), texts, strict=True)
    }


def measure_edition(edition: synthetic.Edition, varied: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic.write_edition(edition, Path(tmp))
        if varied:
            paragraphs = varied_paragraphs(edition)
        else:
            paragraphs = {
                code: [p[code] for t in edition.texts for p in t.paragraphs]
                for code in ("pl", "uk", "en")
            }
        return measure(Path(tmp) / "glossary", paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--texts", type=int, default=100)
    parser.add_argument("--varied", action="store_true", help="real varied text (see above)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    texts = 1 if args.varied else args.texts  # --varied: the synthetic edition's register alone
    results = measure_edition(synthetic.make_edition(texts, args.entries), args.varied)
    results["machine"] = machine()
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
