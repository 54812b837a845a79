"""Register suggestions: the names in texts that the register does not cover, as stubs.

A name is a run of capitalised words separated by spaces only (so "J. Kowalski" and
"Polska, Japonia" are separate). Inside a run, a lower-case connector of the language
("Uniwersytet w Krakowie") is kept only after a common noun written with a capital, which is
how the analyser says that the capital marks an institution's name (and not after a proper
name, so "Polska i Japonia" stays two names). Never proposed: words with digits, single
letters, Roman numerals, a lone ethnonym ("Japończycy": capitalised in Polish, but no name),
and a word at the start of a sentence or clause (after a colon, dash or opening quote) unless
the dictionary knows it only as a name, it is an adjective agreeing with the next word, it is
unknown and starts a name of several words, or the same word occurs capitalised inside a
sentence elsewhere (the only condition where the language has no dictionary). A register
mention inside a run splits it, unless the run's words agree as one name past the mention.

The base form of a run: its first word in the nominative, and each next word that agrees with
it in case, number and gender (an adjective, or a surname after a first name) inflected to
match; the first word that does not agree (a genitive: "Liga Narodów", "Akademia Nauk") and
everything after it stay as written. A word has several analyses: each occurrence gives its
possible base forms, best first, and the one most occurrences share is taken. A word the
dictionary does not know stays as written (its forms are listed for the editor to merge).

The kind (person, place, organisation) is guessed from the analysers' proper-name tags: a
first name makes a person; a name of several words holding a common noun written with a
capital ("Polska Akademia Nauk") an organisation; then an organisation, place or surname tag. Names of the same entity in a text's
translations are paired through the sentence alignment: the candidates that share the most
aligned sentences, each the other's best; a translation's candidates are proposed only as such
counterparts.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import icu
import yaml

from edition.analysis.align import align_paragraph
from edition.analysis.annotate import Matcher, Mention
from edition.base import lang
from edition.base.lang.base import FIRST_NAME, ORGANISATION, PERSON, PLACE, Language, Reading
from edition.base.morphology import TOKEN, analyser, normalise
from edition.base.register import Register
from edition.base.sources import Paragraph

_ROMAN = re.compile(r"^[IVXLCDM]+$")
# after these, a capital starts a clause as at a sentence start (a quotation, a list item)
_OPENING = frozenset(':;«„"“‘(—–-')


@dataclass(frozen=True)
class Source:
    """One version of a text to look in: a text ID (or a file) and its paragraphs."""

    name: str
    lang: str
    paragraphs: list[Paragraph]


@dataclass
class _Occurrence:
    source: str
    lang: str
    paragraph: str
    sentence: int  # index of the sentence in its paragraph
    surface: str
    options: list[tuple[str, frozenset[str]]]  # (base form, proper-name kinds), best first
    initial: bool
    overlaps: frozenset[str]  # register entries whose mentions lie inside the run
    translation: bool = False
    common_head: bool = False  # holds a capitalised common noun: "Polska Akademia Nauk"
    base: str = ""
    kinds: frozenset[str] = frozenset()


@dataclass
class Candidate:
    """One name in one language: its base form, every form seen and where."""

    lang: str
    base: str
    forms: Counter[str] = field(default_factory=Counter)
    places: list[tuple[str, str]] = field(default_factory=list)  # (text, paragraph)
    kinds: Counter[str] = field(default_factory=Counter)
    overlaps: set[str] = field(default_factory=set)  # entries whose names it contains
    same_name: set[str] = field(default_factory=set)  # entries with this very name
    variants: set[str] = field(default_factory=set)
    in_original: bool = False  # seen in an original (or a plain file), not only a translation
    common_head: bool = False

    @property
    def count(self) -> int:
        return sum(self.forms.values())


@dataclass
class Suggestion:
    """A register stub: the candidates for one entity, one per language (the first leads)."""

    candidates: list[Candidate]
    kind: str | None

    @property
    def count(self) -> int:
        return sum(c.count for c in self.candidates)


def suggest(
    sources: list[Source], register: Register, translations: list[tuple[Source, Source]]
) -> list[Suggestion]:
    """Stubs for the names in ``sources`` the register does not cover, commonest first.
    ``translations`` pairs each translated version with its original (same paragraphs)."""
    translated = {(t.name, t.lang) for _, t in translations}
    occurrences: list[_Occurrence] = []
    by_sentence: dict[tuple[str, str, str, int], list[_Occurrence]] = defaultdict(list)
    for source in sources:
        language = lang.get(source.lang)
        matcher = Matcher(register, language)
        for par in source.paragraphs:
            for occ in _runs(source, par, language, matcher):
                occ.translation = (source.name, source.lang) in translated
                occurrences.append(occ)
    occurrences = _drop_common_initials(occurrences)
    for occ in occurrences:
        by_sentence[(occ.source, occ.lang, occ.paragraph, occ.sentence)].append(occ)
    _choose_bases(occurrences)
    candidates = _group(occurrences, register)
    pairs = _cooccurrences(translations, by_sentence, candidates)
    return _stubs(candidates, pairs)


def _runs(
    source: Source, par: Paragraph, language: Language, matcher: Matcher
) -> Iterator[_Occurrence]:
    """The runs of capitalised words in ``par`` (see the module's rules)."""
    mentions = matcher.find(par.text)
    starts = {s.start for s in par.sentences}
    sentence_of = _sentence_index(par)
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(par.text)]
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i][2]):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and par.text[run[-1][1] : tokens[j][0]].isspace():
            word = tokens[j][2]
            if _capitalised(word):
                run.append(tokens[j])
            elif (
                word in language.connectors
                and j + 1 < len(tokens)
                and _capitalised(tokens[j + 1][2])
                and par.text[tokens[j][1] : tokens[j + 1][0]].isspace()
                and len(run) == 1
                and not run[0][2].isupper()
                and _common_noun(run[0][2], language)
            ):
                run += [tokens[j], tokens[j + 1]]
                j += 1
            else:
                break
            j += 1
        i = j
        for piece, inside in (
            found
            for part in _split_names(run, language)
            for found in _pieces(part, mentions, language)
        ):
            while piece and not _capitalised(piece[0][2]):
                piece = piece[1:]
            while piece and not _capitalised(piece[-1][2]):
                piece = piece[:-1]
            if not piece:
                continue
            start, end = piece[0][0], piece[-1][1]
            words = [w for _, _, w in piece]
            if len(words) == 1 and _is_ethnonym(words[0], language):
                continue
            before = par.text[:start].rstrip()
            yield _Occurrence(
                source=source.name,
                lang=source.lang,
                paragraph=par.id,
                sentence=sentence_of(start),
                surface=par.text[start:end],
                options=_base_forms(words, language),
                initial=start in starts or not before or before[-1] in _OPENING,
                overlaps=frozenset(m.ref for m in inside),
                common_head=len(words) > 1 and any(_common_noun(w, language) for w in words),
            )


