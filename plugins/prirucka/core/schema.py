"""Typed front matter: what each kind of document declares, checked with file and line.

Every page declares `type:` (page, handbook, manual, leaflet, methodology,
project, report). Unknown keys are errors: a typo must not pass silently.
A project's facts name their sources (`sources:`); `fact_findings()` reports
the facts that no source covers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import AuthorError, did_you_mean
from .findings import Finding
from .frontmatter import Document
from .languages import SUPPORTED
from .mdtext import heading_text, headings

TYPES = ("page", "handbook", "manual", "leaflet", "methodology", "project", "report")
AUDIENCES = ("parents", "children", "professionals", "editors")
PROJECT_STATUSES = ("planned", "running", "completed")
# The facts of a project page that must name a source (results and targets count one by one).
FACTS = (
    "promoter",
    "partners",
    "number",
    "region",
    "target_groups",
    "status",
    "period",
    "costs",
    "funder",
    "programme",
)
COST_KEYS = ("initial", "final", "eligible", "grant")
CURRENCIES = ("EUR", "CZK")

# Czech regions (kraje) and the whole country, with both languages' names.
REGIONS: dict[str, dict[str, str]] = {
    "praha": {"cs": "Hlavní město Praha", "en": "Prague"},
    "stredocesky": {"cs": "Středočeský kraj", "en": "Central Bohemian Region"},
    "jihocesky": {"cs": "Jihočeský kraj", "en": "South Bohemian Region"},
    "plzensky": {"cs": "Plzeňský kraj", "en": "Plzeň Region"},
    "karlovarsky": {"cs": "Karlovarský kraj", "en": "Karlovy Vary Region"},
    "ustecky": {"cs": "Ústecký kraj", "en": "Ústí nad Labem Region"},
    "liberecky": {"cs": "Liberecký kraj", "en": "Liberec Region"},
    "kralovehradecky": {"cs": "Královéhradecký kraj", "en": "Hradec Králové Region"},
    "pardubicky": {"cs": "Pardubický kraj", "en": "Pardubice Region"},
    "vysocina": {"cs": "Kraj Vysočina", "en": "Vysočina Region"},
    "jihomoravsky": {"cs": "Jihomoravský kraj", "en": "South Moravian Region"},
    "olomoucky": {"cs": "Olomoucký kraj", "en": "Olomouc Region"},
    "zlinsky": {"cs": "Zlínský kraj", "en": "Zlín Region"},
    "moravskoslezsky": {"cs": "Moravskoslezský kraj", "en": "Moravian-Silesian Region"},
    "cr": {"cs": "celá Česká republika", "en": "the whole Czech Republic"},
}

# Named results that add up across projects; others may be given with their own label.
RESULTS: dict[str, dict[str, str]] = {
    "children_supported": {"cs": "podpořené děti", "en": "children supported"},
    "families_supported": {"cs": "podpořené rodiny", "en": "families supported"},
    "direct_interventions": {"cs": "přímé intervence", "en": "direct interventions"},
    "professionals_trained": {"cs": "proškolení odborníci", "en": "professionals trained"},
    "case_conferences": {"cs": "případové konference", "en": "case conferences"},
    "workshops": {"cs": "semináře a workshopy", "en": "seminars and workshops"},
    "partner_organisations": {"cs": "partnerské organizace", "en": "partner organisations"},
}

_COMMON = {
    "type": "page, handbook, manual, leaflet, methodology, project or report",
    "title": "the page title",
    "description": "one sentence: the summary shown in lists and search results",
    "order": "position in its folder (1, 2, 3…)",
    "audience": "parents, children, professionals and/or editors",
    "authors": "a list of names",
    "date": "the date of this version, YYYY-MM-DD",
    "tags": "a list of tags",
    "project": "the project page this document draws on, e.g. projekty/spolu-pomoc-detem.md",
    "sources": "where the page's facts come from: a list of {title: …, url: …, facts: […]}",
    "print": "{languages: [cs]}: the PDFs this page is printed in (default: every language)",
    "translation": "the translation record (written by `prirucka sync`)",
    "search": "{exclude: true} or {boost: 2}",
    "hide": "Material's hide: [navigation, toc]",
}
_PER_TYPE = {
    "page": {},
    "handbook": {
        "edition": "edition number",
        "publication": "the handbook/<id>.yml it is printed in",
    },
    "manual": {
        "edition": "edition number",
        "publication": "the handbook/<id>.yml it is printed in",
    },
    "leaflet": {
        "edition": "edition number",
        "publication": "the handbook/<id>.yml it is printed in",
    },
    "report": {
        "edition": "edition number",
        "publication": "the handbook/<id>.yml it is printed in",
    },
    "methodology": {
        "publication": "the handbook/<id>.yml it is printed in",
        "number": "its number, e.g. 1/2025",
        "year": "the year it was issued",
        "issuer": "the issuing body",
        "addressees": "who it is for (a list)",
        "binding": "true or false",
        "reference": "the reference number (č. j.)",
    },
    "project": {
        "promoter": "the organisation carrying out the project",
        "partners": "a list of partner organisations",
        "number": "the project's registration number",
        "region": f"one or more of: {', '.join(REGIONS)}",
        "target_groups": "a list of target groups",
        "status": "planned, running or completed",
        "period": "{start: YYYY-MM, end: YYYY-MM, estimated: true}",
        "costs": "{initial: …, final: …, eligible: …, grant: …, currency: EUR or CZK}",
        "funder": "the funder, as the source names it",
        "programme": "the grant programme, as the source names it",
        "website": "the project's web address",
        "results": "achieved figures, e.g. {children_supported: 146}",
        "targets": "planned figures (targets), e.g. {families_supported: 30}",
    },
}


def keys_for(kind: str) -> dict[str, str]:
    return {**_COMMON, **_PER_TYPE.get(kind, {})}


@dataclass
class Result:
    key: str  # a RESULTS key, or "" for a custom label
    label: str
    value: float
    name: str = ""  # the key as written in the front matter


@dataclass
class Source:
    title: str
    url: str = ""
    facts: list[str] = field(default_factory=list)  # empty: every fact of the page
    line: int = 1

    def covers(self, fact: str) -> bool:
        """Whether this source supports `fact` ('costs', 'results.children_supported'…)."""
        if not self.facts:
            return True
        group = fact.split(".", 1)[0]
        return fact in self.facts or group in self.facts


@dataclass
class DocumentMeta:
    type: str
    title: str
    description: str = ""
    audience: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    project: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # the type's own keys, validated
    results: list[Result] = field(default_factory=list)
    targets: list[Result] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    print_languages: list[str] | None = None  # None: printed in every language

    def facts(self) -> list[str]:
        """The facts this page states: 'number', 'costs', 'results.<key>'…"""
        named = [key for key in FACTS if key in self.extra]
        named += [f"results.{r.name}" for r in self.results]
        named += [f"targets.{r.name}" for r in self.targets]
        return named

    def sources_of(self, fact: str) -> list[int]:
        """1-based numbers of the sources that support `fact`."""
        return [n for n, source in enumerate(self.sources, start=1) if source.covers(fact)]


class _Check:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def fail(self, key: str, message: str) -> AuthorError:
        return AuthorError(self.doc.path, self.doc.key_line(key), message)

    def text(self, key: str, value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                key,
                f"`{key}` must be text ({keys_for(self.doc.meta.get('type', 'page')).get(key, '')})",
            )
        return value.strip()

    def texts(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, (str, int)) and str(v).strip() for v in value
        ):
            raise self.fail(
                key, f"`{key}` must be a list, e.g. [{key[:-1] if key.endswith('s') else key} 1, …]"
            )
        return [str(v).strip() for v in value]

    def number(self, key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(
                key, f"`{key}` must be a number without spaces or currency, e.g. 147146"
            )
        return value


def validate(doc: Document, language: str, publications: set[str] | None = None) -> DocumentMeta:
    """The page's typed front matter; AuthorError with the line for anything wrong."""
    check = _Check(doc)
    meta = doc.meta
    # A plain Markdown page works as it is: a `page`, titled by its first `# heading`.
    kind = meta.get("type", "page")
    if kind not in TYPES:
        raise check.fail("type", f"`type: {kind}` is unknown; use one of {', '.join(TYPES)}")
    allowed = keys_for(kind)
    for key in meta:
        if key not in allowed:
            hint = did_you_mean(
                key, allowed, f"a page of type `{kind}` knows: {', '.join(allowed)}"
            )
            raise check.fail(key, f"unknown key `{key}`{hint}")
    if "title" in meta:
        title = check.text("title", meta["title"])
    else:
        heading = next((h for h in headings(doc.body) if h.level == 1), None)
        if heading is None:
            raise AuthorError(
                doc.path,
                1,
                "the page has no title: add `title:` to the front matter or a `# Heading` line",
            )
        title = heading_text(heading.text)
    result = DocumentMeta(type=kind, title=title)
    if "description" in meta:
        result.description = check.text("description", meta["description"])
    if "audience" in meta:
        result.audience = check.texts("audience", meta["audience"])
        for value in result.audience:
            if value not in AUDIENCES:
                raise check.fail(
                    "audience", f"`audience: {value}` is unknown; use {', '.join(AUDIENCES)}"
                )
    if "authors" in meta:
        result.authors = check.texts("authors", meta["authors"])
    if "date" in meta:
        value = meta["date"]
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            raise check.fail("date", "`date` must be written as YYYY-MM-DD, e.g. 2025-09-15")
        result.date = value
    if "tags" in meta:
        result.tags = check.texts("tags", meta["tags"])
    if "project" in meta:
        project = check.text("project", meta["project"])
        if not project.endswith(".md"):
            raise check.fail(
                "project",
                "`project` is the project page's path, e.g. projekty/spolu-pomoc-detem.md",
            )
        result.project = project
    if "order" in meta and (isinstance(meta["order"], bool) or not isinstance(meta["order"], int)):
        raise check.fail("order", "`order` must be a whole number (1, 2, 3…)")
    if "search" in meta:
        search = meta["search"]
        if not isinstance(search, dict) or set(search) - {"exclude", "boost"}:
            raise check.fail("search", "`search` is {exclude: true} or {boost: 2}")
    if "print" in meta:
        result.print_languages = _print_languages(check, meta["print"])
    validator = {"project": _project, "methodology": _methodology}.get(kind, _publication_part)
    validator(check, meta, result, language, publications)
    if "sources" in meta:
        result.sources = _sources(check, meta["sources"], result)
    return result


