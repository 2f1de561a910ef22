"""The languages Příručka publishes in, and the interface texts readers see."""

from __future__ import annotations

SUPPORTED = ("cs", "en")

# What readers see, per interface language. Keys are stable; add a language by
# adding a block with every key.
_TEXTS: dict[str, dict[str, str]] = {
    "cs": {
        "fallback_notice": "Tato stránka zatím nebyla přeložena do češtiny; čtete {original} originál.",
        "fallback_label": "Nepřeložená stránka",
        "not_found_title": "Stránka nenalezena",
        "not_found_text": "Stránka na této adrese neexistuje. Mohla být přesunuta nebo přejmenována.",
        "not_found_home": "Přejít na úvodní stránku",
        "language_adjective.cs": "český",
        "language_adjective.en": "anglický",
        "language_name.cs": "čeština",
        "language_name.en": "angličtina",
        "contents": "Obsah",
        "authors": "Autoři",
        "published_by": "Vydal",
        "edition": "{number}. vydání",
        "project_number": "Registrační číslo projektu",
        "license": "Toto dílo podléhá licenci {name} ({url}).",
        "all_rights_reserved": "Všechna práva vyhrazena.",
        "how_to_cite": "Jak citovat",
        "available_at": "Dostupné z",
        "chapter_fallback": "Tato kapitola zatím nebyla přeložena do češtiny; otištěn je {original} originál.",
        "download_pdf": "Stáhnout PDF",
        "publications": "Publikace ke stažení",
        "publications_intro": "Tištěné publikace z této příručky ve formátu PDF, připravené k tisku i ke čtení na obrazovce.",
        "pdf_in_language": "PDF v češtině",
        "pdf_bilingual": "PDF česky a anglicky",
        "page_one": "strana",
        "page_few": "strany",
        "page_many": "stran",
        "kind.handbook": "Příručka",
        "kind.manual": "Manuál",
        "kind.leaflet": "Leták",
        "kind.methodology": "Metodika",
        "kind.report": "Zpráva",
        "format": "Formát",
        "outdated_notice": "Originál této stránky ({language}) byl aktualizován {date}; tento překlad nemusí být aktuální.",
        "read_original": "Přečtěte si originál",
        "outdated_label": "Zastaralý překlad",
        "outdated_imprint": "Originál byl po pořízení tohoto překladu aktualizován; nemusí odpovídat kapitoly: {chapters}.",
        "translation_status": "Stav překladů",
        "translation_status_intro": "Přehled pro redaktory: u každé stránky, zda její překlad odpovídá originálu. Vychází ze stejných údajů jako příkaz `prirucka status`.",
        "state.current": "aktuální",
        "state.outdated": "zastaralý",
        "state.missing": "chybí",
        "state.untracked": "nesledovaný",
        "state.orphaned": "osiřelý",
        "state.edited": "upravený",
        "column.page": "Stránka",
        "column.language": "Jazyk",
        "column.state": "Stav",
        "column.details": "Podrobnosti",
        "changed_sections": "změněné oddíly",
        "source_updated": "originál změněn",
        "totals": "Celkem",
        "search.placeholder": "Hledat",
        "search.label": "Hledání",
        "search.open": "Hledat (klávesa /)",
        "search.close": "Zavřít hledání",
        "search.clear": "Vymazat",
        "search.initial": "Pište, co hledáte. Diakritiku psát nemusíte.",
        "search.loading": "Hledám…",
        "search.results.one": "{count} výsledek",
        "search.results.few": "{count} výsledky",
        "search.results.other": "{count} výsledků",
        "search.none": "Pro „{query}“ jsme nic nenašli.",
        "search.suggest": "Zkuste hledat:",
        "search.via_term": "Nalezeno podle souvisejícího pojmu",
        "search.error": "Vyhledávání se nepodařilo načíst. Zkuste stránku obnovit.",
        "search.more": "Další výsledky",
        "search.instead": "Výsledky pro „{query}“",
        "glossary": "Glosář",
        "glossary_intro": "Odborné pojmy sociálně-právní ochrany dětí s krátkým vysvětlením a s doporučeným anglickým překladem. Zkratky a pojmy v textu příručky mají vysvětlení po najetí myší nebo po klepnutí.",
        "glossary_other": "anglicky",
        "glossary_avoid": "nepoužívat",
        "facts": "Základní údaje",
        "facts.promoter": "Předkladatel",
        "facts.partners": "Partneři",
        "facts.number": "Číslo projektu",
        "facts.region": "Region",
        "facts.target_groups": "Cílové skupiny",
        "facts.status": "Stav",
        "facts.period": "Období",
        "facts.costs": "Náklady",
        "facts.funder": "Financování",
        "facts.website": "Web",
        "facts.results": "Výsledky",
        "costs.initial": "plánované",
        "costs.final": "skutečné",
        "costs.grant": "grant",
        "status.planned": "připravovaný",
        "status.running": "probíhá",
        "status.completed": "ukončený",
        "methodology": "Metodika",
        "methodology.number": "Číslo",
        "methodology.issuer": "Vydal",
        "methodology.addressees": "Určeno pro",
        "methodology.binding": "Závaznost",
        "methodology.reference": "Č. j.",
        "binding.true": "závazné",
        "binding.false": "nezávazné doporučení",
        "cite": "Jak citovat",
        "cite.copy": "Kopírovat",
        "cite.copied": "Zkopírováno",
        "cite.bibtex": "BibTeX",
        "cite.csl": "CSL-JSON",
        "catalogue": "Katalog",
        "catalogue_intro": "Všechny dokumenty příručky podle druhu, s krátkým popisem, určením a datem.",
        "kinds.handbook": "Příručky",
        "kinds.manual": "Manuály",
        "kinds.leaflet": "Letáky",
        "kinds.methodology": "Metodiky",
        "kinds.project": "Projekty",
        "kinds_intro": "Přehled vytvořený při sestavení webu z hlaviček stránek.",
        "audience.parents": "rodiče",
        "audience.professionals": "odborníci",
        "audience.editors": "redaktoři",
        "column.document": "Dokument",
        "column.audience": "Pro koho",
        "column.date": "Datum",
        "column.tags": "Štítky",
        "by_region": "Podle regionu",
        "by_target_group": "Podle cílové skupiny",
        "results_total": "Výsledky projektů celkem",
        "results_reported": "údaj uvádí {count} z {total} projektů",
        "chart_title": "{label} podle projektů",
        "referenced_from": "Odkazují sem",
        "related": "Související dokumenty",
        "documents": "dokumentů",
    },
    "en": {
        "fallback_notice": "This page has not been translated yet; you are reading the {original} original.",
        "fallback_label": "Untranslated page",
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address. It may have been moved or renamed.",
        "not_found_home": "Go to the home page",
        "language_adjective.cs": "Czech",
        "language_adjective.en": "English",
        "language_name.cs": "Czech",
        "language_name.en": "English",
        "contents": "Contents",
        "authors": "Authors",
        "published_by": "Published by",
        "edition": "{ordinal} edition",
        "project_number": "Project number",
        "license": "This work is licensed under {name} ({url}).",
        "all_rights_reserved": "All rights reserved.",
        "how_to_cite": "How to cite",
        "available_at": "Available at",
        "chapter_fallback": "This chapter has not been translated yet; the {original} original is printed.",
        "download_pdf": "Download PDF",
        "publications": "Publications",
        "publications_intro": "The printed publications of this handbook as PDFs, ready to print or to read on screen.",
        "pdf_in_language": "PDF in English",
        "pdf_bilingual": "PDF in Czech and English",
        "page_one": "page",
        "page_few": "pages",
        "page_many": "pages",
        "kind.handbook": "Handbook",
        "kind.manual": "Manual",
        "kind.leaflet": "Leaflet",
        "kind.methodology": "Methodology",
        "kind.report": "Report",
        "format": "Format",
        "outdated_notice": "The original of this page ({language}) was updated on {date}; this translation may be out of date.",
        "read_original": "Read the original",
        "outdated_label": "Outdated translation",
        "outdated_imprint": "The original was updated after this translation was made; these chapters may be out of date: {chapters}.",
        "translation_status": "Translation status",
        "translation_status_intro": "For editors: whether each page's translation matches its original. Made from the same data as the `prirucka status` command.",
        "state.current": "current",
        "state.outdated": "outdated",
        "state.missing": "missing",
        "state.untracked": "untracked",
        "state.orphaned": "orphaned",
        "state.edited": "edited",
        "column.page": "Page",
        "column.language": "Language",
        "column.state": "State",
        "column.details": "Details",
        "changed_sections": "changed sections",
        "source_updated": "original changed",
        "totals": "Totals",
        "search.placeholder": "Search",
        "search.label": "Search",
        "search.open": "Search (press /)",
        "search.close": "Close search",
        "search.clear": "Clear",
        "search.initial": "Type what you are looking for.",
        "search.loading": "Searching…",
        "search.results.one": "{count} result",
        "search.results.few": "{count} results",
        "search.results.other": "{count} results",
        "search.none": "Nothing found for “{query}”.",
        "search.suggest": "Try:",
        "search.via_term": "Found by a related term",
        "search.error": "Search could not be loaded. Try reloading the page.",
        "search.more": "More results",
        "search.instead": "Results for “{query}”",
        "glossary": "Glossary",
        "glossary_intro": "The terms of Czech child protection with a short explanation and their Czech original. Abbreviations and terms in the handbook's text are explained on hover or tap.",
        "glossary_other": "Czech",
        "glossary_avoid": "avoid",
        "facts": "Key facts",
        "facts.promoter": "Promoter",
        "facts.partners": "Partners",
        "facts.number": "Project number",
        "facts.region": "Region",
        "facts.target_groups": "Target groups",
        "facts.status": "Status",
        "facts.period": "Period",
        "facts.costs": "Costs",
        "facts.funder": "Funding",
        "facts.website": "Website",
        "facts.results": "Results",
        "costs.initial": "initial",
        "costs.final": "final",
        "costs.grant": "grant",
        "status.planned": "planned",
        "status.running": "running",
        "status.completed": "completed",
        "methodology": "Methodology",
        "methodology.number": "Number",
        "methodology.issuer": "Issued by",
        "methodology.addressees": "Intended for",
        "methodology.binding": "Status",
        "methodology.reference": "Ref. No.",
        "binding.true": "binding",
        "binding.false": "non-binding recommendation",
        "cite": "How to cite",
        "cite.copy": "Copy",
        "cite.copied": "Copied",
        "cite.bibtex": "BibTeX",
        "cite.csl": "CSL-JSON",
        "catalogue": "Catalogue",
        "catalogue_intro": "All documents of the handbook by kind, with a short summary, audience and date.",
        "kinds.handbook": "Handbooks",
        "kinds.manual": "Manuals",
        "kinds.leaflet": "Leaflets",
        "kinds.methodology": "Methodologies",
        "kinds.project": "Projects",
        "kinds_intro": "An overview made at build time from the pages' headers.",
        "audience.parents": "parents",
        "audience.professionals": "professionals",
        "audience.editors": "editors",
        "column.document": "Document",
        "column.audience": "Audience",
        "column.date": "Date",
        "column.tags": "Tags",
        "by_region": "By region",
        "by_target_group": "By target group",
        "results_total": "Project results in total",
        "results_reported": "reported by {count} of {total} projects",
        "chart_title": "{label} by project",
        "referenced_from": "Referenced from",
        "related": "Related documents",
        "documents": "documents",
    },
}


