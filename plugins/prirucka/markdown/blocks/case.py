"""`case`: an anonymised case study, printed with the standard anonymisation note.

Both `consent: true` and `anonymised: true` are required: the author states
that the family agreed and that nobody can be recognised. `composite: true`
adds that the example combines several cases. `pseudonyms: [Anička, Honza]`
declares the names used as pseudonyms, so the personal-data check does not
report them (core/privacy.py reads the option from the source); nothing is
rendered from it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from .base import PriruckaBlock, boolean
from .say import has_content

# A given name: letters, maybe joined by a hyphen, apostrophe or space ("Anna-Marie").
_NAME = re.compile(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*")


def names(value: Any) -> list[str]:
    """`pseudonyms: [Anička, Honza]`: a list of given names."""
    example = "e.g. `pseudonyms: [Anička, Honza]`"
    if not isinstance(value, list) or not value:
        raise ValueError(f"must be a list of the names used as pseudonyms, {example}")
    result = []
    for item in value:
        if not isinstance(item, str) or not _NAME.fullmatch(item.strip()):
            raise ValueError(f"must list names only, not `{item}`; {example}")
        result.append(item.strip())
    return result


class Case(PriruckaBlock):
    NAME = "case"
    ARGUMENT = None
    OPTIONS = {
        "consent": (None, boolean),
        "anonymised": (None, boolean),
        "composite": (False, boolean),
        "pseudonyms": ([], names),
    }
    EXAMPLE = "/// case | Matka a dvě děti\n    consent: true\n    anonymised: true\nText …\n///"

    def check(self) -> None:
        if self.options["consent"] is not True or self.options["anonymised"] is not True:
            raise self.fail(
                "a case study needs the family's consent and anonymisation: add "
                "`consent: true` and `anonymised: true` once both are true"
            )

    def on_end(self, block: etree.Element) -> None:
        if not has_content(block):
            raise self.fail("is empty; write the case between `/// case` and the closing `///`")
        note = etree.SubElement(block, "p", {"class": "prirucka-case__note"})
        parts = [self.context.text("block.case.note")]
        if self.options["composite"]:
            parts.insert(0, self.context.text("block.case.composite"))
        note.text = " ".join(parts)
