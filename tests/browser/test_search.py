"""What a reader does with search: every form of a word, names across languages, a result that
lands on its sentence; online and from disk, with nothing loaded from outside the site."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from edition.base import lang
from edition.base.lang.base import MIN_STEM
from edition.base.morphology import Analyser, normalise
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived.search_index import file_name, fold, name_key, shard_of, words
from tests.conftest import ROOT, axe_violations

pytestmark = pytest.mark.browser

MANCHURIA = "manchuria"
MANCHURIA_1920 = "manchuria-1920-1934"
JAPAN = "Q17"


@pytest.fixture(scope="module")
def corpus():
    return load(read_settings(ROOT / "mkdocs.yml"))


def search(page: Page, base: str, query: str, **filters: str) -> list[dict]:
    """Run a query on the search page as a reader does; returns the result links shown."""
    text = filters.pop("text", None)
    page.goto(f"{base}/search.html" + (f"?text={text}" if text else ""))
    if text:  # the page lists no texts: a text is chosen by its link, shown by its title
        expect(page.locator("#ed-search-in strong")).not_to_be_empty()
    page.fill("#ed-search-q", query)
    for name, value in filters.items():
        page.select_option(f"#ed-search-{name}", value)
    page.press("#ed-search-q", "Enter")
    expect(page.locator("#ed-search-status")).not_to_be_empty()
    show_all(page)
    return page.eval_on_selector_all(
        ".ed-search-group li a",
        """links => links.map(a => ({href: a.getAttribute('href'),
            marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent),
            group: a.closest('section').querySelector('h2').textContent}))""",
    )


def show_all(page: Page) -> None:
    """Press "Show more" until every page of results is shown."""
    more = page.locator(".ed-search-more")
    while more.count():
        shown = page.locator(".ed-search-group li").count()
        more.click()
        expect(page.locator(".ed-search-group li")).not_to_have_count(shown)


def query(page: Page, q: str, **filters: str) -> list[dict]:
    """The browser's query engine, results flattened (page: any page of the built site)."""
    groups = page.evaluate("([q, f]) => edSearch.query(q, f)", [q, filters])
    return [r for g in groups for r in g["results"]]


def test_mandzuria_finds_the_three_polish_paragraphs_in_any_case(
    page: Page, base: str, corpus, guard
) -> None:
    expected = {
        (text.id, pid)
        for text in corpus.texts
        for pid, ms in corpus.of(text, text.version("pl")).items()
        if any(m.ref == MANCHURIA for m in ms)
    }
    assert len(expected) == 3
    for q in ("Mandżuria", "mandżuria", "MANDŻURIA", "Mandzuria"):
        links = search(page, base, q, lang="pl")
        found = {
            (h.split("/")[1].split(".")[0], h.split("#")[1].split("s")[0])
            for h in (x["href"] for x in links)
        }
        assert found == expected, q
        assert all(x["marks"] and x["marks"][0].startswith("Mandżur") for x in links)
    guard.assert_clean()


def test_japonia_in_ukrainian_finds_every_sentence_with_any_form(
    page: Page, base: str, corpus, guard
) -> None:
    analyser = Analyser(lang.get("uk"))
    expected, named, forms = set(), set(), set()
    for text in corpus.texts:
        version = text.version("uk")
        mentions = corpus.of(text, version)
        for par in version.paragraphs:
            for k, s in enumerate(par.sentences):
                key = (text.id, par.id, k)
                for _, _, w in words(par.text[s.start : s.end]):
                    if "японія" in analyser.analyse(w).lemmas:
                        expected.add(key)
                        forms.add(w)
                if any(m.ref == JAPAN and s.start <= m.start < s.end for m in mentions[par.id]):
                    named.add(key)
    assert {"Японія", "Японії", "Японією"} <= forms  # the corpus has several cases
    search(page, base, "Японія", lang="uk")
    found = {(r["text"], r["pid"], r["s"]) for r in query(page, "Японія", lang="uk")}
    assert expected <= found
    assert found <= expected | named  # anything else is a mention of Japan ("Японська імперія")
    shown = page.locator(".ed-search-group li")
    expect(shown).to_have_count(len(found))
    guard.assert_clean()


