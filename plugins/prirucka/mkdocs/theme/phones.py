"""Helplines and the organisation's own numbers as tappable `tel:` links in a page's HTML."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ...core.numbers import find_phones

_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
# Text in these is left as it is: links already, code, or not prose.
_SKIP = frozenset(
    "a button code kbd pre samp script style svg textarea title select option".split()
)
# Classes of our own boxes whose figures are not phone numbers.
_SKIP_CLASSES = ("prirucka-facts", "prirucka-results", "prirucka-chart", "prirucka-cite")
# A new paragraph, cell or item: the words before a number are looked for within it.
_BLOCKS = frozenset(
    """p li td th dd dt h1 h2 h3 h4 h5 h6 div aside section article tr table ul ol dl
    blockquote figcaption caption details summary nav header footer br""".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_NBSP = re.compile(r"&nbsp;|&#160;|&#xa0;", re.I)
_DIGIT = re.compile(r"\d")


def link_phones(text: str, known: frozenset[str]) -> str:
    """`text` (HTML) with every known number in its prose wrapped in a `tel:` link."""
    if not known or not _written_anywhere(known).search(text):
        return text
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipped)
    context = ""
    position = 0
    for token in _TOKEN.finditer(text):
        out.append(_link(text[position : token.start()], known, stack, context))
        if not (stack and stack[-1][1]):
            context += html.unescape(text[position : token.start()])
        position = token.end()
        out.append(token.group(0))
        closing, name, attributes = token.group(1), (token.group(2) or "").lower(), token.group(3)
        if not name:
            continue  # a comment
        if name in _BLOCKS:
            context = ""
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    del stack[index:]
                    break
        elif name not in _VOID and not (attributes or "").rstrip().endswith("/"):
            skipped = (stack and stack[-1][1]) or name in _SKIP or _skipped_class(attributes)
            stack.append((name, bool(skipped)))
    out.append(_link(text[position:], known, stack, context))
    return "".join(out)


@lru_cache(maxsize=8)
def _written_anywhere(known: frozenset[str]) -> re.Pattern[str]:
    """Any known number, its digits in a row or parted by what may part a number's groups.

    Most pages hold none of them; one search over the page says so before
    the page is read tag by tag.
    """
    separator = r"(?:[ \u00a0\u202f\u2009-]|&nbsp;|&#160;|&#xa0;)?"
    return re.compile(
        "|".join(separator.join(number) for number in sorted(known, key=len, reverse=True)),
        re.I,
    )


def _skipped_class(attributes: str | None) -> bool:
    if not attributes:
        return False
    if "data-prirucka-no-tel" in attributes:
        return True
    match = re.search(r'class="([^"]*)"', attributes)
    return bool(match) and any(name in match.group(1) for name in _SKIP_CLASSES)


def _link(segment: str, known: frozenset[str], stack: list, context: str) -> str:
    if not segment or (stack and stack[-1][1]) or not _DIGIT.search(segment):
        return segment
    plain = _NBSP.sub("\u00a0", segment)
    matches = find_phones(plain, known, context)
    if not matches:
        return segment
    pieces = []
    last = 0
    for match in matches:
        pieces.append(plain[last : match.start])
        pieces.append(
            f'<a class="prirucka-tel" href="{match.href}">{plain[match.start : match.end]}</a>'
        )
        last = match.end
    pieces.append(plain[last:])
    return "".join(pieces)
