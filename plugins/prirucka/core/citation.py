"""Citations in ČSN ISO 690 (Czech) and the matching English form; BibTeX and CSL-JSON."""

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


# --- web pages ---------------------------------------------------------------------------

TODAY = "{today}"  # filled in by the reader's browser: the citation date is the day of reading


def page_citation(
    lang: str, authors: list[str], title: str, publisher: str, year: int | None, url: str
) -> str:
    """ČSN ISO 690 for an online document; `{today}` stands for the date of citing."""
    people = [author_for_citation(a) for a in authors] or [author_for_citation(publisher)]
    lead = "; ".join(people[:3]) + (" et al." if len(people) > 3 else "")
    when = str(year) if year else ("[b.r.]" if lang == "cs" else "[n.d.]")
    if lang == "cs":
        return f"{lead.rstrip('.')}. {title} [online]. {publisher}, {when} [cit. {TODAY}]. Dostupné z: {url}"
    return f"{lead.rstrip('.')}. {title} [online]. {publisher}, {when} [viewed {TODAY}]. Available from: {url}"


def _bib_escape(text: str) -> str:
    return (
        text.replace("\\", "\\textbackslash{}")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("&", "\\&")
        .replace("%", "\\%")
    )


# BibTeX entry and CSL type per document type; anything else is a web page (@misc).
BIBTEX_TYPES = {
    "handbook": "book",
    "manual": "book",
    "methodology": "techreport",
    "report": "techreport",
    "leaflet": "booklet",
}
CSL_TYPES = {
    "handbook": "book",
    "manual": "book",
    "methodology": "report",
    "report": "report",
    "leaflet": "pamphlet",
}


def bibtex(
    key: str,
    lang: str,
    kind: str,
    authors: list[str],
    title: str,
    publisher: str,
    date: str | None,
    url: str,
) -> str:
    """A BibTeX entry (@misc for web pages, @book for handbooks, @techreport for reports)."""
    entry = BIBTEX_TYPES.get(kind, "misc")
    names = " and ".join(
        "{" + _bib_escape(a) + "}" if len(a.split()) > 3 or "–" in a else _bib_escape(a)
        for a in (authors or [publisher])
    )
    fields = [
        f"  author = {{{names}}}",
        f"  title = {{{_bib_escape(title)}}}",
        f"  publisher = {{{_bib_escape(publisher)}}}"
        if entry == "book"
        else f"  institution = {{{_bib_escape(publisher)}}}"
        if entry == "techreport"
        else f"  howpublished = {{{_bib_escape(publisher)}}}"
        if entry == "booklet"
        else f"  organization = {{{_bib_escape(publisher)}}}",
        f"  year = {{{date[:4]}}}" if date else None,
        f"  url = {{{url}}}",
        f"  language = {{{'czech' if lang == 'cs' else 'english'}}}",
    ]
    return f"@{entry}{{{key},\n" + ",\n".join(f for f in fields if f) + "\n}\n"


def csl_json(
    key: str,
    lang: str,
    kind: str,
    authors: list[str],
    title: str,
    publisher: str,
    date: str | None,
    url: str,
) -> list[dict]:
    """CSL-JSON (for Zotero, Citavi, pandoc)."""
    item: dict = {
        "id": key,
        "type": CSL_TYPES.get(kind, "webpage"),
        "title": title,
        "author": [_csl_name(a) for a in (authors or [publisher])],
        "publisher": publisher,
        "URL": url,
        "language": lang,
    }
    if date:
        item["issued"] = {"date-parts": [[int(part) for part in date[:10].split("-")]]}
    return [item]


def _csl_name(name: str) -> dict:
    shown = author_for_citation(name)
    if ", " in shown:
        family, given = shown.split(", ", 1)
        return {"family": family.title(), "given": given}
    return {"literal": name}
