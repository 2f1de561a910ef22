"""`steps` (numbered interview phases) and `checklist` (items with checkboxes)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from .base import PriruckaBlock

_MARK = re.compile(r"^\s*\[([ xX])\][ \t]*")


def _lists(block: etree.Element) -> list[etree.Element]:
    return [child for child in block if child.tag in ("ul", "ol")]


class Steps(PriruckaBlock):
    """A numbered list of steps; the numbers are drawn large by the CSS."""

    NAME = "steps"
    ARGUMENT = None
    EXAMPLE = "/// steps\n1. **Navázání kontaktu.** Představte se.\n2. **Pravidla.** …\n///"

    def on_end(self, block: etree.Element) -> None:
        lists = _lists(block)
        if not lists:
            raise self.fail(
                "holds a numbered list, one item per step: `1. Navázání kontaktu`, "
                "`2. Pravidla rozhovoru`, …"
            )
        for item_list in lists:
            item_list.tag = "ol"
            item_list.set("class", "prirucka-steps__list")
            start = item_list.get("start")
            if start and start.isdigit() and int(start) != 1:
                item_list.set("style", f"counter-reset: prirucka-step {int(start) - 1}")


class Checklist(PriruckaBlock):
    """List items with real checkboxes: ticked on screen, fillable in the PDF.

    `- [ ] item` is an empty box, `- [x] item` a ticked one; a plain `- item`
    gets an empty box too. The lists sit in a `<form>` (with no action and no
    buttons) so that each box is labelled by its item's text, also in the
    PDF's form fields (WeasyPrint names a field after its `<label>` only
    inside a form).
    """

    NAME = "checklist"
    ARGUMENT = None
    EXAMPLE = "/// checklist\n- [ ] Dítě je v bezpečí\n- [ ] Kontakt na OSPOD předán\n///"

    def on_end(self, block: etree.Element) -> None:
        lists = _lists(block)
        if not lists:
            raise self.fail(
                "holds a list, one item per line: `- [ ] Dítě je v bezpečí` "
                "(`- [x]` for a ticked box)"
            )
        for item_list in lists:
            item_list.tag = "ul"
            item_list.set("class", "prirucka-checklist__items")
            for item in item_list.findall("li"):
                self._box(item, always=True)
            position = list(block).index(item_list)
            block.remove(item_list)
            form = etree.Element("form", {"class": "prirucka-checklist__form"})
            form.append(item_list)
            form.tail = item_list.tail
            item_list.tail = None
            block.insert(position, form)

    def _box(self, item: etree.Element, always: bool) -> None:
        holder = item
        if not (item.text or "").strip() and len(item) and item[0].tag == "p":
            holder = item[0]  # a loose list: the text is in a paragraph
        text = holder.text or ""
        match = _MARK.match(text)
        if match is None and not always:
            return
        for sublist in [child for child in item if child.tag in ("ul", "ol")]:
            for nested in sublist.findall("li"):
                self._box(nested, always=False)
        label = etree.Element("label")
        box = etree.SubElement(label, "input", {"type": "checkbox"})
        if match and match.group(1) in "xX":
            box.set("checked", "checked")
        box.tail = " " + (text[match.end() :] if match else text.lstrip())
        holder.text = None
        holder.insert(0, label)
        item.set("class", "prirucka-checklist__item")
