"""The interface every language module implements."""

from __future__ import annotations

from dataclasses import dataclass, field

# the kinds of proper name an analyser tags, as register kinds (and "first name": a person)
PERSON, FIRST_NAME, PLACE, ORGANISATION = "person", "first-name", "place", "organisation"


@dataclass(frozen=True)
class Reading:
    """One dictionary analysis of a word, as far as finding names needs it.

    ``pos`` is ``noun``, ``adj`` or ``other``; ``cases``, ``numbers`` and ``genders`` use the
    analyser's own values (they are only compared with each other, for agreement inside a
    name); ``proper`` holds the proper-name kinds the dictionary gives, empty for a common
    word; ``key`` is what :meth:`Language.base_form` needs to inflect the word.
    """

    lemma: str
    pos: str
    cases: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    genders: frozenset[str] = frozenset()
    proper: frozenset[str] = frozenset()
    key: object = None


@dataclass(frozen=True)
class Language:
    """What the edition needs to know about one language.

    ``abbreviations`` are lower-case words that, followed by a full stop, never end a
    sentence; ``year_suffixes`` are letters glued to a year ("1934р.") with the same effect.
    ``endings`` is the closed list of inflectional endings by which a word the dictionary
    does not know is reduced to a stem. A subclass with a morphological dictionary
    overrides :meth:`lookup`.
    """

    code: str
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    year_suffixes: frozenset[str] = field(default_factory=frozenset)
    endings: tuple[str, ...] = ()

    # lower-case words that may join the words of an organisation's name ("Akademia w Krakowie")
    connectors: frozenset[str] = field(default_factory=frozenset)

    #: whether :meth:`readings` knows the words of the language (else every word is unknown)
    has_dictionary = False

    def lookup(self, word: str) -> frozenset[str] | None:
        """Lower-case candidate lemmas of ``word``, or None if the dictionary lacks it."""
        return None

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Every dictionary analysis of ``word``; empty if the dictionary lacks it."""
        return ()

    def base_form(self, reading: Reading, number: str | None, gender: str | None) -> str | None:
        """The nominative of ``reading`` in ``number`` (and, for an adjective, ``gender``), in
        lower case as the dictionary has it; None where the dictionary cannot inflect it."""
        return None