def _print_languages(check: _Check, value: Any) -> list[str]:
    usage = "`print` is {languages: [cs]}: the languages whose PDFs print this page"
    if not isinstance(value, dict) or set(value) != {"languages"}:
        raise check.fail("print", usage)
    languages = value["languages"]
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not languages:
        raise check.fail("print", usage)
    for lang in languages:
        if lang not in SUPPORTED:
            raise check.fail(
                "print", f"`print.languages: {lang}` is unknown; use {', '.join(SUPPORTED)}"
            )
    return [str(lang) for lang in languages]


_SOURCE_KEYS = {"title": "the document's title", "url": "its web address", "facts": "facts"}


def _sources(check: _Check, value: Any, result: DocumentMeta) -> list[Source]:
    """`sources:` as a list of {title, url, facts}; facts must be ones the page states."""
    usage = "`sources` is a list of documents: - {title: …, url: https://…, facts: [costs, …]}"
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not value:
        raise check.fail("sources", usage)
    doc = check.doc
    known = result.facts() + [key for key in ("results", "targets") if key in doc.meta]
    sources = []
    for index, entry in enumerate(value):
        line = nested_line(doc, "sources", index)
        if isinstance(entry, str):
            entry = {"title": entry}
        if not isinstance(entry, dict):
            raise AuthorError(doc.path, line, usage)
        for key in entry:
            if key not in _SOURCE_KEYS:
                hint = did_you_mean(key, _SOURCE_KEYS, "a source has title, url and facts")
                raise AuthorError(
                    doc.path, nested_line(doc, "sources", index, key), f"unknown key `{key}`{hint}"
                )
        title = entry.get("title")
        if not isinstance(title, str) or not title.strip():
            raise AuthorError(
                doc.path, line, "a source needs a `title`: the document's name as it gives it"
            )
        url = entry.get("url", "")
        if url and (not isinstance(url, str) or not re.match(r"^https?://\S+$", url)):
            raise AuthorError(
                doc.path,
                nested_line(doc, "sources", index, "url"),
                "`url` must be a web address starting with http:// or https://",
            )
        facts = entry.get("facts", [])
        if isinstance(facts, str):
            facts = [facts]
        if not isinstance(facts, list):
            raise AuthorError(
                doc.path, nested_line(doc, "sources", index, "facts"), "`facts` must be a list"
            )
        for fact in facts:
            if str(fact) not in known:
                hint = did_you_mean(
                    fact, known, f"this page states: {', '.join(known) or 'no facts'}"
                )
                raise AuthorError(
                    doc.path,
                    nested_line(doc, "sources", index, "facts"),
                    f"`{fact}` is not a fact of this page{hint}",
                )
        sources.append(Source(title.strip(), url or "", [str(f) for f in facts], line))
    return sources


