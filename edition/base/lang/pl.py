"""Polish: Morfeusz 2 with the SGJP dictionary (shipped in the morfeusz2 wheel)."""

from __future__ import annotations

from functools import cached_property

from edition.base.lang.base import FIRST_NAME, ORGANISATION, PERSON, PLACE, Language, Reading

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
    def _morfeusz(self):
        import morfeusz2

        return morfeusz2.Morfeusz(separate_numbering=True, whitespace=morfeusz2.SKIP_WHITESPACES)

    def lookup(self, word: str) -> frozenset[str] | None:
        lemmas = set()
        for start, _end, (_orth, lemma, tag, _names, _quals) in self._morfeusz.analyse(word):
            if start != 0 or tag == "ign":
                continue
            lemmas.add(lemma.split(":", 1)[0].lower())
        return frozenset(lemmas) or None

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
        lemma, pos = reading.key  # type: ignore[misc]
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
            ),
            key=len,
            reverse=True,
        )
    ),
)
