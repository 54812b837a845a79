"""Synthetic editions of any size, made of the real corpus's sentences.

    python benchmarks/synthetic.py OUT --texts 50 [--entries 5000] [--baseline]

A synthetic text recombines aligned units of the corpus (a sentence where the original and
both translations of a paragraph have the same number of sentences, else the whole
paragraph): paragraph j of text k takes the same units in every language, so each
translation has the original's paragraph count and lines up sentence by sentence. Texts
alternate between Polish and Ukrainian originals, each with the two other languages as
translations, and run to about 2,000 words of the original.

Each text brings new words and names at the rate of real text (Heaps' law: after N tokens
an edition holds K * N**beta distinct lemmas, after M mentions of names that many distinct
names; the constants are below), drawn from the dictionaries in a seeded order (see
``Dictionaries``): every paragraph ends with a list sentence holding the new words its
tokens call for, in random inflected forms, and a few earlier ones again (Zipf's law), given
in all three languages so that alignment holds. So the matcher, the search index and memory
meet as many distinct forms as a real corpus of that size, not a fixed vocabulary.

The register holds the real glossary plus synthetic entries up to the asked size, or more
where the texts name more. A synthetic entry is a first name or surname of the
dictionaries (pymorphy3 tags few places or organisations, so kinds are given in turn),
inserted by one short sentence per paragraph
in the case that sentence asks for (genitive, dative, instrumental, nominative), the same
in all three languages. That sentence names two entries: a new one wherever Heaps' curve of
names asks for one, else an earlier one drawn again by Zipf's law. Entries not yet named are
still in the register, which is matched in full.

The edition is written into a folder of its own with copies of ``mkdocs.yml``, ``docs``,
``overrides`` and ``hooks``, so it builds exactly like the real one. ``baseline`` writes the
same texts as plain Markdown pages (every version a page in every UI language) for plain
mkdocs-material with the same configuration but no edition hook.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dictionary_eval import transliterate  # noqa: E402

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

# The cases of the name sentences (English names do not inflect).
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
_WORD = re.compile(r"\S+")
# Heaps' law, V = K * N**beta: distinct lemmas after N tokens of one language (40,000 after a
# million tokens, about what lemmatised news text gives), and distinct register entries after
# M synthetic mentions (the real corpus of the README's performance issue: 3,506 entries over
# 44,685 mentions, with the exponent names usually show).
LEMMA_K, LEMMA_BETA = 40.0, 0.5
NAME_K, NAME_BETA = 1.95, 0.7
REUSED_PER_PARAGRAPH = 3  # earlier synthetic words a paragraph's word list repeats
_PROPER_UK = ("Name", "Surn", "Geox", "Orgn")
# pymorphy3 tags few Ukrainian places or organisations as such: kinds are given in turn.
_KINDS = ("person", "person", "person", "place", "organisation")
_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "edition-benchmarks"
_CACHE_FORMAT = 1
_SKIP = {"Abbr", "Patr", "Init", "Infr", "Slng", "Arch", "Erro"}
_UK_WORD = re.compile(r"[а-щьюяєіїґ']{3,}")
_UK_CASES = {"nom": "nomn", "gen": "gent", "dat": "datv", "inst": "ablt"}
_UK_EN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
        "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch _ yu ya _".split(),
        strict=True,
    )
)
# A paragraph's new and repeated words stand in one list sentence, the same in every language.
_LIST = {
    "pl": "W notatkach wymieniono też: {}.",
    "uk": "У нотатках згадано також: {}.",
    "en": "The notes also list: {}.",
}


@dataclass(frozen=True)
class Lexeme:
    """A word of the dictionaries in every language: its forms, and for a name the form
    for each case of the name sentences."""

    forms: dict[str, tuple[str, ...]]
    cases: dict[str, dict[str, str]]
    kind: str | None  # person for a proper name, None for a common word

    def name(self, code: str) -> str:
        return self.forms[code][0]

    def form(self, code: str, case: str) -> str:
        return self.cases[code][case]


class Dictionaries:
    """Lexemes drawn from the dictionaries in a seeded order: common words and proper names.

    pymorphy3's Ukrainian dictionary is read in the order of shuffled three-letter prefixes.
    Morfeusz 2 has no way to list its dictionary (it analyses and generates only), so a
    Polish word is the Ukrainian lexeme's transliteration into Polish spelling: where
    Morfeusz knows it (a cognate: robota, woda; a name: Kowalenko), its forms are Morfeusz's;
    otherwise they are the Ukrainian forms transliterated, a word no dictionary knows, as
    foreign words and names are in real text. No English dictionary is installed (the
    edition has none either): English words are the transliterations into English spelling.
    """

    def __init__(self, seed: int) -> None:
        import morfeusz2
        import pymorphy3

        self.uk = pymorphy3.MorphAnalyzer(lang="uk").dictionary
        self.morfeusz = morfeusz2.Morfeusz()
        letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
        self._prefixes = [a + b + c for a in letters for b in letters for c in letters]
        random.Random(seed).shuffle(self._prefixes)
        versions = "-".join(metadata.version(p) for p in ("pymorphy3-dicts-uk", "morfeusz2"))
        self._cache = _CACHE / f"lexemes-{_CACHE_FORMAT}-{seed}-{versions}.json"
        self.read = 0  # prefixes read
        self.common: list[Lexeme] = []
        self.names: list[Lexeme] = []
        if self._cache.exists():
            cached = json.loads(self._cache.read_text("utf-8"))
            self.read = cached["read"]
            self.common = [Lexeme(**x) for x in cached["common"]]
            self.names = [Lexeme(**x) for x in cached["names"]]
        self._seen = {(x.forms["uk"][0].lower(), x.kind is not None) for x in self.all()}

    def all(self) -> list[Lexeme]:
        return self.common + self.names

    def take(self, common: int, names: int) -> None:
        """Read on until at least ``common`` common words and ``names`` names are drawn (the
        dictionary is slow to walk: what was drawn is kept in a cache file for the next run)."""
        before = self.read
        while len(self.common) < common or len(self.names) < names:
            for word, (paradigm, index) in self.uk.words.iteritems(self._prefixes[self.read]):
                if index == 0 and _UK_WORD.fullmatch(word):
                    self._add(word, paradigm)
            self.read += 1
        if self.read != before:
            self._cache.parent.mkdir(parents=True, exist_ok=True)
            lexemes = {
                k: [dataclasses.asdict(x) for x in v]
                for k, v in (("common", self.common), ("names", self.names))
            }
            self._cache.write_text(json.dumps({"read": self.read, **lexemes}), "utf-8")

    def _add(self, word: str, paradigm: int) -> None:
        info = self.uk.build_paradigm_info(paradigm)
        grammemes = info[0][1].grammemes
        kinds = ["person" for g in _PROPER_UK if g in grammemes][:1]
        key = (word, bool(kinds))
        if grammemes & _SKIP or key in self._seen:
            return
        self._seen.add(key)
        prefix, _, suffix = info[0]
        stem = word[len(prefix) : len(word) - len(suffix)]
        uk = {p + stem + s: t for p, t, s in info}
        cased = (lambda w: w[0].upper() + w[1:]) if kinds else (lambda w: w)
        cases_uk = {}
        for case, grammeme in _UK_CASES.items():
            found = [f for f, t in uk.items() if grammeme in t.grammemes and "plur" not in t]
            cases_uk[case] = cased(found[0] if found else word)
        forms_uk = tuple(dict.fromkeys(cased(f) for f in uk))
        pl, cases_pl = self._polish(cased(transliterate(word).lower()), bool(kinds))
        if not pl:
            pl = tuple(dict.fromkeys(cased(transliterate(f).lower()) for f in uk))
            cases_pl = {c: cased(transliterate(f).lower()) for c, f in cases_uk.items()}
        en = cased(english(word))
        lexeme = Lexeme(
            {"uk": forms_uk, "pl": pl, "en": (en,) if kinds else (en, en + "s")},
            {"uk": cases_uk, "pl": cases_pl, "en": dict.fromkeys(_CASES["en"], en)},
            kinds[0] if kinds else None,
        )
        (self.names if kinds else self.common).append(lexeme)

    def _polish(self, word: str, proper: bool) -> tuple[tuple[str, ...], dict[str, str]]:
        """Morfeusz's forms of ``word`` where it knows ``word`` as a lemma of that class."""
        for *_span, (_orth, lemma, tag, labels, _q) in self.morfeusz.analyse(word):
            if tag == "ign" or lemma.split(":", 1)[0] != word:
                continue
            if proper != any(label in _PROPER_PL for label in labels):
                continue
            generated = self.morfeusz.generate(lemma)
            cases = {}
            for case in _CASES["pl"]:
                found = [g[0] for g in generated if re.search(rf"\bsg\b.*\b{case}\b", g[2])]
                cases[case] = found[0] if found else word
            return tuple(dict.fromkeys([word] + [g[0] for g in generated])), cases
        return (), {}


