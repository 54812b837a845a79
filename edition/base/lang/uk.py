"""Ukrainian: pymorphy3 with the pymorphy3-dicts-uk dictionary (a PyPI package)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from edition.base.lang.base import Language

if TYPE_CHECKING:
    import pymorphy3


class Ukrainian(Language):
    @cached_property
    def _morph(self) -> pymorphy3.MorphAnalyzer:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")

    def lookup(self, word: str) -> frozenset[str] | None:
        if not self._morph.word_is_known(word):
            return None
        return frozenset(p.normal_form.replace("ʼ", "'") for p in self._morph.parse(word))


LANGUAGE = Ukrainian(
    code="uk",
    abbreviations=frozenset(
        "р рр ст тис млн млрд див напр т.зв тобто проф акад ген д-р с рос англ кит яп пол нім "
        "м вул обл".split()
    ),
    year_suffixes=frozenset({"р", "рр"}),
    endings=tuple(
        sorted(
            set(
                "а я у ю і и е є о ою ею ам ям ах ях ами ями ом ем ові еві ів їв ей ий ого ому им "
                "ій ої ою их ими".split()
            ),
            key=len,
            reverse=True,
        )
    ),
)