def test_chiang_kai_shek_from_the_english_header_finds_both_texts_in_every_language(
    page: Page, base: str, guard
) -> None:
    page.goto(f"{base}/index.html")
    box = page.locator(".ed-header-search input[name=q]")
    box.fill("Chiang Kai-shek")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.split("?")[0].endswith("/search.html")
    expect(page.locator("#ed-search-status")).not_to_be_empty()
    show_all(page)
    expect(page.locator(".ed-search-group")).to_have_count(2)
    marks = set(
        page.eval_on_selector_all(".ed-search-group mark", "ms => ms.map(m => m.textContent)")
    )
    assert {"Czang Kaj-szeka", "Чан Кайши", "Chiang Kai-shek"} <= marks
    langs = set(page.eval_on_selector_all(".ed-kwic", "ks => ks.map(k => k.lang)"))
    assert langs == {"pl", "uk", "en"}
    guard.assert_clean()


def test_a_result_lands_on_its_sentence_and_marks_the_word(page: Page, base: str, guard) -> None:
    links = search(page, f"{base}/pl", "Mandżuria", lang="pl")
    with page.expect_navigation():
        page.locator(".ed-search-group li a").first.click()
    fragment = links[0]["href"].split("#")[1]
    assert page.url.endswith(f"/pl/texts/manchuria-1920-1934.html#{fragment}")  # hl= dropped
    expect(page.locator(".ed-range")).to_have_count(1)
    expect(page.locator(".ed-range")).to_have_attribute("id", fragment)
    expect(page.locator(f"#{fragment} mark.ed-mark")).to_have_text(links[0]["marks"])
    # A hit in a translation opens the parallel view at the original sentence it renders,
    # with the translated sentence highlighted and the word marked.
    links = search(page, f"{base}/uk", "Японією", lang="uk", text="manchuria-1920-1934")
    with page.expect_navigation():
        page.locator(".ed-search-group li a").first.click()
    assert "/uk/parallel/manchuria-1920-1934.html" in page.url
    hit = page.locator('.ed-cell[data-lang="uk"] .ed-s.ed-hit')
    expect(hit).to_have_count(1)
    expect(hit.locator("mark.ed-mark")).to_have_text(links[0]["marks"])
    assert links[0]["marks"][0].startswith("Япон")
    top = hit.bounding_box()
    assert top and 0 <= top["y"] < 700
    guard.assert_clean()


def test_phrases_and_filters(page: Page, server: str) -> None:
    page.goto(f"{server}/search.html")
    loose = query(page, "Japonia Chiny", lang="pl")
    phrase = query(page, '"Japonia Chiny"', lang="pl")
    assert phrase == [] and loose
    assert loose[0]["terms"] == 2  # sentences with both words first
    assert all(r["lang"] == "pl" for r in loose)
    narrowed = query(page, "Japonia", text="manchuria-1920-1934")
    assert narrowed and {r["text"] for r in narrowed} == {"manchuria-1920-1934"}
    assert {r["lang"] for r in narrowed} == {"pl", "uk", "en"}
    assert query(page, "słowobezsensu") == []
    page.fill("#ed-search-q", "słowobezsensu")
    page.press("#ed-search-q", "Enter")
    expect(page.locator("#ed-search-status")).to_contain_text("słowobezsensu")


def test_recall_every_register_entry_by_its_base_name(page: Page, server: str, corpus) -> None:
    """Acceptance: the base name of every entry, searched in each language of the texts,
    finds every paragraph where the annotation found the entry."""
    cases = []
    for text in corpus.texts:
        for version in text.versions:
            where: dict[str, set[str]] = {}
            for pid, ms in corpus.of(text, version).items():
                for m in ms:
                    where.setdefault(m.ref, set()).add(pid)
            for ref, pids in where.items():
                cases.append(
                    [
                        corpus.register[ref].names[version.lang][0],
                        text.id,
                        version.lang,
                        sorted(pids),
                    ]
                )
    assert len(cases) > 100
    page.goto(f"{server}/search.html")
    missing = page.evaluate(
        """async cases => {
            const missing = [];
            for (const [q, text, lang, pids] of cases) {
                const found = new Set();
                for (const g of await edSearch.query(q, {text, lang}))
                    for (const r of g.results) found.add(r.pid);
                const lost = pids.filter(p => !found.has(p));
                if (lost.length) missing.push([q, text, lang, lost]);
            }
            return missing;
        }""",
        cases,
    )
    assert missing == [], json.dumps(missing, ensure_ascii=False)


