"""Polish: Morfeusz 2 with the SGJP dictionary (shipped in the morfeusz2 wheel)."""

from __future__ import annotations

import re
from functools import cache, cached_property
from typing import TYPE_CHECKING, cast

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

# Morfeusz's name tags -> the edition's name classes; any other tag but "nazwa_pospolita"
# (a common noun) is a proper name of class "other".
_NAME_CLASS = {
    "nazwa_geograficzna": "place",
    "człon_nazwy_geograficznej": "place",
    "imię": "person",
    "nazwisko": "person",
    "nazwa_organizacji": "organisation",
}
_COMMON = "nazwa_pospolita"
# The consonants a stem ends in before -e/-ie/-i/-y, and the consonant of the stem's other
# forms: Dakota/Dakocie, Manchester/Manchesterze, Ryga/Rydze, Michał/Michale, Polak/Polacy.
_ALTERNATIONS = (
    ("szc", "szt"),
    ("śc", "st"),
    ("źdz", "zd"),
    ("śl", "sł"),
    ("źl", "zł"),
    ("c", "t"),
    ("c", "k"),
    ("dz", "d"),
    ("dz", "g"),
    ("rz", "r"),
    ("l", "ł"),
    ("sz", "ch"),
)
_SOFTENING = ("ie", "e", "i", "y")
# ó of a final closed syllable is o before an ending: Kraków/Krakowa, Opole's Bór/Boru.
_FINAL_O = re.compile(r"ó([^aąeęioóuy]+)$")
# Abbreviations that usually close a list, and so often a sentence ("..., gruszki itd. Potem").
_LIST_ENDS = frozenset("itd itp etc in".split())

if TYPE_CHECKING:
    import morfeusz2


# Morfeusz's name qualifiers (SGJP) as register kinds
_PROPER = {
    "imię": FIRST_NAME,
    "nazwisko": PERSON,
    "nazwa_geograficzna": PLACE,
    "nazwa_organizacji": ORGANISATION,
}
_POS = {"subst": "noun", "depr": "noun", "adj": "adj", "ppas": "adj", "pact": "adj"}


