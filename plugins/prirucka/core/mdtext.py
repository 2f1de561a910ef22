"""The prose of a Markdown source, for checks that report lines and columns.

`prose()` returns the text with everything that is not prose (fenced code
blocks, code spans, link and image URLs, HTML tags, attribute lists, URLs and
e-mail addresses) replaced by spaces, so offsets still point at the author's
file. `code_masked()` blanks only fenced code blocks and code spans, for checks
that must still see URLs and e-mail addresses (the privacy scan). Indented code
blocks are not recognised: indentation here usually means an admonition or a
list item, whose text is prose.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(```+|~~~+)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_MASKS = (
    _CODE_SPAN,
    re.compile(r"\]\([^)\n]*\)"),  # link/image targets: ](url "title")
    re.compile(r"^\[[^\]\n]+\]:[^\n]*$", re.M),  # reference definitions
    re.compile(r"<[^>\n]+>"),  # HTML tags and autolinks
    re.compile(r"\{[:#.][^}\n]*\}|\{ *[#.][^}\n]*\}"),  # attribute lists
    re.compile(r"https?://\S+|www\.\S+"),  # bare URLs
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(markdown: str) -> str:
    text = _mask_fences(markdown)
    for pattern in _MASKS:
        text = pattern.sub(_blank, text)
    return text


def code_masked(markdown: str) -> str:
    """`markdown` with fenced code blocks and code spans blanked, everything else kept."""
    return _CODE_SPAN.sub(_blank, _mask_fences(markdown))


def _mask_fences(markdown: str) -> str:
    lines = markdown.split("\n")
    fenced: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fenced is not None:
            if match and match.group(1)[0] == fenced[0] and len(match.group(1)) >= len(fenced):
                fenced = None
            lines[index] = " " * len(line)
        elif match:
            fenced = match.group(1)
            lines[index] = " " * len(line)
    return "\n".join(lines)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
