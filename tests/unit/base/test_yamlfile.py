"""Schema validation: the fast check never changes what is reported."""

from __future__ import annotations

import copy
import datetime
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.base import yamlfile
from edition.base.yamlfile import YamlDocument, validate
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
    return [str(p) for p in validate(YamlDocument(Path("x.yml"), data, ""), schema_name)]


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
    doc = YamlDocument(Path("x.yml"), {"pl": [entry]}, "")
    assert [p.message for p in validate(doc, "annotations")] == ["pl.0.suppress: True was expected"]


def _shape(obj: Any, seen: dict[int, int]) -> Any:
    """``obj`` as nested tuples, each container seen before (an alias) as its first number."""
    if isinstance(obj, list | dict | set):
        if id(obj) in seen:
            return ("alias", seen[id(obj)])
        seen[id(obj)] = len(seen)
        if isinstance(obj, dict):
            items = [(_shape(k, seen), _shape(v, seen)) for k, v in obj.items()]
            return (type(obj).__name__, *items)
        return (type(obj).__name__, *(_shape(v, seen) for v in obj))
    return (type(obj).__name__, repr(obj))


def _random_yaml(rng: random.Random, depth: int, anchors: list[str]) -> str:
    """A YAML value in flow style: mappings, sequences, tags, anchors, aliases, merge keys."""
    scalars = [
        "word", "'quoted'", '"two words"', "12", "-3.5", "0x1F", "yes", "~", "null", "2001-12-14",
        "'12'", "!!str 12", "!!int '7'", "!!float '1'", "!!binary aGk=", "<<", "=", "''", ".inf",
    ]  # fmt: skip
    r = rng.random()
    if anchors and r < 0.12:
        return "*" + rng.choice(anchors)
    if depth == 0 or r < 0.35:
        value = rng.choice(scalars)
    elif r < 0.55:
        value = "[" + ", ".join(_random_yaml(rng, depth - 1, anchors) for _ in range(3)) + "]"
    elif r < 0.6:
        value = "!!set {a, b}" if rng.random() < 0.5 else "!!omap [{a: 1}, {b: 2}]"
    else:
        keys = ["a", "b", "'a'", "12", "~", "<<", "=", "[x]", "!!str k", "yes"]
        pairs = [
            f"{rng.choice(keys)}: {_random_yaml(rng, depth - 1, anchors)}"
            for _ in range(rng.randint(0, 4))
        ]
        value = "{" + ", ".join(pairs) + "}"
    if rng.random() < 0.25:
        anchors.append(f"x{len(anchors)}")
        value = f"&{anchors[-1]} {value}"
    return value


def test_loader_builds_what_pyyaml_builds() -> None:
    """The same values, shared alike through aliases, or the same error, for any document."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rng = random.Random(5)
    outcomes = set()
    for _ in range(3000):
        text = _random_yaml(rng, 4, [])
        results = []
        for loader in (yamlfile.Loader, base):
            try:
                results.append(_shape(yaml.load(text, Loader=loader), {}))
            except yaml.YAMLError as exc:
                results.append(("error", str(exc)))
        assert results[0] == results[1], text
        outcomes.add(results[0][0])
    recursive = "&a {self: *a, list: &b [*b, *a]}"
    assert _shape(yaml.load(recursive, Loader=yamlfile.Loader), {}) == _shape(
        yaml.load(recursive, Loader=base), {}
    )
    assert {"error", "dict", "list"} <= outcomes
