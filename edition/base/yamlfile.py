"""YAML loading that keeps line numbers, and JSON-Schema validation that reports them.

PyYAML's safe loader drops positions; keeping the composed node tree lets a schema error
("names.uk.name is missing") point at the line an editor must change. Every message says,
in an editor's words, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import yaml

from edition.base.errors import Problem
from edition.base.textfile import control_character_message, read_text_file


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


# mypy takes no base chosen at run time ("unsupported dynamic base class").
class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader: libyaml's where PyYAML was built with it (ten times faster on a
    large register)."""


class YamlDocument:
    """A parsed YAML file with a way back from a data path to its source line."""

    def __init__(self, path: Path, data: Any, root: yaml.Node | None = None):
        self.path = path
        self.data = data
        self._root = root

    def node_at(self, data_path: tuple[Any, ...] | list[Any]) -> yaml.Node | None:
        """The node at ``data_path``, or the deepest existing ancestor of it."""
        node = self._root
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
        return node

    def line_of(self, data_path: tuple[Any, ...] | list[Any]) -> int | None:
        """1-based line of the node at ``data_path`` (the deepest existing ancestor)."""
        node = self.node_at(data_path)
        return None if node is None else node.start_mark.line + 1

    def problem(self, data_path: tuple[Any, ...] | list[Any], message: str) -> Problem:
        return Problem(self.path, self.line_of(data_path), message)


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = read_text_file(path)
    if text is None:
        return None, problems
    return parse_yaml(path, text)


def parse_yaml(path: Path, text: str) -> tuple[YamlDocument | None, list[Problem]]:
    """``text`` (the YAML of ``path``, or a part of it padded so its lines keep their numbers).

    Refused, each with its line: anchors and aliases (``&a``, ``*a``: no source of this
    edition needs them, and a few nested aliases make a file of a few hundred bytes expand
    into more data than memory holds), and a key given twice in one mapping (YAML would keep
    the last one without a word).
    """
    loader = Loader(text)
    try:
        problems = _anchors(path, text)
        if problems:
            return None, problems
        root = loader.get_single_node()
        problems = _duplicate_keys(path, root)
        if problems:
            return None, problems
        data = None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        return None, [_malformed(path, text, exc)]
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        return None, [Problem(path, line, control_character_message(chr(exc.character)))]
    except yaml.YAMLError as exc:
        return None, [Problem(path, None, f"malformed YAML: {exc}")]
    finally:
        loader.dispose()
    return YamlDocument(path, data, root), []


def _anchors(path: Path, text: str) -> list[Problem]:
    """An anchor or alias, if ``text`` has one (looked for only where ``&`` or ``*`` occurs)."""
    if "&" not in text and "*" not in text:
        return []
    for event in yaml.parse(text, Loader=Loader):
        name = event.anchor if isinstance(event, yaml.NodeEvent) else None
        if name is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            return [
                Problem(
                    path,
                    event.start_mark.line + 1 if event.start_mark else None,
                    f"YAML {'alias' if sign == '*' else 'anchor'} {sign}{name} is not accepted: "
                    "write the value out in full (if the text starts with & or *, put it in "
                    "quotes)",
                )
            ]
    return []


def _duplicate_keys(path: Path, root: yaml.Node | None) -> list[Problem]:
    problems = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                stack.append(value)
                if not isinstance(key, yaml.ScalarNode):
                    continue
                line = key.start_mark.line + 1
                if key.value in seen:
                    problems.append(
                        Problem(
                            path,
                            line,
                            f"{key.value!r} is given twice (first on line {seen[key.value]}): "
                            "YAML would keep only the last one; remove or merge one of them",
                        )
                    )
                else:
                    seen[key.value] = line
    return problems


def _malformed(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Problem(path, None, f"malformed YAML: {exc.problem or exc}")
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in line[: mark.column + 1] and not line[: line.index("\t")].strip():
        return Problem(
            path,
            mark.line + 1,
            "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces",
        )
    return Problem(path, mark.line + 1, f"malformed YAML: {exc.problem or exc}")


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
        for at, message in _describe(doc, path, err):
            where = label(at) if label else ".".join(map(str, at)) or "(top level)"
            problems.append(doc.problem(at, f"{where}: {message}"))
    return problems


def _passes(check: Callable[[Any], Any], data: Any) -> bool:
    try:
        check(data)
    except Exception:  # whatever the failure, even on data no schema foresaw: jsonschema judges
        return False
    return True


_READ_AS = {bool: "a yes/no value", int: "a number", float: "a number"}


def _describe(
    doc: YamlDocument, path: tuple[Any, ...], err: jsonschema.ValidationError
) -> list[tuple[tuple[Any, ...], str]]:
    """(data path, message) of each problem ``err`` stands for, in an editor's words."""
    # jsonschema types a failing subschema widely (it may be a boolean schema); ours are objects.
    schema: Mapping[str, Any] = err.schema if isinstance(err.schema, Mapping) else {}
    if err.validator == "required":
        return [(path, err.message.replace("is a required property", "is missing"))]
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = schema.get("properties", {})
        patterns = list(schema.get("patternProperties", {}))
        unknown = [
            k
            for k in err.instance
            if k not in known and not any(re.search(p, str(k)) for p in patterns)
        ]
        fields = f" (known: {', '.join(known)})" if known else ""
        return [
            ((*path, k), f"unknown field{fields}; check its spelling or remove it") for k in unknown
        ]
    if err.validator == "enum":
        return [
            (
                path,
                f"{err.instance!r} is not one of {', '.join(map(str, _listed(err.validator_value)))}",
            )
        ]
    if err.validator == "type" and "string" in _listed(err.validator_value):
        return [(path, _not_text(doc.node_at(path), err.instance))]
    if err.validator == "pattern":
        at = (*path, err.instance) if "propertyNames" in err.relative_schema_path else path
        meaning = schema.get("description")
        if meaning:
            return [(at, f"{err.instance!r} is not allowed here: {meaning}")]
        return [(at, err.message)]
    return [(path, err.message)]


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _not_text(node: yaml.Node | None, value: Any) -> str:
    """Why a value that should be text is not: YAML read a plain word as something else."""
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    if value is None:
        return "no value: write the text after the colon"
    kind = "a date" if isinstance(value, datetime.date) else _READ_AS.get(type(value))
    if kind is None or raw is None:
        return f"{value!r} is not text (expected a string)"
    return f'YAML reads {raw} as {kind}, not as text: write it in quotes, "{raw}"'
