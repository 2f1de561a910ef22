"""`case`: an anonymised case study, printed with the standard anonymisation note.

Both `consent: true` and `anonymised: true` are required: the author states
that the family agreed and that nobody can be recognised. `composite: true`
adds that the example combines several cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import PriruckaBlock, boolean
from .say import has_content


class Case(PriruckaBlock):
    NAME = "case"
    ARGUMENT = None
    OPTIONS = {
        "consent": (None, boolean),
        "anonymised": (None, boolean),
        "composite": (False, boolean),
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