_PROPER_PL = {"nazwisko", "imię", "nazwa_geograficzna", "nazwa_organizacji"}


def english(word: str) -> str:
    return "".join(_UK_EN.get(c, c) for c in word).replace("_", "")


def heaps(k: float, beta: float, n: int) -> int:
    return int(k * n**beta)


class Zipf:
    """Draws earlier items again, the r-th introduced with weight 1/r."""

    def __init__(self) -> None:
        self.items: list[int] = []
        self._cumulative: list[float] = []

    def add(self, item: int) -> None:
        self.items.append(item)
        total = self._cumulative[-1] if self._cumulative else 0.0
        self._cumulative.append(total + 1 / len(self.items))

    def draw(self, rng: random.Random) -> int:
        return self.items[bisect.bisect(self._cumulative, rng.random() * self._cumulative[-1])]


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


def _place(par: Unit, sentences: Unit, first: bool) -> None:
    """``sentences`` at the start or the end of the paragraph, the same in every language."""
    for code in _CASES:
        par[code] = f"{sentences[code]} {par[code]}" if first else f"{par[code]} {sentences[code]}"


def insert_words(
    texts: list[SyntheticText], units: list[Unit], words: Dictionaries, rng: random.Random
) -> None:
    """New words at Heaps' rate: after the N-th token, the edition holds V(N) lemmas (the
    real sentences' own vocabulary counted as their distinct words), each new one a lexeme
    of the dictionaries, in a list sentence of the paragraph that reaches it, beside a few
    earlier ones drawn again by Zipf's law, each in a random form."""
    base = len({w.lower() for u in units for w in _WORD.findall(u["pl"])})
    tokens = introduced = 0
    earlier = Zipf()
    for text in texts:
        for par in text.paragraphs:
            tokens += len(_WORD.findall(par[text.original]))
            new = max(0, heaps(LEMMA_K, LEMMA_BETA, tokens) - base - introduced)
            words.take(introduced + new, 0)
            picked = [earlier.draw(rng) for _ in range(REUSED_PER_PARAGRAPH) if earlier.items]
            for k in range(introduced, introduced + new):
                earlier.add(k)
                picked.append(k)
            introduced += new
            if not picked:
                continue
            rng.shuffle(picked)
            listed = {
                c: _LIST[c].format(", ".join(rng.choice(words.common[k].forms[c]) for k in picked))
                for c in _CASES
            }
            _place(par, listed, first=False)


