"""Links, images and headings in a page's Markdown, checked against the docs tree.

Raw HTML is judged on the rendered page (core/sanitize.py), not here.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

from markdown.extensions.toc import slugify

from .blocksyntax import recommendation_anchors
from .findings import Finding
from .mdtext import position

# [text](target "title") and ![alt](src "title"); the target may be wrapped in <>.
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
_EXPLICIT_ID = re.compile(r"(?:\{[^}]*#(?P<attr>[\w-]+)[^}]*\}|\bid=[\"'](?P<html>[^\"']+)[\"'])")
_RECOMMENDATION = re.compile(r"^///\s*recommendation\b", re.M)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


def _code_free(markdown: str) -> str:
    """The text with fenced code blocks and code spans blanked (offsets kept)."""
    lines = markdown.split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            lines[index] = " " * len(line)
        elif fenced:
            lines[index] = " " * len(line)
    text = "\n".join(lines)
    return re.sub(r"`+[^`\n]*`+", lambda m: " " * len(m.group(0)), text)


def headings(markdown: str) -> list[tuple[int, str, int]]:
    """(level, text, offset) of each ATX heading outside code."""
    text = _code_free(markdown)
    found = []
    offset = 0
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match:
            found.append((len(match.group("hashes")), match.group("text"), offset))
        offset += len(line) + 1
    return found


def anchors(markdown: str) -> set[str]:
    """Ids a link may point at: heading slugs (as MkDocs' toc makes them), explicit ids,
    and the anchors of recommendation blocks (r1, r2…, numbered as the block does)."""
    ids = set()
    seen: dict[str, int] = {}
    for _, text, _ in headings(markdown):
        slug = slugify(re.sub(r"\{[^}]*\}\s*$", "", text).strip(), "-")
        if slug in seen:  # toc numbers repeated headings: slug, slug_1, slug_2
            seen[slug] += 1
            slug = f"{slug}_{seen[slug]}"
        else:
            seen[slug] = 0
        ids.add(slug)
    for match in _EXPLICIT_ID.finditer(markdown):
        ids.add(match.group("attr") or match.group("html"))
    if _RECOMMENDATION.search(markdown):
        ids.update(recommendation_anchors(markdown))
    return ids


@cache
def _anchors_of(path: str, mtime_ns: int) -> frozenset[str]:
    from .frontmatter import read

    return frozenset(anchors(read(path).body))


def anchors_of(path: Path) -> frozenset[str]:
    return _anchors_of(str(path), path.stat().st_mtime_ns)


def check(
    shown: str,
    markdown: str,
    lang: str,
    page_path: str,
    docs_dir: Path,
    languages: list[str],
    first_line: int = 1,
    generated: set[str] = frozenset(),
) -> list[Finding]:
    """Findings about links, images and headings of one page."""
    findings: list[Finding] = []
    text = _code_free(markdown)

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
        resolved = posixpath.normpath(posixpath.join(page_dir, path))
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
        if not file.is_file():
            elsewhere = [
                code
                for code in languages
                if code != lang and (docs_dir / code / resolved).is_file()
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
        if fragment and fragment not in anchors_of(file):
            add(
                match.start(),
                "warning",
                "link-anchor",
                f"`{resolved}` has no heading or id `#{fragment}`",
                "check the heading's spelling",
            )

    levels = headings(markdown)
    h1 = [item for item in levels if item[0] == 1]
    for _, heading_text, offset in h1[1:]:
        add(
            offset,
            "warning",
            "heading-h1",
            f"a second top-level heading “{heading_text}”",
            "a page has one # heading; use ## for sections",
        )
    previous = None
    for level, heading_text, offset in levels:
        if previous is not None and level > previous + 1:
            add(
                offset,
                "warning",
                "heading-skip",
                f"heading level jumps from {previous} to {level} at “{heading_text}”",
                f"use {'#' * (previous + 1)}",
            )
        previous = level

    return findings
