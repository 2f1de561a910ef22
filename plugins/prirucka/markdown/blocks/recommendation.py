"""`recommendation`: numbered recommendations with stable IDs and anchors.

Numbering is per page: R1, R2, … in order; `id: R7` sets a number, and the
next recommendation without `id` continues after the highest number so far.
An ID appears once per page. The anchor is the ID in lower case (`#r3`), so
another page links to `spoluprace-pri-ochrane-deti.md#r3`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from .base import PriruckaBlock

_ID = re.compile(r"^[Rr]\s*(\d{1,4})$")


def recommendation_id(value: Any) -> int:
    """`R3`, `r3` or `3` -> 3."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return value
    match = _ID.match(str(value).strip()) if isinstance(value, str) else None
    if match and int(match.group(1)) >= 1:
        return int(match.group(1))
    raise ValueError(f"must be R and a number, e.g. `id: R3`, not `{value}`")


def anchor(number: int) -> str:
    return f"r{number}"


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


def recommendation_anchors(markdown_text: str) -> list[str]:
    """The anchors (`r1`, `r7`…) the page's recommendations get, in order, without rendering.

    For link checks: the same numbering as the block. Recommendations whose
    options cannot be read are skipped (the build reports them).
    """
    from .source import OptionsError, parse_options, scan

    used: list[int] = []
    for opener in scan(markdown_text.split("\n")):
        if opener.name != Recommendation.NAME:
            continue
        try:
            written = parse_options(opener).get("id")
            number = max(used, default=0) + 1 if written is None else recommendation_id(written)
        except (OptionsError, ValueError):
            continue
        if number not in used:
            used.append(number)
    return [anchor(number) for number in used]