def _split_names(
    run: list[tuple[int, int, str]], language: Language
) -> Iterator[list[tuple[int, int, str]]]:
    """``run`` cut where a name ends and another begins: after the words that agree with a
    first word that is a proper name, at a word that is a proper name too ("Lwowie | Jana
    Kowalskiego"); a common noun's name keeps its genitive ("Instytut Józefa Piłsudskiego").
    A known word that is neither noun nor adjective ("We", "Dziś") is cut off on its own."""
    while run:
        words = [w for _, _, w in run]
        chains = sorted(_chains(words, language), key=lambda c: -len(c[0]))
        if not chains and language.readings(words[0]) and len(words) > 1:
            yield run[:1]  # a known word that is no noun or adjective ("We" Lwowie) stands alone
            run = run[1:]
            continue
        if chains and len(chains[0][0]) < len(words):
            chain = chains[0][0]
            if _is_proper(chain[0]) and any(map(_is_proper, language.readings(words[len(chain)]))):
                yield run[: len(chain)]
                run = run[len(chain) :]
                continue
        yield run
        return


def _pieces(
    run: list[tuple[int, int, str]], mentions: list[Mention], language: Language
) -> Iterator[tuple[list[tuple[int, int, str]], list[Mention]]]:
    """``run`` whole, with the register's mentions inside it, if its words agree as one
    name past the last of them ("Polska Akademia Nauk" holds the entry Polska) or the
    mentions follow an institution's words; else the
    pieces of it that no mention covers ("Otoczenie | Czang Kaj-szeka")."""
    start, end = run[0][0], run[-1][1]
    inside = [m for m in mentions if m.start < end and start < m.end]
    if not inside:
        yield run, []
        return
    covered = [any(m.start <= a < m.end for m in inside) for a, _, _ in run]
    words = [w for _, _, w in run]
    agreed = max((len(chain) for chain, _, _ in _chains(words, language)), default=1)
    last = max(k for k, c in enumerate(covered) if c)
    first = covered.index(True)
    # a mention after an institution's words is its genitive: "Komunistyczna Partia Japonii"
    institution = first >= agreed > 1 and any(
        r.pos == "noun" and not _is_proper(r) for w in words[:agreed] for r in language.readings(w)
    )
    if not all(covered) and (agreed > max(last, 1) or institution):
        yield run, inside
        return
    piece: list[tuple[int, int, str]] = []
    for token, cover in zip(run, covered, strict=True):
        if cover:
            if piece:
                yield piece, []
            piece = []
        else:
            piece.append(token)
    if piece:
        yield piece, []


