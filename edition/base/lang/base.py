"""The interface every language module implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

# The classes of proper-name readings, named as register kinds are: a dictionary's own name
# tags are mapped onto these by its language module.
NAME_CLASSES = frozenset({"person", "place", "organisation", "other"})


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a dictionary says of one word form.

    ``lemmas`` are the lower-case lemmas of every reading (proper and common alike);
    ``names`` identify the proper-name readings alone as ``"lexeme@class"``, the lexeme
    with the dictionary's homonym mark ("polska:sf~i@place" is the country, "polska:sf~ej
    @person" a surname), so that two forms share a name only if they are forms of one name.
    """

    lemmas: frozenset[str]
    names: frozenset[str] = frozenset()


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
    does not know is reduced to a stem (:meth:`stems`; a language with stem alternations
    overrides it). A subclass with a morphological dictionary overrides :meth:`lookup`;
    ``names_tagged`` says that the dictionary tags proper names so fully that a
    capitalised word it reads only as a common word is a common word (Morfeusz 2: yes;
    pymorphy3's Ukrainian dictionary tags persons but few places).
    """

    code: str
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    year_suffixes: frozenset[str] = field(default_factory=frozenset)
    endings: tuple[str, ...] = ()
    names_tagged: bool = False

    # lower-case words that may join the words of an organisation's name ("Akademia w Krakowie")
    connectors: frozenset[str] = field(default_factory=frozenset)

    #: whether :meth:`readings` knows the words of the language (else every word is unknown)
    has_dictionary = False

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Every dictionary analysis of ``word``; empty if the dictionary lacks it."""
        return ()

    def base_form(self, reading: Reading, number: str | None, gender: str | None) -> str | None:
        """The nominative of ``reading`` in ``number`` (and, for an adjective, ``gender``), in
        lower case as the dictionary has it; None where the dictionary cannot inflect it."""
        return None

    def lookup(self, word: str) -> Lookup | None:
        """The dictionary's readings of ``word``, or None if the dictionary lacks it."""
        return None

    def paradigms(self, word: str) -> dict[str, frozenset[str]]:
        """Every form of every lemma the dictionary reads ``word`` as: lemma (lower-case, as
        :meth:`lookup` gives it) -> the forms the dictionary inflects it in; empty if the
        dictionary lacks the word."""
        return {}

    def is_abbreviation(self, word: str) -> bool:
        """Whether ``word``, followed by a full stop, is an abbreviation (never ends a
        sentence); ``word`` is lower-case."""
        return word in self.abbreviations

    def stems(self, norm: str) -> frozenset[str]:
        """Fallback stems of the normalised word ``norm``: itself, and itself less each
        ending it has, keeping stems of 3+ letters."""
        return frozenset(strip_endings(norm, self.endings))


MIN_STEM = 3


def strip_endings(norm: str, endings: tuple[str, ...]) -> set[str]:
    """``norm`` and ``norm`` less each of ``endings`` it has (stems of 3+ letters)."""
    found = {norm}
    for length, ending_set in _by_length(endings):
        if len(norm) - length < MIN_STEM:
            break
        if norm[-length:] in ending_set:
            found.add(norm[:-length])
    return found


@cache
def _by_length(endings: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``endings`` grouped by length, shortest first: a word is then tested once per length
    (a set look-up) instead of once per ending (a language has about sixty)."""
    lengths = sorted({len(e) for e in endings if e})
    return tuple((n, frozenset(e for e in endings if len(e) == n)) for n in lengths)


def alternants(stems: set[str], pairs: tuple[tuple[str, str], ...]) -> set[str]:
    """``stems`` and, for each stem ending in the first member of a pair, the stem with
    the second instead: the consonant a stem has before another ending ("dakoc" of
    "Dakocie" is "dakot" of "Dakota")."""
    found = set(stems)
    for stem in stems:
        for alternant, base in pairs:
            if stem.endswith(alternant) and len(stem) - len(alternant) + len(base) >= MIN_STEM:
                found.add(stem[: -len(alternant)] + base)
    return found
