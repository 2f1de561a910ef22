"""The fact box of a project page and the header box of a methodology: as HTML for print
(`project_box`, `methodology_box`) and as data for the site's templates (`project_facts`,
`methodology_facts`)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from . import languages as ui
from . import schema
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


# --- the same boxes as data, for the site's templates -----------------------------------
#
# The site renders these with its partials (prirucka-documents'
# `partials/prirucka/project-facts.html` and `methodology-facts.html`), which a site may
# override from its custom_dir. Figures (a project's results) stand label first, then
# the value on a line of its own ("Podpořené děti / 146"): the label is the editor's
# text and is never joined to the figure, so no declension comes out wrong
# ("146 podpořené děti", "5 úřady OSPOD", "30 rodiny").


@dataclass(frozen=True)
class Fact:
    """One line of the box: a label and its value (plain text; the template escapes)."""

    key: str  # the front matter key ("promoter", "period"…)
    label: str  # in the reader's language
    value: str
    href: str | None = None  # the value is a link (a website)
    lang: str | None = None  # the value's language, when it is not the reader's
    sources: tuple[int, ...] = ()  # numbers of the page's sources behind it (when several)


@dataclass(frozen=True)
class Figure:
    label: str  # the editor's label, first letter capitalised
    value: str  # the figure as the page's language writes it
    lang: str | None = None
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class FigureGroup:
    key: str  # "results" or "targets"
    title: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Source:
    number: int
    title: str
    url: str = ""


@dataclass(frozen=True)
class FactBox:
    kind: str  # "project" or "methodology"
    lang: str  # the language of the labels (the reader's)
    title: str
    facts: tuple[Fact, ...]
    groups: tuple[FigureGroup, ...] = ()
    sources_title: str = ""
    sources: tuple[Source, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.facts or self.groups)


def capitalised(label: str) -> str:
    """A label that stands alone: "podpořené děti" -> "Podpořené děti"."""
    return label[:1].upper() + label[1:]


def _sources_of(meta: DocumentMeta, fact: str) -> tuple[int, ...]:
    """Numbers of the sources behind `fact`; none when the page has one source or none."""
    sources = getattr(meta, "sources", None) or []
    if len(sources) < 2:
        return ()
    return tuple(meta.sources_of(fact))


def project_facts(lang: str, meta: DocumentMeta, written: str | None = None) -> FactBox:
    """The fact box of a project page: labels in `lang` (the reader's), values in
    `written` (the language the page is written in; `lang` when not given)."""
    written = written or lang
    other = written if written != lang else None
    facts = meta.extra
    rows: list[Fact] = []

    def add(key: str, value: str, *, own: bool = True, href: str | None = None) -> None:
        # `own`: the value is the editor's text, in the page's language.
        rows.append(
            Fact(
                key,
                ui.text(lang, f"facts.{key}"),
                value,
                href,
                other if own else None,
                () if href else _sources_of(meta, key),
            )
        )

    for key in ("promoter", "number"):
        if key in facts:
            add(key, facts[key], own=key == "promoter")
    if facts.get("partners"):
        add("partners", "; ".join(facts["partners"]))
    if facts.get("region"):
        add("region", ", ".join(REGIONS[r][lang] for r in facts["region"]), own=False)
    if facts.get("target_groups"):
        add("target_groups", ", ".join(facts["target_groups"]))
    if "status" in facts:
        add("status", ui.text(lang, f"status.{facts['status']}"), own=False)
    if "period" in facts:
        add("period", _period(lang, facts["period"]), own=False)
    if "costs" in facts:
        costs = facts["costs"]
        parts = [
            f"{ui.text(lang, 'costs.' + key)} {money(lang, costs[key], costs['currency'])}"
            for key in getattr(schema, "COST_KEYS", ("initial", "final", "grant"))
            if key in costs
        ]
        add("costs", " · ".join(parts), own=False)
    for key in ("funder", "programme"):
        if key in facts:
            add(key, facts[key])
    if "website" in facts:
        add("website", facts["website"], own=False, href=facts["website"])
    groups = []
    for group in ("results", "targets"):
        figures = tuple(
            Figure(
                capitalised(figure.label),
                number(lang, figure.value),
                other,
                _sources_of(meta, f"{group}.{getattr(figure, 'name', '') or figure.key}"),
            )
            for figure in getattr(meta, group, None) or []
        )
        if figures:
            groups.append(FigureGroup(group, ui.text(lang, f"facts.{group}"), figures))
    sources = tuple(
        Source(n, source.title, source.url or "")
        for n, source in enumerate(getattr(meta, "sources", None) or [], start=1)
    )
    return FactBox(
        kind="project",
        lang=lang,
        title=ui.text(lang, "facts"),
        facts=tuple(rows),
        groups=tuple(groups),
        sources_title=ui.text(lang, "facts.sources") if sources else "",
        sources=sources,
    )


def methodology_facts(lang: str, meta: DocumentMeta, written: str | None = None) -> FactBox:
    """The header box of a methodology (empty when the page declares none of its facts)."""
    written = written or lang
    other = written if written != lang else None
    facts = meta.extra
    rows: list[Fact] = []

    def add(key: str, value: str, own: bool = True) -> None:
        rows.append(
            Fact(key, ui.text(lang, f"methodology.{key}"), value, lang=other if own else None)
        )

    if "number" in facts:
        year = (
            f"/{facts['year']}"
            if "year" in facts and str(facts["year"]) not in facts["number"]
            else ""
        )
        add("number", facts["number"] + year, own=False)
    if "issuer" in facts:
        add("issuer", facts["issuer"])
    if facts.get("addressees"):
        add("addressees", ", ".join(facts["addressees"]))
    if "binding" in facts:
        add("binding", ui.text(lang, f"binding.{str(facts['binding']).lower()}"), own=False)
    if "reference" in facts:
        add("reference", facts["reference"], own=False)
    return FactBox(
        kind="methodology", lang=lang, title=ui.text(lang, "methodology"), facts=tuple(rows)
    )
