"""Blocks through real builds: the site, the PDF (text and form fields), and author errors."""

from __future__ import annotations

import pypdf
import pytest
from conftest import make_project, parse, run_prirucka

TITLES = [
    "Co říct",
    "Co neříkat",
    "Postup",
    "Kontrolní seznam",
    "Doporučení",
    "Záznamový arch",
    "Kontakt",
    "Kazuistika",
]


@pytest.fixture(scope="module")
def site(print_project):
    project, _ = print_project
    return project / "site"


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


def test_blocks_on_the_site(site):
    page = parse(site / "prirucka" / "postup" / "index.html")
    kinds = [
        "".join(span.itertext()).split(" R")[0]
        for span in page.iter("span")
        if "prirucka-block__kind" in _classes(span)
    ]
    assert kinds == TITLES
    pairs = [d for d in page.iter("div") if "prirucka-say-avoid" in _classes(d)]
    assert len(pairs) == 1 and len(list(pairs[0])) == 2
    recommendation = next(d for d in page.iter("div") if d.get("id") == "r3")
    assert "prirucka-recommendation" in _classes(recommendation)
    form = next(f for f in page.iter("form") if "prirucka-checklist__form" in _classes(f))
    boxes = [i for i in form.iter("input") if i.get("type") == "checkbox"]
    assert [box.get("checked") is not None for box in boxes] == [False, True]


def test_blocks_in_the_pdf(site):
    pdf = pypdf.PdfReader(site / "pdf" / "prirucka.cs.pdf")
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for title in TITLES:
        assert title.upper() in text or title in text, title
    assert "Zapojte školu do případové konference" in text
    assert "Jména a některé okolnosti byly změněny." in text
    assert "+420 475 511 811" in text


def test_checklist_boxes_are_fillable_pdf_fields(site):
    pdf = pypdf.PdfReader(site / "pdf" / "prirucka.cs.pdf")
    fields = pdf.get_fields()
    assert [(f.get("/FT"), f.get("/V")) for f in fields.values()] == [
        ("/Btn", "/Off"),
        ("/Btn", "/on"),
    ]
    # Named for assistive technology by the item's label; no push buttons (submit).
    names = [" ".join(str(f.get("/TU")).split()) for f in fields.values()]
    assert names == ["Dítě je v bezpečí", "Kontakt na OSPOD předán"]
    assert all(not int(f.get("/Ff", 0)) & (1 << 16) for f in fields.values())
    # PDF/UA: every widget is in the structure tree, inside a Form element.
    widgets = [
        annotation.get_object()
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Widget"
    ]
    assert len(widgets) == 2 and all("/StructParent" in w for w in widgets)
    forms = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, pypdf.generic.DictionaryObject):
            return
        if node.get("/S") == "/Form":
            forms.append(node)
        kids = node.get("/K")
        if isinstance(kids, pypdf.generic.ArrayObject):
            for kid in kids:
                walk(kid)
        elif kids is not None:
            walk(kids)

    walk(pdf.trailer["/Root"]["/StructTreeRoot"])
    assert len(forms) == 2


def test_pdf_a_has_plain_boxes(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "print")
    result = run_prirucka(
        "pdf",
        "prirucka",
        "--lang",
        "cs",
        "--variant",
        "pdf/a-3b",
        "-o",
        "out",
        cwd=project,
        cache=font_cache,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    pdf = pypdf.PdfReader(project / "out" / "prirucka.cs.pdf")
    assert "/AcroForm" not in pdf.trailer["/Root"]  # PDF/A forbids NeedAppearances
    assert "Dítě je v" in " ".join(page.extract_text() for page in pdf.pages)


BROKEN = "---\ntitle: Bloky\n---\n\n# Bloky\n\nText.\n\n/// case | Rodina\n    consent: true\nText.\n///\n"


def test_site_build_fails_with_file_and_line(tmp_path, font_cache):
    project = make_project(tmp_path / "project")
    (project / "docs" / "cs" / "bloky.md").write_text(BROKEN, encoding="utf-8")
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "docs/cs/bloky.md:9: `/// case`: a case study needs the family's consent" in output
    assert "Traceback" not in output


def test_print_fails_with_file_and_line(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "print")
    page = project / "docs" / "cs" / "prirucka" / "postup.md"
    text = page.read_text(encoding="utf-8") + "\n/// recommendation | Znovu\n    id: R3\nx\n///\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n", 0, text.index("/// recommendation | Znovu")) + 1
    result = run_prirucka(
        "pdf", "prirucka", "--lang", "cs", "-o", "out", cwd=project, cache=font_cache
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"docs/cs/prirucka/postup.md:{line}: `/// recommendation`: R3 is already" in output
    assert "Traceback" not in output
