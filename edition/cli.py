"""``python -m edition``: the edition core on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import read_settings
from .errors import EditionError
from .site import load


def _check(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    texts = load(settings)
    for text in texts:
        if text.ledger_is_stale():
            print(f"note: {text.folder}: the paragraph ID ledger will be updated by the next build")
    paragraphs = sum(len(t.original.paragraphs) for t in texts)
    translations = sum(len(t.translations) for t in texts)
    print(f"ok: {len(texts)} texts, {paragraphs} paragraphs, {translations} translations")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the edition's mkdocs.yml"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate all sources and the register without building")
    args = parser.parse_args(argv)
    try:
        return {"check": _check}[args.command](args)
    except EditionError as exc:
        print(f"{len(exc.problems)} problem(s):", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
