"""The paragraph ID ledger: a published ID never changes meaning.

Paragraph IDs are handed out in source order the first time a text is built and then
recorded, with each paragraph's words, in ``seeds/<id>/paragraph-ids.yml``. When the text is
edited later, each paragraph of the new text is matched to a ledger entry:

1. the same words (spacing aside): it keeps that entry's ID; two identical paragraphs take the
   IDs of identical entries in order;
2. otherwise, similar words: it keeps the ID of the entry whose words it shares most
   (:func:`similarity` of their vocabularies, at least ``SIMILAR``), if that entry is also the paragraph's own best
   match, and each of the two is clearly ahead (by ``MARGIN``) of every other candidate.
   A shared beginning or end alone never decides: two paragraphs that start alike are told
   apart by the rest of their words, and when they cannot be, neither keeps the ID;
3. otherwise it gets the next unused number (``next``).

An entry no paragraph took is retired and its ID is never given out again. So:

- **edit**: a lightly edited paragraph keeps its ID; one rewritten beyond ``SIMILAR`` gets a
  new ID (the old one is retired);
- **swap**: paragraphs moved about keep their IDs (IDs need not be in order in the text);
- **split**: the part that holds most of the old words keeps the ID if it is clearly ahead;
  two parts of about the same size both get new IDs and the old one is retired;
- **merge**: likewise, the merged paragraph keeps the ID of the part that clearly dominates
  it, else it gets a new ID and the IDs of both parts are retired.

Entries written before the ledger kept the words (``digest``, ``head``, ``tail``) are still
read: such an entry is taken by the same words (its digest), or by the same first or last six
words where exactly one paragraph and one entry share them; the next build writes the words.

Sentence IDs (``p3s2``) are published too, so the ledger keeps each paragraph's words as its
sentences, a list: a paragraph with the same words keeps the recorded sentences (:meth:`Ledger.split`)
even where the sentence rules would now split it otherwise (an abbreviation learnt, a rule
changed), so a change of segmentation never moves a published sentence ID; ``check`` says
where the rules and the ledger disagree. An edited paragraph is split afresh, and ``check``
names each of its published sentence IDs that now stands for other words. An entry of one
string (a ledger written before sentences were kept) records no split: the next build adds it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edition.base.errors import Problem, raise_if
from edition.base.yamlfile import YamlDocument, load_yaml, validate

LEDGER_NAME = "paragraph-ids.yml"
SIMILAR = 0.6  # least share of words (see similarity) to keep an ID
MARGIN = 0.1  # how far the best match must be ahead of every other candidate
_WORD = re.compile(r"\w+")
_RUN = re.compile(r"\S+")
_EDGE_WORDS = 6  # the head and tail of an entry of the old format
_HEADER = (
    "# Paragraph ID ledger, kept by the build: commit it with the text.\n"
    "# Published IDs never change meaning; do not edit by hand.\n"
)


def _digest(words: str) -> str:
    return hashlib.sha256(words.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Legacy:
    """A ledger entry of the old format: a digest of the words, the first and last six."""

    digest: str
    head: str
    tail: str

    def edges(self) -> tuple[str, str]:
        return self.head, self.tail


def _edges(words: list[str]) -> tuple[str, str]:
    return " ".join(words[:_EDGE_WORDS]), " ".join(words[-_EDGE_WORDS:])


def vocabulary(text: str) -> frozenset[str]:
    """The distinct words of ``text``, case and punctuation aside."""
    return frozenset(_WORD.findall(text.casefold()))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of words two paragraphs have in common (the Dice coefficient of their
    vocabularies): 1.0 for the same words, 0.0 for none in common."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


# What the ledger keeps of a paragraph: its sentences' words; or, as written before sentences
# were kept, its words (a string), or before that their digest and edges (Legacy).
Recorded = tuple[str, ...] | str | Legacy


def _words(recorded: str | tuple[str, ...]) -> str:
    return recorded if isinstance(recorded, str) else " ".join(recorded)


@dataclass(frozen=True)
class Split:
    """The sentences of one paragraph as :meth:`Ledger.split` decides them.

    ``spans`` are the sentences' offsets; ``kept`` says the ledger's split was used where
    the sentence rules give other ``ruled`` spans; ``moved`` lists the published sentence IDs
    of an edited paragraph that now stand for other words."""

    spans: list[tuple[int, int]]
    kept: bool = False
    ruled: list[tuple[int, int]] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    next_number: int = 1
    entries: dict[str, Recorded] = field(default_factory=dict)  # ID -> sentences (or words)
    retired: list[str] = field(default_factory=list)
    # ID -> the sentences recorded for a paragraph that kept its ID with other words
    edited: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

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
        entries = {pid: _recorded(words) for pid, words in (data.get("paragraphs") or {}).items()}
        ledger = cls(int(data.get("next", 1)), entries, list(data.get("retired") or []))
        raise_if(ledger._problems(doc))
        return ledger

    def _problems(self, doc: YamlDocument) -> list[Problem]:
        problems = []
        both = sorted(set(self.entries) & set(self.retired), key=_number)
        if both:
            problems.append(
                doc.problem(
                    ("retired",),
                    f"{', '.join(both)} both in use and retired: the ledger was edited by "
                    "hand; restore it from version control",
                )
            )
        used = max(map(_number, [*self.entries, *self.retired]), default=0)
        if self.next_number <= used:
            problems.append(
                doc.problem(
                    ("next",),
                    f"next: {self.next_number} is not above p{used}, an ID already given out: "
                    f"new paragraphs would reuse published IDs; set it to {used + 1}",
                )
            )
        return problems

    def dump(self) -> str:
        data: dict[str, Any] = {
            "next": self.next_number,
            "paragraphs": {
                pid: vars(words)
                if isinstance(words, Legacy)
                else list(words)
                if isinstance(words, tuple)
                else words
                for pid, words in self.entries.items()
            },
            "retired": self.retired,
        }
        # One line per sentence, as in the text: a diff of the ledger shows which IDs moved.
        return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)

    def assign(self, paragraphs: list[str]) -> list[str]:
        """IDs for ``paragraphs`` in source order; updates the ledger in place."""
        words = [p.split() for p in paragraphs]
        texts = [" ".join(w) for w in words]
        ids: list[str | None] = [None] * len(paragraphs)
        free = dict(self.entries)
        by_digest: dict[str, list[str]] = {}
        for pid, old in free.items():
            by_digest.setdefault(
                old.digest if isinstance(old, Legacy) else _digest(_words(old)), []
            ).append(pid)
        for i, text in enumerate(texts):
            same = by_digest.get(_digest(text))
            if same:
                ids[i] = found = same.pop(0)
                del free[found]
        for i, pid in _similar([i for i in range(len(ids)) if ids[i] is None], words, free):
            ids[i] = pid
            del free[pid]
        self.retired.extend(pid for pid in free if pid not in self.retired)
        entries: dict[str, Recorded] = {}
        self.edited = {}
        for i, text in enumerate(texts):
            given = ids[i]
            if given is None:
                given = ids[i] = f"p{self.next_number}"
                self.next_number += 1
            before = self.entries.get(given)
            if isinstance(before, tuple) and _words(before) == text:
                entries[given] = before  # the same words: the recorded sentences stay
            else:
                if isinstance(before, tuple):
                    self.edited[given] = before
                entries[given] = text
        self.entries = entries
        return [pid for pid in ids if pid is not None]

    def split(self, pid: str, paragraph: str, ruled: list[tuple[int, int]]) -> Split:
        """The sentences of paragraph ``pid`` (after :meth:`assign`), whose text is
        ``paragraph`` and which the sentence rules split into ``ruled`` spans: the recorded
        sentences where the ledger has them for these words, else ``ruled``. Records the
        split in the ledger."""
        recorded = self.entries.get(pid)
        if isinstance(recorded, tuple):
            spans = _spans(paragraph, recorded)
            return Split(spans, spans != ruled, ruled if spans != ruled else [])
        sentences = tuple(" ".join(paragraph[a:b].split()) for a, b in ruled)
        self.entries[pid] = sentences
        old = self.edited.get(pid, ())
        moved = [
            f"{pid}s{k}"
            for k, words in enumerate(old, 1)
            if k > len(sentences)
            or similarity(vocabulary(words), vocabulary(sentences[k - 1])) < SIMILAR
        ]
        return Split(ruled, moved=moved)


def _spans(paragraph: str, sentences: tuple[str, ...]) -> list[tuple[int, int]]:
    """The offsets in ``paragraph`` of ``sentences``, recorded as their words (sentences end
    and begin at white space, so each is a run of whole words)."""
    words = list(_RUN.finditer(paragraph))
    spans = []
    at = 0
    for sentence in sentences:
        n = len(sentence.split())
        spans.append((words[at].start(), words[at + n - 1].end()))
        at += n
    return spans


def _recorded(value: Any) -> Recorded:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return tuple(value)
    return Legacy(**value)


def _number(pid: str) -> int:
    return int(pid[1:])


def _similar(
    unmatched: list[int], words: list[list[str]], free: dict[str, Recorded]
) -> list[tuple[int, str]]:
    """(paragraph index, ID) of each pair of a paragraph and a free entry that are each
    other's best match, similar enough and clearly ahead of every other candidate.

    Pairs are taken in rounds: a pair taken leaves the others fewer rivals."""
    if not unmatched or not free:
        return []
    low = SIMILAR - MARGIN  # a score below this can neither match nor rival a match
    vocabularies = {i: vocabulary(" ".join(words[i])) for i in unmatched}
    score: dict[tuple[int, str], float] = {}
    for pid, old in free.items():
        if isinstance(old, Legacy):
            for i in unmatched:
                if any(a == b for a, b in zip(_edges(words[i]), old.edges(), strict=True)):
                    score[i, pid] = 1.0
            continue
        known = vocabulary(_words(old))
        for i, new in vocabularies.items():
            # the score cannot exceed 2 * min / (sum), known from the sizes alone
            if 2 * min(len(new), len(known)) >= low * (len(new) + len(known)):
                ratio = similarity(new, known)
                if ratio >= low:
                    score[i, pid] = ratio
    taken: list[tuple[int, str]] = []
    while score:
        best_of: dict[Any, list[tuple[float, Any]]] = {}
        for (i, pid), s in score.items():
            best_of.setdefault(("p", i), []).append((s, pid))
            best_of.setdefault(("e", pid), []).append((s, i))

        best = {key: _clear_best(ranked) for key, ranked in best_of.items()}
        found = [(i, pid) for (i, pid) in score if best["p", i] == pid and best["e", pid] == i]
        if not found:
            break
        taken += found
        done_i = {i for i, _ in found}
        done_pid = {pid for _, pid in found}
        score = {k: s for k, s in score.items() if k[0] not in done_i and k[1] not in done_pid}
    return taken


def _clear_best(ranked: list[tuple[float, Any]]) -> Any:
    """The candidate with the best score if it is similar enough and clearly ahead, else None."""
    ranked = sorted(ranked, key=lambda c: c[0], reverse=True)
    rival = ranked[1][0] if len(ranked) > 1 else 0.0
    score, candidate = ranked[0]
    return candidate if score >= SIMILAR and score - rival >= MARGIN else None
