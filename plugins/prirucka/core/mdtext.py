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

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

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


def in_fence(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included).

    A fence closes only with the same character and at least as many of them,
    so a ```` block may show ``` lines. The one fence tracker of the project.
    """
    result = []
    fenced: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fenced is not None:
            if match and match.group(1)[0] == fenced[0] and len(match.group(1)) >= len(fenced):
                fenced = None
            result.append(True)
        elif match:
            fenced = match.group(1)
            result.append(True)
        else:
            result.append(False)
    return result


def _mask_fences(markdown: str) -> str:
    lines = markdown.split("\n")
    for index, fenced in enumerate(in_fence(lines)):
        if fenced:
            lines[index] = " " * len(lines[index])
    return "\n".join(lines)


# --- headings ---------------------------------------------------------------------------

_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")
_ATTRIBUTES = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^}]*)\}[ \t]*$")
_EXPLICIT = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
_INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<[^>]+>"), ""),  # HTML tags
    (re.compile(r"`+([^`]*)`+"), r"\1"),  # code spans: their content
    (re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1"), r"\2"),  # emphasis
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # backslash escapes
)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, without `#` marks and attribute list
    offset: int  # where its line starts in the Markdown
    id: str  # the anchor the site and print give it


def heading_text(written: str) -> str:
    """A heading as readers see it: Markdown link, emphasis and HTML syntax removed."""
    text = written
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return html.unescape(" ".join(text.split()))


def heading_slug(written: str) -> str:
    """The id Python-Markdown's toc gives a heading written as `written` (before numbering)."""
    return slugify(heading_text(written), "-")


def headings(markdown: str) -> list[Heading]:
    """Every ATX heading outside fenced code, with the id toc gives it (`slug`, `slug_1`…)."""
    found = []
    seen: dict[str, int] = {}
    offset = 0
    lines = markdown.split("\n")
    for line, fenced in zip(lines, in_fence(lines), strict=True):
        match = None if fenced else _HEADING.match(line)
        if match:
            text = match.group("text")
            explicit = None
            attributes = _ATTRIBUTES.search(text)
            if attributes:
                text = text[: attributes.start()]
                named = _EXPLICIT.search(attributes.group("attrs"))
                explicit = named.group("id") if named else None
            if explicit:
                anchor = explicit
            else:
                anchor = heading_slug(text)
                if anchor in seen:  # toc numbers repeated headings: slug, slug_1, slug_2
                    seen[anchor] += 1
                    anchor = f"{anchor}_{seen[anchor]}"
                else:
                    seen[anchor] = 0
            found.append(Heading(len(match.group("hashes")), text.strip(), offset, anchor))
        offset += len(line) + 1
    return found


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


# --- accepting a finding on purpose -------------------------------------------------------

# `<!-- prirucka: allow privacy-phone term-variant -->` on a line or the line above
# accepts those findings there (codes separated by spaces or commas).
ALLOW_MARKER = re.compile(r"<!--[ \t]*prirucka:[ \t]*allow\b([^>\n]*?)-->")
_CODE_SEPARATORS = re.compile(r"[\s,]+")


def allow_markers(text: str) -> dict[int, set[str]]:
    """Codes accepted per line (1-based in `text`): a marker covers its line and the next.

    The one parser of the markers: `prirucka check`, the build and the privacy scan."""
    accepted: dict[int, set[str]] = {}
    if "<!--" not in text:
        return accepted
    for match in ALLOW_MARKER.finditer(text):
        codes = {code for code in _CODE_SEPARATORS.split(match.group(1)) if code}
        line = text.count("\n", 0, match.start()) + 1
        for covered in (line, line + 1):
            accepted.setdefault(covered, set()).update(codes)
    return accepted
