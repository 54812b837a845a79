"""The classes of matching error seen on real news text (issue #16's table), one group of
readable cases each, in both languages, with what must be found and what must not.

Each case: a language, a text, and the mentions expected in it as "surface=ref". The
register is test_matching's plus the entries below. Cases of a text that decides between
entries sharing a name give the text's paragraphs, one per line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.analysis.annotate import Matcher
from edition.base.lang import get
from edition.base.register import Register, load_register
from tests.specs.test_matching import ENTRIES

MORE = [
    ("msz-pl", "organisation", {"pl": ["Ministerstwo Spraw Zagranicznych RP", "MSZ"], "uk": ["Міністерство закордонних справ Польщі", "МЗС"]}, []),
    ("msz-ua", "organisation", {"pl": ["Ministerstwo Spraw Zagranicznych Ukrainy", "MSZ"], "uk": ["Міністерство закордонних справ України", "МЗС"]}, ["MSZ", "МЗС"]),
    ("basf", "organisation", {"pl": ["BASF"], "uk": ["BASF"]}, []),
    ("wintershall", "organisation", {"pl": ["Wintershall Dea", "BASF-Wintershall"], "uk": ["Wintershall Dea", "BASF-Wintershall"]}, []),
    ("boeing", "organisation", {"pl": ["Boeing"], "uk": ["Боїнг"]}, []),
    ("airbus", "organisation", {"pl": ["Airbus"], "uk": ["Ейрбас"]}, []),
    ("bila", "person", {"pl": ["Biała"], "uk": ["Біла"]}, []),
    ("kim-jong-il", "person", {"pl": ["Kim Dzong Il", "Kim"], "uk": ["Кім Чен Ір", "Кім"]}, []),
    ("riga", "place", {"pl": ["Ryga"], "uk": ["Рига"]}, []),
]  # fmt: skip


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Register:
    folder = tmp_path_factory.mktemp("register")
    items = [
        {
            "id": ident,
            "kind": kind,
            "names": {c: {"name": n[0], "variants": n[1:]} for c, n in names.items()},
            "definition": {"pl": "d"},
            **({"preferred": preferred} if preferred else {}),
        }
        for ident, kind, names, preferred in [(*e, []) for e in ENTRIES] + MORE
    ]
    (folder / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    return load_register(folder, ("pl", "uk", "en"))


@pytest.fixture(scope="module")
def matchers(register: Register) -> dict[str, Matcher]:
    return {code: Matcher(register, get(code)) for code in ("pl", "uk")}


def found(matcher: Matcher, text: str) -> list[str]:
    """The mentions of a text whose lines are its paragraphs, decided by the whole text."""
    paragraphs = text.split("\n")
    per_paragraph, _choices = matcher.find_text(paragraphs)
    return [
        f"{p[m.start : m.end]}={m.ref}"
        for p, ms in zip(paragraphs, per_paragraph, strict=True)
        for m in ms
    ]


CLASSES = {
    "a capitalised name word is a common word, mostly at a sentence start": [
        ("pl", "Kim jesteś? Spytał, czy Kim przyjechał i kim jest.", ["Kim=kim"]),
        ("pl", "Dane z Danii. Dania milczy.", ["Danii=denmark", "Dania=denmark"]),
        ("uk", "Дані з Данії. Данія мовчить.", ["Данії=denmark", "Данія=denmark"]),
        ("uk", "Кім прибув, а Кіму дали слово.", ["Кім=kim", "Кіму=kim"]),
    ],
    "the name is an adjective's form too": [
        ("pl", "Polska delegacja przyjechała. Polska podpisała umowę.", ["Polska=poland"]),
        ("pl", "Polskie Radio podało, że w Polsce pada.", ["Polsce=poland"]),
        ("pl", "Wysłano list, a Polska ropa drożeje.", []),
        ("uk", "Біла хата стоїть. Біла сказала правду.", ["Біла=bila"]),
        ("uk", "Польське радіо про Польщу.", ["Польщу=poland"]),
    ],
    "hyphenated words read as their first segment": [
        ("pl", "I wtedy I-PACE ruszył.", ["I-PACE=i-pace"]),
        ("pl", "Lotnisko Kraków-Balice i Kraków.", ["Kraków=krakow", "Kraków=krakow"]),
        ("uk", "I тоді I-PACE рушив.", ["I-PACE=i-pace"]),
        ("uk", "Аеропорт Краків-Баліце і Краків.", ["Краків=krakow", "Краків=krakow"]),
    ],
    "hyphen compounds that hold two names": [
        ("pl", "Spór Boeing-Airbus i rozmowy UE-Chiny.", ["Boeing=boeing", "Airbus=airbus", "UE=eu", "Chiny=china"]),
        ("pl", "Kanał Telegram-owy to nie Telegram-kanał.", ["Telegram=telegram", "Telegram=telegram"]),
        ("uk", "Суперечка Боїнг-Ейрбас і Telegram-канал.", ["Боїнг=boeing", "Ейрбас=airbus", "Telegram=telegram"]),
        ("uk", "Переговори ЄС-Китай.", ["ЄС=eu", "Китай=china"]),
    ],
    "names with a numeral after a hyphen, inflected": [
        ("pl", "Start Łuny-9, lot Łuną-9; łuna-9 to nie nazwa.", ["Łuny-9=luna-9", "Łuną-9=luna-9"]),
        ("uk", "Політ Аполлона-11; Аполлона-12 не було.", ["Аполлона-11=luna-9"]),
    ],
    "Polish apostrophe endings of foreign names": [
        ("pl", "Sonety Shakespeare'a i list do Joyce'a.", ["Shakespeare'a=shakespeare", "Joyce'a=joyce"]),
        ("pl", "Styl Joyce'owskiego pisarza.", []),
    ],
    "consonant alternation in names the dictionary does not know": [
        ("pl", "W Bralocie i w Brenthesterze.", ["Bralocie=bralota", "Brenthesterze=brenthester"]),
        ("pl", "Bralocki i Brenthesterka to nie one.", []),
        ("uk", "У Бранбурзі й Бранеці.", ["Бранбурзі=brenthester", "Бранеці=bralota"]),
        ("uk", "Бранбуржець і Бранечка не вони.", []),
    ],
    "one name, several entries": [
        ("pl", "Ministerstwo Spraw Zagranicznych RP zaprotestowało.\nMSZ wydało oświadczenie.", ["Ministerstwo Spraw Zagranicznych RP=msz-pl", "MSZ=msz-pl"]),
        ("pl", "MSZ wydało oświadczenie.", ["MSZ=msz-ua"]),
        ("pl", "Kim Ir Sen przyjął gości.\nPotem Kim wyjechał.", ["Kim Ir Sen=kim", "Kim=kim"]),
        ("pl", "Kim Dzong Il przyjął gości.\nPotem Kim wyjechał, a Kim Dzong Il wrócił.", ["Kim Dzong Il=kim-jong-il", "Kim=kim-jong-il", "Kim Dzong Il=kim-jong-il"]),
        ("uk", "Міністерство закордонних справ Польщі заявило.\nМЗС мовчить.", ["Міністерство закордонних справ Польщі=msz-pl", "МЗС=msz-pl"]),
        ("uk", "МЗС мовчить.", ["МЗС=msz-ua"]),
    ],
    "an exact variant of one entry loses to a lemma match of another": [
        ("pl", "Spółka BASF-Wintershall i sam BASF.", ["BASF-Wintershall=wintershall", "BASF=basf"]),
        ("uk", "Компанія BASF-Wintershall і BASF.", ["BASF-Wintershall=wintershall", "BASF=basf"]),
    ],
    "nested names: the longest wins": [
        ("pl", "Program Komunistycznej Partii Japonii i Japonia.", ["Komunistycznej Partii Japonii=cpj", "Japonia=japan"]),
        ("uk", "Програма Комуністичної партії Японії та Японія.", ["Комуністичної партії Японії=cpj", "Японія=japan"]),
    ],
}  # fmt: skip

CASES = [(cls, *case) for cls, cases in CLASSES.items() for case in cases]


@pytest.mark.parametrize(
    ("cls", "code", "text", "expected"), CASES, ids=[f"{c[0][:30]}: {c[2][:30]}" for c in CASES]
)
def test_error_class(
    matchers: dict[str, Matcher], cls: str, code: str, text: str, expected: list[str]
) -> None:
    assert found(matchers[code], text) == expected


def test_every_class_has_cases_in_both_languages() -> None:
    """Each class is specified in Polish and Ukrainian (the apostrophe endings are Polish)."""
    for cls, cases in CLASSES.items():
        assert {c[0] for c in cases} == ({"pl"} if "Polish" in cls else {"pl", "uk"}), cls


def test_a_decided_name_says_why(matchers: dict[str, Matcher]) -> None:
    _mentions, (choice,) = matchers["pl"].find_text(
        ["Ministerstwo Spraw Zagranicznych RP zaprotestowało.", "MSZ wydało oświadczenie."]
    )
    assert (choice.paragraph, choice.mention.ref, choice.candidates) == (
        1,
        "msz-pl",
        ("msz-ua", "msz-pl"),
    )
    assert choice.reason == "the text names it by a fuller name"


def test_check_reports_what_wins_where(register: Register) -> None:
    notes = [p.message for p in Matcher(register, get("pl")).report()]
    assert (
        "pl name 'MSZ' is shared by msz-pl, msz-ua: in a text, the one it names elsewhere by a"
        " fuller name, or mentions most by names of its own; else msz-ua (the register marks it"
        " preferred)"
    ) in notes
    assert (
        "pl name 'Kim' is shared by kim, kim-jong-il: in a text, the one it names elsewhere by a"
        " fuller name, or mentions most by names of its own; else kim (listed first in the"
        " register)"
    ) in notes
    assert (
        "pl name 'Polska' of poland is also a common word (polski): found only where the"
        " dictionary reads the word as this name, not where it is an adjective agreeing with the"
        " next word"
    ) in notes


def test_check_reports_case_twins_and_one_letter_names(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        "- {id: ryba-person, kind: person, names: {pl: {name: Ryba}}, definition: {pl: d}}\n"
        "- {id: ryba, kind: term, names: {pl: {name: ryba}}, definition: {pl: d}}\n"
        "- {id: x, kind: organisation, names: {pl: {name: X}}, definition: {pl: d}}\n",
        "utf-8",
    )
    matcher = Matcher(load_register(tmp_path, ("pl",)), get("pl"))
    notes = [str(p) for p in matcher.report()]
    assert notes == [
        f"{tmp_path / 'a.yml'}:1: pl names 'Ryba' (ryba-person), 'ryba' (ryba) differ only in"
        " case: a word spelled as one of them goes to that one; a form the case rules let several"
        " take (a capitalised name needs a capital, an acronym capitals) goes, in a text, the one"
        " it names elsewhere by a fuller name, or mentions most by names of its own; else"
        " ryba-person (listed first in the register)",
        f"{tmp_path / 'a.yml'}:3: pl name 'X' of x is one letter: every capitalised 'X' standing"
        " alone is taken for it (an initial 'X.' too); give the entry a longer name, or correct"
        " occurrences in the text's annotations.yml",
    ]
    assert found(matcher, "Ryba i ryba, Rybie.") == [
        "Ryba=ryba-person",
        "ryba=ryba",
        "Rybie=ryba-person",
    ]
