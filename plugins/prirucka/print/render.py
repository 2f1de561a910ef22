"""Print HTML -> PDF with WeasyPrint: safe, reproducible, checked."""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

VARIANTS = ("pdf/ua-1", "pdf/a-3b")
# Print assets shipped with the package (none yet): the only package files WeasyPrint may read.
PACKAGE_ASSETS = Path(__file__).resolve().parent / "assets"
# The print CSS makes checklist boxes fillable form fields (`appearance: auto`).
# PDF/A forbids the `NeedAppearances` flag WeasyPrint writes with them, so a
# PDF/A variant gets plain boxes: a user stylesheet's !important wins.
PLAIN_FORMS_CSS = "input, select, textarea, button { appearance: none !important; }"
# Without the HarfBuzz-Subset library WeasyPrint subsets fonts with fontTools and
# says so once per font and PDF: dozens of identical warnings that fail a strict
# build though the PDFs are fine. It is said once per build instead (SUBSET_NOTE).
_SUBSET_FALLBACK = "instead of HarfBuzz-Subset"
SUBSET_NOTE = (
    "PDFs: the HarfBuzz-Subset library is missing, so fonts are subset more slowly with "
    "fontTools (the PDFs are fine); install it (Debian/Ubuntu: `sudo apt install "
    "libharfbuzz-subset0`; macOS: `brew install harfbuzz`) or run `prirucka doctor`"
)


@dataclass
class RenderRequest:
    name: str  # output file name, e.g. "prirucka-pro-rodice.cs.pdf"
    html: str
    base_url: str
    allowed_roots: list[Path]
    chapter_anchors: list[str]
    variant: str = "pdf/ua-1"
    key: str = ""  # cache key; also the PDF identifier
    pages_multiple: int = 1  # the page count must divide by this (4: saddle stitch)


@dataclass
class RenderResult:
    name: str
    pdf: bytes = b""
    pages: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    error: str | None = None
    cached: bool = False
    subset_fallback: bool = False  # fonts were subset without HarfBuzz-Subset (SUBSET_NOTE)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _element_languages() -> Iterator[None]:
    """Each structure element gets the `/Lang` of its box while WeasyPrint builds the tree.

    WeasyPrint 70 writes only the document's `/Lang`, so the English half of a
    bilingual leaflet and `lang` spans would be read in the wrong language. It
    offers no option for this; its tag builder (a recursive generator, called
    through its module) is wrapped for the duration of one write.
    `postprocess.finish` then drops every `/Lang` that repeats the enclosing one.
    """
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build(box, *args, **kwargs):
        lang = (getattr(box, "style", None) or {}).get("lang")
        for element in original(box, *args, **kwargs):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original


@contextmanager
def _footnotes_stay() -> Iterator[None]:
    """Footnotes keep their page: the paragraph that does not fit moves instead.

    When a paragraph's line does not fit at the bottom of a page and orphans
    or widows forbid breaking before it, WeasyPrint 70 moves the footnotes
    already placed on that page to the next one to make room, and keeps them
    there even when the room did not help. The loop that does so, in
    `layout.block._linebox_layout`, is the only place that reads the page's
    footnotes there; while a document is laid out, that read finds none, so
    WeasyPrint breaks by orphans and widows as it did before (the paragraph
    goes to the next page). Without this, most documents with footnotes had to
    be laid out twice (see `_take_room_back`, which stays as the safety net).
    """
    from weasyprint.layout import LayoutContext, block

    if not hasattr(block, "_linebox_layout") or hasattr(LayoutContext, "current_page_footnotes"):
        yield  # another WeasyPrint inside: `_take_room_back` alone keeps the notes
        return
    linebox = block._linebox_layout.__code__

    def page_notes(self):
        if sys._getframe(1).f_code is linebox:
            return []
        return self.__dict__["_prirucka_page_notes"]

    def set_page_notes(self, value):
        self.__dict__["_prirucka_page_notes"] = value

    LayoutContext.current_page_footnotes = property(page_notes, set_page_notes)
    try:
        yield
    finally:
        del LayoutContext.current_page_footnotes


# WeasyPrint 70 can still leave a footnote away from its reference (around boxes
# kept whole, and wherever `_footnotes_stay` does not reach). When a layout did, the
# paragraph (or the unbreakable box) that took its room starts the next page instead,
# and the document is laid out again.
MOVED_BREAK = "data-prirucka-break-before"
# A box kept whole that holds the footnote's own call would only carry the call and the
# note to the next page together, leaving this one half empty: it may break instead.
OPENED = "data-prirucka-may-break"
MOVED_BREAK_CSS = (
    f"[{MOVED_BREAK}] {{ break-before: page !important; }}"
    f" [{OPENED}] {{ break-inside: auto !important; }}"
)
TOP_LEVEL = {"html", "body", "article", "section", "div"}


