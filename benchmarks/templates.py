"""Jinja2 against today's page builders, on the reading page's text.

    python benchmarks/templates.py [--texts 50] [--entries 5000] [--repeat 5]

The text of a reading page (its article: paragraphs, a span per sentence, a button per
mention) is nearly all of the page's bytes and of the time it takes to build. For each
text of a synthetic edition (``synthetic.py``) and each UI language it is made by
``edition.web.reading.text_html`` and by a Jinja2 template of the same markup (autoescape on,
the builder's helpers for links); the script checks that the two give the same HTML (Jinja2's
escape writes ``'`` as ``&#39;``, ``html.escape`` as ``&#x27;``) and prints the CPU seconds of
each, the best of ``--repeat`` rounds, rounds of the two interleaved.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import jinja2
import synthetic

from edition.base.addresses import Address, parallel, reading
from edition.base.strings import ui_strings
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.web.html import href
from edition.web.reading import text_html

TEMPLATE = """\
<article class="ed-text" lang="{{ text.original.lang }}">
{% for p in text.original.paragraphs -%}
{%- set ms = mentions.get(p.id, []) -%}
<div class="ed-para" id="{{ p.id }}"><a class="ed-anchor" href="{{ link(here, here, p.id) }}" \
title="{{ s.paragraph_link }} {{ p.id }}">{{ p.id }}</a>
{%- if other %}<a class="ed-switch" href="{{ link(here, other, p.id) }}" \
title="{{ s.parallel_of }} {{ p.id }}" aria-label="{{ s.parallel_of }} {{ p.id }}">⇆</a>
{%- endif %}<p class="ed-p">
{%- set gap = namespace(pos=0) -%}
{%- for x in p.sentences -%}
{{ p.text[gap.pos:x.start] }}<span class="ed-s" id="{{ x.id }}">
{%- set run = namespace(pos=x.start) -%}
{%- for m in ms if m.start >= x.start and m.end <= x.end -%}
{{ p.text[run.pos:m.start] }}<button class="ed-ref" data-ref="{{ m.ref }}" \
data-kind="{{ register[m.ref].kind }}">{{ p.text[m.start:m.end] }}</button>
{%- set run.pos = m.end -%}
{%- endfor -%}
{{ p.text[run.pos:x.end] }}</span>
{%- set gap.pos = x.end -%}
{%- endfor -%}
{{ p.text[gap.pos:] }}</p></div>
{% endfor -%}
</article>"""


def _link(here: Address, page: Address, pid: str) -> str:
    return href(here, page.at(pid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=50)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        edition = synthetic.make_edition(args.texts, args.entries)
        synthetic.write_edition(edition, Path(tmp))
        settings = read_settings(Path(tmp) / "mkdocs.yml")
        corpus = load(settings)
    template = jinja2.Environment(autoescape=True, keep_trailing_newline=False).from_string(
        TEMPLATE
    )
    pages = [(t, ui) for t in corpus.texts for ui in settings.ui_languages]

    def builders() -> list[str]:
        return [text_html(t, corpus, ui) for t, ui in pages]

    def jinja() -> list[str]:
        return [
            template.render(
                text=t,
                s=ui_strings(ui),
                mentions=corpus.of(t, t.original),
                register=corpus.register,
                here=reading(t.id),
                other=parallel(t.id) if t.translations else None,
                link=_link,
            )
            for t, ui in pages
        ]

    made = {"builders": builders(), "jinja2": jinja()}
    same = [a == b.replace("&#39;", "&#x27;") for a, b in zip(*made.values(), strict=True)]
    if not all(same):
        sys.exit(f"not the same HTML: page {same.index(False)} ({pages[same.index(False)]})")
    best = dict.fromkeys(made, float("inf"))
    for _ in range(args.repeat):
        for name, make in (("builders", builders), ("jinja2", jinja)):
            start = time.process_time()
            make()
            best[name] = min(best[name], time.process_time() - start)
    size = sum(map(len, made["builders"]))
    print(f"{len(pages)} reading-page texts, {size:,} characters, the same HTML from both")
    for name, seconds in best.items():
        print(f"{name}: {seconds:.3f} CPU s (best of {args.repeat})")
    print(f"jinja2 / builders: {best['jinja2'] / best['builders']:.2f}")


if __name__ == "__main__":
    main()
