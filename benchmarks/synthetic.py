"""Synthetic editions of any size, made of the real corpus's sentences.

    python benchmarks/synthetic.py OUT --texts 50 [--entries 5000] [--baseline]

A synthetic text recombines aligned units of the corpus (a sentence where the original and
both translations of a paragraph have the same number of sentences, else the whole
paragraph): paragraph j of text k takes the same units in every language, so each
translation has the original's paragraph count and lines up sentence by sentence. Texts
alternate between Polish and Ukrainian originals, each with the two other languages as
translations, and run to about 2,000 words of the original.

The register holds the real glossary plus synthetic entries up to the asked size. A
synthetic name is a made-up surname that neither dictionary knows (checked), so the matcher
finds it by its stem, as it finds foreign names; it is inserted into the texts in inflected
forms (genitive, dative, instrumental, nominative) by one short sentence per paragraph,
given in all three languages so that alignment holds. That sentence names a fixed number of
entries (two), taken in turn, so that editions of every size have the same density: every
entry occurs once the edition has enough paragraphs (about 100 texts for 5,000 entries);
smaller editions name only the first part of the register, which is still matched in full.

The edition is written into a folder of its own with copies of ``mkdocs.yml``, ``docs``,
``overrides`` and ``hooks``, so it builds exactly like the real one. ``baseline`` writes the
same texts as plain Markdown pages (every version a page in every UI language) for plain
mkdocs-material with the same configuration but no edition hook.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.base import lang  # noqa: E402
from edition.base.ledger import LEDGER_NAME, Ledger  # noqa: E402
from edition.build.generate import GENERATED_DIRS, assets, load  # noqa: E402
from edition.build.settings import read_settings  # noqa: E402

UI = ("en", "pl", "uk")
ORIGINALS = ("pl", "uk")
WORDS_PER_TEXT = 2000
# Synthetic names per paragraph, whatever the size, so that editions of every size are alike
# (the real corpus already has a mention every 7-8 words; this adds one every ~40).
NAMES_PER_PARAGRAPH = 2
Unit = dict[str, str]  # language -> the same sentence(s) in that language

# Consonant-vowel syllables and closing syllables, Latin (pl, en) and Cyrillic (uk).
_SYLLABLES = [
    ("ba", "ба"), ("do", "до"), ("ka", "ка"), ("le", "ле"), ("mi", "мі"), ("no", "но"),
    ("ra", "ра"), ("so", "со"), ("tu", "ту"), ("wa", "ва"), ("ze", "зе"), ("po", "по"),
    ("gro", "гро"), ("sta", "ста"), ("bro", "бро"), ("ku", "ку"), ("li", "лі"), ("ma", "ма"),
    ("ne", "не"), ("to", "то"), ("fa", "фа"), ("he", "ге"), ("dra", "дра"), ("smo", "смо"),
]  # fmt: skip
_FINALS = [
    ("on", "он"), ("ert", "ерт"), ("ad", "ад"), ("yn", "ин"), ("ot", "от"), ("ant", "ант"),
    ("ast", "аст"), ("im", "ім"), ("orn", "орн"), ("und", "унд"),
]  # fmt: skip
# Endings of a masculine noun ending in a hard consonant, per case.
_CASES = {
    "pl": {"nom": "", "gen": "a", "dat": "owi", "inst": "em"},
    "uk": {"nom": "", "gen": "а", "dat": "ові", "inst": "ом"},
    "en": {"nom": "", "gen": "", "dat": "", "inst": ""},
}
_AND = {"pl": " i ", "uk": " і ", "en": " and "}
# One sentence per case, the same sentence in every language: inserted names keep alignment.
_TEMPLATES = [
    ("gen", {"pl": "Według {} sytuacja wyglądała inaczej.",
             "uk": "На думку {}, ситуація виглядала інакше.",
             "en": "According to {}, the situation looked different."}),
    ("inst", {"pl": "Rozmowy z {} trwały kilka tygodni.",
              "uk": "Переговори з {} тривали кілька тижнів.",
              "en": "Talks with {} went on for several weeks."}),
    ("dat", {"pl": "Sprawę powierzono {}.",
             "uk": "Справу доручили {}.",
             "en": "The matter was entrusted to {}."}),
    ("nom", {"pl": "Relacje o tym zostawili {}.",
             "uk": "Свідчення про це залишили {}.",
             "en": "Accounts of it were left by {}."}),
]  # fmt: skip
_TITLES = {"pl": "Tekst syntetyczny {}", "uk": "Синтетичний текст {}", "en": "Synthetic text {}"}
_SOURCE = {
    "pl": "Zdania korpusu edycji złożone na nowo do pomiarów.",
    "uk": "Речення корпусу видання, складені наново для вимірювань.",
    "en": "Sentences of the edition's corpus recombined for measurements.",
}
_KINDS = ("person", "person", "person", "place", "organisation")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Name:
    """A synthetic register entry's surname in each language."""

    stems: dict[str, str]

    def form(self, code: str, case: str) -> str:
        return self.stems[code] + _CASES[code][case]


