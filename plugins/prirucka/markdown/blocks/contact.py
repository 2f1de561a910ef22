"""`contact`: an organisation's contact box (phone, e-mail, web, hours, address).

The phone numbers declared here are the organisation's own: the privacy
check asks `contact_numbers()` for them rather than reporting them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from .base import PriruckaBlock, text, texts

_PHONE = re.compile(r"^\+?[0-9][0-9 ()/\-\u00a0]*[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def phones(value) -> list[str]:
    numbers = texts(value)
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        if not _PHONE.match(number) or not 3 <= len(digits) <= 15:
            raise ValueError(
                f"must be phone numbers such as `+420 475 511 811` or `116 111`, not `{number}`"
            )
    return numbers


def emails(value) -> list[str]:
    addresses = texts(value)
    for address in addresses:
        if not _EMAIL.match(address):
            raise ValueError(f"must be e-mail addresses such as `ic@example.org`, not `{address}`")
    return addresses


def webs(value) -> list[str]:
    addresses = texts(value)
    for address in addresses:
        if not re.match(r"^https?://[^\s]+\.[^\s]+$", address):
            raise ValueError(f"must be web addresses starting with https://, not `{address}`")
    return addresses


def tel_href(number: str) -> str:
    return "tel:" + ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


class Contact(PriruckaBlock):
    NAME = "contact"
    ARGUMENT = True
    OPTIONS = {
        "phone": ([], phones),
        "email": ([], emails),
        "web": ([], webs),
        "hours": ("", text),
        "address": ("", text),
    }
    EXAMPLE = "/// contact | Intervenční centrum Ústí nad Labem\n    phone: [+420 475 511 811]\n    email: ic@example.org\n    hours: Po–Pá 8–16\n///"

    def check(self) -> None:
        if not (self.options["phone"] or self.options["email"] or self.options["web"]):
            raise self.fail("needs at least a `phone`, an `email` or a `web`")

    def on_end(self, block: etree.Element) -> None:
        details = etree.SubElement(block, "dl", {"class": "prirucka-contact__details"})

        def row(key: str, values: list[str], href=None) -> None:
            if not values:
                return
            term = etree.SubElement(details, "dt")
            term.text = self.context.text(f"block.contact.{key}")
            for value in values:
                description = etree.SubElement(details, "dd")
                if href:
                    link = etree.SubElement(description, "a", {"href": href(value)})
                    link.text = value
                else:
                    description.text = value

        row("phone", self.options["phone"], tel_href)
        row("email", self.options["email"], lambda address: f"mailto:{address}")
        row("web", self.options["web"], lambda address: address)
        row("hours", [self.options["hours"]] if self.options["hours"] else [])
        row("address", [self.options["address"]] if self.options["address"] else [])