def _walk(box, ancestors):
    yield box, ancestors
    for child in getattr(box, "children", ()):
        yield from _walk(child, (*ancestors, box))


def _take_room_back(document) -> bool:
    """Mark the block whose line pushed a footnote off its page; True if any was marked."""
    from weasyprint.formatting_structure import boxes

    placed: dict[object, int] = {}
    called: dict[object, int] = {}
    callers: dict[object, tuple] = {}  # footnote element -> the boxes around its call
    lines: dict[int, tuple] = {}
    for number, page in enumerate(document.pages):
        children = page._page_box.children
        for area in children[1:2]:
            for note in area.children:
                placed[note.element] = number
        if not children:
            continue
        for box, ancestors in _walk(children[0], ()):
            if getattr(box, "footnote", None) is not None:
                called.setdefault(box.footnote.element, number)
                callers.setdefault(box.footnote.element, ancestors)
            if isinstance(box, boxes.LineBox):
                bottom = box.position_y + box.height
                if number not in lines or bottom > lines[number][0]:
                    lines[number] = (bottom, ancestors)
    marked = False
    for element, page in called.items():
        if placed.get(element, page) == page or page not in lines:
            continue
        ancestors = [a for a in lines[page][1] if a.element is not None and a.element_tag]
        blocks = [a for a in ancestors if isinstance(a, boxes.BlockBox)]
        unbreakable = [
            a
            for a in blocks
            if a.style["break_inside"] in ("avoid", "avoid-page")
            and a.element_tag not in ("html", "body")
        ]
        target = unbreakable[0] if unbreakable else (blocks[-1] if blocks else None)
        if target is None:
            continue
        if target in callers.get(element, ()) and target.element.get(OPENED) is None:
            target.element.set(OPENED, "")
            marked = True
        elif target not in callers.get(element, ()) and target.element.get(MOVED_BREAK) is None:
            target.element.set(MOVED_BREAK, "")
            marked = True
    return marked


def _bound(document, multiple: int):
    """Keep just enough spare blank pages (`.spare-page`) for a page count divisible by
    `multiple`; they stand before the back cover, which stays the last page."""
    spare = [
        index
        for index, page in enumerate(document.pages)
        if any(anchor.startswith("spare-page-") for anchor in page.anchors)
    ]
    if not spare:
        return document
    content = len(document.pages) - len(spare)
    needed = -content % multiple
    drop = set(spare[needed:])
    return document.copy([page for index, page in enumerate(document.pages) if index not in drop])


def render(request: RenderRequest) -> RenderResult:
    """Render one PDF. Never raises for problems in the content: they are in the result."""
    # Imported here: a build whose PDFs all come from the cache never loads WeasyPrint.
    import weasyprint

    from .fetcher import ProjectFetcher
    from .postprocess import finish

    started = time.perf_counter()
    result = RenderResult(request.name)
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        fetcher = ProjectFetcher(request.allowed_roots)
        stylesheets = (
            [weasyprint.CSS(string=PLAIN_FORMS_CSS)]
            if request.variant.startswith("pdf/a")
            else None
        )
        html = weasyprint.HTML(string=request.html, base_url=request.base_url, url_fetcher=fetcher)
        with _footnotes_stay():
            document = html.render(pdf_variant=request.variant, stylesheets=stylesheets)
            for _ in range(3):
                if not _take_room_back(document):
                    break
                again = [*(stylesheets or []), weasyprint.CSS(string=MOVED_BREAK_CSS)]
                document = html.render(pdf_variant=request.variant, stylesheets=again)
        anchors = set()
        for page in document.pages:
            anchors.update(page.anchors)
        missing = [anchor for anchor in request.chapter_anchors if anchor not in anchors]
        if missing:
            result.error = f"{len(missing)} chapter(s) did not reach a page ({', '.join(missing[:3])}); the PDF would be incomplete"
        document = _bound(document, request.pages_multiple)
        identifier = hashlib.md5((request.key or request.html).encode()).hexdigest().encode()
        with _element_languages():
            written = document.write_pdf(pdf_variant=request.variant, pdf_identifier=identifier)
        result.pdf = finish(written)
        result.pages = len(document.pages)
        result.refused = fetcher.refused
    except Exception as exc:  # WeasyPrint failing on odd input must not take the build with it
        result.error = f"WeasyPrint failed: {type(exc).__name__}: {exc}"
    finally:
        logger.removeHandler(collect)
    refused = set(result.refused)
    messages = [m for m in collect.messages if _SUBSET_FALLBACK not in m]
    result.subset_fallback = len(messages) < len(collect.messages)
    result.warnings = [m for m in messages if not any(url in m for url in refused)]
    result.seconds = time.perf_counter() - started
    return result
