"""Polish: Morfeusz 2 with the SGJP dictionary (shipped in the morfeusz2 wheel)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from edition.base.lang.base import Language

if TYPE_CHECKING:
    import morfeusz2


class Polish(Language):
    @cached_property
    def _morfeusz(self) -> morfeusz2.Morfeusz:
        import morfeusz2

        return morfeusz2.Morfeusz(separate_numbering=True, whitespace=morfeusz2.SKIP_WHITESPACES)

    def lookup(self, word: str) -> frozenset[str] | None:
        lemmas = set()
        for start, _end, (_orth, lemma, tag, _names, _quals) in self._morfeusz.analyse(word):
            if start != 0 or tag == "ign":
                continue
            lemmas.add(lemma.split(":", 1)[0].lower())
        return frozenset(lemmas) or None


LANGUAGE = Polish(
    code="pl",
    abbreviations=frozenset(
        "tzw r ros np m.in ok ul al tj tys mln mld dr prof gen płk ppłk mjr kpt ks św pt nr "
        "zob por wg jw dn ang niem fr łac ukr chiń jap przyp red tłum s t".split()
    ),
    year_suffixes=frozenset({"r"}),
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
