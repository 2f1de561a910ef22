"""`record`: a record sheet with labelled fields and space to write in.

`fields` lists the labels; a field gets one writing line, or as many as it
says: `- Co dítě řeklo: 6` or `- {label: Co dítě řeklo, lines: 6}`. `lines`
adds unlabelled writing lines at the end of the sheet. Any text in the block
is printed above the fields as instructions.

Each field carries its number of lines (`data-lines`): in print the sheet
starts on its own page and fills it, each field taking space in proportion
to its lines. On the site a "print this sheet" button (shown by the site's
script, `data-prirucka-print-sheet`) prints the sheet alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from .base import PriruckaBlock, text, whole_number

MAX_LINES = 40
_FIELD_KEYS = {"label", "lines"}


def _count(label: str, lines: Any) -> int:
    try:
        return whole_number(1, MAX_LINES)(lines)
    except ValueError as error:
        raise ValueError(f"entry `{label}`: the number of lines {error}") from None


def fields(value: Any) -> list[tuple[str, int]]:
    if not isinstance(value, list) or not value:
        raise ValueError(
            "must be a list of labels, e.g. `fields: [Datum, Přítomní, Co dítě řeklo]`"
        )
    parsed = []
    for item in value:
        if isinstance(item, dict) and "label" in item:
            unknown = sorted(str(key) for key in item if key not in _FIELD_KEYS)
            if unknown:
                raise ValueError(
                    f"entry `{item['label']}` has `{unknown[0]}`; a field knows `label` and `lines`"
                )
            label = text(item["label"])
            parsed.append((label, _count(label, item.get("lines", 1))))
        elif isinstance(item, dict) and len(item) == 1:
            label, lines = next(iter(item.items()))
            parsed.append((text(label), _count(str(label), lines)))
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            parsed.append((text(item), 1))
        else:
            raise ValueError(
                f"entries are labels (`Datum`), a label with its number of lines "
                f"(`Co dítě řeklo: 6`) or `{{label: …, lines: …}}`, not `{item}`"
            )
    return parsed


class Record(PriruckaBlock):
    NAME = "record"
    ARGUMENT = None
    OPTIONS = {"fields": ([], fields), "lines": (0, whole_number(0, MAX_LINES))}
    REQUIRED = ("fields",)
    EXAMPLE = "/// record | Záznam z rozhovoru\n    fields: [Datum, Kdo vedl rozhovor, Přítomní]\n    lines: 4\n///"

    def on_create(self, parent: etree.Element) -> etree.Element:
        block = super().on_create(parent)
        actions = etree.SubElement(block, "p", {"class": "prirucka-record__actions"})
        button = etree.SubElement(
            actions,
            "button",
            {
                "type": "button",
                "class": "md-button prirucka-record__print",
                "data-prirucka-print-sheet": "",
                "hidden": "hidden",
            },
        )
        button.text = self.context.text("block.record.print")
        return block

    def on_end(self, block: etree.Element) -> None:
        sheet = etree.SubElement(block, "div", {"class": "prirucka-record__fields"})
        for label, count in self.options["fields"]:
            field = etree.SubElement(
                sheet, "div", {"class": "prirucka-record__field", "data-lines": str(count)}
            )
            name = etree.SubElement(field, "p", {"class": "prirucka-record__label"})
            name.text = label
            _lines(field, count)
        if self.options["lines"]:
            notes = _lines(block, self.options["lines"])
            notes.set("class", "prirucka-record__space prirucka-record__notes")


def _lines(parent: etree.Element, count: int) -> etree.Element:
    """Writing lines: drawn, not read (`aria-hidden`)."""
    space = etree.SubElement(
        parent,
        "div",
        {"class": "prirucka-record__space", "data-lines": str(count), "aria-hidden": "true"},
    )
    for _ in range(count):
        etree.SubElement(space, "div", {"class": "prirucka-record__line"})
    return space
