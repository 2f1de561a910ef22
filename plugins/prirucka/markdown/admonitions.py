"""Default admonition and details titles in the page's language.

Python-Markdown titles an untitled `!!! note` "Note" (the type, capitalised).
On a Czech page that must read "Poznámka", on the web and in print alike, so
this runs as a treeprocessor after the admonition and details extensions; a
line-based rewrite would also change `!!! note` shown inside code blocks.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from . import page_language

# Material's admonition types and their aliases -> the title for each language.
_TITLES: dict[str, dict[str, str]] = {
    "cs": {
        "note": "Poznámka",
        "abstract": "Shrnutí",
        "summary": "Shrnutí",
        "tldr": "Shrnutí",
        "info": "Informace",
        "todo": "Úkol",
        "tip": "Tip",
        "hint": "Rada",
        "important": "Důležité",
        "success": "Úspěch",
        "check": "Ověřeno",
        "done": "Hotovo",
        "question": "Otázka",
        "help": "Nápověda",
        "faq": "Časté otázky",
        "warning": "Upozornění",
        "caution": "Pozor",
        "attention": "Pozor",
        "failure": "Neúspěch",
        "fail": "Selhání",
        "missing": "Chybí",
        "danger": "Nebezpečí",
        "error": "Chyba",
        "bug": "Chyba",
        "example": "Příklad",
        "quote": "Citace",
        "cite": "Citace",
        "seealso": "Viz také",
    },
    "en": {"tldr": "TL;DR", "faq": "FAQ", "seealso": "See also"},
}


def default_title(kind: str, lang: str) -> str:
    """The title an untitled admonition of `kind` gets on a page in `lang`."""
    return _TITLES.get(lang, {}).get(kind, kind.capitalize())


class _AdmonitionTitles(Treeprocessor):
    def __init__(self, md: Markdown, extension: AdmonitionTitlesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        lang = page_language(self.md, self.extension.getConfig("lang"))
        for element in root.iter():
            classes = (element.get("class") or "").split()
            if element.tag == "div" and "admonition" in classes:
                title = next((c for c in element if c.get("class") == "admonition-title"), None)
            elif element.tag == "details":
                title = next((c for c in element if c.tag == "summary"), None)
            else:
                continue
            if title is None or len(title):
                continue  # no title, or one with markup: the author wrote it
            kinds = [c for c in classes if c != "admonition"]
            for kind in kinds:
                # Only the generated default ("Note") is replaced, never an author's title.
                if (title.text or "").strip() == kind.capitalize():
                    title.text = default_title(kind, lang)
                    break


class AdmonitionTitlesExtension(Extension):
    """`prirucka_admonitions`: translate default admonition titles; option `lang` (see
    `page_language` for the language when it is not set)."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "lang": ["", "Language of the page (cs, en); found from the site when empty"]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 6.9: after the block parser and inline patterns (20), so titles exist;
        # before the glossary (6.5) and typography (6), so a title gets both.
        md.treeprocessors.register(_AdmonitionTitles(md, self), "prirucka_admonitions", 6.9)


def makeExtension(**kwargs) -> AdmonitionTitlesExtension:
    return AdmonitionTitlesExtension(**kwargs)
