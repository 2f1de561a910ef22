"""The term base: validation, matching, the reading aids, glossary pages, checks and PDFs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pypdf
import pytest
from conftest import FIXTURES, make_project, parse, run_prirucka
from prirucka.core import glossary
from prirucka.core.collation import czech_key
from prirucka.core.errors import AuthorError

GLOSSARY = FIXTURES / "mini" / "handbook" / "glossary.yml"


@pytest.fixture(scope="module")
def terms() -> glossary.Glossary:
    return glossary.load(GLOSSARY)


def render(text: str, lang: str) -> str:
    md = markdown.Markdown(
        extensions=["prirucka_glossary"],
        extension_configs={"prirucka_glossary": {"lang": lang, "glossary": str(GLOSSARY)}},
    )
    return md.convert(text)


# --- matching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "případová konference",
        "případové konference",
        "případovou konferenci",
        "Případové konferenci",
        "případových konferencí",
    ],
)
def test_czech_terms_match_inflected(terms, text):
    assert [m.entry.id for m in terms.find_terms(f"Svolali {text} včas.", "cs")] == [
        "pripadova-konference"
    ]


@pytest.mark.parametrize("text", ["OSPOD", "OSPODu", "OSPODem"])
def test_czech_abbreviations_inflect(terms, text):
    assert [m.is_abbr for m in terms.find_terms(f"Obrátili se na {text}.", "cs")] == [True]


def test_english_plurals_and_case(terms):
    found = terms.find_terms("Case conferences were held; the case conference decided.", "en")
    assert [m.text for m in found] == ["Case conferences", "case conference"]
    assert terms.find_terms("The staircase conferencing room.", "en") == []


def test_search_terms_include_variants_and_abbreviations(terms):
    words = terms.search_terms(
        "Contact the social and legal protection of children authority.", "en"
    )
    assert {"OSPOD", "DSLPC", "organ of social-legal protection"} <= set(words)


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  cs: {term: x, definition: d}\n", "g.yml:1: entry `a` has no en side"),
        (
            "- id: a\n  cs: {term: x, definition: d}\n  en: {term: y, definition: d}\n"
            "- id: b\n  cs: {term: x, definition: d}\n  en: {term: z, definition: d}\n",
            "g.yml:5: duplicate cs term “x” (also in entry `a`)",
        ),
        (
            "- id: a\n  cs: {term: x, definition: d}\n  en: {term: y, definition: d}\n"
            "- id: b\n  cs: {term: w, definition: d}\n  en: {term: z, definition: d, avoid: [y]}\n",
            "g.yml:6: “y” is listed to avoid but is the preferred en term of `a`",
        ),
        (
            "- id: a\n  cs: {term: x, definition: d}\n  en: {term: y}\n",
            "g.yml:3: `en.definition` is missing",
        ),
        (
            "- id: a\n  cs: {term: x, definition: d}\n  en: {term: y, definition: d}\n- id: a\n",
            "g.yml:4: duplicate id `a`",
        ),
        ("- id: A b\n", "g.yml:1: `id` must be lowercase"),
        (
            "- id: a\n  cs: {term: x, definition: d, abrv: X}\n  en: {term: y, definition: d}\n",
            "g.yml:2: unknown key `abrv`",
        ),
    ],
)
def test_glossary_errors_name_the_line(tmp_path, text, message):
    (tmp_path / "g.yml").write_text(text)
    with pytest.raises(AuthorError) as raised:
        glossary.load(tmp_path / "g.yml")
    assert message in str(raised.value)


def test_czech_collation_puts_ch_after_h():
    words = [
        "chráněné bydlení",
        "hostitelská péče",
        "čtvrtletní zpráva",
        "cesta",
        "dům",
        "Řád",
        "rodina",
        "zpráva",
        "žádost",
    ]
    assert sorted(words, key=czech_key) == [
        "cesta",
        "čtvrtletní zpráva",
        "dům",
        "hostitelská péče",
        "chráněné bydlení",
        "rodina",
        "Řád",
        "zpráva",
        "žádost",
    ]


# --- the reading aids (bare markdown.Markdown()) ----------------------------------------


def test_abbreviation_explained_and_written_out_once():
    html = render("Obraťte se na OSPOD. Na OSPODu vám poradí.", "cs")
    assert (
        html.count(
            '<abbr title="orgán sociálně-právní ochrany dětí: Úřad, který chrání práva a zájmy dětí.">'
        )
        == 2
    )
    assert "OSPOD</abbr> (orgán sociálně-právní ochrany dětí). Na" in html
    assert html.count("(orgán sociálně-právní ochrany dětí)") == 1


def test_not_written_out_when_the_author_did():
    html = render("Orgán sociálně-právní ochrany dětí (OSPOD) pomůže.", "cs")
    assert "(orgán sociálně-právní ochrany dětí)" not in html
    assert (
        '<abbr class="prirucka-term" title="Úřad, který chrání práva a zájmy dětí.">Orgán sociálně-právní ochrany dětí</abbr>'
        in html
    )


def test_terms_explained_on_first_use_only_and_not_in_code():
    html = render(
        "Svolejte případovou konferenci. Další případová konference. `případová konference`", "cs"
    )
    assert html.count('class="prirucka-term"') == 1
    assert "<code>případová konference</code>" in html


def test_headings_name_without_explaining():
    html = render("# OSPOD\n\nText o OSPOD.", "cs")
    assert html.startswith('<h1><abbr title="orgán sociálně-právní ochrany dětí:')
    assert "OSPOD</abbr> (orgán sociálně-právní ochrany dětí)." in html  # written out in the text


def test_english_page_explained_in_english():
    html = render("Ask OSPOD.", "en")
    assert "OSPOD</abbr> (social and legal protection of children authority)" in html


# --- the built site ----------------------------------------------------------------------


def test_glossary_pages_in_each_collation(mini_site: Path):
    czech = parse(mini_site / "glosar" / "index.html")
    terms_cs = ["".join(dt.itertext()) for dt in czech.find(".//article").iter("dt")]
    assert terms_cs == [
        "čtvrtletní zpráva",
        "hostitelská péče",
        "chráněné bydlení",
        "orgán sociálně-právní ochrany dětí (OSPOD)",
        "případová konference",
    ]
    letters = [h.text for h in czech.find(".//article").iter("h2")]
    assert letters == ["Č", "H", "Ch", "O", "P"]
    link = next(a for a in czech.find(".//article").iter("a") if a.get("hreflang") == "en")
    assert link.get("href") == "../en/glosar/#ctvrtletni-zprava"
    english = parse(mini_site / "en" / "glosar" / "index.html")
    terms_en = ["".join(dt.itertext()) for dt in english.find(".//article").iter("dt")]
    assert terms_en == [
        "case conference",
        "hosting care",
        "quarterly report",
        "sheltered housing",
        "social and legal protection of children authority (OSPOD)",
    ]
    assert (mini_site / "en" / "glosar" / "index.html").read_text().count('id="ospod"') == 1


def test_built_page_explains_abbreviations(mini_site: Path):
    page = (mini_site / "index.html").read_text()
    assert "OSPOD</abbr> (orgán sociálně-právní ochrany dětí)" in page
    english = (mini_site / "en" / "index.html").read_text()
    assert "OSPOD</abbr> (social and legal protection of children authority)" in english


def _build_with(tmp_path: Path, font_cache: Path, edits: dict[str, str]):
    project = make_project(tmp_path / "project")
    for relative, text in edits.items():
        (project / relative).write_text(text)
    return project, run_prirucka("build", "--no-strict", cwd=project, cache=font_cache)


def test_variants_and_missing_terms_are_build_warnings(tmp_path, font_cache):
    project, result = _build_with(
        tmp_path,
        font_cache,
        {
            "docs/cs/sekce/zeta.md": "---\ntitle: Zeta\norder: 1\n---\n\n# Zeta\n\nSvolali případovou konferenci.\nByla to dobrá případovka.\n",
            "docs/en/sekce/zeta.md": "---\ntitle: Zeta\norder: 1\n---\n\n# Zeta\n\nThey asked the DSLPC.\nA case meeting was held.\n",
        },
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "term-" in line]
    assert any(
        "docs/cs/sekce/zeta.md:9:15: warning: term-variant: “případovka” is a variant to avoid; use “případová konference”"
        in line
        for line in lines
    ), lines
    assert any(
        "docs/en/sekce/zeta.md:8:16: warning: term-variant: “DSLPC” is a variant to avoid; use “social and legal protection of children authority” (cs: orgán sociálně-právní ochrany dětí)"
        in line
        for line in lines
    ), lines
    assert any(
        "docs/en/sekce/zeta.md:9:3: warning: term-variant: “case meeting”" in line for line in lines
    ), lines  # aligned: the Czech uses the term
    assert any(
        "docs/en/sekce/zeta.md:6:1: warning: term-missing: docs/cs/sekce/zeta.md:8 uses “případovou konferenci”; this translation should use “case conference”"
        in line
        for line in lines
    ), lines
    assert "'orgán' is a false friend" in result.stderr  # the note comes with the finding
    strict = run_prirucka("build", "--strict", cwd=project, cache=font_cache)
    assert strict.returncode == 1


def test_aligned_variant_not_flagged_without_the_czech_term(tmp_path, font_cache):
    _, result = _build_with(
        tmp_path,
        font_cache,
        {
            "docs/en/sekce/zeta.md": "---\ntitle: Zeta\norder: 1\n---\n\n# Zeta\n\nA case meeting about the budget.\n"
        },
    )
    assert "case meeting" not in result.stderr


def test_terms_command_lists_required_translations(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "docs" / "cs" / "sekce" / "zeta.md").write_text(
        "---\ntitle: Zeta\n---\n\n# Zeta\n\nObraťte se na OSPOD.\n\nSvolejte případovou konferenci.\n"
    )
    result = run_prirucka("terms", "docs/cs/sekce/zeta.md", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Glossary terms in docs/cs/sekce/zeta.md (cs → en):" in result.stdout
    assert (
        "line 7    OSPOD  →  social and legal protection of children authority (OSPOD)"
        in result.stdout
    )
    assert "line 9    případovou konferenci  →  case conference" in result.stdout
    assert "avoid: casuistic conference, case meeting" in result.stdout


def test_pdf_glossary_appendix_has_only_the_terms_used(print_project):
    project, _ = print_project
    pdf = pypdf.PdfReader(project / "site" / "pdf" / "prirucka.cs.pdf")
    # From the glossary's first page on (a booklet may end with blank pages and a back cover).
    texts = [" ".join(page.extract_text().split()) for page in pdf.pages]
    start = next(i for i, text in enumerate(texts) if i > 2 and "Glosář" in text)
    last = " ".join(texts[start:])
    assert "Glosář" in last
    assert "orgán sociálně-právní ochrany dětí (OSPOD)" in last and "případová konference" in last
    assert "chráněné bydlení" not in last  # not used in the handbook
    outline = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert "Glosář" in outline


def test_not_written_out_when_explained_in_the_same_sentence():
    html = render("OSPOD je orgán sociálně-právní ochrany dětí. Další věta o OSPOD.", "cs")
    assert "(orgán sociálně-právní ochrany dětí)" not in html


def test_phrases_do_not_run_across_a_blank_line(terms):
    assert terms.find_terms("## Případová\n\nKonference začíná.", "cs") == []
    assert len(terms.find_terms("Případová\nkonference začíná.", "cs")) == 1


def test_a_variant_inside_a_preferred_term_is_not_flagged(tmp_path):
    (tmp_path / "g.yml").write_text(
        "- id: k\n  cs: {term: kurátor pro děti a mládež, definition: d}\n"
        "  en: {term: social curator for children and youth, definition: d, avoid: [curator]}\n"
    )
    terms = glossary.load(tmp_path / "g.yml")
    assert terms.find_variants("The social curator for children and youth came.", "en") == []
    assert len(terms.find_variants("The curator came.", "en")) == 1


# --- the compiled matcher ------------------------------------------------------------------


def _reference_all_terms(terms: glossary.Glossary, text: str, lang: str) -> list[tuple]:
    """all_terms() as it was before the compiled matcher: one regex per entry, each run on
    its own, then every match inside a longer one dropped."""
    import re

    found = []
    for entry in terms.entries:
        side = entry.sides.get(lang)
        if side is None:
            continue
        texts = [side.term, *side.forms]
        alternatives = "|".join(glossary._phrase(t, lang, side.exact) for t in texts)
        patterns = [(re.compile(glossary._bounded(f"(?:{alternatives})"), re.I), False)]
        if side.abbr:
            suffix = "(?:[a-záčďéěíňóřšťúůýž]{1,3})?" if lang == "cs" else "(?:['’]s)?"
            patterns.append((re.compile(glossary._bounded(re.escape(side.abbr) + suffix)), True))
        for pattern, is_abbr in patterns:
            found += [
                (entry.id, m.start(), m.end(), m.group(0), is_abbr) for m in pattern.finditer(text)
            ]
    found.sort(key=lambda m: (m[1], -(m[2] - m[1])))
    return [
        m
        for m in found
        if not any(
            o is not m and o[1] <= m[1] and m[2] <= o[2] and (o[2] - o[1]) > (m[2] - m[1])
            for o in found
        )
    ]


def test_the_compiled_matcher_finds_what_one_regex_per_term_finds():
    import random

    from conftest import REPO

    terms = glossary.load(REPO / "handbook" / "glossary.yml")
    texts = [
        (page.relative_to(REPO / "docs").parts[0], page.read_text(encoding="utf-8"))
        for page in sorted((REPO / "docs").glob("*/**/*.md"))
    ]
    words = [s.term for e in terms.entries for s in e.sides.values()]
    words += [s.abbr for e in terms.entries for s in e.sides.values() if s.abbr]
    words += [v.text for e in terms.entries for s in e.sides.values() for v in s.avoid]
    rng = random.Random(17)
    for _ in range(200):  # terms next to, inside and across each other, in odd cases
        picked = rng.choices(words, k=6)
        text = " ".join(
            w.upper() if rng.random() < 0.2 else w + rng.choice(["", "u", "ů"]) for w in picked
        )
        texts.append((rng.choice(["cs", "en"]), text))
    for lang, text in texts:
        found = [
            (m.entry.id, m.start, m.end, m.text, m.is_abbr) for m in terms.all_terms(text, lang)
        ]
        assert found == _reference_all_terms(terms, text, lang), text[:80]


def test_terms_are_matched_once_per_text(terms):
    text = "Svolali případovou konferenci. OSPOD pozval rodinu."
    first = terms.all_terms(text, "cs")
    first.clear()  # callers get their own list
    again = terms.all_terms(text, "cs")
    assert [m.entry.id for m in again] == ["pripadova-konference", "ospod"]
    assert terms.all_terms(text, "cs") == again


def test_terms_in_the_tails_of_several_children_keep_their_order():
    """Terms found after inline elements are inserted right after their element, in order,
    however many precede them in the same paragraph."""
    html = render(
        "Na *jednu* OSPOD a **dvě** případová konference, `kód` OSPOD a *tři* chráněné bydlení.",
        "cs",
    )
    paragraph = etree.fromstring(html)
    sequence = [(child.tag, "".join(child.itertext())) for child in paragraph]
    assert sequence == [
        ("em", "jednu"),
        ("abbr", "OSPOD"),
        ("strong", "dvě"),
        ("abbr", "případová konference"),
        ("code", "kód"),
        ("abbr", "OSPOD"),
        ("em", "tři"),
        ("abbr", "chráněné bydlení"),
    ]
    text = "".join(paragraph.itertext())
    assert text.startswith("Na jednu OSPOD (orgán sociálně-právní ochrany dětí) a dvě případová")
    assert text.endswith("tři chráněné bydlení.")


def test_the_helper_process_finds_what_the_build_finds_itself(tmp_path):
    """Findings and search terms made beside the build (a helper on an idle core) are
    those the build makes without one (PRIRUCKA_HELPER=0), and each run starts cold."""
    edits = {
        "docs/cs/sekce/zeta.md": "---\ntitle: Zeta\norder: 1\n---\n\n# Zeta\n\nSvolali případovou konferenci.\nByla to dobrá případovka a matky přišly.\n",
        "docs/en/sekce/zeta.md": "---\ntitle: Zeta\norder: 1\n---\n\n# Zeta\n\nThey asked the DSLPC.\nA case meeting was held.\n",
    }
    outcomes = []
    for helper in ("1", "0"):
        project = make_project(tmp_path / f"helper-{helper}")
        for relative, text in edits.items():
            (project / relative).write_text(text)
        result = run_prirucka("build", "--no-strict", cwd=project, env={"PRIRUCKA_HELPER": helper})
        assert result.returncode == 0, result.stderr
        findings = sorted(
            line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "term-" in line
        )
        terms = {
            str(path.relative_to(project / "site")): re.findall(
                r'data-pagefind-meta="([^"]*)"', path.read_text()
            )
            for path in sorted((project / "site").rglob("*.html"))
        }
        outcomes.append((findings, terms))
    (with_helper, terms_with), (without, terms_without) = outcomes
    assert len(with_helper) == 4 and with_helper == without
    assert terms_with == terms_without
    assert any("matka" in meta for meta in terms_with["sekce/zeta/index.html"])  # a lemma
