"""The register (``glossary/*.yml``): persons, places, organisations and glossary terms.

Each entry has one ID valid in every language, names per language (a main name and
variant forms, all in their base form: inflection is the matcher's business), a short
definition and authority data. Problems name the file, the entry and the field.

Only one name and one definition are required, in any language: an entry mentioned only in
Polish texts needs only its Polish name. Where a UI language lacks one, pages show the
fallback of :meth:`Entry.name_in` and :meth:`Entry.definition_in`, marked with its ``lang``;
:meth:`Register.missing` lists the gaps (``check`` prints them as notes, ``check --strict``
fails on them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from edition.base.errors import EditionError, Problem, raise_if
from edition.base.yamlfile import YamlDocument, load_yaml, validate

_ONLY_FOR = {
    "born": "person",
    "died": "person",
    "geonames": "place",
    "coordinates": "place",
    "area": "place",
}
# Values fetched from Wikidata by `python -m edition enrich` (edition/build/authority.py),
# committed beside the register: the build fills from it what an entry's own file leaves out.
CACHE_NAME = ".wikidata-cache.json"


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    names: dict[str, tuple[str, ...]]  # language -> (main name, *variants)
    definition: dict[str, str]
    default_ui: str  # the edition's default UI language: it decides where the entry's page is
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    origin: tuple[Path, int | None] = field(default=(Path(), None), compare=False, hash=False)

    def name_in(self, code: str) -> tuple[str, str]:
        """(main name, its language) for a page in ``code``: the name in ``code``, else the
        name in the entry's own language, the first listed under ``names`` (its original
        language and script: a transliteration is the translator's choice, not ours)."""
        if code in self.names:
            return self.names[code][0], code
        first = next(iter(self.names))
        return self.names[first][0], first

    def name(self, code: str) -> str:
        """The main name shown on a page in ``code`` (see :meth:`name_in`)."""
        return self.name_in(code)[0]

    def definition_in(self, code: str) -> tuple[str, str]:
        """(definition, its language) for a page in ``code``: in ``code``, else in the
        edition's default UI language, else the first one listed."""
        for c in (code, self.default_ui):
            if c in self.definition:
                return self.definition[c], c
        first = next(iter(self.definition))
        return self.definition[first], first

    @property
    def wikidata(self) -> str | None:
        return self.data.get("wikidata")


@dataclass
class Register:
    entries: dict[str, Entry]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def missing(self, ui_languages: tuple[str, ...]) -> list[Problem]:
        """Per entry, the UI languages without a name or a definition: pages show a fallback
        (see :class:`Entry`); an edition that wants everything translated fills them in."""
        found = []
        for e in self:
            for what, present in (("name", e.names), ("definition", e.definition)):
                lacking = [c for c in ui_languages if c not in present]
                if lacking:
                    fallback = (e.name_in if what == "name" else e.definition_in)(lacking[0])[1]
                    found.append(
                        Problem(
                            *e.origin,
                            f"entry {e.id}: no {what} in {', '.join(lacking)}"
                            f" (pages show the one in {fallback})",
                        )
                    )
        return found


def register_files(folder: Path) -> list[Path]:
    """Every file the register is read from: the ``*.yml`` in ``folder``, and its cache of
    Wikidata's values where there is one."""
    cache = folder / CACHE_NAME
    return [*sorted(folder.glob("*.yml")), *([cache] if cache.exists() else [])]


