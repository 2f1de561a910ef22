"""The fact box of a project page and the header box of a methodology, as HTML."""

from __future__ import annotations

import html

from . import languages as ui
from .numbers import money, number
from .schema import COST_KEYS, REGIONS, DocumentMeta


def _period(lang: str, period: dict[str, str]) -> str:
    def month(value: str) -> str:
        parts = value.split("-")
        return f"{int(parts[1])}/{parts[0]}" if len(parts) > 1 else parts[0]

    start = month(period["start"])
    shown = f"{start}–{month(period['end'])}" if period.get("end") else start
    if period.get("estimated"):
        shown += f" ({ui.text(lang, 'period.estimated')})"
    return shown


def _marks(meta: DocumentMeta, fact: str) -> str:
    """Superscript numbers of the sources behind a fact; none when the page has one source."""
    if len(meta.sources) < 2:
        return ""
    numbers = meta.sources_of(fact)
    links = ",".join(f'<a href="#prirucka-source-{n}">{n}</a>' for n in numbers)
    return f'<sup class="prirucka-facts__source">{links}</sup>' if numbers else ""


def _sources(lang: str, meta: DocumentMeta) -> str:
    items = []
    for number_, source in enumerate(meta.sources, start=1):
        title = html.escape(source.title)
        if source.url:
            url = html.escape(source.url)
            title = f'<a href="{url}">{title}</a>'
        items.append(f'<li id="prirucka-source-{number_}">{title}</li>')
    label = html.escape(ui.text(lang, "facts.sources"))
    return (
        f'<p class="prirucka-facts__title">{label}</p>'
        f'<ol class="prirucka-facts__sources">{"".join(items)}</ol>'
    )


def _figures(lang: str, meta: DocumentMeta, group: str) -> list[str]:
    figures = getattr(meta, group)
    if not figures:
        return []
    out = [f'<p class="prirucka-facts__title">{html.escape(ui.text(lang, "facts." + group))}</p>']
    out.append(f'<dl class="prirucka-results prirucka-results--{group}">')
    for figure in figures:
        out.append(
            f'<div><dd class="prirucka-results__value">{number(lang, figure.value)}</dd> '
            f"<dt>{html.escape(figure.label)}{_marks(meta, f'{group}.{figure.name}')}</dt></div>"
        )
    out.append("</dl>")
    return out


def project_box(lang: str, meta: DocumentMeta) -> str:
    facts = meta.extra
    rows: list[tuple[str, str]] = []

    def add(key: str, value: str) -> None:
        rows.append((ui.text(lang, f"facts.{key}"), value + _marks(meta, key)))

    for key in ("promoter", "number"):
        if key in facts:
            add(key, html.escape(facts[key]))
    if facts.get("partners"):
        add("partners", "; ".join(html.escape(p) for p in facts["partners"]))
    if facts.get("region"):
        add("region", ", ".join(html.escape(REGIONS[r][lang]) for r in facts["region"]))
    if facts.get("target_groups"):
        add("target_groups", ", ".join(html.escape(t) for t in facts["target_groups"]))
    if "status" in facts:
        add("status", html.escape(ui.text(lang, f"status.{facts['status']}")))
    if "period" in facts:
        add("period", _period(lang, facts["period"]))
    if "costs" in facts:
        costs = facts["costs"]
        parts = [
            f"{ui.text(lang, 'costs.' + key)} {money(lang, costs[key], costs['currency'])}"
            for key in COST_KEYS
            if key in costs
        ]
        add("costs", " · ".join(parts))
    if "funder" in facts:
        add("funder", html.escape(facts["funder"]))
    if "programme" in facts:
        add("programme", html.escape(facts["programme"]))
    if "website" in facts:
        url = html.escape(facts["website"])
        rows.append((ui.text(lang, "facts.website"), f'<a href="{url}">{url}</a>'))
    out = [
        f'<aside class="prirucka-facts" lang="{lang}" aria-label="{html.escape(ui.text(lang, "facts"))}">'
    ]
    out.append(f'<p class="prirucka-facts__title">{html.escape(ui.text(lang, "facts"))}</p><dl>')
    out.extend(f"<dt>{html.escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    out.append("</dl>")
    out.extend(_figures(lang, meta, "results"))
    out.extend(_figures(lang, meta, "targets"))
    if meta.sources:
        out.append(_sources(lang, meta))
    out.append("</aside>")
    return "".join(out)


def methodology_box(lang: str, meta: DocumentMeta) -> str:
    facts = meta.extra
    rows = []
    if "number" in facts:
        year = (
            f"/{facts['year']}"
            if "year" in facts and str(facts["year"]) not in facts["number"]
            else ""
        )
        rows.append(("number", html.escape(facts["number"] + year)))
    if "issuer" in facts:
        rows.append(("issuer", html.escape(facts["issuer"])))
    if facts.get("addressees"):
        rows.append(("addressees", ", ".join(html.escape(a) for a in facts["addressees"])))
    if "binding" in facts:
        rows.append(
            ("binding", html.escape(ui.text(lang, f"binding.{str(facts['binding']).lower()}")))
        )
    if "reference" in facts:
        rows.append(("reference", html.escape(facts["reference"])))
    if not rows:
        return ""
    items = "".join(
        f"<dt>{html.escape(ui.text(lang, 'methodology.' + key))}</dt><dd>{value}</dd>"
        for key, value in rows
    )
    label = html.escape(ui.text(lang, "methodology"))
    return f'<aside class="prirucka-facts prirucka-facts--methodology" lang="{lang}" aria-label="{label}"><p class="prirucka-facts__title">{label}</p><dl>{items}</dl></aside>'
