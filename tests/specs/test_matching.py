"""The matcher, specified as readable behaviour cases (in the manner of Lute's term specs).

Each case: a register of a few entries, a sentence, and the mentions expected in it,
written as "surface=ref". Real analysers are used: Morfeusz 2 (pl), pymorphy3 (uk).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from edition.analysis.annotate import Matcher
from edition.base.lang import get
from edition.base.register import load_register

ENTRIES = [
    ("japan", "place", {"pl": ["Japonia"], "uk": ["Японія"], "en": ["Japan"]}),
    ("manchuria", "place", {"pl": ["Mandżuria"], "uk": ["Маньчжурія"], "en": ["Manchuria"]}),
    ("chiang", "person", {"pl": ["Czang Kaj-szek"], "uk": ["Чан Кайши"], "en": ["Chiang Kai-shek"]}),
    ("league", "organisation", {"pl": ["Liga Narodów"], "uk": ["Ліга Націй"], "en": ["League of Nations"]}),
    ("ussr", "place", {"pl": ["Związek Radziecki", "ZSRR"], "uk": ["СРСР", "Радянський Союз"], "en": ["USSR"]}),
    ("cer", "organisation", {"pl": ["Kolej Wschodniochińska", "KWŻD"], "uk": ["КВЖД"], "en": ["CER"]}),
    ("cpj", "organisation", {"pl": ["Komunistyczna Partia Japonii"], "uk": ["Комуністична партія Японії"], "en": ["Communist Party of Japan"]}),
    ("bogomolov", "person", {"pl": ["Bogomołow"], "uk": ["Д. В. Богомолов", "Богомолов"], "en": ["Bogomolov"]}),
    ("honghuzi", "term", {"pl": ["Chunguz"], "uk": ["хунхуз"], "en": ["honghuzi"]}),
    ("polpred", "term", {"pl": ["polpred"], "uk": ["повпред"], "en": ["polpred"]}),
    ("tsinghua", "organisation", {"pl": ["Uniwersytet Tsinghua"], "uk": ["Цин-Хуа"], "en": ["Tsinghua University"]}),
    ("clarify", "term", {"pl": ["wyjaśnienie"], "uk": ["з'ясування"], "en": ["clarification"]}),
    ("poland", "place", {"pl": ["Polska"], "uk": ["Польща"], "en": ["Poland"]}),
    ("kim", "person", {"pl": ["Kim Ir Sen", "Kim"], "uk": ["Кім Ір Сен", "Кім"], "en": ["Kim Il Sung"]}),
    ("denmark", "place", {"pl": ["Dania"], "uk": ["Данія"], "en": ["Denmark"]}),
    ("red-army", "organisation", {"pl": ["Czerwona Armia"], "uk": ["Червона армія"], "en": ["Red Army"]}),
    ("eu", "organisation", {"pl": ["Unia Europejska", "UE"], "uk": ["Європейський Союз", "ЄС"], "en": ["European Union", "EU"]}),
    ("china", "place", {"pl": ["Chiny"], "uk": ["Китай"], "en": ["China"]}),
    ("telegram", "organisation", {"pl": ["Telegram"], "uk": ["Telegram"], "en": ["Telegram"]}),
    ("krakow", "place", {"pl": ["Kraków"], "uk": ["Краків"], "en": ["Kraków"]}),
    ("i-pace", "term", {"pl": ["I-PACE"], "uk": ["I-PACE"], "en": ["I-PACE"]}),
    ("luna-9", "term", {"pl": ["Łuna-9"], "uk": ["Аполлон-11"], "en": ["Luna 9"]}),
    ("shakespeare", "person", {"pl": ["Shakespeare"], "uk": ["Шекспір"], "en": ["Shakespeare"]}),
    ("joyce", "person", {"pl": ["Joyce"], "uk": ["Джойс"], "en": ["Joyce"]}),
    ("baudelaire", "person", {"pl": ["Baudelaire"], "uk": ["Бодлер"], "en": ["Baudelaire"]}),
    ("brenthester", "place", {"pl": ["Brenthester"], "uk": ["Бранбург"], "en": ["Brenthester"]}),
    ("bralota", "place", {"pl": ["Bralota"], "uk": ["Бранека"], "en": ["Bralota"]}),
    ("ukraine", "place", {"pl": ["Ukraina"], "uk": ["Україна"], "en": ["Ukraine"]}),
    # typed decomposed in the register: n + U+0301 for ń
    ("poznan", "place", {"pl": ["Poznan\u0301"], "uk": ["Познань"], "en": ["Poznań"]}),
]  # fmt: skip


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("register")
    items = [
        {
            "id": ident,
            "kind": kind,
            "names": {c: {"name": n[0], "variants": n[1:]} for c, n in names.items()},
            "definition": {"pl": "d", "uk": "d", "en": "d"},
        }
        for ident, kind, names in ENTRIES
    ]
    Path(folder / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    return load_register(folder, ("en", "pl", "uk"))


def found(register, code: str, text: str) -> list[str]:
    return [f"{text[m.start : m.end]}={m.ref}" for m in Matcher(register, get(code)).find(text)]


CASES = [
    # inflected forms
    ("pl", "Wycofali się z Mandżurii, potem wrócili do Mandżurię.", ["Mandżurii=manchuria", "Mandżurię=manchuria"]),
    ("uk", "Китай воював з Японією, а Японії було мало.", ["Китай=china", "Японією=japan", "Японії=japan"]),
    ("pl", "W Polsce mówiono o Japonii.", ["Polsce=poland", "Japonii=japan"]),
    # multi-word names, inflected word by word
    ("pl", "Rząd Czang Kaj-szeka odwołał się do Ligi Narodów.", ["Czang Kaj-szeka=chiang", "Ligi Narodów=league"]),
    ("uk", "Нездатність Ліги Націй обурила Чан Кайши.", ["Ліги Націй=league", "Чан Кайши=chiang"]),
    ("pl", "Spór w Związku Radzieckim.", ["Związku Radzieckim=ussr"]),
    # initials are part of the name; the longest match wins
    ("uk", "з повпредом Д. В. Богомоловим і Богомолову", ["повпредом=polpred", "Д. В. Богомоловим=bogomolov", "Богомолову=bogomolov"]),
    # acronyms need capitals
    ("pl", "ZSRR i KWŻD; zsrr nie jest nazwą.", ["ZSRR=ussr", "KWŻD=cer"]),
    ("pl", "Wobec ZSRR-u i KWŻD-em.", ["ZSRR-u=ussr", "KWŻD-em=cer"]),
    ("uk", "СРСР і КВЖД", ["СРСР=ussr", "КВЖД=cer"]),
    # overlapping entries: the longer name wins, no nested mention of Japan
    ("pl", "Program Komunistycznej Partii Japonii był radykalny.", ["Komunistycznej Partii Japonii=cpj"]),
    # casing: a capitalised name needs a capitalised word; a lower-case term takes any case
    ("pl", "liga narodów to nie Liga Narodów.", ["Liga Narodów=league"]),
    ("uk", "Повпред прибув, а повпреда чекали.", ["Повпред=polpred", "повпреда=polpred"]),
    # unknown foreign words fall back to stem + endings
    ("pl", "Oddziały Chunguzów zaatakowały.", ["Chunguzów=honghuzi"]),
    # hyphenated names are one word
    ("uk", "професор університету Цин-Хуа", ["Цин-Хуа=tsinghua"]),
    # apostrophes: ', ’ and ʼ are the same letter for matching, untouched in the text
    ("uk", "для з’ясування і зʼясування", ["з’ясування=clarify", "зʼясування=clarify"]),
    # a word typed decomposed is one word, compared composed (NFC); the text keeps its characters
    ("pl", "Wojska weszły do Mandz\u0307urii.", ["Mandz\u0307urii=manchuria"]),
    ("uk", "Уряд Украі\u0308ни мовчав.", ["Украі\u0308ни=ukraine"]),
    ("pl", "Mieszkał w Krakowie i w Krako\u0301wie.", ["Krakowie=krakow", "Krako\u0301wie=krakow"]),
    ("pl", "Poznań, potem Poznan\u0301 i w Poznaniu.", ["Poznań=poznan", "Poznan\u0301=poznan", "Poznaniu=poznan"]),
    # a soft hyphen, a zero-width joiner or non-joiner inside a word is not seen
    ("pl", "Wojska weszły do Man\u00addżurii.", ["Man\u00addżurii=manchuria"]),
    ("pl", "Rząd Czang Kaj-sze\u00adka i Ja\u200dponii.", ["Czang Kaj-sze\u00adka=chiang", "Ja\u200dponii=japan"]),
    ("uk", "Уряд Украї\u200cни мовчав.", ["Украї\u200cни=ukraine"]),
    # no false friends: a prefix is not a form (Polak is not Polska)
    ("pl", "Polak i Japończyk spotkali się.", []),
    # a one-word name and a common word of the same letters: only the name's own readings
    ("pl", "Kim jesteś? Spytał, kim jest Kim.", ["Kim=kim"]),
    ("pl", "Rozmawiał z Kim Ir Senem.", ["Kim Ir Senem=kim"]),
    ("pl", "Dane z Danii. Dania i Danię znamy.", ["Danii=denmark", "Dania=denmark", "Danię=denmark"]),
    ("pl", "Polskie Radio nadało, że Polska i Polsce, a Polscy goście.", ["Polska=poland", "Polsce=poland"]),
    ("uk", "Дані з Данії. Кім прибув, а Кіму дали.", ["Данії=denmark", "Кім=kim", "Кіму=kim"]),
    ("uk", "Польське радіо, а Польща і Польщі.", ["Польща=poland", "Польщі=poland"]),
    # ... while a common noun inside a longer name still inflects
    ("pl", "Czerwonej Armii i Lidze Narodów.", ["Czerwonej Armii=red-army", "Lidze Narodów=league"]),
    ("uk", "Червоної армії і Лізі Націй.", ["Червоної армії=red-army", "Лізі Націй=league"]),
    # hyphenated compounds: a name of its own stays whole; else each segment is a word
    ("pl", "rozmowy UE-Chiny i Japonia-Chiny", ["UE=eu", "Chiny=china", "Japonia=japan", "Chiny=china"]),
    ("uk", "Telegram-канал і ЄС-Китай", ["Telegram=telegram", "ЄС=eu", "Китай=china"]),
    ("pl", "I tak jechał I-PACE. I-PACE-em dojechał do Krakowa, lotnisko Kraków-Balice.", ["I-PACE=i-pace", "I-PACE-em=i-pace", "Krakowa=krakow", "Kraków=krakow"]),
    ("pl", "Lot Łuny-9 i Łunie-9; łuna nad miastem.", ["Łuny-9=luna-9", "Łunie-9=luna-9"]),
    ("uk", "Політ Аполлона-11 і Аполлоном-11.", ["Аполлона-11=luna-9", "Аполлоном-11=luna-9"]),
    # Polish apostrophe endings after foreign names
    ("pl", "Sonety Shakespeare'a, list Baudelaire'owi, rozmowa z Joyce'em.", ["Shakespeare'a=shakespeare", "Baudelaire'owi=baudelaire", "Joyce'em=joyce"]),
    # names the dictionary does not know: the fallback knows the stem alternations
    ("pl", "W Brenthesterze i Bralocie, potem do Brenthesteru.", ["Brenthesterze=brenthester", "Bralocie=bralota", "Brenthesteru=brenthester"]),
    ("uk", "У Бранбурзі й Бранеці.", ["Бранбурзі=brenthester", "Бранеці=bralota"]),
    # English: plurals and possessives
    ("en", "Japan's army entered Manchuria; the USSR's reply came.", ["Japan's=japan", "Manchuria=manchuria", "USSR's=ussr"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_matching(register, code: str, text: str, expected: list[str]) -> None:
    assert found(register, code, text) == expected


def test_mentions_never_overlap_and_keep_text_order(register) -> None:
    text = "Związek Radziecki, ZSRR, Związku Radzieckiego i Japonii."
    mentions = Matcher(register, get("pl")).find(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
