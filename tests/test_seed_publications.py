"""Every seed project's publications build to their PDFs and web pages; funding statements need sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from conftest import REPO, make_project, parse, run_prirucka
from prirucka.core import manifest

A5 = (419.53, 595.28)
DL = (280.63, 595.28)
A4 = (595.28, 841.89)

# seed -> publication id, PDFs, page size, web pages (relative to docs/<lang>/)
SEEDS = {
    "000 ICOS Český Krumlov": (
        "rodiny-v-ohrozeni",
        ["cs", "en"],
        A5,
        ["rodiny-v-ohrozeni/index.md", "rodiny-v-ohrozeni/linky-pomoci.md"],
    ),
    "001 STŘEP": (
        "mobilni-tymy",
        ["cs", "en"],
        A4,
        ["metodiky/mobilni-tymy.md", "metodiky/kalkulace-nakladu-mobilniho-tymu.md"],
    ),
    "002 Spirála": (
        "pro-deti",
        ["cs", "en"],
        A5,
        ["pro-deti/index.md", "pro-deti/mladsi-deti.md", "pro-deti/starsi-deti.md"],
    ),
    "003 SKP-CENTRUM leaflet": (
        "prenos-zkusenosti-letak",
        ["cs-en"],
        DL,
        ["prenos-zkusenosti/letak.md"],
    ),
    "003 SKP-CENTRUM report": (
        "analyza-pardubice",
        ["cs", "en"],
        A4,
        ["prenos-zkusenosti/analyza.md"],
    ),
    "004 IQ Roma servis": (
        "pripadova-konference",
        ["cs", "en"],
        A4,
        [
            "pripadova-konference/index.md",
            "pripadova-konference/priprava.md",
            "pripadova-konference/rodina-u-stolu.md",
            "pripadova-konference/plan.md",
            "pripadova-konference/po-konferenci.md",
        ],
    ),
}


@pytest.fixture(scope="module")
def site(sample_project) -> Path:
    project, result = sample_project
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def text_of(path: Path) -> str:
    pdf = pypdf.PdfReader(path)
    return " ".join(
        "\n".join(page.extract_text() for page in pdf.pages).replace("\xa0", " ").split()
    )


def outline(path: Path) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(pypdf.PdfReader(path).outline)
    return [title.replace("\xa0", " ") for title in titles]  # typography: non-breaking spaces


def page_url(path: str) -> str:
    stem = path[: -len(".md")]
    return stem[: -len("index")] if stem.endswith("index") else stem + "/"


@pytest.mark.parametrize("seed", SEEDS)
def test_each_seed_publication_builds_in_its_languages(site, seed):
    pid, outputs, size, pages = SEEDS[seed]
    for output in outputs:
        pdf = site / "pdf" / f"{pid}.{output}.pdf"
        reader = pypdf.PdfReader(pdf)
        assert reader.trailer["/Root"]["/Lang"] == output.split("-")[0]
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size
        assert len(reader.pages) >= 4
    for lang, prefix in (("cs", ""), ("en", "en/")):
        for path in pages:
            html = site / (prefix + page_url(path)) / "index.html"
            tree = parse(html)
            assert tree.get("lang") == lang, html
            # Written in the reader's language, not a fallback copy.
            assert tree.find(".//article").get("lang") in (None, lang), html


def test_icos_handbook_ends_with_the_helplines(site):
    for lang, last, numbers in (
        ("cs", "Linky pomoci", ["606 021 021", "116 006", "116 111", "158", "155"]),
        ("en", "Helplines", ["606 021 021", "116 006", "116 111", "158", "155"]),
    ):
        pdf = site / "pdf" / f"rodiny-v-ohrozeni.{lang}.pdf"
        chapters = [t for t in outline(pdf) if t not in ("Glosář", "Glossary")]
        assert last in chapters
        # The helplines chapter is the last chapter (the glossary appendix follows it).
        level_one = [t for t in chapters if t in _chapter_titles(lang)]
        assert level_one[-1] == last
        text = text_of(pdf)
        assert all(number in text for number in numbers)
    english = text_of(site / "pdf" / "rodiny-v-ohrozeni.en.pdf")
    assert "supervised contact" in english.lower() and "assisted contact" not in english.lower()
    assert "which services speak english" in english.lower()  # admonition titles in capitals
    assert "The operators of 112 also speak English and German." in english


def _chapter_titles(lang: str) -> set[str]:
    from prirucka.core.frontmatter import read

    return {
        read(file).meta["title"]
        for file in (REPO / "docs" / lang / "rodiny-v-ohrozeni").glob("*.md")
    }


def test_mobile_team_recommendation_has_the_costing_and_the_guide(site):
    czech = text_of(site / "pdf" / "mobilni-tymy.cs.pdf")
    for figure in ("40 002 EUR", "36 702 EUR", "32 549 EUR", "4 153 EUR", "781 EUR", "47"):
        assert figure in czech
    assert "dopočet: 36 702 / 47" in czech  # derived figures say how they were derived
    assert "Kalkulace vlastního týmu" in czech and "Tabulka k vyplnění" in czech
    assert "Mobilní multidisciplinární týmy" in czech  # the good-practice guide is included
    english = text_of(site / "pdf" / "mobilni-tymy.en.pdf")
    assert "EUR 36,702" in english and "calculated: 36,702 / 47" in english


def test_children_leaflet_has_two_age_bands_and_children_lines(site):
    for lang, bands in (
        ("cs", ["Pro mladší děti", "Pro starší děti"]),
        ("en", ["For younger children", "For older children"]),
    ):
        text = text_of(site / "pdf" / f"pro-deti.{lang}.pdf")
        assert all(band in text for band in bands)
        assert "116 111" in text and "158" in text and "112" in text


def test_bilingual_leaflet_is_one_pdf_czech_first(site):
    text = text_of(site / "pdf" / "prenos-zkusenosti-letak.cs-en.pdf")
    assert text.index("Přenos zkušeností v oblasti péče o ohrožené děti") < text.index(
        "Sharing experience in the care of vulnerable children"
    )
    assert "CZ.1.04/5.1.01/77.00448" in text and "PULSE Foundation" in text
    assert not (site / "pdf" / "prenos-zkusenosti-letak.cs.pdf").exists()


def test_report_has_method_findings_recommendations_and_is_catalogued(site):
    for lang, headings in (
        ("cs", ["Metoda", "Zjištění", "Doporučení"]),
        ("en", ["Method", "Findings", "Recommendations"]),
    ):
        text = text_of(site / "pdf" / f"analyza-pardubice.{lang}.pdf")
        assert all(heading in text for heading in headings)
        assert "R1" in text and "R4" in text
    catalogue = parse(site / "katalog" / "zpravy" / "index.html").find(".//article")
    # (the catalogue's text is typeset: a non-breaking space after "v")
    assert "Analýza místních služeb pro ohrožené děti v Pardubicích" in "".join(
        catalogue.itertext()
    ).replace("\xa0", " ")
    bib = (site / "prenos-zkusenosti" / "analyza" / "citace.bib").read_text()
    assert bib.startswith("@techreport{")


def test_case_conference_manual_has_its_parts_and_a_record_sheet(site):
    for lang, parts, sheet in (
        ("cs", ["Příprava", "Rodina u stolu", "Plán", "Co potom"], "Záznam z případové konference"),
        (
            "en",
            ["Preparation", "The family at the table", "The plan", "What comes next"],
            "Case conference record",
        ),
    ):
        pdf = site / "pdf" / f"pripadova-konference.{lang}.pdf"
        titles = outline(pdf)
        assert all(part in titles for part in parts)
        assert sheet in text_of(pdf)


# --- funding statements --------------------------------------------------------------------


def test_no_funder_statement_without_a_source(site):
    publications, errors = manifest.load_all(REPO / "handbook", ["cs", "en"])
    assert errors == []
    statements = [
        " ".join(text.split())
        for funder in manifest.load_funders(REPO / "handbook").values()
        for text in funder.statement.values()
    ]
    with_source = 0
    for publication in publications:
        for output in publication.outputs():
            text = text_of(site / "pdf" / f"{publication.id}.{output}.pdf")
            printed = [s for s in statements if s in text]
            if publication.funding_source is None:
                assert printed == [], (publication.id, printed)
                assert publication.project_number is None or publication.funders
            else:
                with_source += 1
                assert printed, publication.id  # the positive control: it is printed
    assert with_source == 1  # the SKP-CENTRUM leaflet, whose original carries the ESF logos
    for pid in ("prirucka-pro-rodice", "krizovy-rozhovor"):
        for lang in ("cs", "en"):
            text = text_of(site / "pdf" / f"{pid}.{lang}.pdf")
            assert "LP-HRMGSB-007" not in text and "Norsk" not in text and "Norw" not in text


def test_a_funder_without_a_source_is_refused(tmp_path):
    project = make_project(tmp_path / "project", "print")
    path = project / "handbook" / "prirucka.yml"
    path.write_text(
        "\n".join(
            line for line in path.read_text().split("\n") if not line.startswith("funding_source")
        )
    )
    result = run_prirucka("pdf", "prirucka", "-o", "out", cwd=project)
    assert result.returncode != 0
    assert "prirucka.yml:11: a funder's statement is printed only with its source" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "out" / "prirucka.cs.pdf").exists()


# --- a page that exists in one language only -----------------------------------------------


def test_czech_pdf_keeps_a_page_that_exists_only_in_czech(site):
    czech = text_of(site / "pdf" / "projekty.cs.pdf")
    assert "Zaostřeno na rodinu" in czech and "A1 – Case management" in czech
    english = text_of(site / "pdf" / "projekty.en.pdf")
    assert "A1 – Case management" not in english  # left out: `print: {languages: [cs]}`
    assert "This chapter has not been translated yet" not in english


def test_print_languages_leave_a_page_out_of_the_other_pdf(tmp_path):
    project = make_project(tmp_path / "project", "print")
    page = project / "docs" / "cs" / "prirucka" / "jen-cesky.md"
    page.write_text(page.read_text().replace("order: 3\n", "order: 3\nprint: {languages: [cs]}\n"))
    result = run_prirucka("pdf", "prirucka", "-o", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "has no en version" not in result.stderr  # nothing to warn about: it was asked for
    assert "Tato kapitola zatím existuje pouze v češtině." in text_of(
        project / "out" / "prirucka.cs.pdf"
    )
    english = text_of(project / "out" / "prirucka.en.pdf")
    assert "Tato kapitola" not in english and "has not been translated yet" not in english
    # Without the key the page is still printed in the original, with a note and a warning.
    shutil.rmtree(project / "out")
    page.write_text(page.read_text().replace("print: {languages: [cs]}\n", ""))
    result = run_prirucka("pdf", "prirucka", "--lang", "en", "-o", "out", cwd=project)
    assert "`prirucka/jen-cesky.md` has no en version" in result.stderr
    assert "Tato kapitola zatím existuje pouze v češtině." in text_of(
        project / "out" / "prirucka.en.pdf"
    )
