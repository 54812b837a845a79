"""Each text's analysis kept on disk, so that an unchanged text is never analysed twice.

One JSON file per text, ``<text-id>.json``, in the cache folder (an edition's is
``.cache/edition/analysis/`` beside its ``mkdocs.yml``: see ``Settings.cache``). A file holds
the text's key and what :func:`edition.analysis.corpus.annotate_corpus` found in it: the
mentions of every version, paragraph by paragraph, the mentions left out (notes) and how the
text decided the names several entries share (choices). The key
is a hash of everything the analysis reads, so a stored analysis is used only for the very
same input:

- the text as analysed: every version's language, paragraphs (ID, text), sentence spans and
  the names a TEI source marks (so a changed ledger or sentence rule changes it too, a changed
  title in ``meta.yml`` not);
- its overrides (``annotations.yml``, byte for byte);
- the register (every file the register is read from, byte for byte) and the UI languages;
- the code: every file of the ``edition`` package and the versions of the morphological
  analysers and their dictionaries.

A file is written whole under a temporary name and renamed into place, so processes (or
machines sharing a folder) filling the cache at once never leave half a file; two processes
writing the same text write the same bytes. JSON, not pickle: reading a cache file can only
give data, which is checked against the text before use (a file that does not parse, or does
not fit the text, is a miss, analysed again and overwritten).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from edition.analysis.annotate import Mention
from edition.analysis.corrections import OVERRIDES_NAME
from edition.base.register import register_files
from edition.base.sources import Text

Mentions = dict[str, list[Mention]]  # paragraph ID -> mentions in text order
# A note on a mention left out because it spans two sentences: (language, paragraph ID,
# start, end); its message is made from the text (whose path may differ from the analyser's).
Note = tuple[str, str, int, int]
# How the text decided a name several entries share (see annotate.Choice): (language,
# paragraph ID, start, end, the entry chosen, the candidates, why); its note is made as above.
Chosen = tuple[str, str, int, int, str, tuple[str, ...], str]
# What the analysis of one text gives: mentions per version's language, notes and choices.
Analysis = tuple[dict[str, Mentions], list[Note], list[Chosen]]

# The distributions whose versions the analysis depends on besides the edition's own code.
_ANALYSERS = ("morfeusz2", "pymorphy3", "pymorphy3-dicts-uk", "pymorphy3-dicts-ru", "PyICU")
_FORMAT = 2  # raised when the layout of a cache file changes


@cache
def code_version() -> str:
    """A hash of every file of the ``edition`` package and of the analysers' versions."""
    digest = hashlib.sha256(f"format {_FORMAT}\n".encode())
    package = Path(str(resources.files("edition")))
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in _ANALYSERS:
        try:
            digest.update(f"{name}=={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\n".encode())
    return digest.hexdigest()


def register_version(glossary: Path, ui_languages: tuple[str, ...]) -> str:
    """A hash of the register's files (names and bytes) and of the UI languages."""
    digest = hashlib.sha256(json.dumps(ui_languages).encode())
    for path in register_files(glossary):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def text_key(text: Text, context: str) -> str:
    """The key of ``text``'s analysis under ``context`` (the code's and register's hashes)."""
    overrides = text.folder / OVERRIDES_NAME
    own = overrides.read_bytes().hex() if overrides.exists() else None
    versions = [
        [
            v.lang,
            [
                [
                    p.id,
                    p.text,
                    [[s.start, s.end] for s in p.sentences],
                    [[m.start, m.end, m.ref] for m in v.marks.get(p.id, [])],
                ]
                for p in v.paragraphs
            ],
        ]
        for v in text.versions
    ]
    data = json.dumps([context, text.id, own, versions], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


class AnalysisCache:
    """The analyses stored in ``folder`` for one code and register version (``context``)."""

    def __init__(self, folder: Path, context: str) -> None:
        self.folder = folder
        self.context = context

    @classmethod
    def of_edition(
        cls, folder: Path, glossary: Path, ui_languages: tuple[str, ...]
    ) -> AnalysisCache:
        return cls(folder, code_version() + register_version(glossary, ui_languages))

    def _path(self, text: Text) -> Path:
        return self.folder / f"{text.id}.json"

    def get(self, text: Text) -> Analysis | None:
        """The stored analysis of ``text``, or None (none stored, or not for this input)."""
        try:
            data = json.loads(self._path(text).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != text_key(text, self.context):
            return None
        try:
            mentions = {
                code: {pid: [Mention(s, e, ref) for s, e, ref in ms] for pid, ms in per.items()}
                for code, per in data["mentions"].items()
            }
            notes = [(code, pid, s, e) for code, pid, s, e in data["notes"]]
            choices = [
                (code, pid, s, e, ref, tuple(candidates), why)
                for code, pid, s, e, ref, candidates, why in data["choices"]
            ]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return mentions, notes, choices

    def put(self, text: Text, analysis: Analysis) -> None:
        """Store ``text``'s analysis (written whole, then renamed into place)."""
        mentions, notes, choices = analysis
        data = {
            "key": text_key(text, self.context),
            "mentions": {
                code: {pid: [[m.start, m.end, m.ref] for m in ms] for pid, ms in per.items()}
                for code, per in mentions.items()
            },
            "notes": [list(n) for n in notes],
            "choices": [[*c[:5], list(c[5]), c[6]] for c in choices],
        }
        content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        path = self._path(text)
        try:
            if path.read_bytes() == content:
                return
        except OSError:
            self.folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{text.id}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