def _sentence_index(par: Paragraph) -> Callable[[int], int]:
    def of(offset: int) -> int:
        for k, s in enumerate(par.sentences):
            if s.start <= offset < s.end:
                return k
        return len(par.sentences) - 1

    return of


def _capitalised(word: str) -> bool:
    return (
        len(word) > 1
        and word[0].isupper()
        and not any(c.isdigit() for c in word)
        and not _ROMAN.match(word)
    )


def _common_noun(word: str, language: Language) -> bool:
    readings = language.readings(word)
    return any(r.pos == "noun" for r in readings) and not any(_is_proper(r) for r in readings)


def _is_proper(reading: Reading) -> bool:
    return bool(reading.proper) or reading.lemma[:1].isupper()


def _is_ethnonym(word: str, language: Language) -> bool:
    """A capitalised noun whose every reading is a common noun with a capitalised lemma
    ("Japończyk"): Polish capitalises ethnonyms, which are not names."""
    readings = language.readings(word)
    return bool(readings) and all(
        r.pos == "noun" and not r.proper and r.lemma[:1].isupper() for r in readings
    )


def _drop_common_initials(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """Without a sentence-initial first word that is no name (see the module): one is kept
    if the dictionary knows it only as a name, if it agrees with the next word (an adjective
    of the name: "Polska Akademia Nauk"), or if it occurs inside a sentence elsewhere."""
    inside = {
        (o.lang, key)
        for o in occurrences
        for w in o.surface.split()[1 if o.initial else 0 :]
        for key in analyser(lang.get(o.lang)).analyse(w).lemmas
    }
    kept = []
    for occ in occurrences:
        first, *rest = occ.surface.split(" ")
        language = lang.get(occ.lang)
        readings = language.readings(first)
        if (
            not occ.initial
            or inside & {(occ.lang, key) for key in analyser(language).analyse(first).lemmas}
            or (all(map(_is_proper, readings)) if readings else language.has_dictionary and rest)
            or (rest and _agrees(readings, rest[0], language))
        ):
            kept.append(occ)
        elif rest and _capitalised(rest[0]):
            surface = " ".join(rest)
            kept.append(
                _Occurrence(
                    occ.source,
                    occ.lang,
                    occ.paragraph,
                    occ.sentence,
                    surface,
                    _base_forms(surface.split(" "), language),
                    False,
                    occ.overlaps,
                    occ.translation,
                    len(rest) > 1 and any(_common_noun(w, language) for w in rest),
                )
            )
    return kept


def _agrees(readings: tuple[Reading, ...], word: str, language: Language) -> bool:
    """Whether an adjective of ``readings`` agrees with a noun reading of ``word``."""
    return any(
        a.pos == "adj"
        and b.pos == "noun"
        and a.cases & b.cases
        and a.numbers & b.numbers
        and a.genders & b.genders
        for a in readings
        for b in language.readings(word)
    )


def _chains(
    words: list[str], language: Language
) -> Iterator[tuple[list[Reading], frozenset[str], frozenset[str]]]:
    """For each noun or adjective reading of the first word: the readings of it and of the
    next words that agree with it (see the module), and their common number and gender."""
    heads = [r for r in language.readings(words[0]) if r.pos in ("noun", "adj")]
    for head in heads:
        chain = [head]
        cases, numbers, genders = head.cases, head.numbers, head.genders
        noun_seen = head.pos == "noun"
        for word in words[1:]:
            fits = [
                r
                for r in language.readings(word)
                if r.pos in ("noun", "adj")
                and r.cases & cases
                and r.numbers & numbers
                and r.genders & genders
                # after a noun, only a person's name (a surname after a first name): a
                # place after a noun is its genitive ("Partii Japonii", "Akademii Nauk")
                and (r.pos == "adj" or not noun_seen or r.proper & {FIRST_NAME, PERSON})
            ]
            if not fits:
                break
            best = max(fits, key=lambda r: bool(r.proper))
            chain.append(best)
            cases, numbers = cases & best.cases, numbers & best.numbers
            genders = genders & best.genders
            noun_seen = noun_seen or best.pos == "noun"
        yield chain, numbers, genders


def _base_forms(words: list[str], language: Language) -> list[tuple[str, frozenset[str]]]:
    """The possible base forms of a run of ``words`` with their proper-name kinds, best first."""
    options: list[tuple[int, int, int, int, str, frozenset[str]]] = []
    for order, (chain, numbers, genders) in enumerate(_chains(words, language)):
        number = min(numbers, key=lambda n: n not in ("sg", "sing")) if numbers else None
        gender = min(genders) if genders else None
        based = [
            _like(word, language.base_form(r, number, gender) or r.lemma)
            for word, r in zip(words, chain, strict=False)
        ]
        base = " ".join(based + words[len(chain) :])
        kinds = frozenset(k for r in chain for k in r.proper)
        unchanged = 0 if base == " ".join(words) else 1  # a word already in its base form
        options.append((-len(chain), unchanged, _rank(chain, len(words)), order, base, kinds))
    options.sort()
    found: dict[str, frozenset[str]] = {}  # base form -> kinds of every reading giving it
    for *_, base, kinds in options:
        found[base] = found.get(base, frozenset()) | kinds
    return list(found.items()) or [(" ".join(words), frozenset())]


def _rank(chain: list[Reading], size: int) -> int:
    """How likely a reading is a name's, lowest first, after those that leave the words as
    they are (a name already in the nominative: "Nowak", not the village Nowaki). In a name
    of several words, a place's or organisation's reading first ("Stany Zjednoczone", not
    the surname Stan), then any other proper name. A word alone: a place or organisation first, then a common
    noun, then a person's name: the dictionaries know many surnames that are also place names
    in another case ("Львова": Львов or Львів), and a place alone is the likelier."""
    if size > 1:
        if any(r.proper & {PLACE, ORGANISATION} for r in chain):
            return 0
        return 1 if any(map(_is_proper, chain)) else 2
    (reading,) = chain
    if reading.proper & {PLACE, ORGANISATION}:
        return 0
    if not reading.proper and reading.pos == "noun":
        return 1
    return 2 if reading.proper else 3


def _like(surface: str, base: str) -> str:
    """``base`` written as ``surface`` is: capitals kept where the word is unchanged, an
    acronym left alone, else the first letter capitalised."""
    if surface.isupper() or base.lower() == surface.lower():
        return surface
    return base[:1].upper() + base[1:].lower()


def _choose_bases(occurrences: list[_Occurrence]) -> None:
    """Each occurrence takes the possible base form that most occurrences share."""
    votes = Counter((o.lang, base) for o in occurrences for base, _ in o.options)
    for occ in occurrences:
        occ.base, occ.kinds = max(occ.options, key=lambda opt: votes[(occ.lang, opt[0])])


def _group(occurrences: list[_Occurrence], register: Register) -> dict[tuple[str, str], Candidate]:
    groups: dict[tuple[str, str], Candidate] = {}
    names = {normalise(n): e.id for e in register for ns in e.names.values() for n in ns}
    for occ in occurrences:
        cand = groups.setdefault((occ.lang, occ.base), Candidate(occ.lang, occ.base))
        cand.forms[occ.surface] += 1
        _add_place(cand, (occ.source, occ.paragraph))
        cand.kinds.update(occ.kinds)
        cand.overlaps |= occ.overlaps
        cand.in_original = cand.in_original or not occ.translation
        cand.common_head = cand.common_head or occ.common_head
        if normalise(occ.base) in names:
            cand.same_name.add(names[normalise(occ.base)])
    _fold_surnames(groups)
    return groups


def _add_place(cand: Candidate, place: tuple[str, str]) -> None:
    """``place`` (text, paragraph ID) among the candidate's, in text and paragraph order."""
    if place not in cand.places:
        cand.places.append(place)
        cand.places.sort(key=lambda p: (p[0], int(p[1][1:]) if p[1][1:].isdigit() else 0, p[1]))


def _fold_surnames(groups: dict[tuple[str, str], Candidate]) -> None:
    """A one-word name that is the last word of exactly one longer person's name in the same
    language is that person's variant ("Kowalski" of "Jan Kowalski")."""
    for key, cand in list(groups.items()):
        if " " in cand.base:
            continue
        owners = [
            c
            for c in groups.values()
            if c.lang == cand.lang and " " in c.base and c.base.split()[-1] == cand.base
        ]
        # where the language has no dictionary, no kind is known: the name decides
        if len(owners) == 1 and _kind(owners[0]) in ("person", None):
            owner = owners[0]
            owner.forms.update(cand.forms)
            for place in cand.places:
                _add_place(owner, place)
            owner.variants.add(cand.base)
            owner.overlaps |= cand.overlaps
            owner.same_name |= cand.same_name
            del groups[key]


def _kind(cand: Candidate) -> str | None:
    if cand.common_head and not cand.kinds[FIRST_NAME]:
        return "organisation"
    for tag, kind in (
        (FIRST_NAME, "person"),
        (ORGANISATION, "organisation"),
        (PLACE, "place"),
        (PERSON, "person"),
    ):
        if cand.kinds[tag]:
            return kind
    return None


def _cooccurrences(
    translations: list[tuple[Source, Source]],
    by_sentence: dict[tuple[str, str, str, int], list[_Occurrence]],
    groups: dict[tuple[str, str], Candidate],
) -> dict[tuple[tuple[str, str], tuple[str, str]], float]:
    """How strongly each (original, translation) pair of candidates goes together: the
    aligned sentence pairs (beads) they share over the geometric mean of the beads each is
    in, so that a name met everywhere (the text's hero) does not pair with everything."""
    owner = {}  # (lang, base) of an occurrence -> the key of the group that holds it now
    for key, cand in groups.items():
        owner[key] = key
        for variant in cand.variants:
            owner[(cand.lang, variant)] = key
    shared: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()
    beads: Counter[tuple[str, str]] = Counter()
    for original, translation in translations:
        for op, tp in zip(original.paragraphs, translation.paragraphs, strict=True):
            for bead in align_paragraph(op, tp):
                here = {
                    owner[(o.lang, o.base)]
                    for s in bead.original
                    for o in by_sentence.get((original.name, original.lang, op.id, s), [])
                    if (o.lang, o.base) in owner
                }
                there = {
                    owner[(o.lang, o.base)]
                    for s in bead.translation
                    for o in by_sentence.get((translation.name, translation.lang, tp.id, s), [])
                    if (o.lang, o.base) in owner
                }
                shared.update((a, b) for a in here for b in there)
                beads.update(here | there)
    return {(a, b): n / math.sqrt(beads[a] * beads[b]) for (a, b), n in shared.items()}


def _stubs(
    groups: dict[tuple[str, str], Candidate],
    shared: dict[tuple[tuple[str, str], tuple[str, str]], float],
) -> list[Suggestion]:
    """One suggestion per candidate of an original, with its mutual-best counterparts in the
    translations. A translation's candidate left unpaired is dropped: every entity of a
    translation is in its original, so it is a word the original's register already covers
    or one that is no name there (a month, a nationality: English capitalises them)."""
    best_of: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    for (a, b), _score in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
        best_of[a].setdefault(b[0], b)
        best_of[b].setdefault(a[0], a)
    taken: set[tuple[str, str]] = set()
    found = []
    ordered = sorted(groups, key=lambda k: (-groups[k].count, k[1], k[0]))
    for key in ordered:
        if key in taken or not groups[key].in_original:
            continue
        members = [key] + [
            other
            for other in best_of[key].values()
            if best_of[other].get(key[0]) == key and other not in taken
        ]
        taken.update(members)
        cands = [groups[k] for k in members]
        found.append(Suggestion(cands, next(filter(None, map(_kind, cands)), None)))
    return sorted(found, key=lambda s: (-s.count, s.candidates[0].base))


@cache
def _to_ascii() -> icu.Transliterator:
    # Ukrainian by the BGN/PCGN romanisation (Київ: kyyiv), any other script by ICU's default
    return icu.Transliterator.createInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower")


def slug(name: str) -> str:
    """A register ID for ``name``: ASCII, lower case, words joined by hyphens."""
    ascii_name = re.sub(r"[^\w\s-]", "", _to_ascii().transliterate(name))  # apostrophes
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name)) or "todo"


