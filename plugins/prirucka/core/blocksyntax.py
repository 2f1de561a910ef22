"""Where the `///` blocks of a page are, read from the Markdown source itself.

Python-Markdown's block parser works on text without line numbers, so a
preprocessor (see `__init__.py`) calls `scan()` on the lines of the page
before anything else changes them. The scan finds every block opener outside
fenced code and HTML comments, with its line, name, slash count, argument and
raw options. A block later matches its opener by (name, slashes, argument), in
order: the first opener with the same key not yet claimed. This stays right
when other extensions' blocks are skipped or fail, and it needs nothing from
the parser's internals.

Everything here is pure (core/): `contact_numbers()` and `recommendation_anchors()`
use the same scan for the privacy and link checks.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml

# The opener as pymdownx.blocks reads it (RE_START), for one line.
_OPENER = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
_CLOSER = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
# Block quotes and list markers before a block: `> /// say`, `- /// say` is not a block.
_QUOTE = re.compile(r"^[ ]*(?:>[ ]?)+")


@dataclass
class Opener:
    """A `/// name | argument` line and the option lines under it."""

    line: int  # 1-based, counted in the text given to scan() plus `first_line - 1`
    name: str
    slashes: int
    argument: str | None
    indent: int
    options_text: str = ""
    options_line: int = 0  # line of the first option
    closed: bool = False
    claimed: bool = field(default=False, compare=False)

    @property
    def key(self) -> tuple[str, int, str | None]:
        return (self.name, self.slashes, normalise_argument(self.argument))


def normalise_argument(argument: str | None) -> str | None:
    """Arguments compared whatever the spacing (tabs, non-breaking spaces)."""
    if argument is None:
        return None
    return " ".join(argument.split())


def _strip_container(line: str) -> tuple[str, int]:
    """The line without block-quote markers, and its indentation."""
    match = _QUOTE.match(line)
    if match:
        line = line[match.end() :]
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" ")
    return stripped, len(expanded) - len(stripped)


def scan(lines: list[str], first_line: int = 1) -> list[Opener]:
    """Every block opener in `lines` outside fenced code and HTML comments."""
    openers: list[Opener] = []
    open_stack: list[Opener] = []
    fence: tuple[str, int] | None = None  # (character, length) of the open code fence
    in_comment = False
    index = 0
    while index < len(lines):
        raw = lines[index]
        text, indent = _strip_container(raw)
        number = index + first_line
        index += 1
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if fence is not None:
            match = _FENCE.match(text)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= fence[1]:
                if not text[len(match.group(1)) :].strip():
                    fence = None
            continue
        match = _FENCE.match(text)
        if match:
            fence = (match.group(1)[0], len(match.group(1)))
            continue
        if text.startswith("<!--") and "-->" not in text:
            in_comment = True
            continue
        closer = _CLOSER.match(text)
        if closer:
            slashes = len(closer.group(1))
            for position in range(len(open_stack) - 1, -1, -1):
                if open_stack[position].slashes == slashes:
                    open_stack[position].closed = True
                    del open_stack[position:]
                    break
            continue
        opener = _OPENER.match(text)
        if not opener:
            continue
        found = Opener(
            line=number,
            name=opener.group(2).lower(),
            slashes=len(opener.group(1)),
            argument=opener.group(3),
            indent=indent,
        )
        # Options: the following lines indented four spaces more than the opener's
        # container (a top-level opener may itself be indented up to three spaces).
        options: list[str] = []
        while index < len(lines):
            option, option_indent = _strip_container(lines[index])
            if not option.strip() or option_indent < indent - indent % 4 + 4:
                break
            options.append(" " * option_indent + option.rstrip())
            index += 1
        if options:
            found.options_text = textwrap.dedent("\n".join(options))
            found.options_line = found.line + 1
        openers.append(found)
        open_stack.append(found)
    return openers


class OptionsError(ValueError):
    """The option lines of a block are not a YAML mapping; `line` is where."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_options(opener: Opener) -> dict[str, Any]:
    """The options of a block as pymdownx.blocks reads them (YAML), or OptionsError."""
    if not opener.options_text.strip():
        return {}
    try:
        data = yaml.safe_load(opener.options_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = opener.options_line + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise OptionsError(
            line,
            f"the options of `/// {opener.name}` are not valid YAML ({problem}); "
            "write one `key: value` per line, indented by four spaces",
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise OptionsError(
            opener.options_line,
            f"the options of `/// {opener.name}` must be `key: value` lines indented by four "
            "spaces, e.g. `    id: R3`",
        )
    for key in data:
        if not isinstance(key, str):
            raise OptionsError(
                opener.options_line,
                f"the options of `/// {opener.name}` are named by words, not `{key}`",
            )
    return data


def contact_numbers(markdown_text: str) -> list[str]:
    """The phone numbers declared in the page's `contact` blocks, as written, in order.

    These are the organisation's own numbers, which a privacy check must not
    report as personal data. Blocks whose options cannot be read are skipped:
    the build reports them.
    """
    numbers: list[str] = []
    for opener in scan(markdown_text.split("\n")):
        if opener.name != "contact":
            continue
        try:
            phones = parse_options(opener).get("phone")
        except OptionsError:
            continue
        if phones is None:
            continue
        for phone in phones if isinstance(phones, list) else [phones]:
            if isinstance(phone, (str, int)) and not isinstance(phone, bool):
                numbers.append(str(phone).strip())
    return numbers


# --- recommendations: R1, R2… and their anchors (the block and the link check agree) ---

_RECOMMENDATION_ID = re.compile(r"^[Rr]\s*(\d{1,4})$")


def recommendation_id(value: Any) -> int:
    """`R3`, `r3` or `3` -> 3."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return value
    match = _RECOMMENDATION_ID.match(str(value).strip()) if isinstance(value, str) else None
    if match and int(match.group(1)) >= 1:
        return int(match.group(1))
    raise ValueError(f"must be R and a number, e.g. `id: R3`, not `{value}`")


def anchor(number: int) -> str:
    return f"r{number}"


def recommendation_anchors(markdown_text: str) -> list[str]:
    """The anchors (`r1`, `r7`…) the page's recommendations get, in order, without rendering.

    For link checks: the same numbering as the block. Recommendations whose
    options cannot be read are skipped (the build reports them).
    """
    used: list[int] = []
    for opener in scan(markdown_text.split("\n")):
        if opener.name != "recommendation":
            continue
        try:
            written = parse_options(opener).get("id")
            number = max(used, default=0) + 1 if written is None else recommendation_id(written)
        except (OptionsError, ValueError):
            continue
        if number not in used:
            used.append(number)
    return [anchor(number) for number in used]
