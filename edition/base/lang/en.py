"""English: no dictionary; names barely inflect, so endings cover plurals and possessives."""

from edition.base.lang.base import Language

LANGUAGE = Language(
    code="en",
    abbreviations=frozenset(
        "mr mrs ms dr prof gen col lt st no vol pp ed eds e.g i.e cf vs approx jr sr u.s u.k "
        "u.s.s.r".split()
    ),
    endings=("'s", "s'", "es", "s"),
)
