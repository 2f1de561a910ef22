"""What every Příručka block shares: author errors with lines, titles, options.

pymdownx.blocks leaves a block with a bad argument or option as plain text
and says nothing. Ours raise `AuthorError(path, line, message)` instead: the
line comes from the opener the block claims in the page's scan (`source.py`).
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pymdownx.blocks.block import Block, type_html_attribute_dict

from ...core import languages
from ...core.blocksyntax import Opener, normalise_argument
from ...core.errors import AuthorError

UNKNOWN_PATH = "<page>"


@dataclass
class PageContext:
    """One extension's view of the page being converted."""

    lang: str = "en"
    path: str = ""
    first_line: int = 1
    openers: list[Opener] = field(default_factory=list)
    # What a mistake raises: AuthorError, or a subclass the host program knows
    # how to report (the site passes one that MkDocs treats as a build error).
    error_type: type[AuthorError] = AuthorError

    def claim(self, name: str, slashes: int, argument: str | None) -> Opener | None:
        """The first unclaimed opener of this block in the page, if the scan saw it."""
        key = (name, slashes, normalise_argument(argument))
        for opener in self.openers:
            if not opener.claimed and opener.key == key:
                opener.claimed = True
                return opener
        return None

    def error(self, line: int | None, message: str) -> AuthorError:
        return self.error_type(self.path or UNKNOWN_PATH, line, message)

    def text(self, key: str) -> str:
        lang = self.lang if self.lang in languages.SUPPORTED else "en"
        return languages.text(lang, key)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    return f"`{value}`"


# Option validators: return the value, or raise ValueError with the rest of a
# sentence that starts "option `key` …".


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"must be `true` or `false`, not {_shown(value)}")


def text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"must be a text, not {_shown(value)}")
    value = str(value).strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def texts(value: Any) -> list[str]:
    """One text or a list of them: `phone: 112` or `phone: [112, 158]`."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError("must not be an empty list")
    try:
        return [text(item) for item in items]
    except ValueError as error:
        raise ValueError(f"must be a text or a list of texts ({error})") from None


def whole_number(minimum: int, maximum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                f"must be a whole number from {minimum} to {maximum}, not {_shown(value)}"
            )
        if not minimum <= value <= maximum:
            raise ValueError(f"must be from {minimum} to {maximum}, not {value}")
        return value

    return check


class PriruckaBlock(Block):
    """A block with a title in the page's language and errors for authors."""

    NAME = ""
    # True: the argument (`/// name | argument`) is required; None: optional; False: none.
    ARGUMENT: bool | None = None
    # name -> (default, validator); `attrs` (pymdownx) is added by Block.
    OPTIONS: dict[str, tuple[Any, Callable[[Any], Any]]] = {}
    REQUIRED: tuple[str, ...] = ()
    # What a correct opener looks like, for the messages.
    EXAMPLE = ""

    def on_init(self) -> None:
        self.context: PageContext = self.config
        self.line: int | None = None

    # -- validation ------------------------------------------------------------

    def fail(self, message: str) -> AuthorError:
        """An author error about this block, on the line of its opener."""
        return self.context.error(self.line, f"`/// {self.NAME}`: {message}")

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        opener = self.context.claim(self.NAME, self.length, arg)
        self.line = opener.line if opener else None
        if self.ARGUMENT is True and not (arg or "").strip():
            raise self.fail(f"needs a title after `|`, e.g. `{self.EXAMPLE.splitlines()[0]}`")
        if self.ARGUMENT is False and arg:
            raise self.fail(f"takes no title after `|`; write `/// {self.NAME}` alone on the line")
        self.argument = arg.strip() if arg else None
        spec = self.option_spec
        parsed = {name: default for name, (default, _) in spec.items()}
        for name, value in options.items():
            if name not in spec:
                raise self.fail(self._unknown_option(name))
            validate = spec[name][1]
            if validate is type_html_attribute_dict:
                try:
                    parsed[name] = validate(value)
                except ValueError as error:
                    raise self.fail(f"option `attrs`: {error}") from None
                continue
            try:
                parsed[name] = validate(value)
            except ValueError as error:
                raise self.fail(f"option `{name}` {error}") from None
        missing = [name for name in self.REQUIRED if name not in options]
        if missing:
            names = ", ".join(f"`{name}`" for name in missing)
            example = next(
                line.strip() for line in self.EXAMPLE.splitlines() if line.startswith("    ")
            )
            raise self.fail(
                f"needs {names}, indented by four spaces under the opening line, e.g. `{example}`"
            )
        self.options = parsed
        self.check()
        return True

    def _unknown_option(self, name: str) -> str:
        known = [n for n in self.OPTIONS]
        close = difflib.get_close_matches(str(name).lower(), known, n=1)
        if close:
            return f"has no option `{name}`; did you mean `{close[0]}`?"
        if known:
            listed = ", ".join(f"`{n}`" for n in known)
            return f"has no option `{name}`; its options are {listed}"
        return f"has no option `{name}`; it takes none"

    def check(self) -> None:
        """Block-specific checks of the argument and options together."""

    # -- building ---------------------------------------------------------------

    def on_create(self, parent: etree.Element) -> etree.Element:
        """The block's container with its title in the page's language."""
        block = self.container(parent)
        self.title(block)
        return block

    def container(self, parent: etree.Element, tag: str = "div") -> etree.Element:
        return etree.SubElement(parent, tag, {"class": f"prirucka-block prirucka-{self.NAME}"})

    def title(
        self, block: etree.Element, kind: str | None = None, name: str | None = None
    ) -> etree.Element:
        """`<p class="prirucka-block__title">`: the kind in the page's language, then the name."""
        title = etree.SubElement(block, "p", {"class": "prirucka-block__title"})
        label = etree.SubElement(title, "span", {"class": "prirucka-block__kind"})
        label.text = kind if kind is not None else self.context.text(f"block.{self.NAME}")
        name = self.argument if name is None else name
        if name:
            label.tail = " "
            span = etree.SubElement(title, "span", {"class": "prirucka-block__name"})
            span.text = name
        return title