def text(lang: str, key: str, **values: str) -> str:
    """Interface text `key` in `lang` (English when the language is unknown)."""
    table = _TEXTS.get(lang, _TEXTS["en"])
    return table[key].format(**values)


def fallback_notice(reader_lang: str, original_lang: str) -> str:
    """'This page has not been translated yet…' in the reader's language."""
    original = text(reader_lang, f"language_adjective.{original_lang}")
    return text(reader_lang, "fallback_notice", original=original)


def pages_count(lang: str, count: int) -> str:
    """'1 strana', '3 strany', '12 stran' / '1 page', '12 pages'."""
    if count == 1:
        form = "page_one"
    elif lang == "cs" and 2 <= count <= 4:
        form = "page_few"
    else:
        form = "page_many"
    return f"{count}\u00a0{text(lang, form)}"


def file_size(lang: str, size: int) -> str:
    """'1,2 MB' in Czech, '1.2 MB' in English."""
    if size < 1024 * 1024:
        value, unit = size / 1024, "kB"
    else:
        value, unit = size / 1024 / 1024, "MB"
    number = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    if lang == "cs":
        number = number.replace(".", ",")
    return f"{number}\u00a0{unit}"


def ordinal(lang: str, number: int) -> str:
    """'1.' in Czech, '1st' in English."""
    if lang == "cs":
        return f"{number}."
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date(lang: str, iso: str) -> str:
    """'15. 9. 2025' in Czech (non-breaking spaces), '15 September 2025' in English."""
    year, month, day = (int(part) for part in iso[:10].split("-"))
    if lang == "cs":
        return f"{day}.\u00a0{month}.\u00a0{year}"
    return f"{day}\u00a0{_MONTHS_EN[month - 1]} {year}"
