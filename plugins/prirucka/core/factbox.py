"""The fact box of a project page and the header box of a methodology, as HTML."""

from __future__ import annotations

import html

from . import languages as ui
from .numbers import money, number
from .schema import REGIONS, DocumentMeta


def _period(lang: str, period: dict[str, str]) -> str:
    def month(value: str) -> str:
        parts = value.split("-")
        return f"{int(parts[1])}/{parts[0]}" if len(parts) > 1 else parts[0]

    start = month(period["start"])
    return f"{start}–{month(period['end'])}" if period.get("end") else start


def project_box(lang: str, meta: DocumentMeta) -> str:
    facts = meta.extra
    rows: list[tuple[str, str]] = []

    def add(key: str, value: str) -> None:
        rows.append((ui.text(lang, f"facts.{key}"), value))

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
            for key in ("initial", "final", "grant")
            if key in costs
        ]
        add("costs", " · ".join(parts))
    if "funder" in facts:
        add("funder", html.escape(facts["funder"]))
    if "website" in facts:
        url = html.escape(facts["website"])
        add("website", f'<a href="{url}">{url}</a>')
    out = [
        f'<aside class="prirucka-facts" lang="{lang}" aria-label="{html.escape(ui.text(lang, "facts"))}">'
    ]
    out.append(f'<p class="prirucka-facts__title">{html.escape(ui.text(lang, "facts"))}</p><dl>')
    out.extend(f"<dt>{html.escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    out.append("</dl>")
    if meta.results:
        out.append(
            f'<p class="prirucka-facts__title">{html.escape(ui.text(lang, "facts.results"))}</p>'
        )
        out.append('<dl class="prirucka-results">')
        for result in meta.results:
            out.append(
                f'<div><dd class="prirucka-results__value">{number(lang, result.value)}</dd> '
                f"<dt>{html.escape(result.label)}</dt></div>"
            )
        out.append("</dl>")
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