def load_register(folder: Path, ui_languages: tuple[str, ...]) -> Register:
    """Every entry of every ``*.yml`` in ``folder``; raises EditionError listing all problems."""
    if not folder.is_dir():
        raise EditionError([Problem(folder, None, "the register folder does not exist")])
    entries: dict[str, Entry] = {}
    first_seen: dict[str, tuple[YamlDocument, int]] = {}  # entry ID -> file and index
    problems: list[Problem] = []
    for path in register_files(folder):
        if path.name == CACHE_NAME:
            continue
        doc, found = load_yaml(path)
        problems += found
        if doc is None:
            continue
        if doc.data is None:
            continue  # an empty file is an empty list
        found = validate(doc, "register", label=partial(_entry_label, doc.data))
        if found:
            problems += found
            continue
        for i, item in enumerate(doc.data):
            where = f"entry {item['id']}"
            problems += [
                doc.problem((i, key), f"{where}: {key}: only for a {kind}, not a {item['kind']}")
                for key, kind in _ONLY_FOR.items()
                if key in item and item["kind"] != kind
            ]
            if "wikidata" in item and item["id"].startswith("Q") and item["wikidata"] != item["id"]:
                problems.append(
                    doc.problem((i, "wikidata"), f"{where}: wikidata {item['wikidata']} != id")
                )
            problems += _sort_problems(doc, i, item)
            if item["id"] in first_seen:
                first_doc, first_i = first_seen[item["id"]]
                first = f"{first_doc.path}:{first_doc.line_of((first_i,))}"
                problems.append(doc.problem((i, "id"), f"{where}: duplicate ID (first in {first})"))
                continue
            first_seen[item["id"]] = (doc, i)
            names = {code: (n["name"], *n.get("variants", [])) for code, n in item["names"].items()}
            own = [n for ns in names.values() for n in ns]
            problems += [
                doc.problem(
                    (i, "preferred", j),
                    f"{where}: preferred: {name!r} is none of its names"
                    f" ({', '.join(dict.fromkeys(own))}): write one of them exactly as under names",
                )
                for j, name in enumerate(item.get("preferred", ()))
                if name not in own
            ]
            entries[item["id"]] = Entry(
                id=item["id"],
                kind=item["kind"],
                names=names,
                definition=dict(item["definition"]),
                default_ui=ui_languages[0],
                data={
                    k: v for k, v in item.items() if k not in {"id", "kind", "names", "definition"}
                },
                origin=(doc.path, doc.line_of((i,))),
            )
    problems += _preferred_problems(entries)
    raise_if(problems)
    cached, problems = _read_cache(folder / CACHE_NAME)
    raise_if(problems)
    for entry_id, entry in entries.items():
        values = cached.get(entry.wikidata or "")
        if values:
            entries[entry_id] = _filled(entry, values, ui_languages)
    return Register(entries)


def _preferred_problems(entries: dict[str, Entry]) -> list[Problem]:
    """No name preferred by two entries (each entry's own names are checked as it is read)."""
    problems = []
    by_name: dict[tuple[str, str], Entry] = {}
    for entry in entries.values():
        for name in entry.data.get("preferred", ()):
            for code in [c for c, names in entry.names.items() if name in names]:
                other = by_name.setdefault((code, name), entry)
                if other is not entry:
                    problems.append(
                        Problem(
                            *entry.origin,
                            f"entry {entry.id}: preferred: {name!r} is preferred by entry"
                            f" {other.id} too ({other.origin[0]}:{other.origin[1]}): only one"
                            " entry can win a shared name; remove it from one of them",
                        )
                    )
    return problems


def _words(name: str) -> list[str]:
    """The words of a name, whatever their order and the commas between them."""
    return sorted(name.replace(",", " ").split())


def _sort_problems(doc: YamlDocument, i: int, item: dict[str, Any]) -> list[Problem]:
    """An entry's ``sort`` forms: each in a language of its names, with the words of that
    language's main name (rearranged, never other words: the index shows the form)."""
    found = []
    for code, form in item.get("sort", {}).items():
        where = f"entry {item['id']}: sort.{code}"
        if code not in item["names"]:
            have = ", ".join(item["names"])
            found.append(
                doc.problem((i, "sort", code), f"{where}: no name in {code} (names in {have})")
            )
        elif _words(form) != _words(name := item["names"][code]["name"]):
            found.append(
                doc.problem(
                    (i, "sort", code),
                    f"{where}: {form!r} is not the words of the name {name!r} rearranged"
                    " (write the name's own words, in the order the index sorts them)",
                )
            )
    return found


def _read_cache(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    if not path.exists():
        return {}, []
    try:
        return json.loads(path.read_text("utf-8"))["entities"], []
    except (ValueError, KeyError, TypeError) as exc:
        fix = "run `python -m edition enrich` again, or delete it"
        return {}, [Problem(path, None, f"not a Wikidata cache ({exc}): {fix}")]


def _filled(entry: Entry, values: dict[str, Any], ui_languages: tuple[str, ...]) -> Entry:
    """``entry`` with what its file leaves out taken from Wikidata's ``values``: a name in
    each UI language without one, dates of a person, coordinates and GeoNames ID of a place."""
    names = dict(entry.names)
    for code in ui_languages:
        if code not in names and code in values.get("labels", {}):
            names[code] = (values["labels"][code],)
    data = dict(entry.data)
    for key, kind in _ONLY_FOR.items():
        if kind == entry.kind and key not in data and key in values:
            data[key] = values[key]
    return replace(entry, names=names, data=data)


def _entry_label(data: Any, path: tuple[Any, ...]) -> str:
    """``entry Q17: names.uk`` for a schema problem inside the entry at ``path[0]``."""
    if not path or not isinstance(path[0], int):
        return ".".join(map(str, path)) or "(top level)"
    item = data[path[0]]
    ident = item.get("id") if isinstance(item, dict) else None
    head = f"entry {ident or f'#{path[0] + 1}'}"
    return ": ".join([head, ".".join(map(str, path[1:]))]) if len(path) > 1 else head