class Polish(Language):
    has_dictionary = True

    @cached_property
    def _morfeusz(self) -> morfeusz2.Morfeusz:
        import morfeusz2

        return morfeusz2.Morfeusz(separate_numbering=True, whitespace=morfeusz2.SKIP_WHITESPACES)

    def lookup(self, word: str) -> Lookup | None:
        """Readings of ``word`` as one word. A hyphenated or apostrophised word counts only
        as a whole (Morfeusz reads "I-PACE" as "I", "-", "PACE", and "Kraków-Balice" is not a
        form of Kraków); any other may end in an agglutinate ("zrobiłem": zrobił + em), whose
        first segment carries the lemma."""
        found = self._morfeusz.analyse(word)
        if not found:  # nothing Morfeusz reads as a word (U+200B is white space to it)
            return None
        whole = "-" in word or "'" in word
        last = max(end for _start, end, _ in found)
        lemmas: set[str] = set()
        names: set[str] = set()
        for start, end, (_orth, lemma, tag, tags, _quals) in found:
            if start != 0 or tag == "ign" or (whole and end != last):
                continue
            lemmas.add(lemma.split(":", 1)[0].lower())
            for name in tags:
                if name != _COMMON:
                    names.add(f"{lemma.lower()}@{_NAME_CLASS.get(name, 'other')}")
        return Lookup(frozenset(lemmas), frozenset(names)) if lemmas else None

    def paradigms(self, word: str) -> dict[str, frozenset[str]]:
        """Morfeusz's ``generate`` of each lemma :meth:`lookup` reads, negated forms left out
        (SGJP gives every participle a "nie-" twin: a lemma of its own to a reader)."""
        found: dict[str, set[str]] = {}
        whole = "-" in word or "'" in word
        analysed = self._morfeusz.analyse(word)
        last = max((end for _start, end, _ in analysed), default=0)
        for start, end, (_orth, lemma, tag, _tags, _quals) in analysed:
            if start != 0 or tag == "ign" or (whole and end != last):
                continue
            forms = found.setdefault(lemma.split(":", 1)[0].lower(), set())
            forms.update(orth for orth, _l, t, _n, _q in self._generated(lemma) if ":neg" not in t)
        return {k: frozenset(v) for k, v in found.items()}

    @cache  # noqa: B019 -- one Polish language object lives as long as the process
    def _generated(self, lemma: str) -> tuple[tuple, ...]:
        return tuple(self._morfeusz.generate(lemma))

    def is_abbreviation(self, word: str) -> bool:
        """Ours, or one SGJP tags as an abbreviation written with a full stop ("brev:pun":
        Wlk., ds., woj., inż.), but for those that usually end a list and so a sentence."""
        return word in self.abbreviations or (
            word not in _LIST_ENDS and self._dotted_abbreviation(word)
        )

    @cache  # noqa: B019 -- one Polish language object lives as long as the process
    def _dotted_abbreviation(self, word: str) -> bool:
        return any(
            tag.startswith("brev:pun") and end == 1
            for _start, end, (_orth, _lemma, tag, _names, _quals) in self._morfeusz.analyse(
                f"{word}."
            )
        )

    def stems(self, norm: str) -> frozenset[str]:
        found = strip_endings(norm, self.endings)
        softened = {norm[: -len(e)] for e in _SOFTENING if norm.endswith(e)} & found
        found |= alternants(softened, _ALTERNATIONS)
        found |= {_FINAL_O.sub(r"o\1", s) for s in found if "ó" in s}
        return frozenset(found)

    def readings(self, word: str) -> tuple[Reading, ...]:
        found = []
        for start, _end, (_orth, lemma, tag, names, _quals) in self._morfeusz.analyse(word):
            if start != 0 or tag == "ign":
                continue
            parts = tag.split(":")
            pos = _POS.get(parts[0], "other")
            grammar = parts[1:4] if pos != "other" else []
            number, case, gender = (
                (frozenset(p.split(".")) for p in grammar) if grammar else [frozenset()] * 3
            )
            found.append(
                Reading(
                    lemma=lemma.split(":", 1)[0],
                    pos=pos,
                    cases=case,
                    numbers=number,
                    genders=gender,
                    proper=frozenset(_PROPER[n] for n in names if n in _PROPER),
                    key=(lemma, parts[0]),
                )
            )
        return tuple(found)

    def base_form(self, reading: Reading, number: str | None, gender: str | None) -> str | None:
        lemma, pos = cast(tuple[str, str], reading.key)
        for orth, _lemma, tag, _names, _quals in self._morfeusz.generate(lemma):
            parts = tag.split(":")
            if parts[0] != pos or len(parts) < 4 or "neg" in parts:
                continue
            numbers, cases, genders = (set(p.split(".")) for p in parts[1:4])
            if (
                "nom" in cases
                and (number is None or number in numbers)
                and (reading.pos != "adj" or gender is None or gender in genders)
            ):
                return orth.lower()
        return None


# Endings after an apostrophe, which Polish writes after a foreign name whose spelling would
# hide the ending's sound (Shakespeare'a, Baudelaire'owi, Joyce'em), and after a hyphen, as
# it writes them after an acronym (KPJ-u, I-PACE-em).
_APOSTROPHE_ENDINGS = "a owi em u y ego emu om ami ach ów owie i ie ą".split()

LANGUAGE = Polish(
    code="pl",
    abbreviations=frozenset(
        "tzw r ros np m.in ok ul al tj tys mln mld dr prof gen płk ppłk mjr kpt ks św pt nr "
        "zob por wg jw dn ang niem fr łac ukr chiń jap przyp red tłum s t".split()
    ),
    year_suffixes=frozenset({"r"}),
    connectors=frozenset("i w we na dla do z ze".split()),
    endings=tuple(
        sorted(
            set(
                "a u owi em ie y i e ę ą o om ami ach ów ów ach owie ami ego emu ym im ej ich "
                "iem ą owi".split()
            )
            | {f"{mark}{e}" for e in _APOSTROPHE_ENDINGS for mark in "'-"},
            key=lambda e: (-len(e), e),  # longest first; a fixed order
        )
    ),
    names_tagged=True,
)
