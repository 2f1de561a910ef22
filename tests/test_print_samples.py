"""The repository's publications read back with pypdf, as a print shop and a reader would.

Rendered once per session (`sample_pdfs` in conftest.py): footnotes on the page
that references them, addresses without hyphens, booklets that can be stapled,
the project facts, the English half of the bilingual leaflet marked English,
lines of a comfortable length and no half-empty pages in the middle of a chapter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pikepdf
import pypdf
import pytest
import yaml
from conftest import REPO

# WeasyPrint hyphenates with U+2010; a hyphen-minus ends a line only where it was written.
HYPHEN = "\u2010"
URL = re.compile(r"(?:https?://|www\.)[^\s]*")


@dataclass
class Run:
    text: str
    size: float
    x: float
    y: float


def runs(page) -> list[Run]:
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            x = cm[4] + tm[4] * cm[0]
            y = cm[5] + tm[5] * cm[3]
            found.append(Run(text, round(size * scale, 2), x, y))

    page.extract_text(visitor_text=visit)
    return found


def footnotes(pdf: pypdf.PdfReader) -> tuple[dict[int, int], dict[int, int]]:
    """Footnote number -> page of its call, and -> page of the note itself.

    A call is a run of digits set smaller than the page's text; a note starts with
    its number and a full stop, in the footnote area at the foot of the page.
    """
    calls: dict[int, int] = {}
    notes: dict[int, int] = {}
    for number, page in enumerate(pdf.pages, 1):
        found = runs(page)
        if not found:
            continue
        sizes = Counter()
        for run in found:
            sizes[run.size] += len(run.text)
        body = sizes.most_common(1)[0][0]
        # The marker is the number, a full stop and a no-break space (print.css).
        marks = [r for r in found if re.fullmatch(r"\d+\.\xa0\s*", r.text)]
        # Calls stand above the footnote area and above the page number's margin.
        area_top = max([r.y + 1 for r in marks] + [float(page.mediabox.height) * 0.06])
        for mark in marks:
            notes[int(mark.text.strip(" .\xa0"))] = number
        for run in found:
            if (
                re.fullmatch(r"\d+", run.text.strip())
                and run.size < 0.8 * body
                and run.y > area_top
            ):
                calls.setdefault(int(run.text.strip()), number)
    return calls, notes


def reader(sample_pdfs, name: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(sample_pdfs[name])


@pytest.mark.parametrize(
    "name",
    [
        "metodicke-doporuceni-1-2025.cs.pdf",
        "metodicke-doporuceni-1-2025.en.pdf",
        "projekty.cs.pdf",
        "projekty.en.pdf",
        "krizovy-rozhovor.cs.pdf",
        "dobra-praxe.cs-en.pdf",
    ],
)
def test_each_footnote_is_on_the_page_of_its_reference(sample_pdfs, name):
    calls, notes = footnotes(reader(sample_pdfs, name))
    assert len(notes) >= 2, notes  # these publications have footnotes to check
    assert sorted(notes) == list(range(1, len(notes) + 1))
    assert calls == notes


def test_no_address_is_hyphenated(sample_pdfs):
    """Every printed web address breaks only after / or ., and never shows a hyphen."""
    checked = 0
    for name, path in sample_pdfs.items():
        pdf = pypdf.PdfReader(path)
        for number, page in enumerate(pdf.pages, 1):
            text = page.extract_text().replace("\u200b", "")
            assert not re.search(r"(?:https?://|www\.)\S*" + HYPHEN, text), (name, number)
            uris = set()
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action and str(action.get("/URI", "")).startswith("http"):
                    uris.add(str(action["/URI"]))
            for uri in uris:
                # The address as printed, wherever the lines broke inside it.
                pattern = "\n?".join(re.escape(char) for char in uri)
                for match in re.finditer(pattern, text):
                    checked += 1
                    printed = match.group()
                    for at in [i for i, char in enumerate(printed) if char == "\n"]:
                        assert printed[at - 1] in "/.", (name, number, printed)
    assert checked > 20
    return


def manifest(name: str) -> dict:
    return yaml.safe_load((REPO / "handbook" / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["prirucka-pro-rodice.cs.pdf", "prirucka-pro-rodice.en.pdf"])
def test_saddle_stitched_booklet_pages_divide_by_four(sample_pdfs, name):
    assert manifest("prirucka-pro-rodice")["binding"] == "saddle-stitch"
    pdf = reader(sample_pdfs, name)
    assert len(pdf.pages) % 4 == 0
    # The back cover is the last page: the helplines (and no funder: the handbook is not a
    # project output, its manifest names none).
    last = " ".join(pdf.pages[-1].extract_text().split())
    assert "116 111" in last.replace("\xa0", " ")
    assert "funders" not in manifest("prirucka-pro-rodice")
    assert ("Podpořeno grantem" if ".cs." in name else "Supported by a grant") not in last
    # Padding pages are blank and stand just before the back cover.
    blank = [i for i, page in enumerate(pdf.pages) if not page.extract_text().strip()]
    assert blank == list(range(len(pdf.pages) - 1 - len(blank), len(pdf.pages) - 1))


def written(value: float) -> str:
    """A regex for a whole number as either language writes it: 44 488 or 44,488."""
    groups = f"{int(value):,}".split(",")
    return r"(?<![\d,])" + r"[ ,]?".join(groups) + r"(?![\d])"


def front_matter(path: str, lang: str) -> dict:
    text = (REPO / "docs" / lang / path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_project_fact_sheets_print_their_facts(sample_pdfs, lang):
    text = " ".join(
        page.extract_text() for page in reader(sample_pdfs, f"projekty.{lang}.pdf").pages
    )
    text = " ".join(text.replace("\xa0", " ").split())
    sheets = []
    for ref in manifest("projekty")["pages"]:  # pages or whole folders
        folder = REPO / "docs" / lang / ref
        found = sorted(folder.glob("*.md")) if ref.endswith("/") else [folder]
        sheets += [f.relative_to(REPO / "docs" / lang).as_posix() for f in found if f.is_file()]
    sheets = [p for p in sheets if not p.endswith("index.md")]
    assert len(sheets) >= 4
    for sheet in sheets:
        meta = front_matter(sheet, lang)
        if "number" in meta:
            assert meta["number"] in text, (sheet, meta["number"])
        for figure in (meta.get("results") or {}).values():
            value = figure["value"] if isinstance(figure, dict) else figure
            assert re.search(written(value), text), (sheet, value)
        costs = meta.get("costs") or {}
        for key in ("initial", "final", "grant", "eligible"):
            if key in costs:
                assert re.search(written(costs[key]), text), (sheet, key, costs[key])
    assert ("Číslo projektu" if lang == "cs" else "Project number") in text


def test_methodology_prints_its_header_box(sample_pdfs):
    text = " ".join(
        reader(sample_pdfs, "metodicke-doporuceni-1-2025.cs.pdf").pages[2].extract_text().split()
    )
    meta = front_matter("metodiky/spoluprace-pri-ochrane-deti.md", "cs")
    assert meta["issuer"] in text.replace("\xa0", " ")


def struct_texts_by_lang(path) -> dict[str, int]:
    """How many structure elements declare each /Lang."""
    counts: Counter = Counter()
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem":
                if "/Lang" in obj:
                    counts[str(obj.Lang)] += 1
        root_lang = str(pdf.Root.Lang)
    return {"root": root_lang, **counts}


def test_english_half_of_the_bilingual_leaflet_is_marked_english(sample_pdfs):
    path = sample_pdfs["dobra-praxe.cs-en.pdf"]
    langs = struct_texts_by_lang(path)
    assert langs["root"] == "cs"
    assert langs.get("en", 0) >= 3  # cover title, imprint, the English part, glossary…
    with pikepdf.open(path) as pdf:
        english = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Type") == "/StructElem"
            and str(obj.get("/Lang", "")) == "en"
        ]
        roles = {str(obj.S) for obj in english}
    assert "/Div" in roles  # the English part as a whole


def test_monolingual_pdfs_need_no_element_language(sample_pdfs):
    langs = struct_texts_by_lang(sample_pdfs["krizovy-rozhovor.cs.pdf"])
    assert langs["root"] == "cs"
    # Only the glossary's English equivalents (and such) switch language.
    assert langs.get("cs", 0) == 0


def body_lines(page, body: float) -> list[str]:
    """Lines of running text: runs in the page's body size, joined by their baseline."""
    lines: dict[float, list[Run]] = {}
    for run in runs(page):
        if abs(run.size - body) < 0.05:
            lines.setdefault(round(run.y), []).append(run)
    return [
        " ".join(r.text.strip() for r in sorted(row, key=lambda r: r.x)) for row in lines.values()
    ]


