"""A publication's citation in ČSN ISO 690 (Czech) and its English counterpart."""

from __future__ import annotations

import re

# Academic and professional titles are not part of a name in a citation.
_TITLES = re.compile(
    r"\b(?:Bc|BcA|Mgr|MgA|Ing|Ing\. arch|MUDr|MDDr|MVDr|PhDr|JUDr|RNDr|PharmDr|ThDr|PaedDr|"
    r"Dr|Ph\.D|Th\.D|CSc|DrSc|DiS|MBA|LL\.M|doc|prof)\.?(?=\s|,|$)",
    re.I,
)


def author_for_citation(name: str) -> str:
    """'Mgr. Jana Příkladová, Ph.D.' -> 'PŘÍKLADOVÁ, Jana'; an organisation in capitals."""
    plain = " ".join(_TITLES.sub("", name).replace(",", " ").split())
    words = plain.split()
    if len(words) in (2, 3) and all(w[:1].isupper() and w.isalpha() for w in words):
        return f"{words[-1].upper()}, {' '.join(words[:-1])}"
    return plain.upper()


def citation(
    lang: str,
    authors: list[str],
    publisher: str,
    title: str,
    subtitle: str = "",
    edition: int | None = None,
    seat: str | None = None,
    year: int | None = None,
    isbn: str | None = None,
    url: str | None = None,
) -> str:
    """ČSN ISO 690: AUTHOR. Title: subtitle. Edition. Seat: Publisher, year. ISBN. Available at: URL."""
    people = [author_for_citation(a) for a in authors] or [author_for_citation(publisher)]
    lead = "; ".join(people[:3]) + (" et al." if len(people) > 3 else "")
    parts = [lead.rstrip(".") + "."]
    parts.append(f"{title}: {subtitle}." if subtitle else f"{title}.")
    if edition:
        parts.append(f"{edition}. vyd." if lang == "cs" else f"{_edition_en(edition)} ed.")
    where = f"{seat}: {publisher}" if seat else publisher
    parts.append(f"{where}, {year}." if year else f"{where}.")
    if isbn:
        parts.append(f"ISBN {isbn}.")
    if url:
        parts.append(("Dostupné z: " if lang == "cs" else "Available at: ") + url)
    return " ".join(parts)


def _edition_en(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