@dataclass
class SyntheticText:
    id: str
    original: str
    paragraphs: list[Unit]  # each paragraph in every language


def corpus_units(corpus) -> list[Unit]:
    """Aligned units of every text of the real corpus that has all three languages."""
    units: list[Unit] = []
    for text in corpus.texts:
        if {v.lang for v in text.versions} != set(_CASES):
            continue
        for k in range(len(text.original.paragraphs)):
            pars = {v.lang: v.paragraphs[k] for v in text.versions}
            counts = {len(p.sentences) for p in pars.values()}
            if len(counts) == 1:
                for i in range(counts.pop()):
                    units.append(
                        {
                            c: p.text[p.sentences[i].start : p.sentences[i].end]
                            for c, p in pars.items()
                        }
                    )
            else:
                units.append({c: p.text for c, p in pars.items()})
    return units


def make_names(count: int, rng: random.Random) -> list[Name]:
    """``count`` distinct made-up surnames that no dictionary knows in any inflected form."""
    names: list[Name] = []
    seen: set[str] = set()
    analysers = {c: lang.get(c) for c in ("pl", "uk")}
    while len(names) < count:
        parts = [rng.choice(_SYLLABLES) for _ in range(rng.choice((1, 2, 2)))]
        parts.append(rng.choice(_FINALS))
        latin = "".join(p[0] for p in parts).capitalize()
        if latin in seen:
            continue
        seen.add(latin)
        name = Name({"pl": latin, "en": latin, "uk": "".join(p[1] for p in parts).capitalize()})
        if any(analysers[c].lookup(name.form(c, case)) for c in analysers for case in _CASES[c]):
            continue
        names.append(name)
    return names


def make_texts(units: list[Unit], count: int, rng: random.Random) -> list[SyntheticText]:
    texts = []
    for i in range(count):
        original = ORIGINALS[i % 2]
        paragraphs: list[Unit] = []
        words = 0
        while words < WORDS_PER_TEXT:
            picked = [rng.choice(units) for _ in range(rng.randint(3, 6))]
            paragraphs.append({c: " ".join(u[c] for u in picked) for c in _CASES})
            words += len(_WORD.findall(paragraphs[-1][original]))
        texts.append(SyntheticText(f"synthetic-{i + 1:04d}", original, paragraphs))
    return texts


def insert_names(
    texts: list[SyntheticText], names: list[Name], per_paragraph: int, rng: random.Random
) -> None:
    """One sentence per paragraph naming ``per_paragraph`` entries, cycling through them."""
    paragraphs = [p for t in texts for p in t.paragraphs]
    if not names:
        return
    n = 0
    for par in paragraphs:
        chosen = [names[(n + k) % len(names)] for k in range(per_paragraph)]
        n += per_paragraph
        case, template = rng.choice(_TEMPLATES)
        for code in _CASES:
            forms = [x.form(code, case) for x in chosen]
            listed = ", ".join(forms[:-1]) + _AND[code] + forms[-1] if len(forms) > 1 else forms[0]
            sentence = template[code].format(listed)
            # At the start or the end of the paragraph, the same in every language.
            par[code] = f"{sentence} {par[code]}" if n % 2 else f"{par[code]} {sentence}"


def register_entries(names: list[Name], units: list[Unit], rng: random.Random) -> list[dict]:
    entries = []
    for i, name in enumerate(names):
        kind = _KINDS[i % len(_KINDS)]
        entry: dict = {"id": f"synthetic-{i + 1}", "kind": kind}
        if kind == "place":
            entry["coordinates"] = {
                "lat": round(rng.uniform(30, 55), 4),
                "lon": round(rng.uniform(100, 135), 4),
            }
        elif kind == "person":
            entry["born"] = str(rng.randint(1850, 1910))
        entry["names"] = {c: {"name": name.stems[c]} for c in UI}
        entry["definition"] = dict(rng.choice(units))  # a copy: YAML would write an alias
        entries.append(entry)
    return entries


@dataclass
class Edition:
    texts: list[SyntheticText]
    entries: list[dict]


