"""The dictionaries as a gold source: every form of a sample of proper names, found in a sentence?

    python benchmarks/dictionary_eval.py [--names 3000] [--seed 0] [--json FILE]

Samples proper names (persons, places, organisations) that pymorphy3's Ukrainian dictionary
knows, and the Polish names SGJP (Morfeusz 2) knows among their transliterations; makes a
register of them; generates every form the dictionary gives each name (Morfeusz's
``generate``, pymorphy3's lexeme) and measures, per name class, that each form, put in a
sentence inside and at its start, is found as exactly its own name (recall, precision).
Capitalised forms of the common words that share a form or a lemma with a name ("Dane" of
*dany*/*dać* beside "Dania") are put at a sentence start and must match no name (false-hit
rate). A name's form that is also a common adjective's ("Polska" of *polski*) is put at a
sentence start once before a verb (a mention) and once before a noun it agrees with ("Polska
delegacja": no mention); a matcher that looks at the word alone decides both alike, so it
gets at least half of these pairs wrong. The fallback is measured on the same names with the
dictionary hidden from the matcher: how names the dictionary does not know fare.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import itertools
import json
import random
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from edition.analysis.annotate import Matcher
from edition.base.lang import Language, get
from edition.base.register import load_register

# Nouns of each gender (the analysers' gender values) an adjective is made to agree with.
NOUNS = {
    "pl": {"m1": "delegat", "m2": "pies", "m3": "rząd", "f": "delegacja", "n": "okno"},
    "uk": {"masc": "уряд", "femn": "делегація", "neut": "місто"},
}
SENTENCES = {
    "pl": ("Mówiono wtedy o {} i o niczym więcej.", "{} było wtedy tematem rozmów."),
    "uk": ("Говорили тоді про {} і ні про що більше.", "{} було тоді темою розмов."),
}
_UK_PL = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
        "a b w h g d e je ż z y i ji j k ł m n o p r s t u f ch c cz sz szcz _ ju ja _".split(),
        strict=True,
    )
)
_PROPER_UK = {"Name": "person", "Surn": "person", "Geox": "place", "Orgn": "organisation"}
_PROPER_PL = {
    "nazwa_geograficzna": "place",
    "imię": "person",
    "nazwisko": "person",
    "nazwa_organizacji": "organisation",
}


@dataclasses.dataclass
class Name:
    lemma: str  # the dictionary's lexeme id
    kind: str
    forms: set[str]
    common: set[str]  # forms of common words sharing a form or lemma with the name's forms


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.cache
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz()


def ukrainian_names(n: int, rng: random.Random) -> list[Name]:
    """Up to ``n`` proper names of pymorphy3's dictionary, drawn from random prefixes."""
    morph = _morph()
    letters = "абвгдежзиклмнопрстуфхцчшя"
    prefixes = [a + b for a in letters for b in "аеиоуірлнв"]
    rng.shuffle(prefixes)
    names: dict[str, Name] = {}
    for prefix in prefixes:
        for word in itertools.islice(morph.dictionary.words.iterkeys(prefix), 1500):
            for parse in morph.parse(word):
                kinds = [k for g, k in _PROPER_UK.items() if g in parse.tag.grammemes]
                if not kinds or parse.normal_form != word or word in names:
                    continue
                forms = {p.word for p in parse.lexeme}
                common = {
                    f.word
                    for form in forms
                    for q in morph.parse(form)
                    if not (set(_PROPER_UK) | {"Patr", "Abbr"}) & q.tag.grammemes
                    for f in q.lexeme
                } - forms
                names[word] = Name(word, kinds[0], forms, common)
        if len(names) >= n:
            break
    return _merged(list(names.values())[:n])