def test_the_engine_agrees_with_the_index_builder(page: Page, server: str) -> None:
    page.goto(f"{server}/search.html")
    samples = ["Mandżurii", "ŁÓDŹ", "Японією", "їжак", "з’ясування", "Kaj-szek", "Ünal"]
    samples += ["Mandz\u0307urii", "Украі\u0308ни", "Man\u00addżurii", "Ja\u200dponii"]
    got = page.evaluate("ws => ws.map(w => edSearch.fold(edSearch.normalise(w)))", samples)
    assert got == [fold(normalise(w)) for w in samples]
    assert got[:2] == ["mandzurii", "lodz"]
    names = ["Czang  Kaj-szek", "З’ясування", "Mandżuria!"]
    keys = page.evaluate("ns => ns.map(n => edSearch.nameKey(edSearch.parse(n)[0].words))", names)
    assert keys == [name_key(n) for n in names]
    prefixes = ["", "a", "ab", "м", "ма"]
    keys = ["abc", "a", "b", "мак", "m", "x"]
    assert page.evaluate(
        "([ps, ks]) => ks.map(k => edSearch.shardOf(ps, k))", [prefixes, keys]
    ) == [shard_of(prefixes, k) for k in keys]
    assert page.evaluate("ps => ps.map(p => edSearch.fileName('f', p))", prefixes) == [
        file_name("f", p)[:-3] for p in prefixes
    ]


def test_query_parsing_ranking_and_snippets(page: Page, server: str) -> None:
    page.goto(f"{server}/search.html")
    parsed = page.evaluate("""() => [
        edSearch.parse('Mandżuria'), edSearch.parse('"Czang Kaj-szek" Japonia'),
        edSearch.parse('„Czang Kaj-szek”'), edSearch.parse('a b')]""")
    assert parsed[0] == [{"words": ["Mandżuria"], "phrase": False}]
    assert parsed[1] == [
        {"words": ["Czang", "Kaj-szek"], "phrase": True},
        {"words": ["Japonia"], "phrase": False},
    ]
    assert parsed[2] == [{"words": ["Czang", "Kaj-szek"], "phrase": True}]
    assert parsed[3][0]["words"] == ["a", "b"] and len(parsed[3][0]["unlessName"]) == 2

    results = [
        {"id": "late-exact", "terms": 1, "tier": 0, "d": 1, "p": 5, "s": 0},
        {"id": "early-lemma", "terms": 1, "tier": 1, "d": 0, "p": 0, "s": 0},
        {"id": "fallback", "terms": 1, "tier": 2, "d": 0, "p": 0, "s": 1},
        {"id": "both-terms", "terms": 2, "tier": 2, "d": 3, "p": 9, "s": 9},
        {"id": "early-exact", "terms": 1, "tier": 0, "d": 0, "p": 7, "s": 2},
    ]
    ranked = page.evaluate("rs => edSearch.rank(rs).map(r => r.id)", results)
    assert ranked == ["both-terms", "early-exact", "late-exact", "early-lemma", "fallback"]
    groups = page.evaluate(
        "rs => edSearch.group(rs).map(g => [g.text, g.results.map(r => r.id)])",
        [{"id": 1, "text": "b"}, {"id": 2, "text": "a"}, {"id": 3, "text": "b"}],
    )
    assert groups == [["b", [1, 3]], ["a", [2]]]

    text = "Jeden dwa trzy cztery pięć Mandżurii sześć siedem osiem dziewięć dziesięć."
    at = text.index("Mandżurii")
    cut = page.evaluate(
        "([t, s]) => edSearch.snippet(t, s, 12)", [text, [[at, at + len("Mandżurii")]]]
    )
    assert cut == [
        {"text": "… ", "mark": False},
        {"text": "cztery pięć ", "mark": False},
        {"text": "Mandżurii", "mark": True},
        {"text": " sześć", "mark": False},
        {"text": " …", "mark": False},
    ]
    whole = page.evaluate("([t, s]) => edSearch.snippet(t, s, 500)", [text, [[0, 5], [at, at + 9]]])
    assert "".join(x["text"] for x in whole) == text  # nothing lost when it all fits
    assert [x["text"] for x in whole if x["mark"]] == ["Jeden", "Mandżurii"]


