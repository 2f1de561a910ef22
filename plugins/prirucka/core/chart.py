"""A horizontal bar chart as SVG, made at build time: no JavaScript, readable in print."""

from __future__ import annotations

from xml.sax.saxutils import escape

from .numbers import number


def bar_chart(title: str, items: list[tuple[str, float]], lang: str, width: int = 640) -> str:
    """`items` are (label, value); labels left, bars scaled to the largest value."""
    if not items:
        return ""
    row, label_width, top = 30, 250, 36
    height = top + row * len(items) + 10
    largest = max(value for _, value in items) or 1
    bar_space = width - label_width - 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="prirucka-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="chart-title" font-family="Prirucka Sans, Noto Sans, sans-serif">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<text x="0" y="20" font-size="15" font-weight="700" fill="#1a237e">{escape(title)}</text>',
    ]
    for index, (label, value) in enumerate(items):
        y = top + index * row
        length = max(2, round(bar_space * value / largest))
        shown = label if len(label) <= 38 else label[:36] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" font-size="12" text-anchor="end" fill="#222">{escape(shown)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 5}" width="{length}" height="18" fill="#3949ab"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6}" y="{y + 18}" font-size="12" font-weight="700" fill="#222">{escape(number(lang, value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
