"""`prirucka_blocks`: the blocks of crisis-interview manuals, for the web and for print.

Built on pymdownx.blocks (`/// name | title`, options as indented YAML):

- `say`, `avoid`: what to say to the child and what never to say (side by
  side when they follow each other);
- `steps`: numbered phases; `checklist`: items with checkboxes;
- `recommendation`: numbered recommendations R1, R2… with anchors `#r1`;
- `record`: a record sheet with labelled fields and writing lines;
- `contact`: an organisation's contact box;
- `case`: an anonymised case study with the standard anonymisation note.

Titles are in the page's language. Options of the extension: `lang` (the
page's language; found from the site when empty, see `page_language`),
`path` (the source file, for messages; in an MkDocs build the page's file,
else `<page>`) and `line` (the line of the file where the Markdown text
starts, after the front matter). A mistake in a block raises
`prirucka.core.errors.AuthorError` as `path:line: message` (or the subclass
given as `error_type`); see `core/blocksyntax.py` for how the line is found.
"""

from __future__ import annotations

import difflib

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from ...core.blocksyntax import OptionsError, parse_options, scan
from ...core.blocksyntax import contact_numbers as contact_numbers
from ...core.blocksyntax import recommendation_anchors as recommendation_anchors
from ...core.errors import AuthorError
from .. import page_language, page_source
from .base import PageContext
from .case import Case
from .contact import Contact
from .lists import Checklist, Steps
from .recommendation import Recommendation
from .record import Record
from .say import Avoid, PairSayAvoid, Say

BLOCKS = (Say, Avoid, Steps, Checklist, Recommendation, Record, Contact, Case)
NAMES = tuple(block.NAME for block in BLOCKS)

__all__ = [
    "NAMES",
    "PriruckaBlocksExtension",
    "contact_numbers",
    "makeExtension",
    "recommendation_anchors",
]


class _ScanOpeners(Preprocessor):
    """Before anything changes the lines: find every opener with its line and check it."""

    def __init__(
        self,
        md: Markdown,
        context: PageContext,
        manager: BlocksProcessor,
        extension: PriruckaBlocksExtension,
    ) -> None:
        super().__init__(md)
        self.context = context
        self.manager = manager
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        context = self.context
        # The page is known only now: MkDocs adds its page data after the extensions.
        context.lang = page_language(self.md, self.extension.getConfig("lang"))
        context.path = str(self.extension.getConfig("path") or "") or page_source(self.md)
        context.openers = scan(lines, context.first_line)
        for opener in context.openers:
            if opener.name not in self.manager.blocks:
                close = difflib.get_close_matches(opener.name, NAMES, n=1)
                hint = f"did you mean `/// {close[0]}`? " if close else ""
                raise context.error(
                    opener.line,
                    f"there is no block `/// {opener.name}`; {hint}"
                    f"the blocks are {', '.join(NAMES)} (a `///` example belongs in a code block)",
                )
            if opener.name not in NAMES:
                continue
            if not opener.closed:
                raise context.error(
                    opener.line,
                    f"`/// {opener.name}` is never closed; end it with a line of "
                    f"{opener.slashes} slashes (`{'/' * opener.slashes}`)",
                )
            try:
                parse_options(opener)
            except OptionsError as error:
                raise context.error(error.line, str(error)) from None
        return lines


class PriruckaBlocksExtension(BlocksExtension):
    """`prirucka_blocks`; options `lang`, `path`, `line`."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "lang": ["", "Language of the page (cs, en); found from the site when empty"],
            "path": ["", "Source file of the page, for error messages"],
            "line": [1, "Line of the source file where the Markdown text starts"],
            "error_type": ["", "The AuthorError subclass a mistake raises (default AuthorError)"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        self.context = PageContext(
            first_line=int(self.getConfig("line") or 1),
            error_type=self.getConfig("error_type") or AuthorError,
        )
        for block in BLOCKS:
            block_mgr.register(block, self.context)
        # Priority 40: before whitespace normalisation (30) and fenced code (25)
        # take lines away, so that the line numbers are the author's.
        md.preprocessors.register(
            _ScanOpeners(md, self.context, block_mgr, self), "prirucka_blocks_scan", 40
        )
        # Priority 30: after the block parser built the tree, before inline patterns (20).
        md.treeprocessors.register(PairSayAvoid(md), "prirucka_blocks_pairs", 30)

    def reset(self) -> None:
        if hasattr(self, "context"):
            self.context.openers = []


def makeExtension(**kwargs) -> PriruckaBlocksExtension:
    return PriruckaBlocksExtension(**kwargs)