def test_search_page_is_accessible_and_fits_a_phone(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    for ui, chosen in (
        ("", ""),
        ("pl/", ""),
        ("uk/", ""),
        ("", MANCHURIA_1920),
        ("uk/", MANCHURIA_1920),
    ):
        page.goto(f"{server}/{ui}search.html?q=Chiang%20Kai-shek&text={chosen}")
        expect(page.locator(".ed-search-group").first).to_be_visible()
        if chosen:
            expect(page.locator("#ed-search-in")).to_be_visible()
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{ui}search.html scrolls sideways by {overflow}px"
        violations = axe_violations(page)
        assert violations == [], f"{ui}: {json.dumps(violations, ensure_ascii=False)}"
    context.close()


def test_keyboard_only(page: Page, server: str) -> None:
    page.goto(f"{server}/uk/search.html")
    page.locator("#ed-search-q").focus()
    page.keyboard.type("Японія")
    # The word's shard is loaded while the reader types, before the query is sent.
    # a function, not an expression: Playwright evals expressions, which the page's CSP forbids
    page.wait_for_function(
        "() => document.querySelector('head script[src*=\"/search/s_\"]') !== null"
    )
    page.keyboard.press("Enter")
    status = page.locator("#ed-search-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("Знайдено")
    page.keyboard.press("Tab")  # the submit button
    for _ in range(2):  # the language filter (no text is chosen), then the first result
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.ed-search-group') !== null")
    assert focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/uk/parallel/manchuria-1920-1934.html" in page.url and "#p" in page.url
    expect(page.locator(".ed-hit mark.ed-mark")).to_have_text(["Японія"])


def mentioned(corpus, ref: str) -> set[tuple[str, str, str]]:
    """(text, language, paragraph) of every paragraph where the annotation found ``ref``."""
    return {
        (text.id, version.lang, pid)
        for text in corpus.texts
        for version in text.versions
        for pid, ms in corpus.of(text, version).items()
        if any(m.ref == ref for m in ms)
    }


def found(page: Page, q: str) -> set[tuple[str, str, str]]:
    return {(r["text"], r["lang"], r["pid"]) for r in query(page, q)}


def corpus_forms(corpus) -> set[str]:
    return {
        normalise(w)
        for text in corpus.texts
        for version in text.versions
        for par in version.paragraphs
        for _, _, w in words(par.text)
    }


ENTITY_QUERIES = [
    ("Stalina", "Q855"),
    ("Stalinowi", "Q855"),
    ("Сталіна", "Q855"),
    ("Józefa Stalina", "Q855"),
    ("Mao Zedonga", "Q5816"),
    ("Мао Цзедуна", "Q5816"),
    ("Mandżurię", MANCHURIA),
    ("Маньчжурії", MANCHURIA),
    ("Chiang Kai-sheka", "Q16574"),
]


def test_every_form_of_a_name_finds_its_mentions_in_every_language(
    page: Page, base: str, corpus, guard
) -> None:
    """The issue's queries: a name in a form the corpus may not have ("Stalinowi" is nowhere
    in it) finds the entry's mentions in all three languages, as its base form does."""
    assert "stalinowi" not in corpus_forms(corpus) and "сталіна" not in corpus_forms(corpus)
    page.goto(f"{base}/search.html")
    for q, ref in ENTITY_QUERIES:
        expected = mentioned(corpus, ref)
        assert {lang for _, lang, _ in expected} == {"pl", "uk", "en"}, ref
        assert expected <= found(page, q), q
    guard.assert_clean()


def test_a_form_of_a_common_word_finds_every_form_of_its_lemma(
    page: Page, base: str, corpus, guard
) -> None:
    analyser = Analyser(lang.get("pl"))
    expected = {
        (text.id, "pl", par.id)
        for text in corpus.texts
        for par in text.version("pl").paragraphs
        if any("japończyk" in analyser.analyse(w).lemmas for _, _, w in words(par.text))
    }
    assert expected and "japończyk" not in corpus_forms(corpus)  # only other forms occur
    page.goto(f"{base}/search.html")
    assert expected <= found(page, "Japończyk")
    links = search(page, base, "Japończyk", lang="pl")
    assert links and all(x["marks"][0].startswith("Japończy") for x in links)
    why = page.locator(".ed-search-why").first
    expect(why).to_contain_text("Japończyk")  # why it matched: a form of the word typed
    guard.assert_clean()


def test_results_come_as_the_reader_types_a_word_begun(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/pl/search.html")
    page.locator("#ed-search-q").press_sequentially("Mandż", delay=30)
    expect(page.locator(".ed-search-group").first).to_be_visible()  # no Enter pressed
    marks = page.eval_on_selector_all(".ed-search-group mark", "ms => ms.map(m => m.textContent)")
    assert marks and all(m.lower().startswith("mandż") for m in marks)
    assert "?q=" not in page.url  # typing does not rewrite the address; Enter does
    expect(page.locator(".ed-search-why").first).to_contain_text("Mandż")
    guard.assert_clean()


def test_enter_keeps_the_results_of_a_word_begun(page: Page, base: str, guard) -> None:
    # "Mandż" is no whole word: sent by Enter (or a link) it is taken as begun, as while typing
    for url in (f"{base}/pl", f"{base}/uk"):
        links = search(page, url, "Mandż")
        assert links and all(x["marks"][0].lower().startswith("mandż") for x in links)
    page.goto(f"{base}/uk/search.html?q=" + quote("Яп"))
    expect(page.locator(".ed-search-group").first).to_be_visible()
    marks = page.eval_on_selector_all(".ed-search-group mark", "ms => ms.map(m => m.textContent)")
    assert marks and all(m.lower().startswith("яп") for m in marks)
    guard.assert_clean()


def test_the_header_box_offers_entries_and_hits_before_enter(page: Page, base: str, guard) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base}/uk/index.html")
    page.locator(".ed-header-search input[name=q]").press_sequentially("Маньчж", delay=30)
    hits = page.locator("#ed-header-hits")
    expect(hits).to_be_visible()
    expect(hits.locator(".ed-header-entry a").first).to_have_text("Маньчжурія")
    expect(hits.locator("li mark").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/uk/register/entries/place-" in page.url and page.url.endswith("#manchuria")
    guard.assert_clean()


def test_a_one_letter_typo_gets_a_suggestion(page: Page, base: str, guard) -> None:
    page.goto(f"{base}/search.html")
    for typo, meant in (
        ("Mandżuira", "Mandżuria"),
        ("Stalinwi", "Stalinowi"),
        ("Mnadżuria", "Mandżuria"),
    ):
        page.fill("#ed-search-q", typo)
        page.press("#ed-search-q", "Enter")
        suggestion = page.locator("#ed-search-status .ed-search-suggestion")
        expect(suggestion).to_have_text(meant)
    with page.expect_navigation():
        suggestion.click()
    expect(page.locator(".ed-search-group").first).to_be_visible()
    guard.assert_clean()


def test_did_you_mean_reads_candidate_files_not_shards(page: Page, server: str) -> None:
    """A typo in the first letters moves a word to another shard: the suggestion reads that
    shard's forms alone (``d_<prefix>.js``), never the shard itself."""
    page.goto(f"{server}/search.html")
    page.wait_for_load_state("networkidle")
    meant = page.evaluate("() => edSearch.search('Mnadżuria', {}).then(s => s.suggestion)")
    loaded = page.eval_on_selector_all(
        'head script[src*="/search/"]', "ss => ss.map(s => s.src.split('/').pop())"
    )
    assert meant == "Mandżuria"
    candidates = [f for f in loaded if f.startswith("d_")]
    assert candidates
    assert not any("s" + f[1:] in loaded for f in candidates)


def test_a_query_loads_only_the_paragraphs_it_shows(page: Page, server: str) -> None:
    """Snippets come from files of their own paragraph, never a whole text; a frequent word's
    hits come a page at a time."""
    page.goto(f"{server}/search.html")
    page.wait_for_load_state("networkidle")
    state = page.evaluate(
        "() => edSearch.search('i', {}).then(s => ({n: s.results.length, more: !!s.more}))"
    )
    loaded = page.eval_on_selector_all(
        'head script[src*="/search/t_"]', "ss => ss.map(s => s.src.split('/').pop())"
    )
    assert state["n"] >= 10 and state["more"]
    assert loaded and all(re.fullmatch(r"t_\d+_\d+\.js", f) for f in loaded)
    assert len(loaded) <= 30
    # A page stops reading paragraphs once it has read that many bytes of their text (12,000
    # unless told; this corpus is too small to reach it): fewer results, the rest on the next.
    page.goto(f"{server}/search.html")
    page.wait_for_load_state("networkidle")
    n = page.evaluate("() => edSearch.search('i', {pageBytes: 2000}).then(s => s.results.length)")
    loaded = page.eval_on_selector_all(
        'head script[src*="/search/t_"]', "ss => ss.map(s => s.src.split('/').pop().slice(0, -3))"
    )
    texts = page.evaluate(
        "names => names.map(n => new TextEncoder().encode(edSearch.loaded(n).text).length)", loaded
    )
    assert 0 < n < 10
    assert sum(texts[:-1]) < 2000 <= sum(texts)
    more = page.evaluate(
        "() => edSearch.search('i', {pageBytes: 2000}).then(s => s.more()).then(m => m.results.length)"
    )
    assert more


def test_recall_every_form_of_every_entry_name(page: Page, server: str, corpus) -> None:
    """Acceptance: for every register entry and every form the dictionary gives of its name
    (for a word no dictionary knows: the fallback's endings), searching that form returns
    every paragraph where the annotation found the entry, in every language."""
    cases = []
    for entry in corpus.register:
        expected = sorted(mentioned(corpus, entry.id))
        if not expected:
            continue
        for code, names in entry.names.items():
            language = lang.get(code)
            ws = [w for _, _, w in words(names[0])]
            variants = {names[0]}
            for i in (0, len(ws) - 1):
                forms = set().union(*language.paradigms(ws[i]).values())
                if not forms and len(ws[i]) >= MIN_STEM:  # the fallback's endings
                    forms = {ws[i] + e for e in language.endings if e[0] not in "'-"}
                variants |= {" ".join([*ws[:i], f, *ws[i + 1 :]]) for f in forms}
            cases += [[q, [list(x) for x in expected]] for q in sorted(variants)]
    assert len(cases) > 1000
    page.goto(f"{server}/search.html")
    missing = page.evaluate(
        """async cases => {
            const missing = [];
            for (const [q, expected] of cases) {
                const found = new Set();
                for (const g of await edSearch.query(q, {}))
                    for (const r of g.results) found.add([r.text, r.lang, r.pid].join(" "));
                const lost = expected.filter(x => !found.has(x.join(" ")));
                if (lost.length) missing.push([q, lost]);
            }
            return missing;
        }""",
        cases,
    )
    assert missing == [], json.dumps(missing, ensure_ascii=False)


def _key(r: dict) -> tuple:
    return (r["text"], r["lang"], r["pid"], r["s"])


def test_a_filtered_query_finds_the_same_sentences_and_loads_no_document_table(
    page: Page, base: str, guard
) -> None:
    page.goto(f"{base}/search.html")
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[-1]))
    every = query(page, "Japonia")
    langs, texts = {r["lang"] for r in every}, {r["text"] for r in every}
    assert len(langs) > 1 and len(texts) > 1
    for code in langs:
        assert sorted(map(_key, query(page, "Japonia", lang=code))) == sorted(
            _key(r) for r in every if r["lang"] == code
        )
    for ident in texts:
        assert sorted(map(_key, query(page, "Japonia", text=ident))) == sorted(
            _key(r) for r in every if r["text"] == ident
        )
    assert "docs.js" not in loaded
    assert any(n.startswith("docs_") for n in loaded)  # the language filter's chunks
    assert {n for n in loaded if n.startswith("x_")} <= {f"x_{t}.js" for t in texts}
    guard.assert_clean()


def test_search_in_one_text_from_its_reading_page_and_clear_the_filter(
    page: Page, base: str, guard, corpus
) -> None:
    title = next(t for t in corpus.texts if t.id == MANCHURIA_1920).meta["title"]["pl"]
    page.goto(f"{base}/pl/texts/{MANCHURIA_1920}.html")
    if page.locator("details.ed-about").get_attribute("open") is None:  # open on wide screens
        page.locator("details.ed-about > summary").click()
    form = page.locator("form.ed-search-in-text")
    form.locator('input[name="q"]').fill("Japonia")
    with page.expect_navigation():
        form.locator('input[name="q"]').press("Enter")
    expect(page.locator("#ed-search-in strong")).to_have_text(title)
    expect(page.locator(".ed-search-group").first).to_be_visible()
    show_all(page)
    groups = page.eval_on_selector_all(".ed-search-group", "gs => gs.map(g => g.dataset.text)")
    assert groups == [MANCHURIA_1920]
    assert page.locator(".ed-search-group h2").first.text_content() == title
    page.locator("#ed-search-in button").click()
    expect(page.locator("#ed-search-in")).to_be_hidden()
    expect(page.locator(".ed-search-group")).not_to_have_count(1)
    assert "text=" not in page.url
    guard.assert_clean()
