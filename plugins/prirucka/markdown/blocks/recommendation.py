"""`recommendation`: numbered recommendations with stable IDs and anchors.

Numbering is per page: R1, R2, … in order; `id: R7` sets a number, and the
next recommendation without `id` continues after the highest number so far.
An ID appears once per page. The anchor is the ID in lower case (`#r3`), so
another page links to `spoluprace-pri-ochrane-deti.md#r3`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from ...core.blocksyntax import anchor, recommendation_id
from .base import PriruckaBlock


class Recommendation(PriruckaBlock):
    NAME = "recommendation"
    ARGUMENT = None
    OPTIONS = {"id": (None, recommendation_id)}
    EXAMPLE = "/// recommendation | Zapojte školu do případové konference\n    id: R3\nText doporučení.\n///"

    def check(self) -> None:
        used: dict[int, int | None] = self.tracker.setdefault("used", {})
        number = self.options["id"]
        if number is None:
            number = max(used, default=0) + 1
        elif number in used:
            where = f" on line {used[number]}" if used[number] else ""
            raise self.fail(
                f"R{number} is already the ID of a recommendation{where}; "
                "each ID appears once per page (leave `id` out to number automatically)"
            )
        used[number] = self.line
        self.number = number

    def on_create(self, parent: etree.Element) -> etree.Element:
        block = self.container(parent)
        block.set("id", anchor(self.number))
        title = self.title(block)
        kind = title[0]
        kind.text = self.context.text("block.recommendation") + " "
        link = etree.SubElement(
            kind, "a", {"class": "prirucka-recommendation__id", "href": f"#{anchor(self.number)}"}
        )
        link.text = f"R{self.number}"
        return block