class _Quoted(str):
    """A stub's placeholder written in double quotes, so that the definition typed over it
    may hold commas and colons (unquoted inside ``{pl: …}`` they would end the value)."""


class _StubDumper(yaml.SafeDumper):
    pass


_StubDumper.add_representer(
    _Quoted,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'),
)


def stubs_yaml(suggestions: list[Suggestion]) -> str:
    """The suggestions as register entries to paste into ``glossary/*.yml``, each with a
    comment saying how often and where the name occurs, its forms and what it overlaps."""
    out = []
    for s in suggestions:
        lead = s.candidates[0]
        comment = [f"# {s.count}x {lead.base}"]
        for c in s.candidates:
            forms = ", ".join(f"{form} {n}" for form, n in c.forms.most_common())
            where: dict[str, list[str]] = {}
            for text, par in c.places:
                where.setdefault(text, []).append(par)
            places = "; ".join(f"{text} {', '.join(pars)}" for text, pars in where.items())
            comment.append(f"#   {c.lang}: {forms} (in {places})")
        same = sorted(set().union(*(c.same_name for c in s.candidates)))
        if same:
            comment.append(
                f"#   a name of register entry {', '.join(same)} in another language:"
                " add it there as a name or variant rather than as a new entry"
            )
        contains = sorted(set().union(*(c.overlaps for c in s.candidates)) - set(same))
        if contains:
            comment.append(
                f"#   contains a name of register entry {', '.join(contains)}: a variant of it,"
                " or a new entry?"
            )
        names: dict[str, Any] = {}
        for c in s.candidates:
            names[c.lang] = {"name": c.base}
            if c.variants:
                names[c.lang]["variants"] = sorted(c.variants)
        entry = {
            "id": slug(lead.base),
            "kind": s.kind or "TODO person, place, organisation or term",
            "names": names,
            "definition": {lead.lang: _Quoted("TODO")},
        }
        dumped = yaml.dump(
            [entry],
            Dumper=_StubDumper,
            allow_unicode=True,
            sort_keys=False,
            width=1000,
            default_flow_style=None,
        )
        out.append("\n".join(comment) + "\n" + dumped)
    return "\n".join(out)
