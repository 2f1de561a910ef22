"""Typography (`prirucka_typography` and core/typography.py) on a bare markdown.Markdown(),
then in a built site and its PDFs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pypdf
import pytest
from conftest import parse
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from prirucka.core import typography

GOLDEN = Path(__file__).parent / "golden"
NBSP = "\u00a0"
SHOWN = "⍽"  # how the golden files write U+00A0


def render(text: str, lang: str = "cs", extensions=(), **options) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", *extensions, "prirucka_typography"],
        extension_configs={"prirucka_typography": {"lang": lang, **options}},
    )
    return md.convert(text)


def paragraph(text: str, lang: str = "cs", **options) -> str:
    html = render(text, lang, **options)
    assert html.startswith("<p>") and html.endswith("</p>"), html
    return html[3:-4]


def golden(lang: str) -> list[tuple[int, str, str]]:
    """(line, Markdown, expected HTML) of tests/golden/typography_<lang>.txt."""
    lines = (GOLDEN / f"typography_{lang}.txt").read_text(encoding="utf-8").splitlines()
    cases, source = [], None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("→ "):
            assert source is not None, f"line {number}: a result without its Markdown"
            cases.append((number - 1, source, line[2:].replace(SHOWN, NBSP)))
            source = None
        else:
            assert source is None, f"line {number - 1}: Markdown without its result"
            source = line.replace(SHOWN, NBSP)
    assert source is None, "the last case has no result"
    return cases


def _cases(lang: str):
    return [
        pytest.param(lang, source, expected, id=f"{lang}:{line}")
        for line, source, expected in golden(lang)
    ]


def shown(text: str) -> str:
    return text.replace(NBSP, SHOWN)


# --- golden cases --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_golden_files_hold_at_least_60_cases(lang):
    assert len(golden(lang)) >= 60


@pytest.mark.parametrize(("lang", "source", "expected"), _cases("cs") + _cases("en"))
def test_golden(lang, source, expected):
    assert shown(paragraph(source, lang)) == shown(expected)


@pytest.mark.parametrize(("lang", "source", "expected"), _cases("cs") + _cases("en"))
def test_golden_results_are_stable(lang, source, expected):
    """Running the rules over their own result changes nothing."""
    if "<" in expected or "&" in expected or "\\" in source:
        return  # markup: the HTML is not Markdown to feed back
    assert shown(paragraph(expected, lang)) == shown(expected)


@pytest.mark.parametrize(("lang", "source", "expected"), _cases("cs") + _cases("en"))
def test_core_is_idempotent(lang, source, expected):
    once = typography.typeset(source, lang)
    assert typography.typeset(once, lang) == once


def test_core_on_plain_strings():
    assert typography.typeset("a v lese za 1 500 Kč", "cs") == "a\xa0v\xa0lese za 1\xa0500\xa0Kč"
    assert typography.typeset('"a v" 2012-2013', "en") == "“a v” 2012–2013"
    assert typography.typeset("a v lese", "de") == "a v lese"
    assert typography.typeset("a v lese", "cs-CZ") == "a\xa0v\xa0lese"
    assert typography.typeset("a v lese", "cs", disable=["prepositions"]) == "a v lese"


def test_every_rule_has_a_name_and_both_languages_share_the_common_ones():
    cs = {rule.name for rule in typography.rules("cs")}
    en = {rule.name for rule in typography.rules("en")}
    assert {"quotes", "dashes", "ellipsis", "units", "numbering", "dates", "titles"} <= cs & en
    assert {"prepositions", "abbreviations", "postcodes"} <= cs - en


# --- what is never touched -------------------------------------------------------


def test_code_pre_and_kbd_are_untouched():
    source = (
        'Kód `a v "x" 2012-2013...` a <kbd>a v "x"</kbd> a <samp>a v</samp>.\n\n'
        '```\na v lese "x" 2012-2013...\n```\n\n'
        '    a v lese "x" 2012-2013...\n\n'
        '<pre>a v lese "x"</pre>\n'
    )
    html = render(source, "cs", extensions=["fenced_code"])
    assert '<code>a v "x" 2012-2013...</code>' in html
    assert '<kbd>a v "x"</kbd>' in html
    assert "<samp>a v</samp>" in html
    assert "<pre><code>a v lese &quot;x&quot; 2012-2013...\n</code></pre>" in html  # fenced
    assert '<pre><code>a v lese "x" 2012-2013...\n</code></pre>' in html  # indented
    assert '<pre>a v lese "x"</pre>' in html


def test_script_style_svg_and_math_are_untouched():
    source = (
        'Text <svg><text>a v "x"</text></svg> a <math><mi>a v</mi></math> a v.\n\n'
        '<script>var a = "a v";</script>\n\n<style>p::before { content: "a v"; }</style>\n'
    )
    html = render(source, "cs")
    for kept in ('<text>a v "x"</text>', "<mi>a v</mi>", 'var a = "a v";', 'content: "a v";'):
        assert kept in html
    assert "a\xa0v." in html


def test_urls_and_email_addresses_are_untouched():
    source = (
        'Adresa https://example.cz/a-v/2012-2013?q=a...b a <https://example.cz/"x"> '
        "a <rodina@example.cz> a rodina.v@example.cz a www.example.cz/s-v a v."
    )
    html = render(source, "cs")
    assert "https://example.cz/a-v/2012-2013?q=a...b" in html
    assert "rodina.v@example.cz" in html
    assert "www.example.cz/s-v" in html
    assert "a\xa0v." in html
    # the autolinked e-mail is obfuscated by Python-Markdown; its text is left as it made it
    plain = render("<rodina@example.cz>", "en")
    assert plain == markdown.markdown("<rodina@example.cz>")


def test_attributes_are_untouched():
    source = (
        '[a v "lese"](https://example.cz/a-b "a v 2012-2013") '
        '![a v "obr"](obr.png "s 5 %") '
        '*text*{title="a v 1 500 Kč" data-x="\'q\'"} '
        '<abbr title="a v ...">ZKR</abbr>'
    )
    root = etree.fromstring(f"<div>{render(source, 'cs')}</div>")
    attributes = {(el.tag, name): value for el in root.iter() for name, value in el.attrib.items()}
    assert attributes[("a", "href")] == "https://example.cz/a-b"
    assert attributes[("a", "title")] == "a v 2012-2013"
    assert attributes[("img", "alt")] == 'a v "obr"'
    assert attributes[("img", "title")] == "s 5 %"
    assert attributes[("em", "title")] == "a v 1 500 Kč"
    assert attributes[("em", "data-x")] == "'q'"
    assert attributes[("abbr", "title")] == "a v ..."
    assert root.find(".//a").text == "a\xa0v\xa0„lese“"


# --- languages and switches ------------------------------------------------------


def test_lang_en_span_on_a_czech_page_gets_english_rules():
    html = paragraph('Česky "a v" a <span lang="en">"a v" 2012-2013</span> a v lese.', "cs")
    assert shown(html) == ('Česky „a⍽v“ a⍽<span lang="en">“a v” 2012–2013</span> a⍽v⍽lese.')


def test_lang_attribute_from_attr_list_and_nesting():
    source = 'Česky *"English <span lang="cs">a v "česky"</span> a v"*{lang=en} a v.'
    assert shown(paragraph(source, "cs")) == (
        'Česky <em lang="en">“English <span lang="cs">a⍽v⍽„česky“</span> a v”</em> a⍽v.'
    )


def test_block_with_lang_attribute():
    source = (
        '<div lang="en" markdown>\n"Quoted" a v lese\n\n- "item" a v\n</div>\n\n"Czech" a v lese\n'
    )
    html = render(source, "cs", extensions=["md_in_html"])
    assert "<p>“Quoted” a v lese</p>" in html
    assert "<li>“item” a v</li>" in html
    assert "<p>„Czech“ a\xa0v\xa0lese</p>" in html


def test_a_language_without_rules_is_left_alone():
    assert render('"a v" 2012-2013...', "de") == '<p>"a v" 2012-2013...</p>'


def test_notypo_block_is_untouched():
    source = (
        'Vypnuto "a v" 2012-2013...\n{ .notypo }\n\n'
        '<div class="notypo" markdown>\n- "a v" lese\n- 1 500 Kč\n</div>\n\n'
        '<div data-typography="off" markdown>\n"a v" lese\n</div>\n\n'
        'Zapnuto "a v" lese.\n'
    )
    html = render(source, "cs", extensions=["md_in_html"])
    assert '<p class="notypo">Vypnuto "a v" 2012-2013...</p>' in html
    assert '<li>"a v" lese</li>' in html
    assert "<li>1 500 Kč</li>" in html
    assert '<p>"a v" lese</p>' in html
    assert "<p>Zapnuto „a\xa0v“ lese.</p>" in html


def test_disable_option_switches_rules_off():
    source = '"a v" 2012-2013... 50 %'
    assert shown(paragraph(source, "cs")) == "„a⍽v“ 2012–2013… 50⍽%"
    assert shown(paragraph(source, "cs", disable=["quotes", "units"])) == '"a⍽v" 2012–2013… 50 %'
    assert shown(paragraph(source, "cs", disable={"cs": ["prepositions"], "en": ["dashes"]})) == (
        "„a v“ 2012–2013… 50⍽%"
    )
    assert shown(paragraph(source, "en", disable={"cs": ["prepositions"], "en": ["dashes"]})) == (
        "“a v” 2012-2013… 50⍽%"
    )


@pytest.mark.parametrize(
    ("disable", "message"),
    [
        (["quotez"], "unknown rule 'quotez'"),
        ({"en": ["prepositions"]}, "unknown rule 'prepositions' for 'en'"),
        ({"de": ["quotes"]}, "no rules for language 'de'"),
    ],
)
def test_unknown_rule_names_are_an_error(disable, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        render("text", "cs", disable=disable)


# --- structure: boundaries, blocks, idempotence -------------------------------------


def test_rules_cross_inline_element_boundaries():
    assert shown(paragraph("a <em>v</em> lese", "cs")) == "a⍽<em>v</em>⍽lese"
    assert shown(paragraph("a *v* **lese** k <strong>domu</strong>", "cs")) == (
        "a⍽<em>v</em>⍽<strong>lese</strong> k⍽<strong>domu</strong>"
    )
    assert shown(paragraph('"*začátek* a **konec**"', "cs")) == (
        "„<em>začátek</em> a⍽<strong>konec</strong>“"
    )
    assert shown(paragraph("1 500 <em>Kč</em>", "cs")) == "1⍽500⍽<em>Kč</em>"


def test_rules_never_cross_block_boundaries():
    html = render("Konec je a\n\nv lese.\n", "cs")
    assert html == "<p>Konec je a</p>\n<p>v\xa0lese.</p>"


def test_line_breaks_in_the_source_become_non_breaking():
    assert paragraph("Jde a\nv lese.", "cs") == "Jde a\xa0v\xa0lese."


def test_blocks_get_the_rules():
    source = (
        "# Nadpis a v lese 2012-2013\n\n"
        '!!! note "Titulek a v lese"\n    Text a v lese.\n\n'
        "| a v | 1 500 Kč |\n| --- | --- |\n| k domu | s dětmi |\n\n"
        '- položka a v lese\n- s "uvozovkami"\n    - vnořená k domu\n\n'
        "Pojem a v\n:   Výklad k domu.\n\n"
        "Text[^1].\n\n[^1]: Poznámka a v lese.\n"
    )
    html = render(source, "cs", extensions=["admonition", "tables", "def_list", "footnotes"])
    for expected in (
        "Nadpis a⍽v⍽lese 2012–2013</h1>",
        '<p class="admonition-title">Titulek a⍽v⍽lese</p>',
        "<p>Text a⍽v⍽lese.</p>",
        "<th>a⍽v</th>",
        "<th>1⍽500⍽Kč</th>",
        "<td>k⍽domu</td>",
        "<td>s⍽dětmi</td>",
        "položka a⍽v⍽lese",
        "<li>s⍽„uvozovkami“",
        "<li>vnořená k⍽domu</li>",
        "<dt>Pojem a⍽v</dt>",
        "<dd>Výklad k⍽domu.</dd>",
        "Poznámka a⍽v⍽lese.",
    ):
        assert expected in shown(html)


def test_default_admonition_titles_and_the_table_of_contents():
    md = markdown.Markdown(
        extensions=["admonition", "toc", "prirucka_admonitions", "prirucka_typography"],
        extension_configs={
            "prirucka_admonitions": {"lang": "cs"},
            "prirucka_typography": {"lang": "cs"},
        },
    )
    html = md.convert('!!! seealso\n    Text.\n\n## Nadpis "a v" lese\n')
    assert '<p class="admonition-title">Viz také</p>' in html
    # The table of contents shows the heading's quotes (toc itself collapses every
    # space, non-breaking ones too, into a plain one).
    assert md.toc_tokens[0]["name"] == "Nadpis „a v“ lese"
    assert md.toc_tokens[0]["id"] == "nadpis-a-v-lese"


class _Again(Treeprocessor):
    """Run the typography pass a second time over the finished tree; keep both texts."""

    def run(self, root: etree.Element) -> None:
        once = etree.tostring(root, encoding="unicode")
        self.md.treeprocessors["prirucka_typography"].run(root)
        self.md.typography_twice = (once, etree.tostring(root, encoding="unicode"))


class _AgainExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Again(md), "again", 1)


def test_running_twice_changes_nothing():
    md = markdown.Markdown(
        extensions=["attr_list", "tables", "prirucka_typography", _AgainExtension()],
        extension_configs={"prirucka_typography": {"lang": "cs"}},
    )
    md.convert(
        'Dům "a *v* lese" a&nbsp;v 1 500 Kč... 2012-2013 <span lang="en">"x"</span>\n\n'
        "| a v | s. r. o. |\n| --- | --- |\n| T. G. Masaryk | 5. května |\n"
    )
    once, twice = md.typography_twice
    assert "\xa0" in once
    assert twice == once


class _Expand(Treeprocessor):
    """A processor of another extension that adds text after the first typography pass."""

    def run(self, root: etree.Element) -> None:
        paragraph = root.find("p")
        paragraph.text += " (a v lese)"


class _ExpandExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Expand(md), "expand", 4)


def test_text_added_by_later_processors_gets_the_rules():
    md = markdown.Markdown(
        extensions=["prirucka_typography", _ExpandExtension()],
        extension_configs={"prirucka_typography": {"lang": "cs"}},
    )
    assert md.convert("Text k domu") == "<p>Text k\xa0domu (a\xa0v\xa0lese)</p>"


def test_nbsp_already_written_is_kept():
    assert paragraph("a&nbsp;v&nbsp;lese", "cs") == "a&nbsp;v&nbsp;lese"
    assert paragraph("a&#160;v lese", "cs") == "a&#160;v\xa0lese"
    assert paragraph("a\xa0v\xa0lese", "cs") == "a\xa0v\xa0lese"


def test_numbers_that_are_not_quantities_keep_their_shape():
    cases = {
        "Použijte 3% roztok.": "Použijte 3% roztok.",
        "V roce 2024 a 1999.": "V\xa0roce 2024 a\xa01999.",
        "Sídlo 110 00 Praha 1.": "Sídlo 110\xa000 Praha 1.",
        "ISBN 978-80-7422-123-4.": "ISBN 978-80-7422-123-4.",
        "Dne 2024-01-15.": "Dne 2024-01-15.",
        "Linka 116 111 pomáhá.": "Linka 116\xa0111 pomáhá.",
        "Volejte 605-123-456.": "Volejte 605-123-456.",
        "Volejte +420 605 123 456.": "Volejte +420\xa0605\xa0123\xa0456.",
        "Číslo 12345678.": "Číslo 12345678.",
    }
    for source, expected in cases.items():
        assert paragraph(source, "cs") == expected, source


# --- the site and the PDFs ------------------------------------------------------------


def test_built_page_has_non_breaking_spaces(mini_site):
    html = (mini_site / "index.html").read_text(encoding="utf-8")
    assert "Typografie v\xa0praxi" in html
    assert "a\xa0v\xa0lese" in html
    assert "1\xa0500\xa0Kč" in html
    assert "„v\xa0uvozovkách“" in html


def test_czech_pdf_never_breaks_a_line_after_a_one_letter_preposition(print_project):
    project, _ = print_project
    pdf = pypdf.PdfReader(project / "site" / "pdf" / "prirucka.cs.pdf")
    text = "\n".join(page.extract_text() for page in pdf.pages)
    start = text.index("Typografie")
    end = re.search(r"konec\s+ukázky", text[start:]).start() + start
    # pypdf puts spaces around a non-breaking space that justification widened.
    passage = re.sub(" +", " ", re.sub(" *\xa0 *", "\xa0", text[start:end]))
    assert "s\xa0pracovnicí a\xa0s\xa0dětmi" in passage.replace("\n", " ")
    assert "1\xa0500\xa0Kč" in passage.replace("\n", " ")
    lines = passage.splitlines()
    assert len(lines) >= 3, passage  # the paragraph wraps, so line ends are tested
    for line in lines:
        assert not re.search(r"(?:^|[\s\u00a0])[ksvzouaiKSVZOUAI]$", line.rstrip(" ")), line


def test_generated_strings_typeset_and_escaped():
    text = typography.html_text("Dítě v péči a <výchově> 2012-2013", "cs")
    assert text == "Dítě v\xa0péči a\xa0&lt;výchově&gt; 2012–2013"
    assert typography.html_text("pages 10-15 & more", "en") == "pages 10–15 &amp; more"


def test_web_glossary_page_has_czech_typography(mini_site):
    page = parse(mini_site / "glosar" / "index.html")
    box = next(e for e in page.iter("div") if "prirucka-glossary" in (e.get("class") or ""))
    text = " ".join("".join(box.itertext()).split(" "))
    assert re.search(r"(?<!\w)[ksvzouai]\xa0\w", text)
    assert not re.search(r"(?<!\w)[ksvzouaiKSVZOUAI] \w", text), text


_TYPO_ALPHABET = "avskouzi AVSKOUZI 0123456789 .,-–/:%§()\u00a0\n\"'…Kčkm@w:/"


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_TYPO_ALPHABET, max_size=60),
    cuts=st.lists(st.integers(0, 60), max_size=4),
    lang=st.sampled_from(["cs", "en"]),
)
def test_pieces_of_one_language_and_group_read_as_one_text(text, cuts, lang):
    """Where a run's text nodes part (an inline element's text and tail) changes nothing
    by itself: pieces of one language and group are one text to the rules."""
    bounds = sorted({0, len(text), *(min(cut, len(text)) for cut in cuts)})
    pieces = [typography.Piece(text[a:b], lang) for a, b in zip(bounds, bounds[1:], strict=False)]
    new = typography.typeset_pieces(pieces)
    assert ("".join(new) if new is not None else text) == typography.typeset(text, lang)


_PIECE = st.tuples(
    st.text(alphabet=_TYPO_ALPHABET, max_size=20) | st.sampled_from(["", "\ufffc", "a...b"]),
    st.sampled_from(["cs", "en", None]),
    st.integers(0, 2),
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PIECE, max_size=6))
def test_locked_pieces_stay_and_typeset_pieces_are_a_fixed_point(parts):
    """A locked piece (code, an address, a language without rules) is never changed, and
    typesetting the outcome again changes nothing: the late pass relies on that."""
    pieces = [typography.Piece(*part) for part in parts]
    new = typography.typeset_pieces(pieces)
    if new is None:
        return
    assert len(new) == len(pieces)
    for piece, text in zip(pieces, new, strict=True):
        if piece.lang is None:
            assert text == piece.text
    again = typography.typeset_pieces(
        [piece._replace(text=text) for piece, text in zip(pieces, new, strict=True)]
    )
    assert again is None or again == new


def test_a_later_pass_runs_only_after_processors_that_may_add_text():
    """The late pass costs a walk of the page: it runs only when a processor between
    the two passes may add text (toc adds ids and a permalink symbol, no prose)."""
    from prirucka.markdown.typography import _text_added_later

    quiet = markdown.Markdown(extensions=["toc", "prirucka_typography"])
    adding = markdown.Markdown(extensions=["toc", "prirucka_typography", _ExpandExtension()])
    assert not _text_added_later(quiet)
    assert _text_added_later(adding)


_RULE_ALPHABET = "avskouziAVSKTGM 0123456789٣.,-–—/:%§()\u00a0\n\"'…Kčkm@'"
# Enough letters to write the words some rules need instead of a digit ("mil.", "kap.",
# "písm.", "Part") next to what they bind (a currency, a Roman numeral, a letter item).
_WORDS_ALPHABET = "milkapčísrtPVIXb.) Kč0"


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=_RULE_ALPHABET, max_size=50)
    | st.text(alphabet=_WORDS_ALPHABET, max_size=30)
)
@example(text="5 mil. Kč")
@example(text="kap. IV a Part II")
@example(text="písm. b) a let. a)")
def test_a_rule_finds_nothing_in_a_text_without_what_it_needs(text):
    """Rules that declare what they need (a digit, a quote, a dash) are skipped in texts
    without it; none of them may find anything there."""
    for lang in typography.LANGUAGES:
        for rule in typography.rules(lang):
            if rule.needs is None:
                continue
            lacking = text
            while rule.needs.search(lacking):
                lacking = rule.needs.sub("", lacking)
            assert list(rule.find(lacking)) == [], (lang, rule.name, lacking)
