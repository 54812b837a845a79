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

import jsonschema
import yaml

from .errors import Problem
from .textfile import read_text_file


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``edition/schemas``."""
    text = resources.files("edition").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


# libyaml where PyYAML was built with it: ten times faster on a large register.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        return yaml.compose(self._text, Loader=_Loader)

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
        data = yaml.load(text, Loader=_Loader)
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
    (by default the dotted path: ``names.uk``).
    """
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    problems = []
    for err in sorted(
        validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = tuple(err.absolute_path)
        where = label(path) if label else ".".join(map(str, path)) or "(top level)"
        problems.append(doc.problem(path, f"{where}: {_describe(err)}"))
    return problems


def _describe(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        return err.message.replace("is a required property", "is missing")
    if err.validator == "additionalProperties":
        return err.message.replace("Additional properties are not allowed", "unknown field")
    if err.validator == "enum":
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    return err.message