def nested_line(doc: Document, top: str, index: int | None = None, key: str | None = None) -> int:
    """Line in the file of `top:` (its `index`-th list item, its `key:`); the closest known."""
    lines = doc.raw_meta.splitlines()
    start = doc.key_line(top)
    if start == 1 and not any(re.match(rf"{re.escape(top)}\s*:", line) for line in lines):
        return 1
    position = start - 2  # index into `lines`
    end = next(
        (i for i in range(position + 1, len(lines)) if re.match(r"^[^\s#-]", lines[i])),
        len(lines),
    )
    found = position
    if index is not None:
        items = [i for i in range(position + 1, end) if re.match(r"^\s*-\s", lines[i])]
        if index < len(items):
            found = items[index]
            end = items[index + 1] if index + 1 < len(items) else end
    if key is not None:
        pattern = re.compile(rf"(^|[\s{{,-]){re.escape(key)}\s*:")
        for i in range(found, end):
            if pattern.search(lines[i]):
                return i + 2
    return found + 2


def fact_findings(shown: str, doc: Document, meta: DocumentMeta) -> list[Finding]:
    """A warning for every fact of a project page that no source in `sources:` supports."""
    if meta.type != "project":
        return []
    findings = []
    for fact in meta.facts():
        if meta.sources_of(fact):
            continue
        top, _, key = fact.partition(".")
        line = nested_line(doc, top, key=key or None)
        findings.append(
            Finding(
                shown,
                line,
                1,
                "warning",
                "fact-unsourced",
                f"`{fact}` has no source",
                "name the document it comes from under `sources:` (title, url, facts)",
            )
        )
    return findings


