"""Typography in the page's language (`prirucka_typography`), for the web and for print.

A treeprocessor applies the rules of `core/typography.py` to the text of the
page after inline processing. Text is handled per block (a paragraph, a list
item, a table cell, a heading, an admonition title): the text and tails of
the inline elements inside a block form one run, so "a <em>v</em> lese" and a
quote opened in one element and closed in another are seen whole, while every
change stays inside the text node it belongs to.

Left alone, though the rules still see them as context:
- `code`, `pre`, `kbd`, `samp`, `script`, `style`, `svg`, `math`, `textarea`;
- a link whose text is a web or e-mail address, and such addresses in text;
- an element with class `notypo` (`{ .notypo }`) or `data-typography="off"`;
- attributes (only text is ever changed), and what Python-Markdown keeps aside
  until the end: raw HTML, entities (`&nbsp;`, `&quot;`) and backslash escapes.

An element with a `lang` attribute switches the rules for what it contains:
`<span lang="en">` or `*…*{lang=en}` on a Czech page gets the English rules; a
language without rules gets none. Inline raw HTML counts too: its text sits in
the tree between the placeholders of its tags.

Options: `lang` (the page's language; set per page by the site and print,
otherwise found by `page_language`: the i18n language folder of the page, else
the site's `theme.language`), `disable` (rule names switched off, a list or a
mapping per language).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, STX

from ..core import typography
from . import page_language

SKIP_TAGS = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "template"}
)
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br button cite code data del dfn em font i img input ins kbd label "
    "mark math q s samp small span strike strong sub sup svg time tt u var wbr".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
OFF_CLASS = "notypo"

_PLACEHOLDER = re.compile("\x02([^\x02\x03]*)\x03")
_STASH = re.compile(r"wzxhzdk:(\d+)$")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
_OPEN_TAG = re.compile(r"<([A-Za-z][\w:.-]*)((?:\s[^>]*)?)>$", re.S)
_CLOSE_TAG = re.compile(r"</([A-Za-z][\w:.-]*)\s*>$")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_ADDRESS = re.compile(r"^(?:(?:https?|ftp|file|mailto|tel):|www\.|[\w.+-]+@[\w-]+\.)", re.I)

# The context of a piece of text: the language whose rules apply, or None (hands off).
Context = str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _switch(context: Context, tag: str, attributes: dict[str, str]) -> Context:
    """The context inside an element (or raw HTML tag) with these attributes."""
    if context is None or tag in SKIP_TAGS:
        return None
    if OFF_CLASS in (attributes.get("class") or "").split():
        return None
    if (attributes.get("data-typography") or "").lower() == "off":
        return None
    lang = attributes.get("lang", attributes.get("xml:lang"))
    if lang is not None:
        return typography.language(lang)
    return context


def _is_address_link(element: etree.Element) -> bool:
    """A link that shows its address (an autolink, an e-mail): its text is left as written."""
    text = "".join(element.itertext()).strip()
    if AMP_SUBSTITUTE in text or STX in text:
        return True  # an obfuscated e-mail address, or text kept aside
    href = element.get("href") or ""
    return bool(text) and (text == href or bool(_ADDRESS.match(text)))


@dataclass
class _Slot:
    element: etree.Element
    attribute: str  # "text" or "tail"
    # (text, context, seen): plain text with its context, or a placeholder (written back
    # as it is, never changed) with what the rules see for it.
    parts: list[tuple[str, Context, str | None]] = field(default_factory=list)


class _Run:
    """The text of one block: the text and tails of its inline elements (slots).

    Raw HTML tags are read as the walk meets them (they change the context of
    what follows).
    """

    def __init__(self, processor: _Typography) -> None:
        self.processor = processor
        self.items: list[_Slot | str] = []  # slots, and the text of elements left alone
        self.raw_tags: list[tuple[int, str, Context]] = []  # (depth, tag, context inside)
        self.has_words = False  # whether any text in a language is more than spaces

    def context(self, depth: int, context: Context) -> Context:
        """`context` of an element at `depth`, with the raw tags opened inside it applied."""
        for tag_depth, _tag, inner in self.raw_tags:
            if tag_depth >= depth:
                context = inner if context is not None else None
        return context

    def leave(self, depth: int) -> None:
        """Raw tags opened inside an element end with it."""
        self.raw_tags = [entry for entry in self.raw_tags if entry[0] < depth]

    def lock(self, text: str) -> None:
        """Something the rules see but never change (an element left alone)."""
        self.items.append(text)

    def add(self, element: etree.Element, attribute: str, context: Context, depth: int) -> None:
        text = getattr(element, attribute)
        if not text:
            return
        slot = _Slot(element, attribute)
        self.items.append(slot)
        position = 0
        if STX in text:
            for match in _PLACEHOLDER.finditer(text):
                before = text[position : match.start()]
                slot.parts.append((before, self.context(depth, context), None))
                seen = self._placeholder(match, depth, context)
                slot.parts.append((match[0], None, seen))
                position = match.end()
        slot.parts.append((text[position:], self.context(depth, context), None))
        # Rules change only what a match shows in their language, and every match shows
        # more than spaces: a run whose text in a language is all spaces needs nothing.
        self.has_words = self.has_words or any(
            context and part and not part.isspace() for part, context, _ in slot.parts
        )

    def _placeholder(self, match: re.Match, depth: int, context: Context) -> str:
        """What the rules see for a placeholder of something Python-Markdown keeps aside."""
        key = match[1]
        stash = _STASH.match(key)
        if key.isdigit():  # a backslash escape: the character, as written
            return chr(int(key))
        if key == "amp":
            return "&"
        if stash:
            return self._raw_html(self.processor.stashed(int(stash[1])), depth, context)
        return "\ufffc"  # an object

    def _raw_html(self, item: object, depth: int, context: Context) -> str:
        if not isinstance(item, str):
            return "\ufffc"
        item = item.strip()
        if _ENTITY.match(item):
            char = html.unescape(item)
            return char if len(char) == 1 else "\ufffc"
        if item.startswith("<!--") or item.startswith("<!") or item.startswith("<?"):
            return ""
        if closing := _CLOSE_TAG.match(item):
            tag = closing[1].lower()
            for index in range(len(self.raw_tags) - 1, -1, -1):
                if self.raw_tags[index][1] == tag:
                    del self.raw_tags[index:]
                    break
            return ""
        if opening := _OPEN_TAG.match(item):
            tag = opening[1].lower()
            if tag == "br":
                return "\n"
            if tag in VOID_TAGS or opening[2].rstrip().endswith("/"):
                return "" if tag == "wbr" else "\ufffc"
            attributes = {
                name.lower(): html.unescape(next((v for v in values if v), ""))
                for name, *values in _ATTRIBUTE.findall(opening[2])
            }
            inner = _switch(self.context(depth, context), tag, attributes)
            self.raw_tags.append((depth, tag, inner))
            return ""
        return "\ufffc"

    def _key(self) -> tuple:
        """What decides the outcome: the texts as they are now and their contexts."""
        return tuple(
            item
            if isinstance(item, str)
            else (
                id(item.element),
                item.attribute,
                getattr(item.element, item.attribute),
                tuple(context for _, context, _ in item.parts),
            )
            for item in self.items
        )

    def finish(self) -> None:
        if not self.has_words:
            return
        extension = self.processor.extension
        first = self.processor.first
        if not first and self._key() in extension.fixed_points:
            return  # typeset already, and typesetting it again changes nothing
        pieces: list[typography.Piece] = []
        for group, item in enumerate(self.items):
            if isinstance(item, str):
                pieces.append(typography.Piece(item, None, -1))
                continue
            for text, context, seen in item.parts:
                # A placeholder is seen as what it stands for, locked.
                pieces.append(typography.Piece(text if seen is None else seen, context, group))
        new = typography.typeset_pieces(pieces, self.processor.disable)
        if new is not None:
            texts = iter(new)
            for item in self.items:
                if isinstance(item, str):
                    next(texts)
                    continue
                typeset = [next(texts) for _ in item.parts]
                # A placeholder writes itself back as it is.
                text = "".join(
                    raw if seen is not None else part
                    for (raw, _, seen), part in zip(item.parts, typeset, strict=True)
                )
                old = getattr(item.element, item.attribute)
                if text != old:
                    setattr(item.element, item.attribute, type(old)(text))
        if first and extension.late_pass:
            extension.fixed_points.add(self._key())


# Processors that may run between the two passes and add no text of their own: toc
# (ids, and a permalink that is a symbol, not prose), MkDocs' list of anchors and
# pymdownx.tabbed's tab ids.
_ADD_NO_TEXT = ("toc", "mkdocs_extract_anchors", "tab_slugs")


def _text_added_later(md: Markdown) -> bool:
    """Whether a processor that may add text runs after the first pass, before the late one."""
    registry = md.treeprocessors
    if "prirucka_typography" not in registry or "prirucka_typography_late" not in registry:
        return False
    first = registry.get_index_for_name("prirucka_typography")
    late = registry.get_index_for_name("prirucka_typography_late")
    quiet = {registry.get_index_for_name(name) for name in _ADD_NO_TEXT if name in registry}
    return any(index not in quiet for index in range(first + 1, late))


class _Typography(Treeprocessor):
    def stashed(self, index: int) -> object:
        blocks = self.md.htmlStash.rawHtmlBlocks
        return blocks[index] if index < len(blocks) else None

    def __init__(self, md: Markdown, extension: TypographyExtension, first: bool) -> None:
        super().__init__(md)
        self.extension = extension
        self.first = first

    def run(self, root: etree.Element) -> None:
        if self.first:
            self.extension.fixed_points = set()
            self.extension.late_pass = _text_added_later(self.md)
        elif not self.extension.late_pass:
            return
        lang = typography.language(page_language(self.md, self.extension.getConfig("lang")))
        self.disable = self.extension.disabled
        self._block(root, lang or None, 0)

    def _context(self, element: etree.Element, context: Context) -> Context:
        if not isinstance(element.tag, str):
            return None  # a comment or processing instruction
        tag = _local(element.tag)
        if tag == "a" and _is_address_link(element):
            return None
        return _switch(context, tag, dict(element.attrib))

    def _block(self, element: etree.Element, context: Context, depth: int) -> None:
        """A block element: its text and inline children are one run; block children their own."""
        run = _Run(self)
        run.add(element, "text", context, depth)
        for child in element:
            child_context = self._context(child, run.context(depth, context))
            if isinstance(child.tag, str) and _local(child.tag) not in INLINE_TAGS:
                run.finish()
                if child_context is not None:
                    self._block(child, child_context, depth + 1)
                run = _Run(self)
            else:
                self._inline(child, child_context, run, depth + 1)
            run.add(child, "tail", context, depth)
        run.finish()

    def _inline(self, element: etree.Element, context: Context, run: _Run, depth: int) -> None:
        tag = _local(element.tag) if isinstance(element.tag, str) else ""
        if tag == "br":
            run.lock("\n")
        elif tag == "wbr":
            pass
        elif context is None or tag in VOID_TAGS:
            run.lock("\ufffc")  # seen as one word, never changed
        else:
            run.add(element, "text", context, depth)
            for child in element:
                self._inline(
                    child, self._context(child, run.context(depth, context)), run, depth + 1
                )
                run.add(child, "tail", context, depth)
        run.leave(depth)


class TypographyExtension(Extension):
    """`prirucka_typography`: options `lang` (cs, en) and `disable` (rule names)."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "lang": ["", "Language of the page (cs, en); found from the site when empty"],
            "disable": [[], "Rules switched off: a list, or a mapping per language"],
        }
        super().__init__(**kwargs)
        # An unknown rule name is an editor's mistake in mkdocs.yml: say so at once.
        self.disabled = typography.normalize_disable(self.getConfig("disable"))
        self.fixed_points: set[tuple] = set()  # runs typeset in this document
        self.late_pass = True  # whether a processor may add text after the first pass

    def setConfig(self, key: str, value) -> None:
        super().setConfig(key, value)
        if key == "disable":
            self.disabled = typography.normalize_disable(value)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 6: after inline patterns (20), attr_list (8) and abbr (7), so
        # attributes and `lang` are in place; before toc (5), so the table of
        # contents shows the same text as the headings.
        md.treeprocessors.register(_Typography(md, self, True), "prirucka_typography", 6)
        # Again at 3 for text added by later processors (our own add theirs before 6:
        # admonition titles, glossary expansions), when there are any; runs the first
        # pass left as they are (fixed points: the rules are idempotent) are skipped.
        md.treeprocessors.register(_Typography(md, self, False), "prirucka_typography_late", 3)


def makeExtension(**kwargs) -> TypographyExtension:
    return TypographyExtension(**kwargs)
