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
    # Plain text with its context, or a placeholder with the cell the rules see for it.
    parts: list[tuple[str, Context | typography.Cell]] = field(default_factory=list)


class _Run:
    """The text of one block: the text and tails of its inline elements (slots).

    Raw HTML tags are read as the walk meets them (they change the context of
    what follows); the cells the rules work on are made only when needed.
    """

    def __init__(self, processor: _Typography) -> None:
        self.processor = processor
        self.items: list[_Slot | str] = []  # slots, and the text of elements left alone
        self.raw_tags: list[tuple[int, str, Context]] = []  # (depth, tag, context inside)
        self.languages = False

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
                slot.parts.append((text[position : match.start()], self.context(depth, context)))
                slot.parts.append((match[0], self._placeholder(match, depth, context)))
                position = match.end()
        inner = self.context(depth, context)
        slot.parts.append((text[position:], inner))
        self.languages = self.languages or any(
            part_context and isinstance(part_context, str) for _, part_context in slot.parts
        )

    def _placeholder(self, match: re.Match, depth: int, context: Context) -> typography.Cell:
        """The cell the rules see for a placeholder of something Python-Markdown keeps aside."""
        key = match[1]
        seen = typography.Cell("\ufffc", None)  # by default: an object, locked
        stash = _STASH.match(key)
        if key.isdigit():  # a backslash escape: the character, as written
            seen.text = chr(int(key))
        elif key == "amp":
            seen.text = "&"
        elif stash:
            self._raw_html(seen, self.processor.stashed(int(stash[1])), depth, context)
        return seen

    def _raw_html(self, seen: typography.Cell, item: object, depth: int, context: Context) -> None:
        if not isinstance(item, str):
            return
        item = item.strip()
        if _ENTITY.match(item):
            char = html.unescape(item)
            seen.text = char if len(char) == 1 else "\ufffc"
        elif item.startswith("<!--") or item.startswith("<!") or item.startswith("<?"):
            seen.text = ""
        elif closing := _CLOSE_TAG.match(item):
            seen.text = ""
            tag = closing[1].lower()
            for index in range(len(self.raw_tags) - 1, -1, -1):
                if self.raw_tags[index][1] == tag:
                    del self.raw_tags[index:]
                    break
        elif opening := _OPEN_TAG.match(item):
            tag = opening[1].lower()
            if tag == "br":
                seen.text = "\n"
            elif tag in VOID_TAGS or opening[2].rstrip().endswith("/"):
                seen.text = "" if tag == "wbr" else "\ufffc"
            else:
                seen.text = ""
                attributes = {
                    name.lower(): html.unescape(next((v for v in values if v), ""))
                    for name, *values in _ATTRIBUTE.findall(opening[2])
                }
                inner = _switch(self.context(depth, context), tag, attributes)
                self.raw_tags.append((depth, tag, inner))

    def _key(self) -> tuple:
        """What decides the outcome: the texts as they are now and their contexts."""
        return tuple(
            item
            if isinstance(item, str)
            else (
                id(item.element),
                item.attribute,
                getattr(item.element, item.attribute),
                tuple(c if not isinstance(c, typography.Cell) else 0 for _, c in item.parts),
            )
            for item in self.items
        )

    def _needs_rules(self) -> bool:
        """Whether a rule finds anything in the text the cells would show."""
        texts: list[str] = []
        languages: set[str] = set()
        for item in self.items:
            if isinstance(item, str):
                texts.append(item)
                continue
            for text, context in item.parts:
                if isinstance(context, typography.Cell):
                    texts.append(context.text)
                    lang = context.lang
                else:
                    texts.append(text)
                    lang = context
                if lang:
                    languages.add(lang)
        return typography.would_change("".join(texts), sorted(languages), self.processor.disable)

    def finish(self) -> None:
        if not self.languages:
            return
        done = self.processor.extension.fixed_points
        key = self._key()
        if key in done:
            return  # typeset already, and typesetting it again changes nothing
        if not self._needs_rules():
            done.add(key)
            return
        cells: list[typography.Cell] = []
        written: list[tuple[_Slot, list[tuple[typography.Cell, str | None]]]] = []
        for group, item in enumerate(self.items):
            if isinstance(item, str):
                cells.append(typography.Cell(item, None, -1))
                continue
            slot_cells: list[tuple[typography.Cell, str | None]] = []
            for text, context in item.parts:
                if isinstance(context, typography.Cell):
                    context.group = group
                    slot_cells.append((context, text))  # a placeholder writes itself back
                else:
                    slot_cells.extend(
                        (typography.Cell(char, context, group), None) for char in text
                    )
            cells.extend(cell for cell, _ in slot_cells)
            written.append((item, slot_cells))
        if typography.typeset_cells(cells, self.processor.disable):
            for slot, slot_cells in written:
                new = "".join(raw if raw is not None else cell.text for cell, raw in slot_cells)
                old = getattr(slot.element, slot.attribute)
                if new != old:
                    setattr(slot.element, slot.attribute, type(old)(new))
        done.add(self._key())


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

    def setConfig(self, key: str, value) -> None:
        super().setConfig(key, value)
        if key == "disable":
            self.disabled = typography.normalize_disable(value)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 6: after inline patterns (20), attr_list (8) and abbr (7), so
        # attributes and `lang` are in place; before toc (5), so the table of
        # contents shows the same text as the headings.
        md.treeprocessors.register(_Typography(md, self, True), "prirucka_typography", 6)
        # Again at 3 for text added by later processors (default admonition titles
        # at 5, glossary expansions at 4); runs the first pass left as they are
        # (fixed points: the rules are idempotent) are skipped.
        md.treeprocessors.register(_Typography(md, self, False), "prirucka_typography_late", 3)


def makeExtension(**kwargs) -> TypographyExtension:
    return TypographyExtension(**kwargs)
