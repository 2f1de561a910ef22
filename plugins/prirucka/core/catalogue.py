"""The knowledge base across pages: links between them, related documents, overviews."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .documents import Page
from .mdtext import prose
from .schema import RESULTS

_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
Key = tuple[str, str]  # (language, path)


def links_of(page: Page) -> list[str]:
    """Pages (paths in the same language folder) that `page` links to."""
    # Code is masked first: a link shown as an example is not a link.
    masked = prose(page.body)
    targets = []
    for match in _LINK.finditer(page.body):
        if masked[match.start()] == " ":
            continue
        href = match.group(1).split("#", 1)[0]
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href) or not href.endswith(".md"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), href))
        targets.append(target)
    return targets


def backlinks(pages: list[Page]) -> dict[Key, list[Key]]:
    """For each page, the pages of the same language that link to it."""
    known = {(p.lang, p.path) for p in pages}
    result: dict[Key, list[Key]] = defaultdict(list)
    for page in pages:
        for target in dict.fromkeys(links_of(page)):
            key = (page.lang, target)
            if key in known and target != page.path:
                result[key].append((page.lang, page.path))
    return result


def related(pages: list[Page], limit: int = 5) -> dict[Key, list[Key]]:
    """Documents sharing tags or a project with each page (same language), best first."""
    result: dict[Key, list[Key]] = {}
    by_lang: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_lang[page.lang].append(page)
    for lang, group in by_lang.items():
        for page in group:
            scores = []
            for other in group:
                if other is page or other.meta.type == "page":
                    continue
                score = len(set(page.meta.tags) & set(other.meta.tags))
                if page.meta.project and (page.meta.project in (other.meta.project, other.path)):
                    score += 3
                if other.meta.project and other.meta.project == page.path:
                    score += 3
                if score:
                    scores.append((-score, other.meta.title, other.path))
            result[(lang, page.path)] = [(lang, path) for _, _, path in sorted(scores)[:limit]]
    return result


@dataclass
class ProjectSummary:
    by_region: dict[str, list[Page]]
    by_target_group: dict[str, list[Page]]
    totals: dict[str, float]  # RESULTS key -> sum over projects
    counted: dict[str, int]  # RESULTS key -> how many projects report it


def projects(pages: list[Page], lang: str) -> ProjectSummary:
    chosen = [p for p in pages if p.lang == lang and p.meta.type == "project"]
    by_region: dict[str, list[Page]] = defaultdict(list)
    by_group: dict[str, list[Page]] = defaultdict(list)
    totals: dict[str, float] = defaultdict(float)
    counted: dict[str, int] = defaultdict(int)
    for page in chosen:
        for region in page.meta.extra.get("region", []):
            by_region[region].append(page)
        for group in page.meta.extra.get("target_groups", []):
            by_group[group].append(page)
        for result in page.meta.results:
            if result.key:
                totals[result.key] += result.value
                counted[result.key] += 1
    ordered_totals = {key: totals[key] for key in RESULTS if key in totals}
    return ProjectSummary(dict(by_region), dict(by_group), ordered_totals, dict(counted))


@dataclass
class Entry:
    """One document as readers count it: its main page and the chapters printed with it."""

    page: Page
    chapters: list[Page]


def document_entries(
    pages: list[Page], order: Callable[[Page], float] = lambda page: float("inf")
) -> list[Entry]:
    """`pages` (of one language and kind) grouped into documents as readers understand them.

    The pages printed in one publication (the same `publication:`) are one
    document, led by the shallowest index.md among them (or the first by
    `order`, the pages' `order:`); its other pages are its chapters, in that
    order. Every other page is a document of its own.
    """

    def lead_key(page: Page) -> tuple:
        return (page.path.count("/"), not page.path.endswith("index.md"), order(page), page.path)

    groups: dict[str, list[Page]] = defaultdict(list)
    entries: list[Entry] = []
    for page in pages:
        publication = page.meta.extra.get("publication")
        if publication:
            groups[publication].append(page)
        else:
            entries.append(Entry(page, []))
    for members in groups.values():
        lead = min(members, key=lead_key)
        rest = sorted((p for p in members if p is not lead), key=lambda p: lead_key(p)[2:])
        entries.append(Entry(lead, rest))
    return entries
