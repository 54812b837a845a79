"""What the property tests generate: small editions of awkward but possible input."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces that look like markup or templates to one tool or another, and characters that
# make text hard: combining marks, right-to-left text and overrides, emoji sequences with
# joiners, the soft hyphen, line and paragraph separators, a tab (the one control
# character a text may hold).
MARKUP = [
    "<script>alert(1)</script>", "<b onclick=x>", "</p>", "<!-- c -->", "<![CDATA[x]]>",
    "&amp;", "&lt;b&gt;", "&#x41;", "&", "{{ page.title }}", "{% raw %}", "{#", "[link](x)",
    "![i](x)", "*", "**b**", "_x_", "`code`", "# h", "> q", "---", "|a|b|", "{: .x}",
    "<div markdown>", "\\", '"', "'", "javascript:", "${x}", "%s", "{0}",
]  # fmt: skip
SPECIAL = [
    "\u0307", "z\u0307", "і\u0308", "\u00ad", "\u200d", "\u200c", "\u2060", "\u202e",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "👨\u200d👩\u200d👧", "🇵🇱",
    "\u2028", "\u2029", "\t", "\ufeff", "\U0001d400", "ﬁ", "İ", "ß",
]  # fmt: skip
WORDS = ["Mandżurii", "Mandżuria", "Маньчжурії", "U.S.", "Washington, D.C.", "S.A.", "r."]
_CHARS = st.characters(exclude_categories=("Cs", "Cc")) | st.just("\t")
PIECE = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(SPECIAL),
    st.sampled_from(WORDS),
    st.text(_CHARS, min_size=1, max_size=6),
    st.just(" "),
)
# One paragraph: a line with something other than space in it.
LINE = st.lists(PIECE, min_size=1, max_size=8).map("".join).filter(lambda s: bool(s.strip()))
TEXT = st.lists(LINE, min_size=1, max_size=4)
# A value of meta.yml or a register name: any string, dumped as YAML by the test.
VALUE = st.lists(PIECE, min_size=1, max_size=4).map("".join).filter(lambda s: bool(s.strip()))
# Raw meta.yml text: YAML-looking lines of any of the above.
YAML_LINE = st.one_of(
    st.sampled_from(
        [
            "original: pl", "title: {pl: a, uk: b, en: c}", "source: {pl: a, uk: b, en: c}",
            "licence: {status: unknown}", "title: &a x", "title: *a", "title: [", "original: pl",
            "? x", "- x", "title: !!python/object:os.system x", "%YAML 1.1", "...", "  en: x",
        ]
    ),
    st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(["title", "source", "original"]), LINE),
)  # fmt: skip
RAW_YAML = st.lists(YAML_LINE, min_size=0, max_size=6).map("\n".join)
