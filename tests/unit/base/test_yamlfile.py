"""YAML loading and schema validation: what is refused, how problems read, and that the fast
check never changes what is reported."""

from __future__ import annotations

import copy
import datetime
import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.base import yamlfile
from edition.base.yamlfile import YamlDocument, parse_yaml, validate
from tests.conftest import ROOT

# Values that break one rule or another of the schemas, or pass where a lax check would not.
ODD_VALUES: list[Any] = [
    None, True, False, 0, 1, -1, 1.0, 2.5, 91, -181, float("nan"), float("inf"), "", "x",
    "en\n", "EN", "Q1", "Q0", "q1", "slug-ok", "Bad Slug", "1934", "1934-05-01", "19340",
    "person", "place", "reviewed", datetime.date(1934, 5, 1), [], ["a"], ["a", "a"], [1],
    {}, {"en": "x"}, {"en": ""}, {"EN": "x"}, {1: "x"}, {"name": "x"}, {"lat": 1, "lon": 2},
]  # fmt: skip


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _nodes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _nodes(v, (*path, i))
    return found


def _mutate(data: Any, rng: random.Random) -> Any:
    """``data`` with one node replaced, removed or given an extra key."""
    data = copy.deepcopy(data)
    path = rng.choice(_nodes(data)[1:])
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    action = rng.random()
    if action < 0.15 and isinstance(parent, dict):
        del parent[path[-1]]
    elif action < 0.25 and isinstance(parent[path[-1]], dict):
        parent[path[-1]][rng.choice(["extra", "pl", "lat", "name", "xx1"])] = rng.choice(ODD_VALUES)
    else:
        parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def _problems(data: Any, schema_name: str) -> list[str]:
    return [str(p) for p in validate(YamlDocument(Path("x.yml"), data), schema_name)]