def polish_names(candidates: list[str], n: int) -> list[Name]:
    """The candidates SGJP knows as proper names (capitalised lexemes with a name tag)."""
    import morfeusz2

    morfeusz = morfeusz2.Morfeusz()
    names: dict[str, Name] = {}
    for word in candidates:
        for _s, _e, (_orth, lemma, _tag, tags, _q) in morfeusz.analyse(word):
            kinds = [_PROPER_PL[t] for t in tags if t in _PROPER_PL]
            if not kinds or not lemma[0].isupper() or lemma in names:
                continue
            if lemma.split(":", 1)[0] != word:
                continue
            forms = {g[0] for g in morfeusz.generate(lemma) if g[1] == lemma}
            common_lemmas = {
                a[2][1]
                for form in forms
                for a in morfeusz.analyse(form)
                if a[2][1][0].islower() and a[2][2] != "ign"
            }
            common = {g[0] for lem in common_lemmas for g in morfeusz.generate(lem)} - forms
            names[lemma] = Name(lemma, kinds[0], forms, common)
        if len(names) >= n:
            break
    # Only words with no proper-name reading at all are common words: "Kowala" is a form of
    # the common noun kowal and of the surname Kowal alike.
    proper = {
        form
        for name in names.values()
        for form in name.common
        if any(
            t
            for *_x, (_o, lem, _t, t, _q) in morfeusz.analyse(form.capitalize())
            if lem[0].isupper()
        )
    }
    for name in names.values():
        name.common -= proper
    return _merged(names.values())


def _merged(names) -> list[Name]:
    """One name per spelling, as an editor would register it: the surname Kowal of a man
    and of a woman are two lexemes of SGJP and one entry; common words never its forms."""
    merged: dict[str, Name] = {}
    every: set[str] = set()
    for name in names:
        key = _display(name.lemma)
        if key not in merged:
            merged[key] = Name(key, name.kind, set(name.forms), set(name.common))
        elif merged[key].kind == name.kind:
            merged[key].forms |= name.forms
            merged[key].common |= name.common
        # else a name of another class spelled alike (the river Łaba, the surname Łaba): an
        # entry of one kind is not found in the other's forms ("Łabowie"), which are left out
        every.update(name.forms)
    every = {f.lower() for f in every}
    for name in merged.values():
        name.common = {w for w in name.common if w.lower() not in every}
    return list(merged.values())


def transliterate(word: str) -> str:
    return "".join(_UK_PL.get(c, c) for c in word.lower()).replace("_", "").capitalize()


