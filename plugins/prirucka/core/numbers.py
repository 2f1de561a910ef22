"""Numbers and money as each language writes them: 147 146 EUR / EUR 147,146."""

from __future__ import annotations

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
