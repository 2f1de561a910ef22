"""Print HTML -> PDF with WeasyPrint: safe, reproducible, checked."""

from __future__ import annotations

import hashlib
import logging
import time
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


def render(request: RenderRequest) -> RenderResult:
    """Render one PDF. Never raises for problems in the content: they are in the result."""
    # Imported here: a build whose PDFs all come from the cache never loads WeasyPrint.
    import weasyprint

    from .fetcher import ProjectFetcher

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
        document = weasyprint.HTML(
            string=request.html, base_url=request.base_url, url_fetcher=fetcher
        ).render(pdf_variant=request.variant, stylesheets=stylesheets)
        anchors = set()
        for page in document.pages:
            anchors.update(page.anchors)
        missing = [anchor for anchor in request.chapter_anchors if anchor not in anchors]
        if missing:
            result.error = f"{len(missing)} chapter(s) did not reach a page ({', '.join(missing[:3])}); the PDF would be incomplete"
        identifier = hashlib.md5((request.key or request.html).encode()).hexdigest().encode()
        result.pdf = document.write_pdf(pdf_variant=request.variant, pdf_identifier=identifier)
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