def make_edition(
    texts: int, entries: int, per_paragraph: int = NAMES_PER_PARAGRAPH, seed: int = 1
) -> Edition:
    """A synthetic edition in memory: ``texts`` texts, a register of ``entries`` entries."""
    rng = random.Random(seed)
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    units = corpus_units(corpus)
    synthetic = make_texts(units, texts, rng)
    names = make_names(max(0, entries - len(corpus.register)), rng)
    insert_names(synthetic, names, per_paragraph, rng)
    return Edition(synthetic, register_entries(names, units, rng))


def copy_site_files(dest: Path, hook: bool, all_docs: bool = False) -> None:
    """The real edition's configuration, register, home and about pages (``all_docs``: all
    hand-written pages, assignments included, which need the real texts) and ``hook``."""
    dest.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if not hook:
        config = re.sub(r"^(hooks|watch):\n(  - .*\n)+", "", config, flags=re.M)
        assert "edition_hook" not in config
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    for folder in ("overrides", "hooks") if hook else ("overrides",):
        shutil.copytree(ROOT / folder, dest / folder, dirs_exist_ok=True)
    if all_docs:
        generated = shutil.ignore_patterns(*(d.split("/")[0] for d in GENERATED_DIRS))
        shutil.copytree(ROOT / "docs", dest / "docs", ignore=generated, dirs_exist_ok=True)
    else:
        (dest / "docs").mkdir(exist_ok=True)
        for page in (ROOT / "docs").glob("*.md"):
            shutil.copy2(page, dest / "docs" / page.name)
    shutil.copytree(ROOT / "glossary", dest / "glossary", dirs_exist_ok=True)


def write_edition(edition: Edition, dest: Path) -> None:
    """The edition as sources (seeds, glossary) beside a copy of the site's configuration."""
    copy_site_files(dest, hook=True)
    (dest / "glossary" / "synthetic.yml").write_text(
        yaml.safe_dump(edition.entries, allow_unicode=True, sort_keys=False, width=200), "utf-8"
    )
    for i, text in enumerate(edition.texts, 1):
        folder = dest / "seeds" / text.id
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "original": text.original,
            "title": {c: _TITLES[c].format(i) for c in UI},
            "source": _SOURCE,
            "licence": {"status": "unknown"},
            "translations": {
                c: {"by": "synthetic", "status": "working"} for c in _CASES if c != text.original
            },
        }
        (folder / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
        for code in _CASES:
            lines = [p[code] for p in text.paragraphs]
            (folder / f"{code}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        ledger = Ledger()
        ledger.assign([p[text.original] for p in text.paragraphs])
        (folder / LEDGER_NAME).write_text(ledger.dump(), "utf-8")


def write_baseline(edition: Edition, dest: Path) -> None:
    """The same texts as plain Markdown for mkdocs-material without the edition hook:
    every version of every text a page in every UI language, a catalogue, register lists."""
    copy_site_files(dest, hook=False)
    docs = dest / "docs"
    files: dict[str, str] = {
        rel: content.decode() for rel, content in assets().items() if rel.endswith((".js", ".css"))
    }
    register = [
        e
        for path in sorted((ROOT / "glossary").glob("*.yml"))
        for e in yaml.safe_load(path.read_text("utf-8"))
    ] + edition.entries
    for ui in UI:
        links = []
        for i, text in enumerate(edition.texts, 1):
            title = _TITLES[ui].format(i)
            for code in (text.original, *(c for c in _CASES if c != text.original)):
                files[f"texts/{text.id}-{code}.{ui}.md"] = (
                    f"# {title} ({code})\n\n" + "\n\n".join(p[code] for p in text.paragraphs) + "\n"
                )
                links.append(f"- [{title} ({code})]({text.id}-{code}.md)")
        files[f"texts/index.{ui}.md"] = "# Texts\n\n" + "\n".join(links) + "\n"
        for page, kinds in (
            ("names", ("person", "place", "organisation")),
            ("glossary", ("term",)),
        ):
            items = [
                f"- **{e['names'][ui]['name']}**: {e['definition'][ui]}"
                for e in register
                if e["kind"] in kinds
            ]
            files[f"register/{page}.{ui}.md"] = f"# {page}\n\n" + "\n".join(items)
    for rel, content in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--texts", type=int, default=50)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--baseline", action="store_true", help="write the plain baseline too")
    args = parser.parse_args()
    edition = make_edition(args.texts, args.entries)
    write_edition(edition, args.out / "edition")
    if args.baseline:
        write_baseline(edition, args.out / "baseline")
    print(f"{len(edition.texts)} texts, {len(edition.entries)} synthetic entries in {args.out}")


if __name__ == "__main__":
    main()
