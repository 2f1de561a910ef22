"""Text on paper: typography for generated text, unbreakable addresses, no stray fragments.

- `typeset_tree()` applies the language's typography (`core.typography`) to the
  text of an HTML element tree we generate (fact boxes), block by block, the
  way the Markdown extension does for pages.
- `breakable_addresses()` wraps web and e-mail addresses and file names so
  they are never hyphenated and break only after `/` or `.`, with no hyphen
  shown: whoever types an address from paper must get it right.
- `keep_last_words()` keeps the last word of a paragraph whole: a paragraph
  never ends with a hyphenated fragment alone on its last line.
- `print_text()` does all of it for a plain generated string (imprint, cover,
  glossary), giving safe HTML for the print template.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markupsafe import Markup

from ..core import typography

INLINE = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"})
PARAGRAPHS = frozenset({"p", "li", "dd", "td", "th", "figcaption", "blockquote"})
ADDRESS_CLASS = "address"

# Web and e-mail addresses (the spans typography leaves alone), and file names.
_FILE = re.compile(
    r"(?<![\w/.\-])[\w\-]+(?:\.[\w\-]+)*\.(?:pdf|docx?|xlsx?|odt|ods|pptx?|csv|txt|md|yml|yaml|"
    r"zip|png|jpe?g|svg|bib|json)\b",
    re.I,
)
_BREAK_AFTER = re.compile(r"(?<=[/.])(?=[^/.])")


def _addresses(text: str) -> list[tuple[int, int]]:
    spans = typography.protected(text)
    for match in _FILE.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in spans):
            spans.append(match.span())
    return sorted(spans)


def _href(address: str) -> str | None:
    """Where an address printed as text leads, so the PDF can link it too."""
    if re.match(r"(?:https?|ftp)://", address):
        return address
    if address.startswith("www."):
        return "https://" + address
    if "@" in address and "/" not in address:
        return address if address.startswith("mailto:") else "mailto:" + address
    return None


def _address_span(address: str, linked: bool) -> etree.Element:
    """`span.address` (a link when it is not inside one) whose pieces cannot break inside:
    a line may break only after `/` or `.`."""
    href = None if linked else _href(address)
    span = etree.Element("a" if href else "span", {"class": ADDRESS_CLASS})
    if href:
        span.set("href", href)
    pieces: list[str] = []
    for piece in _BREAK_AFTER.split(address):
        # A piece of under four characters ("4.", "by/") stays with the next one.
        if pieces and len(pieces[-1]) < 4:
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
    for index, piece in enumerate(pieces):
        part = etree.SubElement(span, "span", {"class": "address-part"})
        part.text = piece
        if index < len(pieces) - 1:
            etree.SubElement(span, "wbr")
    return span


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def breakable_addresses(root: etree.Element, linked: bool = False) -> None:
    """Every address in the text under `root` becomes an unhyphenated `span.address`."""
    tag = _local(root.tag)
    if tag in SKIP or ADDRESS_CLASS in (root.get("class") or "").split():
        return
    linked = linked or tag == "a"
    for child in list(root):
        breakable_addresses(child, linked)
    for index, child in reversed(list(enumerate(root))):
        _split_slot(child, "tail", root, index + 1, linked)
    _split_slot(root, "text", root, 0, linked)


def _split_slot(
    owner: etree.Element, attribute: str, parent: etree.Element, at: int, linked: bool
) -> None:
    text = getattr(owner, attribute)
    if not text or not any(c in text for c in "/@."):
        return
    spans = _addresses(text)
    if not spans:
        return
    setattr(owner, attribute, text[: spans[0][0]])
    for offset, (start, end) in enumerate(spans):
        span = _address_span(text[start:end], linked)
        following = spans[offset + 1][0] if offset + 1 < len(spans) else len(text)
        span.tail = text[end:following]
        parent.insert(at + offset, span)


def keep_last_words(root: etree.Element) -> None:
    """The last word of each paragraph (and list item, cell…) is never hyphenated."""
    for block in root.iter():
        if _local(block.tag) not in PARAGRAPHS:
            continue
        owner, attribute = _last_text(block)
        if owner is None:
            continue
        text = getattr(owner, attribute)
        match = re.search(r"(\S+)(\s*)$", text)
        if not match or len(match[1]) < 6:
            continue  # short words are never hyphenated anyway
        word = etree.Element("span", {"class": "last-word"})
        word.text = match[1]
        word.tail = match[2]
        setattr(owner, attribute, text[: match.start()])
        if attribute == "text":
            owner.insert(0, word)
        else:
            parent = _parent(block, owner)
            parent.insert(list(parent).index(owner) + 1, word)


def _last_text(block: etree.Element) -> tuple[etree.Element | None, str]:
    """Where the last text of a block's own line boxes is: an element's text or tail."""
    children = list(block)
    for child in reversed(children):
        tag = _local(child.tag)
        if tag not in INLINE:
            return None, ""  # a nested block ends it; that block gets its own turn
        if (child.tail or "").strip():
            return child, "tail"
        if tag in SKIP or ADDRESS_CLASS in (child.get("class") or "").split():
            return None, ""
        owner, attribute = _last_text(child)
        if owner is not None:
            return owner, attribute
        if (child.text or "").strip() and not len(child):
            return child, "text"
    if (block.text or "").strip():
        return block, "text"
    return None, ""


def _parent(root: etree.Element, element: etree.Element) -> etree.Element:
    for candidate in root.iter():
        if element in list(candidate):
            return candidate
    raise ValueError("element not under root")


def typeset_tree(root: etree.Element, lang: str) -> None:
    """The typography of `lang` (or of a `lang` attribute inside) on the text under `root`."""
    _typeset_block(root, typography.language(root.get("lang") or lang))


def _typeset_block(element: etree.Element, lang: str) -> None:
    pieces: list[typography.Piece] = []
    slots: list[tuple[etree.Element, str, int]] = []  # where each piece's text goes back

    def add(owner: etree.Element, attribute: str, context: str | None) -> None:
        group = len(slots)  # an edit stays inside one element's text or tail
        slots.append((owner, attribute, len(pieces)))
        pieces.append(typography.Piece(getattr(owner, attribute) or "", context or None, group))

    def flush() -> None:
        new = typography.typeset_pieces(pieces) if pieces else None
        for owner, attribute, index in slots if new is not None else ():
            if new[index] != (getattr(owner, attribute) or ""):
                setattr(owner, attribute, new[index])
        pieces.clear()
        slots.clear()

    def inline(node: etree.Element, context: str | None) -> None:
        tag = _local(node.tag)
        if tag in SKIP or tag == "a" and _is_address(node):
            pieces.append(typography.Piece("\ufffc", None, -1))
            return
        inner = _context(node, context)
        add(node, "text", inner)
        for child in node:
            inline(child, inner)
            add(child, "tail", inner)

    add(element, "text", lang)
    for child in element:
        tag = _local(child.tag)
        if tag in INLINE:
            inline(child, lang)
        else:
            flush()
            if tag not in SKIP:
                _typeset_block(child, _context(child, lang) or "")
        add(child, "tail", lang)
    flush()


def _context(node: etree.Element, context: str | None) -> str | None:
    if "notypo" in (node.get("class") or "").split():
        return None
    if node.get("lang"):
        return typography.language(node.get("lang")) or None
    return context


def _is_address(link: etree.Element) -> bool:
    text = "".join(link.itertext()).strip()
    return bool(text) and (text == link.get("href") or bool(typography.protected(text)))


def print_text(text: str, lang: str) -> Markup:
    """A generated plain string as print HTML: typography, addresses that break cleanly."""
    wrapper = etree.Element("span")
    wrapper.text = typography.typeset(text, lang)
    breakable_addresses(wrapper)
    out = html.escape(wrapper.text or "")
    for child in wrapper:
        out += etree.tostring(child, encoding="unicode", method="html")
    return Markup(out)
