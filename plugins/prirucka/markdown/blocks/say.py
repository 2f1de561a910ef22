"""`say` and `avoid`: what to say to the child, and what never to say.

A `say` followed directly by an `avoid` (or the other way round) is wrapped
in `<div class="prirucka-say-avoid">`, which the site and the print CSS lay
out side by side.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .base import PriruckaBlock

PAIR_CLASS = "prirucka-say-avoid"


def has_content(block: etree.Element) -> bool:
    """Anything in the block besides its title."""
    return any("prirucka-block__title" not in (child.get("class") or "") for child in block)


class Say(PriruckaBlock):
    NAME = "say"
    ARGUMENT = None
    EXAMPLE = "/// say\n„Děkuju, že mi to říkáš.“\n///"

    def on_end(self, block: etree.Element) -> None:
        if not has_content(block):
            raise self.fail(
                f"is empty; write the sentences between `/// {self.NAME}` and the closing `///`"
            )


class Avoid(Say):
    NAME = "avoid"
    EXAMPLE = "/// avoid\n„Proč jsi to neřekl dřív?“\n///"


def _kind(element: etree.Element) -> str | None:
    classes = (element.get("class") or "").split()
    if element.tag != "div" or "prirucka-block" not in classes:
        return None
    for kind in ("say", "avoid"):
        if f"prirucka-{kind}" in classes:
            return kind
    return None


class PairSayAvoid(Treeprocessor):
    """Wrap each `say` + `avoid` (either order) standing next to each other."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            index = 0
            while index < len(children) - 1:
                first, second = children[index], children[index + 1]
                kinds = {_kind(first), _kind(second)}
                if kinds == {"say", "avoid"} and not (first.tail or "").strip():
                    position = list(parent).index(first)
                    pair = etree.Element("div", {"class": PAIR_CLASS})
                    pair.tail = second.tail
                    first.tail = second.tail = None
                    parent.remove(first)
                    parent.remove(second)
                    pair.extend([first, second])
                    parent.insert(position, pair)
                    index += 2
                else:
                    index += 1
