"""YAML loading that keeps line numbers, and JSON-Schema validation that reports them.

PyYAML's safe loader drops positions; composing the node tree first lets a schema error
("names.uk.name is missing") point at the line an editor must change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import yaml

from edition.base.errors import Problem
from edition.base.textfile import read_text_file


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``edition/schemas``."""
    text = resources.files("edition").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


# Keywords that fastjsonschema (which implements draft 7) checks exactly as draft 2020-12 does,
# or that only annotate. A schema with any other keyword gets no fast check.
_FAST_KEYWORDS = frozenset(
    "$schema $defs $ref $comment title description type enum const pattern minLength "
    "maxLength minimum maximum exclusiveMinimum exclusiveMaximum properties required "
    "additionalProperties patternProperties propertyNames minProperties maxProperties items "
    "minItems maxItems uniqueItems allOf anyOf oneOf not".split()
)
_ANNOTATIONS = frozenset({"title", "description", "$comment"})


@cache
def _fast_check(name: str) -> Callable[[Any], Any] | None:
    """A compiled validity check of schema ``name`` that never passes what jsonschema fails.

    jsonschema takes seconds over a register of thousands of entries, most of it building
    the error objects it may report; code compiled from the schema by fastjsonschema tells
    in a few hundredths whether there is anything to report at all. It is used only where
    its draft-7 reading cannot be laxer than draft 2020-12: known keywords, ``items`` as one
    schema, ``$ref`` to this file without sibling constraints (draft 7 ignores them), and
    ``enum``/``const`` of strings only (it takes ``1`` for ``true``, which jsonschema does not).
    """
    sch = schema(name)
    return fastjsonschema.compile(sch, use_default=False) if _fast_checkable(sch) else None


def _fast_checkable(node: Any) -> bool:
    if isinstance(node, list):
        return all(map(_fast_checkable, node))
    if not isinstance(node, dict):
        return True
    ok = node.keys() <= _FAST_KEYWORDS
    if "$ref" in node:
        ok = ok and str(node["$ref"]).startswith("#/") and node.keys() - _ANNOTATIONS == {"$ref"}
    if "items" in node:
        ok = ok and isinstance(node["items"], dict)
    for key in ("enum", "const"):
        if key in node:
            values = node[key] if key == "enum" else [node[key]]
            ok = ok and all(isinstance(v, str) for v in values)
    subschemas = [v for k, v in node.items() if k not in {"enum", "const", "required"}]
    for key in ("properties", "$defs", "patternProperties"):
        if isinstance(node.get(key), dict):
            subschemas.remove(node[key])
            subschemas += node[key].values()
    return ok and all(map(_fast_checkable, subschemas))


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))
_NOT_PLAIN = object()


# mypy takes no base chosen at run time ("unsupported dynamic base class").
class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's where PyYAML was built with it: ten times faster on a
    large register) that builds plain values by plain recursion.

    PyYAML's constructor takes a third of the time of loading a large register, most of it
    generators and bookkeeping per node. A node that holds nothing but strings, lists and
    string-keyed mappings cannot fail to build; it is built here, to the same values shared
    the same way through aliases. Any other node (numbers, dates, merge keys, explicit tags,
    keys that are not strings) is built by PyYAML, in its order, so that an error is the same.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if type(node) is yaml.ScalarNode and node.tag == _STR:
            return node.value
        if node not in self.constructed_objects:
            started: list[yaml.Node] = []
            value = self._construct_plain(node, started)
            if value is not _NOT_PLAIN:
                return value
            for unfinished in started:
                del self.constructed_objects[unfinished]
        return super().construct_object(node, deep)

    def _construct_plain(self, node: yaml.Node, started: list[yaml.Node]) -> Any:
        """The value of ``node``, or ``_NOT_PLAIN`` (``started`` lists what was begun)."""
        if node in self.constructed_objects:
            return self.constructed_objects[node]
        kind, tag = type(node), node.tag
        if kind is yaml.ScalarNode:
            return node.value if tag == _STR else _NOT_PLAIN
        if kind is yaml.SequenceNode and tag == _SEQ:
            items: list[Any] = []
            self.constructed_objects[node] = items
            started.append(node)
            for child in node.value:
                item = self._construct_plain(child, started)
                if item is _NOT_PLAIN:
                    return _NOT_PLAIN
                items.append(item)
            return items
        if kind is yaml.MappingNode and tag == _MAP:
            mapping: dict[str, Any] = {}
            self.constructed_objects[node] = mapping
            started.append(node)
            for key, child in node.value:
                if type(key) is not yaml.ScalarNode or key.tag != _STR:
                    return _NOT_PLAIN
                value = self._construct_plain(child, started)
                if value is _NOT_PLAIN:
                    return _NOT_PLAIN
                mapping[key.value] = value
            return mapping
        return _NOT_PLAIN


class YamlDocument:
    """A parsed YAML file with a way back from a data path to its source line.

    The node tree that knows the lines is composed only when a line is asked for,
    that is when there is a problem to report.
    """

    def __init__(self, path: Path, data: Any, text: str):
        self.path = path
        self.data = data
        self._text = text

    @cached_property
    def _root(self) -> yaml.Node | None:
        return yaml.compose(self._text, Loader=Loader)

    def line_of(self, data_path: tuple[Any, ...] | list[Any]) -> int | None:
        """1-based line of the node at ``data_path`` (the deepest existing ancestor)."""
        node = self._root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for key in data_path:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if k.value == str(key)), None)
                if found is None:
                    break
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    break
                node = node.value[key]
            else:
                break
            line = node.start_mark.line + 1
        return line

    def problem(self, data_path: tuple[Any, ...] | list[Any], message: str) -> Problem:
        return Problem(self.path, self.line_of(data_path), message)


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = read_text_file(path)
    if text is None:
        return None, problems
    return parse_yaml(path, text)


def parse_yaml(path: Path, text: str) -> tuple[YamlDocument | None, list[Problem]]:
    """``text`` (the YAML of ``path``, or a part of it padded so its lines keep their numbers)."""
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [Problem(path, line, f"malformed YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, None, f"malformed YAML: {exc}")]
    return YamlDocument(path, data, text), []


def validate(
    doc: YamlDocument,
    schema_name: str,
    label: Callable[[tuple[Any, ...]], str] | None = None,
) -> list[Problem]:
    """Schema problems of ``doc.data``, each with its line.

    ``label`` turns the data path of a problem into the words that lead its message
    (by default the dotted path: ``names.uk``). The full validation, which knows how to
    describe a problem, runs only when the fast check finds one.
    """
    fast = _fast_check(schema_name)
    if fast is not None and _passes(fast, doc.data):
        return []
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    problems = []
    for err in sorted(
        validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = tuple(err.absolute_path)
        where = label(path) if label else ".".join(map(str, path)) or "(top level)"
        problems.append(doc.problem(path, f"{where}: {_describe(err)}"))
    return problems


def _passes(check: Callable[[Any], Any], data: Any) -> bool:
    try:
        check(data)
    except Exception:  # whatever the failure, even on data no schema foresaw: jsonschema judges
        return False
    return True


def _describe(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        return err.message.replace("is a required property", "is missing")
    if err.validator == "additionalProperties":
        return err.message.replace("Additional properties are not allowed", "unknown field")
    if err.validator == "enum" and isinstance(err.validator_value, list):
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    return err.message