@pytest.mark.parametrize(
    "name", ["krizovy-rozhovor.cs.pdf", "projekty.en.pdf", "prirucka-pro-rodice.cs.pdf"]
)
def test_body_text_runs_60_to_75_characters_a_line(sample_pdfs, name):
    pdf = reader(sample_pdfs, name)
    sizes: Counter = Counter()
    for page in pdf.pages[3:]:
        for run in runs(page):
            sizes[run.size] += len(run.text)
    body = sizes.most_common(1)[0][0]
    lengths = []
    for page in pdf.pages[3:]:
        lengths += [len(line) for line in body_lines(page, body)]
    full = sorted(lengths)[len(lengths) // 2 :]  # the longer half: lines that are full
    median = full[len(full) // 2]
    assert 60 <= median <= 75, (name, median)


def chapter_starts(pdf: pypdf.PdfReader) -> set[int]:
    """Pages (from 0) where a chapter begins: the destinations of top-level bookmarks."""
    starts = set()
    for item in pdf.outline:
        if not isinstance(item, list):
            starts.add(pdf.get_destination_page_number(item))
    return starts


def test_no_page_in_a_chapter_is_more_than_half_empty(sample_pdfs):
    for name, path in sample_pdfs.items():
        pdf = pypdf.PdfReader(path)
        starts = chapter_starts(pdf)
        if not starts:
            continue
        first = min(starts)
        for index in range(first, len(pdf.pages) - 1):
            following = index + 1
            text = pdf.pages[following].extract_text()
            # Allowed: before a chapter, a record sheet (each starts a new page), the
            # spare pages and the back cover.
            if (
                following in starts
                or not text.strip()
                or re.search(r"ZÁZNAMOVÝ ARCH|RECORD SHEET", text)
            ):
                continue
            if index + 2 >= len(pdf.pages) or not pdf.pages[index + 2].extract_text().strip():
                continue  # the page before the back cover or the spare pages
            page = pdf.pages[index]
            height = float(page.mediabox.height)
            ys = [r.y for r in runs(page) if height * 0.08 < r.y < height * 0.93]
            assert ys, (name, index + 1)
            lowest = min(ys)
            assert lowest < height * 0.5, (name, index + 1, "more than half empty")
