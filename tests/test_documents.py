"""Typed documents: schema validation, numbers per language, fact boxes, citations, the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_project, parse, run_prirucka
from prirucka.core import chart, citation, factbox, numbers, schema
from prirucka.core.errors import AuthorError
from prirucka.core.frontmatter import split

PROJECT = """---
type: project
title: "SPOLU: Pomoc dětem"
description: Přehledový list.
promoter: Spirála, Ústecký kraj, z. s.
number: LP-HRMGSB-007
region: [cr, ustecky]
target_groups: [intervenční centra, děti ohrožené domácím násilím]
status: completed
period: {start: 2023-01, end: 2024-04}
costs: {initial: 147146, grant: 147146, currency: EUR}
results:
  children_supported: 146
  direct_interventions: 494
  trained: {label: proškolení pracovníci, value: 1500}
---

# SPOLU
"""


def validate(text: str, lang: str = "cs", publications=None):
    return schema.validate(split(text, "docs/cs/x.md"), lang, publications)


def test_valid_project():
    meta = validate(PROJECT)
    assert meta.type == "project"
    assert meta.extra["region"] == ["cr", "ustecky"]
    assert [(r.key, r.value) for r in meta.results] == [
        ("children_supported", 146),
        ("direct_interventions", 494),
        ("", 1500),
    ]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: X\n", "docs/cs/x.md:1: `type` is missing: add `type: page`"),
        (
            "type: brochure\ntitle: X\n",
            "docs/cs/x.md:2: `type: brochure` is unknown; use one of page, handbook",
        ),
        (
            "type: page\ntitle: X\ntitel: Y\n",
            "docs/cs/x.md:4: unknown key `titel`; did you mean `title`?",
        ),
        ("type: page\ntitle: X\npromoter: Y\n", "docs/cs/x.md:4: unknown key `promoter`"),
        (
            "type: project\ntitle: X\nregion: [jihoceksy]\n",
            "docs/cs/x.md:4: `region: jihoceksy` is not a Czech region; did you mean `jihocesky`?",
        ),
        (
            "type: project\ntitle: X\ncosts: {initial: 44 488 €}\n",
            "`costs.initial` must be a number",
        ),
        (
            "type: project\ntitle: X\nresults: {children: 3}\n",
            "unknown figure `children`; did you mean `children_supported`?",
        ),
        (
            "type: page\ntitle: X\ndate: 15. 9. 2025\n",
            "docs/cs/x.md:4: `date` must be written as YYYY-MM-DD",
        ),
        (
            "type: page\ntitle: X\naudience: [kids]\n",
            "`audience: kids` is unknown; use parents, professionals, editors",
        ),
        ("type: methodology\ntitle: X\nbinding: maybe\n", "`binding` is true (binding) or false"),
        (
            "type: manual\ntitle: X\npublication: nic\n",
            "docs/cs/x.md:4: no publication `nic` in handbook/ (known: manual)",
        ),
        ("type: page\n", "`title` is missing"),
    ],
)
def test_schema_errors_name_line_and_expectation(front, message):
    with pytest.raises(AuthorError) as raised:
        validate(f"---\n{front}---\n\n# X\n", publications={"manual"})
    assert message in str(raised.value)


def test_numbers_per_language():
    assert numbers.money("cs", 147146, "EUR") == "147\u00a0146\u00a0EUR"
    assert numbers.money("en", 147146, "EUR") == "EUR\u00a0147,146"
    assert numbers.money("cs", 1500, "CZK") == "1\u00a0500\u00a0Kč"
    assert numbers.number("cs", 2.5) == "2,50"
    assert numbers.number("en", 1234567) == "1,234,567"


def test_fact_box_in_each_language():
    czech = factbox.project_box("cs", validate(PROJECT))
    assert "<dt>Předkladatel</dt><dd>Spirála, Ústecký kraj, z. s.</dd>" in czech
    assert "celá Česká republika, Ústecký kraj" in czech
    assert "plánované 147\u00a0146\u00a0EUR · grant 147\u00a0146\u00a0EUR" in czech
    assert "<dt>Období</dt><dd>1/2023–4/2024</dd>" in czech
    assert '<dd class="prirucka-results__value">494</dd> <dt>přímé intervence</dt>' in czech
    english = factbox.project_box("en", validate(PROJECT, "en"))
    assert (
        "initial EUR\u00a0147,146" in english
        and "the whole Czech Republic, Ústí nad Labem Region" in english
    )
    assert "<dt>children supported</dt>" in english and "1,500" in english


def test_citations_iso_690_and_exports():
    czech = citation.page_citation(
        "cs",
        ["Mgr. Jana Příkladová"],
        "Zásady rozhovoru",
        "Příručka – redakční rada",
        2025,
        "https://x.org/z/",
    )
    assert (
        czech
        == "PŘÍKLADOVÁ, Jana. Zásady rozhovoru [online]. Příručka – redakční rada, 2025 [cit. {today}]. Dostupné z: https://x.org/z/"
    )
    english = citation.page_citation(
        "en", [], "Principles", "Příručka editorial board", None, "https://x.org/en/z/"
    )
    assert (
        english
        == "PŘÍRUČKA EDITORIAL BOARD. Principles [online]. Příručka editorial board, [n.d.] [viewed {today}]. Available from: https://x.org/en/z/"
    )
    bib = citation.bibtex(
        "k",
        "cs",
        "manual",
        ["Jana Příkladová"],
        "Zásady {rozhovoru}",
        "Redakce",
        "2025-09-15",
        "https://x.org/z/",
    )
    assert (
        bib.startswith("@book{k,\n")
        and "title = {Zásady \\{rozhovoru\\}}" in bib
        and "year = {2025}" in bib
    )
    csl = citation.csl_json(
        "k", "en", "project", ["Jana Příkladová"], "T", "P", "2025-09-15", "https://x.org/"
    )
    assert csl[0]["author"] == [{"family": "Příkladová", "given": "Jana"}]
    assert csl[0]["issued"] == {"date-parts": [[2025, 9, 15]]} and csl[0]["type"] == "webpage"


def test_chart_is_plain_svg():
    svg = chart.bar_chart("Podpořené děti podle projektů", [("A", 146), ("B", 47)], "cs")
    assert svg.startswith("<svg") and "<title" in svg and "<script" not in svg
    assert svg.count("<rect") == 2 and ">146<" in svg


# --- the built knowledge base -------------------------------------------------------------


@pytest.fixture(scope="module")
def kb_site(tmp_path_factory, font_cache) -> Path:
    project = make_project(tmp_path_factory.mktemp("kb") / "project", "kb")
    result = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_index_pages_list_the_right_documents_in_each_language(kb_site: Path):
    manuals = parse(kb_site / "katalog" / "manualy" / "index.html").find(".//article")
    titles = [
        "".join(a.itertext()) for a in manuals.iter("a") if "katalog" not in (a.get("href") or "")
    ]
    assert titles == ["Fáze rozhovoru", "Zásady rozhovoru"]
    assert "odborníci" in "".join(manuals.itertext()) and "15.\u00a09.\u00a02025" in "".join(
        manuals.itertext()
    )
    english = parse(kb_site / "en" / "katalog" / "manualy" / "index.html").find(".//article")
    assert ["".join(a.itertext()) for a in english.iter("a")] == [
        "Interview phases",
        "Principles of the interview",
    ]


def test_projects_overview_with_totals_regions_and_chart(kb_site: Path):
    page = (kb_site / "katalog" / "projekty" / "index.html").read_text()
    # The label, then the figure: never "193 podpořené děti". Counts by CLDR plural rules.
    assert (
        "<dt>Podpořené děti <small>(údaj uvádějí 2 projekty z 2)</small></dt>"
        '<dd class="prirucka-results__value">193</dd>' in page  # 146 + 47
    )
    assert "<h2>Podle regionu</h2>" in page and "<dt>Hlavní město Praha</dt>" in page
    assert "<h2>Podle cílové skupiny</h2>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="prirucka-chart"' in page
    english = (kb_site / "en" / "katalog" / "projekty" / "index.html").read_text()
    assert (
        "<dt>Children supported <small>(reported by 2 projects of 2)</small></dt>"
        '<dd class="prirucka-results__value">193</dd>' in english
    )


def test_backlinks_and_related(kb_site: Path):
    principles = parse(kb_site / "manual" / "zasady" / "index.html")
    nav = principles.find(".//nav[@class='prirucka-connections']")
    text = "".join(nav.itertext())
    assert "Odkazují sem" in text and "Fáze rozhovoru" in text  # faze links to zasady
    assert "Související dokumenty" in text and "Projekt A" in text  # same project
    project = parse(kb_site / "projekty" / "a" / "index.html")
    assert "Zásady rozhovoru" in "".join(
        project.find(".//nav[@class='prirucka-connections']").itertext()
    )


def test_fact_box_and_citation_on_a_built_page(kb_site: Path):
    page = parse(kb_site / "en" / "projekty" / "a" / "index.html")
    box = page.find(".//aside[@class='prirucka-facts']")
    assert "EUR\u00a044,488" in "".join(box.itertext())
    cite = page.find(".//aside[@class='prirucka-cite']")
    text = "".join(cite.find(".//p[@data-prirucka-citation]").itertext())
    assert text.startswith(
        "KB EDITORS. Project A [online]. KB editors, 2024 [viewed YYYY-MM-DD]. Available from: https://kb.example.org/en/projekty/a/"
    )
    bib = (kb_site / "en" / "projekty" / "a" / "citace.bib").read_text()
    assert bib.startswith("@misc{prirucka-projekty-a-en,")
    data = json.loads((kb_site / "en" / "projekty" / "a" / "citace.json").read_text())
    assert data[0]["URL"] == "https://kb.example.org/en/projekty/a/"
    # Plain pages have no citation box.
    assert "prirucka-cite" not in (kb_site / "index.html").read_text()


def test_invalid_front_matter_fails_the_build(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "kb")
    page = project / "docs" / "cs" / "manual" / "zasady.md"
    page.write_text(page.read_text().replace("type: manual", "type: manual\nedice: 2"))
    result = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
    assert result.returncode == 1
    assert "docs/cs/manual/zasady.md:3: unknown key `edice`" in result.stderr
    assert "Traceback" not in result.stderr


def test_tags_shown_in_the_page_language(kb_site: Path):
    # The English page names a tag in Czech ("rozhovor"); handbook/tags.yml translates it.
    page = parse(kb_site / "en" / "manual" / "zasady" / "index.html")
    chips = [
        "".join(tag.itertext()).strip()
        for tag in page.iter()
        if "md-tag" in (tag.get("class") or "").split()
    ]
    assert sorted(chips) == ["interview", "safety"]
    czech = parse(kb_site / "manual" / "zasady" / "index.html")
    assert sorted(
        "".join(t.itertext()).strip()
        for t in czech.iter()
        if "md-tag" in (t.get("class") or "").split()
    ) == ["bezpečí", "rozhovor"]
    catalogue = (kb_site / "en" / "katalog" / "manualy" / "index.html").read_text()
    assert "interview, safety" in catalogue


def test_tag_vocabulary_errors_name_the_line(tmp_path):
    from prirucka.core import tags

    (tmp_path / "tags.yml").write_text("- id: a\n  cs: x\n  en: y\n- id: b\n  cs: x\n  en: z\n")
    with pytest.raises(AuthorError) as raised:
        tags.load(tmp_path / "tags.yml", ["cs", "en"])
    assert "tags.yml:4: “x” is already a name of tag `a`" in str(raised.value)
