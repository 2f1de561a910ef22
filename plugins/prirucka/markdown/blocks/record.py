"""`record`: a record sheet with labelled fields and lines to write on.

`fields` lists the labels; a field gets one writing line, or as many as a
`{label: lines}` entry says (`- Co dítě řeklo: 6`). `lines` adds unlabelled
writing lines at the end of the sheet. Any text in the block is printed
above the fields as instructions.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from .base import PriruckaBlock, text, whole_number

MAX_LINES = 40


def fields(value: Any) -> list[tuple[str, int]]:
    if not isinstance(value, list) or not value:
        raise ValueError(
            "must be a list of labels, e.g. `fields: [Datum, Přítomní, Co dítě řeklo]`"
        )
    parsed = []
    for item in value:
        if isinstance(item, dict) and len(item) == 1:
            label, lines = next(iter(item.items()))
            try:
                count = whole_number(1, MAX_LINES)(lines)
            except ValueError as error:
                raise ValueError(f"entry `{label}`: the number of lines {error}") from None
            parsed.append((text(label), count))
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            parsed.append((text(item), 1))
        else:
            raise ValueError(
                f"entries are labels (`Datum`) or a label with its number of lines "
                f"(`Co dítě řeklo: 6`), not `{item}`"
            )
    return parsed


class Record(PriruckaBlock):
    NAME = "record"
    ARGUMENT = None
    OPTIONS = {"fields": ([], fields), "lines": (0, whole_number(0, MAX_LINES))}
    REQUIRED = ("fields",)
    EXAMPLE = "/// record | Záznam z rozhovoru\n    fields: [Datum, Kdo vedl rozhovor, Přítomní]\n    lines: 4\n///"

    def on_end(self, block: etree.Element) -> None:
        sheet = etree.SubElement(block, "dl", {"class": "prirucka-record__fields"})
        for label, count in self.options["fields"]:
            field = etree.SubElement(sheet, "div", {"class": "prirucka-record__field"})
            term = etree.SubElement(field, "dt")
            term.text = label
            space = etree.SubElement(field, "dd")
            for _ in range(count):
                etree.SubElement(space, "div", {"class": "prirucka-record__line"})
        if self.options["lines"]:
            notes = etree.SubElement(
                block, "div", {"class": "prirucka-record__notes", "aria-hidden": "true"}
            )
            for _ in range(self.options["lines"]):
                etree.SubElement(notes, "div", {"class": "prirucka-record__line"})
