"""Ukrainian: pymorphy3 with the pymorphy3-dicts-uk dictionary (a PyPI package)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from edition.base.lang.base import (
    FIRST_NAME,
    ORGANISATION,
    PERSON,
    PLACE,
    Language,
    Lookup,
    Reading,
    alternants,
    strip_endings,
)

# pymorphy3's name grammemes -> the edition's name classes.
_NAME_CLASS = {
    "Name": "person",
    "Surn": "person",
    "Patr": "person",
    "Geox": "place",
    "Orgn": "organisation",
    "Abbr": "other",
}
# Before the locative/dative -і a stem's г, к, х become з, ц, с: Гамбург/Гамбурзі,
# Америка/Америці, Волох/Волосі.
_ALTERNATIONS = (("з", "г"), ("ц", "к"), ("с", "х"))
# і (ї) of a final closed syllable is о or е (є) before an ending: Харків/Харкова, Київ/Києва.
_CONSONANTS = "[^аеєиіїоуюяь']+"
_FINAL_I = re.compile(rf"і({_CONSONANTS})$")
_FINAL_YI = re.compile(rf"ї({_CONSONANTS})$")

if TYPE_CHECKING:
    import pymorphy3


# pymorphy3's grammemes (OpenCorpora set, as its Ukrainian dictionary uses them)
_PROPER = {"Name": FIRST_NAME, "Surn": PERSON, "Patr": PERSON, "Geox": PLACE, "Orgn": ORGANISATION}
_POS = {"NOUN": "noun", "ADJF": "adj"}
_CASES = frozenset("nomn gent datv accs ablt loct voct".split())
_GENDERS = frozenset({"masc", "femn", "neut"})


class Ukrainian(Language):
    has_dictionary = True

    @cached_property
    def _morph(self) -> pymorphy3.MorphAnalyzer:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")

    def lookup(self, word: str) -> Lookup | None:
        if not self._morph.word_is_known(word):
            return None
        lemmas: set[str] = set()
        names: set[str] = set()
        for parse in self._morph.parse(word):
            lemma = parse.normal_form.replace("ʼ", "'")
            lemmas.add(lemma)
            grammemes = parse.tag.grammemes
            names.update(f"{lemma}@{cls}" for tag, cls in _NAME_CLASS.items() if tag in grammemes)
        return Lookup(frozenset(lemmas), frozenset(names))

    def paradigms(self, word: str) -> dict[str, frozenset[str]]:
        """pymorphy3's lexeme of each parse :meth:`lookup` reads."""
        if not self._morph.word_is_known(word):
            return {}
        found: dict[str, set[str]] = {}
        for parse in self._morph.parse(word):
            forms = found.setdefault(parse.normal_form.replace("ʼ", "'"), set())
            forms.update(f.word for f in parse.lexeme)
        return {k: frozenset(v) for k, v in found.items()}

    def stems(self, norm: str) -> frozenset[str]:
        found = strip_endings(norm, self.endings)
        if norm.endswith("і"):
            found |= alternants({norm[:-1]}, _ALTERNATIONS)
        # (the regular expressions only where the letter is: most stems have neither)
        with_i = [s for s in found if "і" in s]
        found |= {_FINAL_I.sub(r"о\1", s) for s in with_i} | {
            _FINAL_I.sub(r"е\1", s) for s in with_i
        }
        found |= {_FINAL_YI.sub(r"є\1", s) for s in found if "ї" in s}
        return frozenset(found)

    def readings(self, word: str) -> tuple[Reading, ...]:
        if not self._morph.word_is_known(word):
            return ()
        found = []
        for parse in self._morph.parse(word):
            grammemes = parse.tag.grammemes
            found.append(
                Reading(
                    lemma=parse.normal_form,
                    pos=_POS.get(str(parse.tag.POS), "other"),
                    cases=grammemes & _CASES,
                    # a singular form carries no number grammeme, only a gender
                    numbers=frozenset({"plur" if "plur" in grammemes else "sing"}),
                    genders=grammemes & _GENDERS,
                    proper=frozenset(_PROPER[g] for g in grammemes if g in _PROPER),
                    key=parse,
                )
            )
        return tuple(found)

    def base_form(self, reading: Reading, number: str | None, gender: str | None) -> str | None:
        wanted = {"nomn", "plur"} if number == "plur" else {"nomn"}
        if reading.pos == "adj" and gender and number != "plur":
            wanted.add(gender)
        inflected = reading.key.inflect(wanted)  # type: ignore[attr-defined]
        return inflected.word if inflected else None


LANGUAGE = Ukrainian(
    code="uk",
    abbreviations=frozenset(
        "р рр ст тис млн млрд див напр т.зв тобто проф акад ген д-р с рос англ кит яп пол нім "
        "м вул обл".split()
    ),
    year_suffixes=frozenset({"р", "рр"}),
    connectors=frozenset("і й та в у на з для імені".split()),
    endings=tuple(
        sorted(
            set(
                "а я у ю і и е є о ою ею ам ям ах ях ами ями ом ем ові еві ів їв ей ий ого ому им "
                "ій ої ою их ими".split()
            ),
            key=lambda e: (-len(e), e),  # longest first; a fixed order
        )
    ),
)
