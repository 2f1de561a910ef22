"""Glossary terms explained where they are used (`prirucka_glossary`).

- every glossary abbreviation becomes `<abbr title="term: definition">`;
- an abbreviation's first use on a page is written out, "OSPOD (orgán
  sociálně-právní ochrany dětí)", unless the page already used the full term,
  the same sentence explains it, or it is a term of a definition list whose
  definition gives the full term ("SPOD" / "sociálně-právní ochrana dětí");
- the first use of a glossary term gets its definition on hover or tap.

Same extension for the web and for print. Options: `lang` (found from the
site when empty, see `page_language`), `glossary` (path of the term base;
default: handbook/glossary.yml next to mkdocs.yml), `terms` (the glossary
already loaded by the build context, so it is not read again), `expand` (write out first
uses; default true).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..core import glossary as glossary_module
from . import page_language, project_root

_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "abbr", "dfn"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DEFAULT_GLOSSARY = "handbook/glossary.yml"


@cache
def _load(path: str, mtime_ns: int) -> glossary_module.Glossary:
    return glossary_module.load(path)


def load_glossary(path: str) -> glossary_module.Glossary | None:
    """The glossary at `path` (re-read when the file changes), or None without one."""
    file = Path(path)
    if not path or not file.is_file():
        return None
    return _load(str(file), file.stat().st_mtime_ns)


class _Terms(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        glossary = self.extension.getConfig("terms") or load_glossary(self._path())
        if glossary is None:
            return
        self.glossary = glossary
        self.lang = page_language(self.md, self.extension.getConfig("lang"))
        self.expand = self.extension.getConfig("expand")
        self.introduced: set[str] = set()  # entries explained or written out in the text already
        self.explained = ""  # the definition of the <dt> being read: its <dd>'s text
        self._walk(root, in_heading=False)

    def _path(self) -> str:
        """The `glossary` option, relative to mkdocs.yml; by default handbook/glossary.yml there."""
        option = self.extension.getConfig("glossary")
        root = project_root(self.md)
        if root is None:
            return option
        return str(root / (option or DEFAULT_GLOSSARY))

    def _skipped(self, element: etree.Element) -> bool:
        if element.tag in _SKIP or element.get("data-prirucka-glossary") == "off":
            return True
        lang = element.get("lang")
        return bool(lang) and lang != self.lang

    def _walk(self, element: etree.Element, in_heading: bool) -> None:
        heading = in_heading or element.tag in _HEADINGS
        if element.text:
            element.text, new = self._split(element.text, heading)
            for index, node in enumerate(new):
                element.insert(index, node)
            offset = len(new)
        else:
            offset = 0
        children = list(element)
        position = offset  # where `child` is now: nodes made from tails come before the next
        for child in children[offset:]:
            if not self._skipped(child):
                if child.tag == "dt":
                    self.explained = self._definition(children, child)
                self._walk(child, heading)
                if child.tag == "dt":
                    self.explained = ""
            position += 1
            if child.tail:
                child.tail, new = self._split(child.tail, heading)
                for node in new:
                    element.insert(position, node)
                    position += 1

    def _split(self, text: str, in_heading: bool) -> tuple[str, list[etree.Element]]:
        """Text up to the first term, and the elements (with tails) for the rest."""
        if text.isspace():
            return text, []  # the line breaks between elements
        matches = self.glossary.find_terms(text, self.lang)
        if not matches:
            return text, []
        head = text[: matches[0].start]
        nodes: list[etree.Element] = []
        for index, match in enumerate(matches):
            following = (
                text[match.end : matches[index + 1].start]
                if index + 1 < len(matches)
                else text[match.end :]
            )
            side = match.entry.sides[self.lang]
            # Headings only name things: the explanation belongs to the text.
            first = match.entry.id not in self.introduced and not in_heading
            if not in_heading:
                self.introduced.add(match.entry.id)
            if match.is_abbr:
                node = etree.Element("abbr", {"title": f"{side.term}: {side.definition}"})
                node.text = match.text
                if (
                    first
                    and self.expand
                    and not self._explained_nearby(text, match, matches)
                    and side.term.casefold() not in self.explained
                ):
                    following = f" ({side.term})" + following
            elif first:
                node = etree.Element("abbr", {"class": "prirucka-term", "title": side.definition})
                node.text = match.text
            else:
                if nodes:
                    nodes[-1].tail = (nodes[-1].tail or "") + match.text + following
                else:
                    head += match.text + following
                continue
            node.tail = following
            nodes.append(node)
        return head, nodes

    @staticmethod
    def _definition(siblings: list[etree.Element], term: etree.Element) -> str:
        """The text of the <dd> elements that follow the <dt> `term`, case-folded."""
        texts = []
        for sibling in siblings[siblings.index(term) + 1 :]:
            if sibling.tag != "dd":
                break
            texts.append("".join(sibling.itertext()))
        return " ".join(" ".join(texts).split()).casefold()

    @staticmethod
    def _explained_nearby(text: str, match, matches) -> bool:
        """The author explains the abbreviation in the same sentence: "OSPOD (…)", "OSPOD je orgán …"."""
        rest = text[match.end :]
        if rest.lstrip().startswith("("):
            return True
        end = re.search(r"[.!?](?:\s|$)", rest)
        limit = match.end + (end.start() if end else len(rest))
        return any(
            other.entry.id == match.entry.id
            and not other.is_abbr
            and match.end <= other.start < limit
            for other in matches
        )


class GlossaryExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "lang": ["", "Language of the page (cs, en); found from the site when empty"],
            "glossary": ["", f"Path of the term base (default in a site: {DEFAULT_GLOSSARY})"],
            "terms": ["", "The glossary already loaded (a core.glossary.Glossary), if any"],
            "expand": [True, "Write out an abbreviation on its first use on a page"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 6.5: after inline patterns (20), attr_list (8) and abbr (7), so `lang`
        # and the author's own abbreviations are in place, and after admonition titles
        # (6.9); before typography (6), so what it writes out is typeset with the rest.
        md.treeprocessors.register(_Terms(md, self), "prirucka_glossary", 6.5)


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
