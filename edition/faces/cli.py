"""``python -m edition``: the edition core on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from edition.analysis import assignments
from edition.analysis.annotate import Matcher
from edition.analysis.suggest import stubs_yaml, suggest
from edition.base import lang
from edition.base.errors import EditionError, Problem
from edition.base.register import CACHE_NAME, load_register
from edition.base.sources import skipped_folders
from edition.base.textfile import read_text_file
from edition.build.authority import enrich, reconcile
from edition.build.bundle import Progress, make_bundle
from edition.build.generate import load, write_lock
from edition.build.scaffold import leftover_todos, new_text, suggestion_sources
from edition.build.settings import read_settings
from edition.faces.mkdocs import build_site


def _check(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    corpus = load(settings)
    found = assignments.load_assignments(settings.docs, corpus, settings.ui_languages)
    if args.accept_changes:
        write_lock(settings.docs, assignments.current_lock(found))
    changed, unrecorded = assignments.review(found, assignments.read_lock(settings.docs))
    for problem in unrecorded:
        print(f"note: {problem}; the next build records it")
    for note in skipped_folders(settings.seeds):
        print(f"note: {note}")
    for text in corpus.texts:
        if text.ledger_is_stale():
            print(f"note: {text.folder}: the paragraph ID ledger will be updated by the next build")
        for note in text.original.sentence_notes:
            print(f"note: {note}")
    for note in corpus.notes:
        print(f"note: {note}")
    for code in dict.fromkeys(v.lang for t in corpus.texts for v in t.versions):
        for problem in Matcher(corpus.register, lang.get(code)).report():
            print(f"note: {problem}")
    completeness = leftover_todos(corpus.texts) + corpus.register.missing(settings.ui_languages)
    for problem in completeness:
        print(f"note: {problem}")
    texts = corpus.texts
    paragraphs = sum(len(t.original.paragraphs) for t in texts)
    translations = sum(len(t.translations) for t in texts)
    mentions = sum(len(ms) for per in corpus.mentions.values() for ms in per.values())
    print(
        f"ok: {len(texts)} texts, {paragraphs} paragraphs, {translations} translations, "
        f"{len(corpus.register)} register entries, {mentions} mentions, "
        f"{len(found)} assignments"
    )
    if changed:
        print(assignments.PassagesChanged(changed), file=sys.stderr)
        return 1
    if args.strict and completeness:
        print(
            f"--strict: {len(completeness)} TODO(s) or missing name(s)/definition(s) noted above",
            file=sys.stderr,
        )
        return 1
    return 0


def _analyse(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    corpus = load(settings, args.text_ids or None)
    print(
        f"{len(corpus.texts)} text(s): {len(corpus.analysed)} analysed, "
        f"{len(corpus.texts) - len(corpus.analysed)} already in {settings.cache / 'analysis'}"
    )
    return 0


def _new(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    folder = new_text(settings.seeds, args.text_id, args.file, args.lang, settings.ui_languages)
    print(f"created {folder}: fill in the TODOs of {folder / 'meta.yml'}, then check again")
    args.accept_changes = args.strict = False
    return _check(args)


def _suggest(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    register = load_register(settings.glossary, settings.ui_languages)
    sources, translations = suggestion_sources(settings, args.items, args.lang)
    print(stubs_yaml(suggest(sources, register, translations)), end="")
    return 0


def _enrich(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    register = load_register(settings.glossary, settings.ui_languages)
    if args.reconcile:
        proposals = reconcile(register, settings.glossary)
        for p in proposals:
            print(f"{p.entry} ({p.searched}): wikidata: {p.qid}  # {p.label}: {p.description}")
        print(
            f"{len(proposals)} proposal(s), none written: check each on Wikidata, then add"
            " `wikidata: Q…` to the entry yourself",
            file=sys.stderr,
        )
        return 0
    found = enrich(register, settings.glossary, settings.ui_languages)
    print(f"{settings.glossary / CACHE_NAME}: values of {len(found)} entries; commit it")
    return 0


def _annotate(args: argparse.Namespace) -> int:
    """One file: a JSON list of its mentions. Several (or a folder, or ``--jsonl``): one
    JSON line per file, ``{"file": ..., "mentions": [...]}``, in one process, so that the
    register is read and the matcher built once. A file that cannot be read is named on
    standard error and the others are still annotated."""
    if args.lang not in lang.known_codes():
        raise EditionError([Problem(args.files[0], None, f"unknown language code {args.lang!r}")])
    if not args.config.exists():
        if not args.register:
            fix = "run it in an edition's folder, or name a register folder with --register DIR"
            raise EditionError([Problem(args.config, None, f"no such file: {fix}")])
        # outside an edition: the register alone (its fallback names are in the text's language)
        register = load_register(args.register, (args.lang,))
    else:
        settings = read_settings(args.config)
        register = load_register(args.register or settings.glossary, settings.ui_languages)
    files = _text_files(args.files)
    matcher = Matcher(register, lang.get(args.lang))
    lines = args.jsonl or len(files) != 1 or any(f.is_dir() for f in args.files)
    problems: list[Problem] = []
    for path in files:
        text, found = read_text_file(path)
        if text is None:
            problems += found
            continue
        mentions = _mentions(matcher, text)
        if lines:
            record = {"file": str(path), "mentions": mentions}
            print(json.dumps(record, ensure_ascii=False))
        else:
            json.dump(mentions, sys.stdout, ensure_ascii=False, indent=1)
            print()
    if problems:
        raise EditionError(problems)
    return 0


def _text_files(paths: list[Path]) -> list[Path]:
    """The files named, a folder standing for every ``*.txt`` under it (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            found.append(path)
    return found


def _mentions(matcher: Matcher, text: str) -> list[dict[str, object]]:
    """The mentions in ``text`` as JSON objects, a line being a paragraph: a name several
    entries share is decided by the whole file (and says so: candidates, reason)."""
    starts = [0]
    lines = text.split("\n")
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    per_line, choices = matcher.find_text(lines)
    decided = {(c.paragraph, c.mention.start): c for c in choices}
    found: list[dict[str, object]] = []
    for k, mentions in enumerate(per_line):
        for m in mentions:
            start, end = starts[k] + m.start, starts[k] + m.end
            item: dict[str, object] = {
                "start": start,
                "end": end,
                "surface": text[start:end],
                "ref": m.ref,
            }
            choice = decided.get((k, m.start))
            if choice:
                item |= {"candidates": list(choice.candidates), "reason": choice.reason}
            found.append(item)
    return found


def _bundle(args: argparse.Namespace) -> int:
    progress = Progress()
    summary = make_bundle(
        args.config, args.out or args.config.resolve().parent / "dist", progress, build_site
    )
    print(
        f"{summary.zip_path}: {summary.size / 1_000_000:.1f} MB, {summary.html_pages} HTML pages, "
        f"built in {progress.elapsed():.1f} s"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the edition's mkdocs.yml"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="validate all sources, the register and the assignments without building"
    )
    check.add_argument(
        "--accept-changes",
        action="store_true",
        help="record the current text of every assigned passage as reviewed",
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail on TODOs left in meta.yml and on register names or definitions missing in"
        " an interface language",
    )
    analyse = sub.add_parser(
        "analyse",
        help="analyse texts into the analysis cache (.cache/edition/analysis/), which builds"
        " read: processes or machines given different texts share the work",
    )
    analyse.add_argument(
        "text_ids", nargs="*", metavar="TEXT-ID", help="texts of seeds/ (default: all texts)"
    )
    new = sub.add_parser("new", help="create seeds/TEXT-ID/ from a plain text file, then check")
    new.add_argument("text_id", metavar="TEXT-ID", help="the folder name under seeds/")
    new.add_argument("file", type=Path, metavar="FILE", help="a plain UTF-8 text file")
    new.add_argument("--lang", required=True, help="language code of the text (pl, uk, en)")
    sug = sub.add_parser(
        "suggest",
        help="print register stubs (YAML) for the names in texts that the register lacks",
    )
    sug.add_argument(
        "items",
        nargs="*",
        metavar="TEXT-ID|FILE",
        help="texts of seeds/ or plain files (default: all texts)",
    )
    sug.add_argument("--lang", help="language of the plain files (default: the file name, pl.txt)")
    enr = sub.add_parser(
        "enrich",
        help="fetch names, dates, coordinates and GeoNames IDs of entries with a QID from"
        " Wikidata into glossary/.wikidata-cache.json (the only command that uses the network)",
    )
    enr.add_argument(
        "--reconcile",
        action="store_true",
        help="instead, print Wikidata's candidate QIDs for entries without one (writes nothing)",
    )
    ann = sub.add_parser(
        "annotate",
        help="print the register mentions found in plain text files as JSON (one file) or"
        " JSON lines (several, or folders: one line per file)",
    )
    ann.add_argument("--lang", required=True, help="language code of the texts (pl, uk, en)")
    ann.add_argument(
        "--register",
        type=Path,
        help="register folder (default: glossary/ beside mkdocs.yml; with it, no edition needed)",
    )
    ann.add_argument("--jsonl", action="store_true", help="JSON lines even for one file")
    ann.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help="text files, or folders of *.txt"
    )
    bundle = sub.add_parser(
        "bundle", help="build the offline bundle: dist/<edition-name>-offline.zip for file://"
    )
    bundle.add_argument("--out", type=Path, help="folder for the zip (default: dist/)")
    args = parser.parse_args(argv)
    try:
        commands = {
            "check": _check,
            "analyse": _analyse,
            "new": _new,
            "suggest": _suggest,
            "enrich": _enrich,
            "annotate": _annotate,
            "bundle": _bundle,
        }
        return commands[args.command](args)
    except EditionError as exc:
        print(f"{len(exc.problems)} problem(s):", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
