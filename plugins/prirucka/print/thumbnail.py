"""A cover thumbnail (PNG) of a PDF's first page, for the publications page."""

from __future__ import annotations

import io

import pypdfium2


def cover_png(pdf: bytes, width: int = 280) -> bytes:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        document.close()
