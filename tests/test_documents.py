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
            "`audience: kids` is unknown; use parents, children, professionals, editors",
        ),
        ("type: methodology\ntitle: X\nbinding: maybe\n", "`binding` is true (binding) or false"),
        (
            "type: manual\ntitle: X\npublication: nic\n",
            "docs/cs/x.md:4: no publication `nic` in handbook/ (known: manual)",
        ),
    ],
)
def test_schema_errors_name_line_and_expectation(front, message):
    with pytest.raises(AuthorError) as raised:
        validate(f"---\n{front}---\n\n# X\n", publications={"manual"})
    assert message in str(raised.value)


def test_a_plain_page_is_a_page_titled_by_its_heading():
    """MkDocs users expect a page to work as it is: no front matter needed."""
    meta = validate("# Kam se obrátit\n\nText.\n")
    assert (meta.type, meta.title) == ("page", "Kam se obrátit")
    meta = validate("---\ndescription: Kontakty.\n---\n\n# Kam *se* obrátit {#kam}\n")
    assert (meta.type, meta.title) == ("page", "Kam se obrátit")
    with pytest.raises(AuthorError) as raised:
        validate("Jen text, bez nadpisu.\n")
    assert "docs/cs/x.md:1: the page has no title" in str(raised.value)


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
    assert "počáteční 147\u00a0146\u00a0EUR · grant 147\u00a0146\u00a0EUR" in czech
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


# --- sources of facts, targets, reports ----------------------------------------------------

SOURCED = """---
type: project
title: Ukázkový projekt
promoter: Organizace Příklad, z. s.
number: PŘÍKLAD-0001
period: {start: 2020-01, end: 2021-06, estimated: true}
costs: {eligible: 10000, grant: 10000, currency: EUR}
programme: Ukázkový program
results:
  children_supported: 12
  consultations: {label: konzultace, value: 34}
targets:
  families_supported: 10
sources:
  - title: Závěrečná zpráva
    url: https://example.org/zprava
    facts: [results]
  - title: Smlouva o grantu
    facts: [promoter, number, period, costs, programme, targets]
---

# Ukázkový projekt
"""


def test_every_fact_covered_by_its_sources():
    meta = validate(SOURCED)
    assert meta.facts() == [
        "promoter",
        "number",
        "period",
        "costs",
        "programme",
        "results.children_supported",
        "results.consultations",
        "targets.families_supported",
    ]
    assert meta.sources_of("results.consultations") == [1]
    assert meta.sources_of("costs") == [2]
    assert schema.fact_findings("x.md", split(SOURCED, "x.md"), meta) == []


def test_unsourced_facts_are_warnings_with_their_lines():
    text = SOURCED.replace("    facts: [results]\n", "    facts: [results.children_supported]\n")
    text = text.replace(
        "    facts: [promoter, number, period, costs, programme, targets]\n",
        "    facts: [promoter, number]\n",
    )
    doc = split(text, "docs/cs/projekty/x.md")
    meta = schema.validate(doc, "cs")
    found = schema.fact_findings("docs/cs/projekty/x.md", doc, meta)
    assert [(f.line, f.level, f.code, f.message) for f in found] == [
        (6, "warning", "fact-unsourced", "`period` has no source"),
        (7, "warning", "fact-unsourced", "`costs` has no source"),
        (8, "warning", "fact-unsourced", "`programme` has no source"),
        (11, "warning", "fact-unsourced", "`results.consultations` has no source"),
        (13, "warning", "fact-unsourced", "`targets.families_supported` has no source"),
    ]
    # A source without `facts` covers the whole page; other types have no fact box.
    page_wide = text.replace("    facts: [promoter, number]\n", "")
    assert schema.fact_findings("x.md", split(page_wide, "x.md"), validate(page_wide)) == []
    assert (
        schema.fact_findings(
            "x.md",
            split("---\ntype: page\ntitle: X\n---\n", "x.md"),
            validate("---\ntype: page\ntitle: X\n---\n"),
        )
        == []
    )


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        (
            "    url: https://example.org/zprava\n",
            "    adresa: https://example.org/zprava\n",
            "docs/cs/x.md:16: unknown key `adresa`; a source has title, url and facts",
        ),
        (
            "    url: https://example.org/zprava\n",
            "    urls: https://example.org/zprava\n",
            "docs/cs/x.md:16: unknown key `urls`; did you mean `url`?",
        ),
        (
            "    url: https://example.org/zprava\n",
            "    url: example.org/zprava\n",
            "docs/cs/x.md:16: `url` must be a web address starting with http:// or https://",
        ),
        (
            "    facts: [results]\n",
            "    facts: [resutls]\n",
            "docs/cs/x.md:17: `resutls` is not a fact of this page; did you mean `results`?",
        ),
        (
            "    facts: [results]\n",
            "    facts: [funder]\n",
            "docs/cs/x.md:17: `funder` is not a fact of this page",
        ),
        (
            "  - title: Smlouva o grantu\n",
            "  - url: https://example.org/smlouva\n",
            "docs/cs/x.md:18: a source needs a `title`",
        ),
        (
            "costs: {eligible: 10000",
            "costs: {elligible: 10000",
            "docs/cs/x.md:7: `costs` is {initial: …, final: …, eligible: …",
        ),
        (
            "estimated: true}",
            "estimated: yes please}",
            "docs/cs/x.md:6: `period.estimated` is true when the source gives the dates as a plan",
        ),
    ],
)
def test_source_errors_name_the_line(replace, by, message):
    with pytest.raises(AuthorError) as raised:
        validate(SOURCED.replace(replace, by))
    assert message in str(raised.value)


