"""Numbers and money as each language writes them (147 146 EUR / EUR 147,146), and
phone numbers found in text for tappable `tel:` links."""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP = "\u00a0"
_CZECH_CURRENCY = {"CZK": "Kč"}


def number(lang: str, value: float) -> str:
    whole = float(value).is_integer()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if lang == "cs":
        # Czech groups digits with a (non-breaking) space and uses a decimal comma.
        return text.replace(",", NBSP).replace(".", ",")
    return text


def money(lang: str, value: float, currency: str) -> str:
    amount = number(lang, value)
    if lang == "cs":
        return f"{amount}{NBSP}{_CZECH_CURRENCY.get(currency, currency)}"
    return f"{currency}{NBSP}{amount}"


# --- phone numbers: helplines and the organisation's own, as tappable links -----------------

_NON_DIGIT = re.compile(r"\D")
# One group of digits; groups are joined by one space (any kind) or a hyphen.
_GROUPS = re.compile(r"(?<![\w+/.,§-])(?:\+|00)?\d+(?:[ \u00a0\u202f\u2009-]\d+)*")
_SEPARATOR = re.compile(r"[ \u00a0\u202f\u2009-]")
# What makes a figure something other than a phone number.
_NOT_AFTER = re.compile(r"[ \u00a0\u202f]*(?:%|Kč|EUR|€|procent|percent)|[.,]\d|[\w/]", re.I)
_NOT_BEFORE = re.compile(r"(?:§|č\.|odst\.|čl\.|s\.|no\.|No\.)[ \u00a0\u202f]*$")
# Words near a short number that say it is one to call (both languages).
_CALL_WORDS = re.compile(
    r"volej|volat|volejte|zavolej|linka|link[uyeě]|lince|čísl|tel\.|telefon|tísňov|polici|"
    r"záchrann|hasič|call|dial|phone|number|line|police|emergency|ambulance|rescue",
    re.I,
)
SHORT = 4  # numbers of up to 4 digits (112, 158, 1212) need a word nearby to be linked


def national_digits(number: str) -> str:
    """A Czech number's national digits: '+420 606 021 021' -> '606021021', '116 111' -> '116111'."""
    digits = _NON_DIGIT.sub("", number)
    if digits.startswith("00420"):
        return digits[5:]
    if digits.startswith("420") and len(digits) == 12:
        return digits[3:]
    return digits


def tel_uri(number: str) -> str:
    """`tel:` link of a Czech number: short numbers as dialled, nine digits with +420."""
    digits = national_digits(number)
    return f"tel:+420{digits}" if len(digits) == 9 else f"tel:{digits}"


@dataclass(frozen=True)
class PhoneMatch:
    start: int
    end: int
    number: str  # as written in the text

    @property
    def href(self) -> str:
        return tel_uri(self.number)


def find_phones(text: str, known: frozenset[str], context: str = "") -> list[PhoneMatch]:
    """Known numbers (national digits) written in `text`, as they are written.

    A run of digit groups may hold several numbers ("116 111 nebo 116 006" holds
    two runs; "112 158" one run of two numbers): the longest known number is
    taken from each position. A short number (112, 158) counts only where a
    word nearby says it is for calling (`context` is the text before `text` in
    the same paragraph or cell) or where it stands alone (a table cell, bold).
    Amounts, percentages, section numbers and decimals are not phone numbers.
    """
    found: list[PhoneMatch] = []
    if not known:
        return found
    alone = text.strip()
    for run in _GROUPS.finditer(text):
        if _NOT_AFTER.match(text, run.end()) or _NOT_BEFORE.search(text[: run.start()]):
            continue
        # Split the run into groups, keeping their offsets.
        groups: list[tuple[int, int]] = []
        position = run.start()
        for part in _SEPARATOR.split(run.group(0)):
            groups.append((position, position + len(part)))
            position += len(part) + 1
        index = 0
        while index < len(groups):
            for last in range(len(groups) - 1, index - 1, -1):
                start, end = groups[index][0], groups[last][1]
                written = text[start:end]
                digits = national_digits(written)
                if digits not in known:
                    continue
                if len(digits) <= SHORT and written != alone:
                    near = context[-60:] + text[max(0, start - 60) : start] + text[end : end + 40]
                    if not _CALL_WORDS.search(near):
                        continue
                found.append(PhoneMatch(start, end, written))
                index = last
                break
            index += 1
    return found