def _register(names: list[Name], code: str, folder: Path):
    items = [
        {
            "id": f"n{i}",
            "kind": name.kind,
            "names": {c: {"name": _display(name.lemma)} for c in ("pl", "uk", "en")},
            "definition": {"pl": "d", "uk": "d", "en": "d"},
        }
        for i, name in enumerate(names)
    ]
    (folder / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    return load_register(folder, ("en", "pl", "uk"))


def _display(lemma: str) -> str:
    """The name as an editor writes it: Morfeusz's homonym mark dropped, capitalised."""
    word = lemma.split(":", 1)[0]
    return word[0].upper() + word[1:]


def hidden(language: Language) -> Language:
    """``language`` with its dictionary hidden: every word unknown, the fallback alone."""
    cls = type(f"{type(language).__name__}WithoutDictionary", (type(language),), {})
    cls.lookup = lambda self, word: None
    cls.readings = lambda self, word: ()
    fields = {f.name: getattr(language, f.name) for f in dataclasses.fields(language)}
    return cls(**fields)


def evaluate(names: list[Name], language: Language) -> dict[str, dict[str, float]]:
    """Recall and precision per name class and sentence position; the false-hit rate of
    capitalised common words at a sentence start."""
    with tempfile.TemporaryDirectory() as tmp:
        register = _register(names, language.code, Path(tmp))
    matcher = Matcher(register, language)
    inside, start = SENTENCES[language.code]
    counts: Counter[str] = Counter()
    for i, name in enumerate(names):
        ref = f"n{i}"
        for form in sorted(name.forms):
            form = form[0].upper() + form[1:]
            for position, template in (("inside", inside), ("start", start)):
                text = template.format(form)
                at = text.index(form)
                key = f"{name.kind} {position}"
                found = matcher.find(text)
                counts[f"{key} forms"] += 1
                counts[f"{key} found"] += len(found)
                counts[f"{key} right"] += any(
                    (m.start, m.end, m.ref) == (at, at + len(form), ref) for m in found
                )
            for noun in _agreeing_nouns(form, language):
                text = start.replace("{}", "{} " + noun, 1).format(form)
                counts["adjective forms before their noun sentences"] += 1
                counts["adjective forms before their noun false hits"] += any(
                    m.ref == ref for m in matcher.find(text)
                )
                text = start.format(form)
                counts["adjective forms before a verb sentences"] += 1
                counts["adjective forms before a verb found"] += any(
                    (m.start, m.end, m.ref) == (0, len(form), ref) for m in matcher.find(text)
                )
        for word in sorted(name.common):
            counts["common start sentences"] += 1
            counts["common start false hits"] += bool(
                matcher.find(start.format(word[0].upper() + word[1:]))
            )
    results: dict[str, dict[str, float]] = {}
    for key in sorted({k.rsplit(" ", 1)[0] for k in counts if k.endswith(" forms")}):
        forms, found, right = (counts[f"{key} {x}"] for x in ("forms", "found", "right"))
        results[key] = {
            "forms": forms,
            "recall": round(100 * right / forms, 2),
            "precision": round(100 * right / found, 2) if found else 0.0,
        }
    sentences = counts["common start sentences"]
    results["common words at a sentence start"] = {
        "sentences": sentences,
        "false_hit_rate": round(100 * counts["common start false hits"] / max(sentences, 1), 2),
    }
    pairs = counts["adjective forms before a verb sentences"]
    results["forms that are also a common adjective's, at a sentence start"] = {
        "pairs": pairs,
        "share_of_all_forms": round(
            100 * pairs / max(sum(v for k, v in counts.items() if k.endswith(" forms")) // 2, 1), 2
        ),
        "recall_before_a_verb": round(
            100 * counts["adjective forms before a verb found"] / max(pairs, 1), 2
        ),
        "false_hit_rate_before_their_noun": round(
            100 * counts["adjective forms before their noun false hits"] / max(pairs, 1), 2
        ),
    }
    return results


def _agreeing_nouns(form: str, language: Language) -> list[str]:
    """A common noun the common adjective of ``form`` (if it is one's) agrees with, once
    per reading's gender: "delegacja" for "Polska"; empty where ``form`` is no adjective's
    (or the dictionary is hidden)."""
    found: dict[str, None] = {}
    for reading in language.readings(form):
        if reading.pos != "adj" or reading.proper:
            continue
        genders = reading.genders or frozenset(NOUNS[language.code])
        for gender in sorted(genders & set(NOUNS[language.code])):
            noun = _inflected(NOUNS[language.code][gender], reading, language.code)
            if noun:
                found[noun] = None
                break
        if found:
            break
    return list(found)


def _inflected(lemma: str, adjective, code: str) -> str | None:
    """``lemma`` in a case and number of the ``adjective``'s reading."""
    if code == "pl":
        for orth, _lemma, tag, _names, _quals in _morfeusz().generate(lemma):
            pos, number, cases = tag.split(":")[:3]
            if (
                pos == "subst"
                and number in adjective.numbers
                and set(cases.split(".")) & adjective.cases
            ):
                return orth
        return None
    parse = _morph().parse(lemma)[0]
    for case in sorted(adjective.cases):
        inflected = parse.inflect({case, "plur" if "plur" in adjective.numbers else "sing"})
        if inflected:
            return inflected.word
    return None


def run(n: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    uk = ukrainian_names(n, rng)
    pl = polish_names([transliterate(name.lemma) for name in ukrainian_names(4 * n, rng)], n)
    results: dict[str, object] = {}
    for code, names in (("pl", pl), ("uk", uk)):
        language = get(code)
        results[code] = {
            "names": len(names),
            "with dictionary": evaluate(names, language),
            "fallback alone": evaluate(names, hidden(language)),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = run(args.names, args.seed)
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