@pytest.mark.parametrize(
    ("schema_name", "source"),
    [
        ("register", "glossary/places.yml"),
        ("register", "glossary/persons.yml"),
        ("meta", "seeds/manchuria-1920-1934/meta.yml"),
        ("meta", "seeds/sino-soviet-1932-1937/meta.yml"),
    ],
)
def test_fast_check_reports_what_jsonschema_reports(
    schema_name: str, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert yamlfile._fast_check(schema_name) is not None
    data = yaml.safe_load((ROOT / source).read_text("utf-8"))
    if isinstance(data, list):
        data = data[:6]
    rng = random.Random(9)
    cases = [data, *(_mutate(data, rng) for _ in range(150))]
    fast = [_problems(d, schema_name) for d in cases]
    monkeypatch.setattr(yamlfile, "_fast_check", lambda name: None)
    assert fast == [_problems(d, schema_name) for d in cases]
    assert 20 < sum(map(bool, fast)) < len(cases) - 20  # both kinds of case were tried


def test_no_fast_check_where_draft_7_is_laxer() -> None:
    """``const: true`` would take ``1`` in fastjsonschema: that schema goes to jsonschema only."""
    assert yamlfile._fast_check("annotations") is None
    entry = {"paragraph": "p1", "text": "Harbin", "suppress": 1}
    doc = YamlDocument(Path("x.yml"), {"pl": [entry]})
    assert [p.message for p in validate(doc, "annotations")] == ["pl.0.suppress: True was expected"]


def _parse(text: str) -> list[str]:
    doc, found = parse_yaml(Path("x.yml"), text)
    assert (doc is None) == bool(found)
    return [str(p) for p in found]


def test_nested_aliases_are_refused_at_once() -> None:
    """A file of a few hundred bytes that would expand into a billion strings."""
    lines = ["title: {pl: a, uk: b, en: c}", "remarks:", "  a0: &a0 [lol, lol, lol, lol]"]
    lines += [f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n"
    assert len(text.encode()) < 1024
    started = time.process_time()
    assert _parse(text) == [
        "x.yml:3: YAML anchor &a0 is not accepted: write the value out in full "
        "(if the text starts with & or *, put it in quotes)"
    ]
    assert time.process_time() - started < 1


def test_an_alias_is_refused_on_its_line() -> None:
    (msg,) = _parse("title: {pl: a, uk: b, en: c}\nsource:\n  pl: *x\n")
    assert msg.startswith("x.yml:3: YAML alias *x is not accepted")


def test_an_ampersand_or_asterisk_in_text_is_no_anchor() -> None:
    doc, found = parse_yaml(Path("x.yml"), "a: Smith & Sons\nb: 'a * b'\nc: x*\n")
    assert found == [] and doc is not None
    assert doc.data == {"a": "Smith & Sons", "b": "a * b", "c": "x*"}


@pytest.mark.parametrize(
    ("text", "line", "key", "first"),
    [
        ("original: pl\ntitle: {pl: A}\nsource: x\ntitle: {pl: B}\n", 4, "title", 2),
        ("- id: a\n  kind: term\n- id: b\n  names: {}\n  id: c\n", 5, "id", 3),
        ("a: {pl: x, uk: y, pl: z}\n", 1, "pl", 1),
    ],
)
def test_a_key_given_twice_is_refused(text: str, line: int, key: str, first: int) -> None:
    assert _parse(text) == [
        f"x.yml:{line}: {key!r} is given twice (first on line {first}): YAML would keep only "
        "the last one; remove or merge one of them"
    ]


def test_tab_indentation_is_named_as_such() -> None:
    assert _parse("licence:\n\tstatus: unknown\n") == [
        "x.yml:2: a tab in the indentation: YAML indents with spaces only; "
        "replace the tab with spaces"
    ]


def test_other_malformed_yaml_keeps_libyaml_s_words() -> None:
    (msg,) = _parse("a: [1\n")
    assert msg.startswith("x.yml:2: malformed YAML: ")


def test_a_control_character_in_yaml_is_named_with_its_line_and_meaning() -> None:
    assert _parse('a: ok\nb: "it\x92s"\n') == [
        "x.yml:2: control character U+0092 in the text: almost certainly Windows-1252 text "
        "decoded wrongly, where it was ’ (U+2019 right single quotation mark); replace it with ’"
    ]


def _meta_problems(meta: str) -> list[str]:
    doc, found = parse_yaml(Path("meta.yml"), meta)
    assert doc is not None, found
    return [str(p) for p in validate(doc, "meta")]


META = "original: pl\ntitle: {pl: T, uk: T, en: T}\nsource: {pl: S, uk: S, en: S}\n"
META += "licence: {status: unknown}\n"


@pytest.mark.parametrize(
    ("value", "kind"),
    [("2018-11-06", "a date"), ("yes", "a yes/no value"), ("No", "a yes/no value"),
     ("1934", "a number"), ("3.5", "a number")],
)  # fmt: skip
def test_a_plain_word_yaml_reads_as_no_text_says_write_it_in_quotes(value: str, kind: str) -> None:
    assert _meta_problems(META.replace("en: T}", f"en: {value}}}")) == [
        f'meta.yml:2: title.en: YAML reads {value} as {kind}, not as text: write it in quotes, "{value}"'
    ]


def test_an_empty_value_says_write_the_text() -> None:
    assert _meta_problems(META.replace("en: T}", "en: }")) == [
        "meta.yml:2: title.en: no value: write the text after the colon"
    ]


def test_an_unknown_field_is_reported_on_its_own_line() -> None:
    found = _meta_problems(META + "remarkz: {pl: R}\ntranslations:\n  en: {by: X, stauts: y}\n")
    assert [m.split(";")[0].split(" (known")[0] for m in found] == [
        "meta.yml:5: remarkz: unknown field",
        "meta.yml:7: translations.en.stauts: unknown field",
    ]
    assert "(known: original, title, author" in found[0]
    assert found[1].endswith("(known: by, status, note); check its spelling or remove it")


def test_a_bad_language_code_says_what_a_code_is() -> None:
    assert _meta_problems(META.replace("uk: T", "UK: T")) == [
        "meta.yml:2: title.UK: 'UK' is not allowed here: a language code is two or three "
        "lower-case letters (pl, uk, en)"
    ]


def test_a_bad_register_id_says_what_an_id_may_contain() -> None:
    text = "- id: Chinese Railway\n  kind: term\n  names: {en: {name: R}}\n"
    text += "  definition: {en: D}\n"
    doc, _ = parse_yaml(Path("r.yml"), text)
    assert doc is not None
    (msg,) = map(str, validate(doc, "register"))
    assert msg.startswith("r.yml:1: 0.id: 'Chinese Railway' is not allowed here: an entry ID is ")
    assert "Q183" in msg and "chinese-eastern-railway" in msg and "^" not in msg