def test_print_languages_and_children_audience():
    meta = validate(
        "---\ntype: leaflet\ntitle: X\naudience: [children]\nprint: {languages: [cs]}\n---\n"
    )
    assert meta.audience == ["children"] and meta.print_languages == ["cs"]
    with pytest.raises(AuthorError) as raised:
        validate("---\ntype: page\ntitle: X\nprint: {languages: [de]}\n---\n")
    assert "docs/cs/x.md:4: `print.languages: de` is unknown; use cs, en" in str(raised.value)


def test_fact_box_shows_sources_targets_and_eligible_costs():
    czech = factbox.project_box("cs", validate(SOURCED))
    assert "způsobilé výdaje 10\u00a0000\u00a0EUR · grant 10\u00a0000\u00a0EUR" in czech
    assert "<dd>1/2020–6/2021 (předpokládané)" in czech
    assert '<p class="prirucka-facts__title">Plánované hodnoty</p>' in czech
    assert '<p class="prirucka-facts__title">Zdroje údajů</p>' in czech
    assert (
        '<li id="prirucka-source-1"><a href="https://example.org/zprava">Závěrečná zpráva</a></li>'
        in czech
    )
    assert '<li id="prirucka-source-2">Smlouva o grantu</li>' in czech
    # Two sources: each fact shows which one supports it.
    assert (
        '<dt>Číslo projektu</dt><dd>PŘÍKLAD-0001<sup class="prirucka-facts__source"><a href="#prirucka-source-2">2</a></sup></dd>'
        in czech
    )
    assert "<dt>konzultace<sup" in czech and 'href="#prirucka-source-1">1</a>' in czech
    assert czech.index("Výsledky") < czech.index("Plánované hodnoty") < czech.index("Zdroje údajů")
    english = factbox.project_box("en", validate(SOURCED, "en"))
    assert "total eligible costs EUR\u00a010,000" in english and "(estimated)" in english
    assert "Targets (planned)" in english and ">Sources<" in english
    # One source: no numbers beside the facts.
    single = SOURCED.split("  - title: Smlouva")[0].replace("    facts: [results]\n", "") + "---\n"
    assert "<sup" not in factbox.project_box("cs", validate(single))


def test_report_citation_and_scaffold(tmp_path):
    bib = citation.bibtex(
        "k", "cs", "report", [], "Analýza", "Redakce", "2025-09-15", "https://x.org/"
    )
    assert bib.startswith("@techreport{k,") and "institution = {Redakce}" in bib
    assert (
        citation.csl_json("k", "en", "report", [], "A", "P", None, "https://x.org/")[0]["type"]
        == "report"
    )
    assert citation.bibtex("k", "cs", "leaflet", [], "L", "P", None, "https://x.org/").startswith(
        "@booklet{k,"
    )
    from prirucka.core.scaffold import new_document

    written = new_document(
        tmp_path, ["cs", "en"], "report", "analyza", "zpravy", {"cs": "Analýza", "en": "Analysis"}
    )
    czech = written[0].read_text()
    assert "type: report" in czech
    assert [line for line in czech.splitlines() if line.startswith("## ")] == [
        "## Shrnutí",
        "## Metoda",
        "## Zjištění",
        "## Doporučení",
        "## Zdroje",
    ]
    assert validate(czech).type == "report"
