"""Links, images and headings in a page's Markdown, checked against the docs tree.

Raw HTML is judged on the rendered page (core/sanitize.py), not here.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Protocol

from .blocksyntax import recommendation_anchors
from .errors import AuthorError
from .findings import Finding
from .frontmatter import Document, read
from .mdtext import code_masked, headings, position

# [text](target "title") and ![alt](src "title"); the target may be wrapped in <>.
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_EXPLICIT_ID = re.compile(r"(?:\{[^}]*#(?P<attr>[\w-]+)[^}]*\}|\bid=[\"'](?P<html>[^\"']+)[\"'])")


def anchors(markdown: str) -> set[str]:
    """Ids a link may point at: heading ids (as MkDocs' toc makes them), explicit ids,
    and the anchors of recommendation blocks (r1, r2…, numbered as the block does)."""
    ids = {heading.id for heading in headings(markdown)}
    for match in _EXPLICIT_ID.finditer(code_masked(markdown)):
        ids.add(match.group("attr") or match.group("html"))
    if "///" in markdown:
        ids.update(recommendation_anchors(markdown))
    return ids


class Pages(Protocol):
    """The pages a link may point to (the build context is one)."""

    def document(self, lang: str, path: str) -> Document | None: ...


class Folders:
    """Pages read from docs/<lang>/ as they are on disk."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir

    def document(self, lang: str, path: str) -> Document | None:
        file = self.docs_dir / lang / path
        return read(file) if file.is_file() else None


@cache
def _anchors_of_body(body: str) -> frozenset[str]:
    return frozenset(anchors(body))


def _target_anchors(pages: Pages, lang: str, path: str) -> frozenset[str] | None:
    try:
        doc = pages.document(lang, path)
    except AuthorError:
        return frozenset()  # reported for that page itself
    return None if doc is None else _anchors_of_body(doc.body)


def check(
    shown: str,
    markdown: str,
    lang: str,
    page_path: str,
    docs_dir: Path,
    languages: list[str],
    first_line: int = 1,
    generated: set[str] = frozenset(),
    pages: Pages | None = None,
) -> list[Finding]:
    """Findings about links, images and headings of one page.

    `pages` gives the text of the pages linked to (default: read from `docs_dir`).
    """
    pages = pages or Folders(docs_dir)
    findings: list[Finding] = []
    text = code_masked(markdown)

    def add(offset: int, level: str, code: str, message: str, hint: str = "") -> None:
        line, col = position(markdown, offset)
        findings.append(Finding(shown, line + first_line - 1, col, level, code, message, hint))

    page_dir = posixpath.dirname(page_path)
    for match in _LINK.finditer(text):
        target = match.group("target")
        image = bool(match.group("bang"))
        if image and not match.group("text").strip():
            add(
                match.start(),
                "warning",
                "image-alt",
                f"image `{target}` has no alt text",
                "describe what it shows in ![…] for readers who cannot see it",
            )
        if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
            continue
        path, _, fragment = target.partition("#")
        if not path:
            if fragment and fragment not in anchors(markdown):
                add(
                    match.start(),
                    "warning",
                    "link-anchor",
                    f"no heading or id `#{fragment}` on this page",
                    "check the heading's spelling",
                )
            continue
        # Compared composed (NFC): macOS writes file names decomposed.
        resolved = unicodedata.normalize("NFC", posixpath.normpath(posixpath.join(page_dir, path)))
        first = resolved.split("/")[0]
        if first == ".." and resolved.startswith("../"):
            other = resolved.split("/")[1] if "/" in resolved else ""
            if other in languages:
                add(
                    match.start(),
                    "error",
                    "link-cross-language",
                    f"`{target}` points into the {other} folder",
                    "link to the page in this language by its path; readers switch languages with the switcher",
                )
                continue
        file = docs_dir / lang / resolved
        if image or not path.endswith(".md"):
            shared = (
                (docs_dir / resolved.split("../", 1)[-1])
                if resolved.startswith("../")
                else docs_dir / resolved
            )
            candidates = [
                file,
                *(docs_dir / code / resolved for code in languages),
                shared,
                docs_dir / lang / ".." / resolved,
            ]
            if not any(c.resolve().is_file() for c in candidates):
                add(
                    match.start(),
                    "error",
                    "image-missing" if image else "link-missing",
                    f"`{target}` does not exist",
                    "check the path; images live in docs/assets/",
                )
            continue
        if resolved in generated:
            continue  # made by the build (glossary, catalogue, status page…)
        target_anchors = _target_anchors(pages, lang, resolved)
        if target_anchors is None:
            elsewhere = [
                code
                for code in languages
                if code != lang and _target_anchors(pages, code, resolved) is not None
            ]
            if elsewhere:
                add(
                    match.start(),
                    "info",
                    "link-untranslated",
                    f"`{target}` exists only in {', '.join(elsewhere)}; readers get the original with a notice",
                )
            else:
                add(
                    match.start(),
                    "error",
                    "link-missing",
                    f"`{target}` does not exist in docs/{lang}/",
                    "check the path, or create the page",
                )
            continue
        if fragment and fragment not in target_anchors:
            add(
                match.start(),
                "warning",
                "link-anchor",
                f"`{resolved}` has no heading or id `#{fragment}`",
                "check the heading's spelling",
            )

    levels = headings(markdown)
    for heading in [h for h in levels if h.level == 1][1:]:
        add(
            heading.offset,
            "warning",
            "heading-h1",
            f"a second top-level heading “{heading.text}”",
            "a page has one # heading; use ## for sections",
        )
    previous = None
    for heading in levels:
        if previous is not None and heading.level > previous + 1:
            add(
                heading.offset,
                "warning",
                "heading-skip",
                f"heading level jumps from {previous} to {heading.level} at “{heading.text}”",
                f"use {'#' * (previous + 1)}",
            )
        previous = heading.level

    return findings
