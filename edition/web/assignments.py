"""The HTML of teachers' assignments: the passages, terms and questions appended to the
teacher's Markdown, and the list of assignments (model: ``edition.analysis.assignments``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import segno

from edition.analysis.assignments import INDEX, AssignedPassage, Assignment
from edition.analysis.corpus import Corpus
from edition.base.addresses import Address, entry, parallel, reading, up
from edition.base.addresses import assignment as assignment_address
from edition.base.sources import Paragraph, Sentence, Version
from edition.base.strings import ui_strings
from edition.web.fallback import definition_in_language, in_language
from edition.web.html import esc, href
from edition.web.popups import host_html
from edition.web.reading import Page, sentences_html


def passage_label(ref: str, s: dict[str, Any]) -> str:
    """``paragraphs p3–p5``, ``sentence p3s2``…: the words a citation gives for a range."""
    start, _, end = ref.partition("-")
    kind = "sentence" if "s" in start else "paragraph"
    if end and end != start:
        return s[f"passage_{kind}s"].format(ref=f"{start}–{end}")
    return s[f"passage_{kind}"].format(ref=start)


def _excerpt(par: Paragraph, keep: list[bool], mentions: list) -> tuple[Paragraph, list]:
    """The kept sentences of ``par`` (a contiguous run) as a paragraph of their own."""
    if all(keep):
        return par, mentions
    kept = [s for s, k in zip(par.sentences, keep, strict=True) if k]
    a, b = kept[0].start, kept[-1].end
    part = Paragraph(
        par.id, par.line, par.text[a:b], tuple(Sentence(s.id, s.start - a, s.end - a) for s in kept)
    )
    moved = [replace(m, start=m.start - a, end=m.end - a) for m in mentions if a <= m.start < b]
    return part, moved


def _version_html(corpus: Corpus, item: AssignedPassage, version: Version) -> str:
    """The passage in ``version``: its paragraphs."""
    text, ids = item.text, set(item.passage.ids)
    mentions = corpus.of(text, version)
    aligned = corpus.alignment(text, version) if version is not text.original else None
    out = []
    for k, (orig, par) in enumerate(zip(text.original.paragraphs, version.paragraphs, strict=True)):
        if orig.id in ids:
            keep = [True] * len(par.sentences)
        elif aligned is None:
            keep = [s.id in ids for s in par.sentences]
        else:
            keep = [bool(ids.intersection(keys)) for keys in aligned[k]]
        if not any(keep):
            continue
        part, ms = _excerpt(par, keep, mentions.get(par.id, []))
        attrs = [f'data-s="{esc(x.id)}"' for x in part.sentences]
        out.append(
            f'<div class="ed-para"><span class="ed-pid" aria-hidden="true">{esc(orig.id)}</span>'
            f'<p class="ed-p">{sentences_html(part, ms, corpus.register, attrs)}</p></div>'
        )
    return "".join(out)


def _passage_html(corpus: Corpus, item: AssignedPassage, ui: str, here: Address) -> str:
    s = ui_strings(ui)
    text = item.text
    title = text.meta["title"][ui]
    links = [f'<a href="{href(here, reading(text.id).at(item.ref))}">{esc(s["reading_view"])}</a>']
    if text.translations:
        links.append(
            f'<a href="{href(here, parallel(text.id).at(item.ref))}">{esc(s["parallel_view"])}</a>'
        )
    versions = [text.original]
    if ui in text.translations:
        versions.append(text.translations[ui])
    blocks = []
    for v in versions:
        body = _version_html(corpus, item, v)
        key = "original_label" if v is text.original else "translation_label"
        label = s[key].format(language=s["languages"][v.lang])
        blocks.append(
            f'<div class="ed-excerpt" lang="{esc(v.lang)}">'
            f'<p class="ed-excerpt-label" lang="{esc(ui)}">{esc(label)}</p>{body}</div>'
        )
    note = f'<p class="ed-passage-note">{esc(item.note)}</p>' if item.note else ""
    if item.changed:  # Material's own admonition style: visible without CSS of ours
        note = (
            '<div class="admonition warning ed-changed" role="note">'
            f'<p class="admonition-title">{esc(s["passage_changed_title"])}</p>'
            f"<p>{esc(s['passage_changed'])}</p></div>" + note
        )
    return (
        f'<section class="ed-passage" data-text="{esc(text.id)}" data-range="{esc(item.ref)}">'
        f"<h3>{esc(title)}, {esc(passage_label(item.ref, s))}</h3>{note}"
        f'<p class="ed-views">{" · ".join(links)}</p>' + "".join(blocks) + "</section>"
    )


def qr_svg(url: str, label: str) -> str:
    """The QR code of ``url`` as inline SVG (scalable: CSS sets its printed size)."""
    return segno.make(url, error="m").svg_inline(
        scale=1, omitsize=True, title=label, svgclass="ed-qr-code", lineclass=None
    )


def _questions_html(questions: tuple[str, ...], s: dict[str, Any]) -> str:
    """The questions, each with a field to type the answer in (kept on the device by
    ``answers.js``) and, on paper, the typed answer and ruled lines to write on."""
    t = esc
    items = "".join(
        f'<li><p id="ed-q{n}" class="ed-question">{t(q)}</p>'
        f'<textarea class="ed-answer" rows="4" aria-labelledby="ed-q{n}" data-q="{n}"></textarea>'
        '<div class="ed-answer-printed" aria-hidden="true"></div>'
        '<div class="ed-lines" aria-hidden="true"></div></li>'
        for n, q in enumerate(questions, 1)
    )
    tools = (
        f'<div class="ed-answer-tools" data-copied="{t(s["copied"])}"'
        f' data-copy-failed="{t(s["copy_failed"])}" data-cleared="{t(s["answers_cleared"])}"'
        f' data-confirm="{t(s["answers_confirm"])}" hidden>'
        f'<p class="ed-help">{t(s["answers_kept"])}</p>'
        f'<button type="button" class="md-button" data-answers="copy">{t(s["answers_copy"])}</button>'
        f' <button type="button" class="md-button" data-answers="print">{t(s["answers_print"])}</button>'
        f' <button type="button" class="md-button" data-answers="clear">{t(s["answers_clear"])}</button>'
        '<p class="ed-answer-status" role="status"></p></div>'
    )
    return (
        f'<section class="ed-questions"><h2>{t(s["questions"])}</h2><ol>{items}</ol>'
        f"{tools}</section>"
    )


def page_html(assignment: Assignment, corpus: Corpus, public_url: str) -> str:
    """What the build appends to the teacher's Markdown: passages, terms, questions, and
    (where the edition has a public address) the QR code of ``public_url``; without one, the
    address the sheet is printed from (a QR code of it would need a QR encoder in the browser)."""
    ui = assignment.ui
    s = ui_strings(ui)
    t = esc
    here = assignment_address(assignment.name)
    parts = [_passage_html(corpus, item, ui, here) for item in assignment.passages]
    out = [f'<div class="ed-assignment" lang="{t(ui)}">']
    if public_url:
        out.append(
            f'<figure class="ed-qr">{qr_svg(public_url, s["qr_label"])}'
            f'<figcaption>{t(s["worksheet_online"])}: <a href="{t(public_url)}">{t(public_url)}</a>'
            "</figcaption></figure>"
        )
    else:  # no public address: the printed sheet names the one it was printed from
        own = href(here, here)
        out.append(
            f'<figure class="ed-qr"><figcaption>{t(s["worksheet_online"])}: '
            f'<a class="ed-served-url" href="{own}">{own}</a></figcaption></figure>'
        )
    out += [
        '<p class="ed-student">'
        + "".join(f"<span>{t(s[k])}:</span>" for k in ("student_name", "student_date"))
        + "</p>",
        f'<section class="ed-passages"><h2>{t(s["passages"])}</h2>{"".join(parts)}</section>',
    ]
    if assignment.terms:
        items = "".join(
            f'<dt><a href="{href(here, entry(e))}">{in_language(e.name_in(ui), ui)}</a></dt>'
            f"<dd>{definition_in_language(e.definition_in(ui), ui)}</dd>"
            for e in (corpus.register[x] for x in assignment.terms)
        )
        out.append(
            f'<section class="ed-terms"><h2>{t(s["terms_to_learn"])}</h2><dl>{items}</dl></section>'
        )
    if assignment.questions:
        out.append(_questions_html(assignment.questions, s))
    out.append("</div>")
    popups = host_html(corpus.register, ui, up(here.path))
    return "\n\n" + "\n".join(out) + "\n\n" + popups + "\n"


def index_page(assignments: list[Assignment], ui: str, default: str) -> Page:
    """The list of assignments shown in UI language ``ui``: each in ``ui`` where the teacher
    wrote it so, else in the default language (as mkdocs-static-i18n falls back)."""
    s = ui_strings(ui)
    t = esc
    here = assignment_address(INDEX)
    shown: dict[str, Assignment] = {}
    for a in assignments:
        if a.ui == ui or (a.ui == default and a.name not in shown):
            shown[a.name] = a
    rows = []
    for name in sorted(shown, key=lambda n: shown[n].title.lower()):
        a = shown[name]
        where = "; ".join(
            f"{t(p.text.meta['title'][ui])}, {t(passage_label(p.ref, s))}" for p in a.passages
        )
        rows.append(
            f'<tr><td><a href="{href(here, assignment_address(name))}" hreflang="{t(a.ui)}">'
            f"{t(a.title)}</a></td><td>{where}</td><td>{len(a.questions)}</td></tr>"
        )
    head = "".join(f"<th>{t(s[k])}</th>" for k in ("title", "passages", "questions"))
    table = (
        f'<table class="ed-catalogue"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table>"
        if rows
        else f"<p>{t(s['no_assignments'])}</p>"
    )
    return Page(
        here,
        s["assignments"],
        (
            f"<h1>{t(s['assignments'])}</h1>\n\n<p>{t(s['assignments_intro'])}</p>\n\n"
            + table
            + "\n"
        ),
    )