def _publication_part(
    check: _Check, meta: dict, result: DocumentMeta, language: str, publications
) -> None:
    if "edition" in meta:
        result.extra["edition"] = check.text("edition", meta["edition"])
    if "publication" in meta:
        name = check.text("publication", meta["publication"])
        if publications is not None and name not in publications:
            known = ", ".join(sorted(publications)) or "none"
            raise check.fail(
                "publication", f"no publication `{name}` in handbook/ (known: {known})"
            )
        result.extra["publication"] = name


def _methodology(
    check: _Check, meta: dict, result: DocumentMeta, language: str, publications
) -> None:
    _publication_part(check, meta, result, language, publications)
    for key in ("number", "issuer", "reference"):
        if key in meta:
            result.extra[key] = check.text(key, meta[key])
    if "year" in meta:
        year = meta["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100:
            raise check.fail("year", "`year` must be a year, e.g. 2025")
        result.extra["year"] = year
    if "addressees" in meta:
        result.extra["addressees"] = check.texts("addressees", meta["addressees"])
    if "binding" in meta:
        if not isinstance(meta["binding"], bool):
            raise check.fail("binding", "`binding` is true (binding) or false (a recommendation)")
        result.extra["binding"] = meta["binding"]


_PERIOD = re.compile(r"^\d{4}(-\d{2})?(-\d{2})?$")


def _project(check: _Check, meta: dict, result: DocumentMeta, language: str, publications) -> None:
    for key in ("promoter", "number", "funder", "programme", "website"):
        if key in meta:
            result.extra[key] = check.text(key, meta[key])
    for key in ("partners", "target_groups"):
        if key in meta:
            result.extra[key] = check.texts(key, meta[key])
    if "region" in meta:
        regions = check.texts("region", meta["region"])
        for region in regions:
            if region not in REGIONS:
                hint = did_you_mean(region, REGIONS, f"use one of {', '.join(REGIONS)}")
                raise check.fail("region", f"`region: {region}` is not a Czech region{hint}")
        result.extra["region"] = regions
    if "status" in meta:
        if meta["status"] not in PROJECT_STATUSES:
            raise check.fail(
                "status",
                f"`status: {meta['status']}` is unknown; use {', '.join(PROJECT_STATUSES)}",
            )
        result.extra["status"] = meta["status"]
    if "period" in meta:
        period = meta["period"]
        if (
            not isinstance(period, dict)
            or set(period) - {"start", "end", "estimated"}
            or "start" not in period
        ):
            raise check.fail("period", "`period` is {start: YYYY-MM, end: YYYY-MM}")
        for part in ("start", "end"):
            if part in period and not _PERIOD.match(str(period[part])):
                raise check.fail("period", f"`period.{part}` must be YYYY-MM (or YYYY)")
        if not isinstance(period.get("estimated", False), bool):
            raise check.fail(
                "period", "`period.estimated` is true when the source gives the dates as a plan"
            )
        result.extra["period"] = {k: str(v) for k, v in period.items() if k != "estimated"}
        if period.get("estimated"):
            result.extra["period"]["estimated"] = "true"
    if "costs" in meta:
        costs = meta["costs"]
        if not isinstance(costs, dict) or set(costs) - {*COST_KEYS, "currency"}:
            raise check.fail(
                "costs",
                "`costs` is {initial: …, final: …, eligible: …, grant: …, currency: EUR}",
            )
        currency = costs.get("currency", "EUR")
        if currency not in CURRENCIES:
            raise check.fail(
                "costs", f"`currency: {currency}` is unknown; use {', '.join(CURRENCIES)}"
            )
        result.extra["costs"] = {
            k: check.number(f"costs.{k}", v) for k, v in costs.items() if k != "currency"
        }
        result.extra["costs"]["currency"] = currency
    for group in ("results", "targets"):
        if group in meta:
            figures = _figures(check, group, meta[group], language)
            setattr(result, group, figures)


def _figures(check: _Check, group: str, figures: Any, language: str) -> list[Result]:
    if not isinstance(figures, dict):
        raise check.fail(
            group, f"`{group}` maps figures to numbers, e.g. {{children_supported: 146}}"
        )
    found = []
    for key, value in figures.items():
        if isinstance(value, dict):  # a figure of its own: {label: …, value: …}
            if set(value) != {"label", "value"}:
                raise check.fail(group, f"`{group}.{key}` of your own needs `label` and `value`")
            found.append(
                Result(
                    "",
                    check.text(group, value["label"]),
                    check.number(group, value["value"]),
                    str(key),
                )
            )
        elif key in RESULTS:
            found.append(Result(key, RESULTS[key][language], check.number(group, value), key))
        else:
            close = difflib.get_close_matches(str(key), list(RESULTS), n=1)
            hint = f"did you mean `{close[0]}`? Or" if close else "known figures:"
            raise check.fail(
                group,
                f"unknown figure `{key}`; {hint} {', '.join(RESULTS) if not close else 'give it as {label: …, value: …}'}",
            )
    return found
