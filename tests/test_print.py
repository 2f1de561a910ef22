"""Publications built with the site: PDFs read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from conftest import parse

A5 = (419.53, 595.28)
DL = (280.63, 595.28)


@pytest.fixture(scope="module")
def built(print_project):
    project, result = print_project
    return project, project / "site", result


def reader(site: Path, name: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(site / "pdf" / name)


def text_of(pdf: pypdf.PdfReader) -> str:
    # Non-breaking spaces (prirucka_typography) read as plain ones here.
    return "\n".join(page.extract_text() for page in pdf.pages).replace("\xa0", " ")


def outline_titles(pdf: pypdf.PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(pdf.outline)
    return titles


def test_one_pdf_per_publication_and_language(built):
    _, site, _ = built
    names = sorted(p.name for p in (site / "pdf").iterdir())
    assert names == [
        "letak.cs-en.pdf",
        "letak.cs-en.png",
        "prirucka.cs.pdf",
        "prirucka.cs.png",
        "prirucka.en.pdf",
        "prirucka.en.png",
    ]


@pytest.mark.parametrize(("name", "size"), [("prirucka.cs.pdf", A5), ("letak.cs-en.pdf", DL)])
def test_page_size(built, name, size):
    _, site, _ = built
    for page in reader(site, name).pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_czech_text_intact(built):
    _, site, _ = built
    text = text_of(reader(site, "prirucka.cs.pdf"))
    assert "Příliš žluťoučký kůň úpěl ďábelské ódy" in " ".join(text.split())
    # The parts of a publication: cover, imprint, contents, chapters, back cover.
    assert "Zkušební příručka" in text and "Obsah" in text
    assert "Podpořeno zkušebním fondem." in text  # funder statement (imprint, back cover)
    assert "ISBN 978-80-7000-000-0" in text and "CZ-0001" in text
    assert "CC BY 4.0" in text
    assert "PŘÍKLADOVÁ, Jana" in text  # how to cite, ČSN ISO 690
    assert "Poznámka" in text and "Note" not in text  # admonition title in Czech


def test_bookmarks_follow_chapters(built):
    _, site, _ = built
    titles = outline_titles(reader(site, "prirucka.cs.pdf"))
    chapters = [t for t in titles if t in {"Úvod příručky", "Postup", "Jen česky"}]
    assert chapters == ["Úvod příručky", "Postup", "Jen česky"]  # navigation order (`order:`)
    assert {"První krok", "Druhý krok"} <= set(titles)  # second-level headings


def test_metadata_from_the_manifest(built):
    _, site, _ = built
    pdf = reader(site, "prirucka.cs.pdf")
    meta = pdf.metadata
    assert meta.title == "Zkušební příručka"
    assert "Mgr. Jana Příkladová" in meta.author
    assert meta.subject == "Zkušební předmět"
    assert pdf.metadata["/Keywords"] == "děti, rodina"
    assert meta["/CreationDate"].startswith("D:20250915")  # the edition date, not the clock


@pytest.mark.parametrize(
    ("name", "lang"),
    [("prirucka.cs.pdf", "cs"), ("prirucka.en.pdf", "en"), ("letak.cs-en.pdf", "cs")],
)
def test_accessible_pdf_ua(built, name, lang):
    _, site, _ = built
    pdf = reader(site, name)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    metadata = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in metadata


def test_fonts_embedded_and_subset(built):
    _, site, _ = built
    fonts = set()
    for page in reader(site, "prirucka.cs.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(font.get_object()["/BaseFont"])
    assert any(name.endswith("+Charis-SIL") for name in fonts)
    assert any(name.endswith("+Noto-Sans-Bold") for name in fonts)
    assert all("+" in name for name in fonts)  # subset prefix ABCDEF+


def test_untranslated_chapter_printed_with_a_note(built):
    _, site, result = built
    text = " ".join(text_of(reader(site, "prirucka.en.pdf")).split())
    assert "This chapter has not been translated yet; the Czech original is printed." in text
    assert "Tato kapitola zatím existuje pouze v češtině." in text
    assert "prirucka/jen-cesky.md` has no en version" in result.stderr


def test_bilingual_leaflet_has_both_languages(built):
    _, site, _ = built
    text = text_of(reader(site, "letak.cs-en.pdf"))
    assert text.index("Krátký leták v češtině.") < text.index("A short leaflet in English.")
    assert "Zkušební leták" in text and "Test Leaflet" in text


def test_links_inside_and_outside_the_publication(built):
    _, site, _ = built
    pdf = reader(site, "prirucka.cs.pdf")
    internal, external = 0, []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and action.get("/URI"):
                external.append(action["/URI"])
    assert internal >= 3  # contents entries and the link to "Postup"
    # A page outside the publication becomes the site's absolute URL…
    assert "https://tisk.example.org/letak/" in external
    text = " ".join(text_of(pdf).split())
    # …printed as a footnote so a paper reader can follow it.
    assert "https://tisk.example.org/letak/" in text
    assert "https://example.org/projekt" in text
    assert "Text poznámky pod čarou se jménem zdroje." in text


def test_figure_caption(built):
    _, site, _ = built
    assert "Obrázek 1: Podpořené rodiny" in text_of(reader(site, "prirucka.cs.pdf"))


def test_download_link_on_pages_of_a_publication(built):
    _, site, _ = built
    box = parse(site / "prirucka" / "postup" / "index.html").find(".//aside")
    link = box.find("a")
    assert link.get("href") == "../../pdf/prirucka.cs.pdf"
    facts = "".join(box.itertext())
    pages = len(reader(site, "prirucka.cs.pdf").pages)
    assert f"{pages}\u00a0stran" in facts and "PDF" in facts and "kB" in facts
    english = parse(site / "en" / "prirucka" / "postup" / "index.html").find(".//aside")
    assert english.find("a").get("href") == "../../../pdf/prirucka.en.pdf"
    assert "Download PDF: Test Handbook" in "".join(english.itertext())
    leaflet = parse(site / "en" / "letak" / "index.html").find(".//aside")
    assert leaflet.find("a").get("href") == "../../pdf/letak.cs-en.pdf"
    # The home page belongs to no publication.
    assert parse(site / "index.html").find(".//article//aside") is None
    # The PDFs render while the site builds: every page waiting for their facts got them.
    waiting = [
        path
        for path in site.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".json", ".xml"}
        and "PRIRUCKA-PDF-FACTS" in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert waiting == []


def test_publications_page_in_each_language(built):
    _, site, _ = built
    czech = parse(site / "publikace" / "index.html")
    assert czech.find(".//h1").text.strip() == "Publikace ke stažení"
    covers = [img.get("src") for img in czech.find(".//article").iter("img")]
    assert covers == ["../pdf/letak.cs-en.png", "../pdf/prirucka.cs.png"]
    english = parse(site / "en" / "publikace" / "index.html")
    assert english.find(".//h1").text.strip() == "Publications"
    assert [img.get("src") for img in english.find(".//article").iter("img")] == [
        "../../pdf/letak.cs-en.png",
        "../../pdf/prirucka.en.png",
    ]
    assert (site / "pdf" / "prirucka.en.png").read_bytes().startswith(b"\x89PNG")


def _pages_with(pdf: pypdf.PdfReader, needle: str) -> list[int]:
    return [number for number, page in enumerate(pdf.pages) if needle in page.extract_text()]


def test_long_table_repeats_its_header_and_the_running_header(built):
    _, site, _ = built
    pdf = reader(site, "prirucka.cs.pdf")
    table_pages = sorted(set(_pages_with(pdf, "Řádek 1 ")) | set(_pages_with(pdf, "Řádek 70")))
    spanned = list(range(table_pages[0], table_pages[-1] + 1))
    assert len(spanned) >= 2  # the table runs over a page break
    for number in spanned:
        text = pdf.pages[number].extract_text()
        assert "Sloupec kroku" in text  # the header row on every page
        assert "Postup" in text  # the chapter's title in the running header


def _text_left_edge(page) -> float:
    xs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(cm[4] + tm[4] * cm[0])

    page.extract_text(visitor_text=visit)
    return min(xs)


def test_booklet_margins_are_mirrored(built):
    _, site, _ = built
    pdf = reader(site, "prirucka.cs.pdf")
    table = _pages_with(pdf, "Sloupec kroku")
    left_page, right_page = (table[0], table[1]) if table[0] % 2 else (table[1], table[0])
    # Page numbers from 1: even pages are left pages, inner margin on the right.
    inner, outer = 18 * 72 / 25.4, 14 * 72 / 25.4
    assert abs(_text_left_edge(pdf.pages[right_page]) - inner) < 6
    assert abs(_text_left_edge(pdf.pages[left_page]) - outer) < 6


def test_outdated_translation_noted_on_the_imprint(built):
    _, site, _ = built
    english = " ".join(reader(site, "prirucka.en.pdf").pages[1].extract_text().split())
    assert (
        "The original was updated after this translation was made; these chapters may be out of date: Steps."
        in english
    )
    czech = " ".join(reader(site, "prirucka.cs.pdf").pages[1].extract_text().split())
    assert "nemusí odpovídat" not in czech
