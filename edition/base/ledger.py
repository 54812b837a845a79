"""The paragraph ID ledger: published IDs keep pointing at the same paragraph.

Paragraph IDs are handed out in source order the first time a text is built and then
recorded in ``seeds/<id>/paragraph-ids.yml``. When the text is edited later, each
paragraph keeps the ID of the ledger entry with the same content; an edited paragraph
keeps its ID when its first or last words are unchanged; a new paragraph gets the next
unused number; the ID of a deleted paragraph is retired and never given out again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from edition.base.errors import raise_if
from edition.base.yamlfile import load_yaml, validate

LEDGER_NAME = "paragraph-ids.yml"
_EDGE_WORDS = 6
_HEADER = (
    "# Paragraph ID ledger, kept by the build: commit it with the text.\n"
    "# Published IDs never change meaning; do not edit by hand.\n"
)
# libyaml writes a ledger many times faster than PyYAML's own emitter, and byte for byte the
# same while every string is printable to both: they differ on characters beyond U+FFFF, on
# line separators, and on how they escape and fold a double-quoted string, which only
# unprintable characters call for. A ledger with any other string is written by PyYAML.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_EMITTED_ALIKE = re.compile(r"[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


@dataclass
class Fingerprint:
    digest: str
    head: str
    tail: str

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        words = text.split()
        norm = " ".join(words)
        return cls(
            hashlib.sha256(norm.encode()).hexdigest()[:16],
            " ".join(words[:_EDGE_WORDS]),
            " ".join(words[-_EDGE_WORDS:]),
        )


@dataclass
class Ledger:
    next_number: int = 1
    entries: dict[str, Fingerprint] = field(default_factory=dict)
    retired: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Ledger:
        """Raises EditionError naming the line of what is wrong in the file."""
        if not path.exists():
            return cls()
        doc, problems = load_yaml(path)
        if doc is not None and doc.data is not None:
            problems = validate(doc, "ledger")
        raise_if(problems)
        assert doc is not None
        data = doc.data or {}
        entries = {pid: Fingerprint(**fp) for pid, fp in (data.get("paragraphs") or {}).items()}
        return cls(int(data.get("next", 1)), entries, list(data.get("retired") or []))

    def dump(self) -> str:
        paragraphs = {pid: vars(fp) for pid, fp in self.entries.items()}
        data = {"next": self.next_number, "paragraphs": paragraphs, "retired": self.retired}
        strings = [
            *self.entries,
            *self.retired,
            *(s for fp in paragraphs.values() for s in fp.values()),
        ]
        alike = all(isinstance(s, str) and _EMITTED_ALIKE.fullmatch(s) for s in strings)
        dumper = _FAST_DUMPER if alike else yaml.SafeDumper
        return _HEADER + yaml.dump(
            data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=200
        )

    def assign(self, paragraphs: list[str]) -> list[str]:
        """IDs for ``paragraphs`` in source order; updates the ledger in place."""
        prints = [Fingerprint.of(p) for p in paragraphs]
        ids: list[str | None] = [None] * len(paragraphs)
        free = dict(self.entries)
        for match in (
            lambda a, b: a.digest == b.digest,
            lambda a, b: a.head == b.head,
            lambda a, b: a.tail == b.tail,
        ):
            for i, fp in enumerate(prints):
                if ids[i] is None:
                    pid = next((k for k, old in free.items() if match(fp, old)), None)
                    if pid is not None:
                        ids[i] = pid
                        del free[pid]
        self.retired.extend(pid for pid in free if pid not in self.retired)
        entries: dict[str, Fingerprint] = {}
        for i, fp in enumerate(prints):
            pid = ids[i]
            if pid is None:
                ids[i] = pid = f"p{self.next_number}"
                self.next_number += 1
            entries[pid] = fp
        self.entries = entries
        return [pid for pid in ids if pid is not None]