def insert_names(
    texts: list[SyntheticText], names: list[Lexeme], per_paragraph: int, rng: random.Random
) -> None:
    """One sentence per paragraph naming ``per_paragraph`` entries: after the M-th mention,
    V(M) entries have been named (Heaps' law), a new one where the curve asks for it, else
    an earlier one drawn again by Zipf's law."""
    if not names:
        return
    mentions = 0
    earlier = Zipf()
    for n, par in enumerate(p for t in texts for p in t.paragraphs):
        chosen = []
        for _ in range(per_paragraph):
            mentions += 1
            if len(earlier.items) < min(len(names), heaps(NAME_K, NAME_BETA, mentions)):
                earlier.add(len(earlier.items))
                chosen.append(names[earlier.items[-1]])
            else:
                chosen.append(names[earlier.draw(rng)])
        case, template = rng.choice(_TEMPLATES)
        sentences = {}
        for code in _CASES:
            forms = [x.form(code, case) for x in chosen]
            listed = ", ".join(forms[:-1]) + _AND[code] + forms[-1] if len(forms) > 1 else forms[0]
            sentences[code] = template[code].format(listed)
        _place(par, sentences, first=n % 2 == 0)


def register_entries(names: list[Lexeme], units: list[Unit], rng: random.Random) -> list[dict]:
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
        entry["names"] = {c: {"name": name.name(c)} for c in UI}
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
    """A synthetic edition in memory: ``texts`` texts, a register of at least ``entries``
    entries (more where the texts name more: the register holds every name they bring)."""
    rng = random.Random(seed)
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    units = corpus_units(corpus)
    synthetic = make_texts(units, texts, rng)
    words = Dictionaries(seed)
    insert_words(synthetic, units, words, rng)
    mentions = per_paragraph * sum(len(t.paragraphs) for t in synthetic)
    count = max(entries - len(corpus.register), heaps(NAME_K, NAME_BETA, mentions))
    words.take(0, count)
    names = _distinct(words.names, count)
    insert_names(synthetic, names, per_paragraph, rng)
    return Edition(synthetic, register_entries(names, units, rng))


def _distinct(names: list[Lexeme], count: int) -> list[Lexeme]:
    """The first ``count`` names (or all) whose name in no language is another's."""
    seen: set[str] = set()
    kept = []
    for name in names:
        spelled = {name.name(c).casefold() for c in UI}
        if not spelled & seen:
            seen |= spelled
            kept.append(name)
    return kept[:count]


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
