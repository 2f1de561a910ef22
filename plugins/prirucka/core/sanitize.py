"""What HTML and SVG may reach readers: an allow-list judged on the rendered page.

A page's HTML (as Markdown and our extensions render it) is parsed with an
HTML5 parser (tinyhtml5), so entities are decoded as a browser decodes them
(`jav&#x61;script:` is `javascript:`). Every element, attribute and URL scheme
outside the allow-list is a `Problem` that says what, on which element, why,
and what to do. A page with problems is cleaned by nh3 (the Ammonia
sanitizer) with the very same allow-list; a page without any is returned
exactly as it came. `may_be_unsafe()` tells `prirucka check` which pages need
rendering at all, and `svg_problems()` judges SVG files (parsed as XML by
defusedxml: no entity expansion, no external DTD).
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as defused
import nh3
import tinyhtml5
from defusedxml import DefusedXmlException, EntitiesForbidden

from .findings import Finding
from .mdtext import code_masked

# ---------------------------------------------------------------- the allow-list

# Elements of page content. Names are matched without their namespace, as nh3
# does; the SVG names keep their case, as HTML parsers give them.
HTML_ELEMENTS = frozenset(
    """a abbr address article aside audio b bdi bdo blockquote br button caption cite code col
    colgroup data dd del details dfn div dl dt em figcaption figure footer form h1 h2 h3 h4
    h5 h6 header hr i img input ins kbd label li mark nav ol p picture pre q rp rt ruby s
    samp section small source span strong sub summary sup table tbody td tfoot th thead
    time title tr track u ul var video wbr""".split()
)
SVG_ELEMENTS = frozenset(
    """svg g defs desc symbol use path rect circle ellipse line polyline polygon text
    tspan textPath linearGradient radialGradient stop clipPath mask pattern marker
    image""".split()
)
ELEMENTS = HTML_ELEMENTS | SVG_ELEMENTS

# Removed together with their content (code, embedded documents, head elements).
REMOVED_WITH_CONTENT = frozenset(
    """script style iframe frame frameset object embed applet noscript noembed noframes
    template textarea select xmp plaintext foreignObject math base meta link""".split()
)

GLOBAL_ATTRIBUTES = frozenset(
    "id class title lang dir style role tabindex hidden translate".split()
)
GENERIC_PREFIXES = ("data-", "aria-")
_SVG_ATTRIBUTES = frozenset(
    """xmlns viewBox width height x y x1 x2 y1 y2 cx cy r rx ry dx dy d points
    transform fill fill-opacity fill-rule clip-rule stroke stroke-width stroke-opacity
    stroke-linecap stroke-linejoin stroke-dasharray stroke-dashoffset stroke-miterlimit
    opacity font-family font-size font-weight font-style text-anchor dominant-baseline
    alignment-baseline letter-spacing word-spacing text-decoration visibility display
    preserveAspectRatio focusable version offset stop-color stop-opacity gradientUnits
    gradientTransform spreadMethod fx fy fr clip-path clipPathUnits mask maskUnits
    maskContentUnits patternUnits patternContentUnits patternTransform markerWidth
    markerHeight markerUnits refX refY orient marker-start marker-mid marker-end
    vector-effect shape-rendering paint-order href startOffset textLength lengthAdjust
    pathLength""".split()
)
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset("href hreflang rel target download type".split()),
    "img": frozenset("src alt width height loading decoding srcset sizes".split()),
    "source": frozenset("src srcset sizes type media".split()),
    "video": frozenset("src poster controls width height preload muted loop playsinline".split()),
    "audio": frozenset("src controls preload muted loop".split()),
    "track": frozenset("src kind srclang label default".split()),
    "ol": frozenset("start reversed type".split()),
    "li": frozenset(["value"]),
    "td": frozenset("colspan rowspan headers align".split()),
    "th": frozenset("colspan rowspan headers align scope abbr".split()),
    "col": frozenset(["span"]),
    "colgroup": frozenset(["span"]),
    "blockquote": frozenset(["cite"]),
    "q": frozenset(["cite"]),
    "del": frozenset("cite datetime".split()),
    "ins": frozenset("cite datetime".split()),
    "time": frozenset(["datetime"]),
    "data": frozenset(["value"]),
    "details": frozenset(["open"]),
    "label": frozenset(["for"]),
    # Checkboxes only (nh3 sets type="checkbox" on every <input>); no text fields.
    "input": frozenset("type checked disabled name value".split()),
    # A container for checklists: no action, method or target, so nothing is sent.
    "form": frozenset(),
    # Buttons that do nothing on their own (type="button"; the site's script acts on
    # their data-* attributes, e.g. a record sheet's "print this sheet").
    "button": frozenset(["type"]),
    **{name: _SVG_ATTRIBUTES for name in SVG_ELEMENTS},
}
URL_ATTRIBUTES = frozenset("href src cite poster".split())
SCHEMES = frozenset("http https mailto tel".split())
# data: URLs only for raster images, only where an image is loaded.
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp|avif|bmp)[;,]", re.I)
_DATA_IMAGE_PLACES = {("img", "src"), ("img", "srcset"), ("source", "srcset"), ("image", "href")}

# Inline styles: layout and colour only; nothing that loads a file or covers the page.
STYLE_PROPERTIES = frozenset(
    """text-align vertical-align width height min-width max-width min-height max-height
    color background-color font-weight font-style font-size font-variant text-decoration
    text-transform text-indent white-space line-height letter-spacing word-spacing hyphens
    margin margin-top margin-right margin-bottom margin-left padding padding-top
    padding-right padding-bottom padding-left border border-top border-right border-bottom
    border-left border-color border-style border-width border-radius border-collapse
    border-spacing float clear display list-style-type caption-side table-layout opacity
    break-before break-after break-inside page-break-before page-break-after
    page-break-inside fill stroke stroke-width""".split()
)
_STYLE_FUNCTIONS = frozenset("rgb rgba hsl hsla calc min max clamp var".split())
_FUNCTION = re.compile(r"([a-z-]+)\s*\(", re.I)

# C0 control characters (all but tab, line feed, carriage return) and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_SPACE = "".join(chr(code) for code in range(0x21))


# ---------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """One thing outside the allow-list, found in a page's rendered HTML."""

    what: str  # "an event handler `onclick` on <p>"
    reason: str  # "would run code in readers' browsers; it is removed"
    hint: str  # what to do instead
    needles: tuple[str, ...]  # texts that find the source line, most precise first

    @property
    def message(self) -> str:
        return f"{self.what} in the page {self.reason}"


@dataclass(frozen=True)
class Cleaned:
    html: str
    problems: list[Problem]


_SCRIPT_HINT = "remove it; pages may not run code"
_URL_HINT = "link to a page, a web address (https://…), an e-mail (mailto:) or a phone (tel:)"


def _article(name: str) -> str:
    return "an" if name[:1].lower() in "aeiou" else "a"


_EMBEDS = ("embeds another page or program", "link to it instead: [text](https://…)")
_FORMS = ("could collect readers' data", "link to the organisation's own form instead")
_MARKDOWN_HINT = "use Markdown: a link, an image, a table or an admonition"
# Element -> (why it may not be in a page, what to do instead).
_ELEMENT_REASONS = {
    "script": ("would run code in readers' browsers", _SCRIPT_HINT),
    **dict.fromkeys("iframe frame frameset object embed applet noembed noframes".split(), _EMBEDS),
    "base": ("would change where every link of the page leads", "remove it"),
    "meta": (
        "can send readers to another site or change the page",
        "remove it; the page's title and description belong in the front matter",
    ),
    "link": ("loads files from elsewhere", "remove it; link to pages with [text](address)"),
    "style": ("would restyle the whole site", "use a class the theme defines, or ask for one"),
    **dict.fromkeys("select textarea fieldset option output".split(), _FORMS),
    "foreignObject": (
        "carries HTML inside an SVG image",
        "draw the image with SVG shapes and text only",
    ),
}


def _element_problem(name: str) -> Problem:
    what = f"{_article(name)} <{name}>" + (" element" if name == "script" else "")
    if name in _ELEMENT_REASONS:
        reason, hint = _ELEMENT_REASONS[name]
        return Problem(what, f"{reason}; it is removed", hint, (f"<{name}",))
    if name in REMOVED_WITH_CONTENT:
        reason = "is not allowed in pages; it is removed with its content"
    else:
        reason = "is not among the elements a page may use; the tag is removed, its text kept"
    return Problem(what, reason, _MARKDOWN_HINT, (f"<{name}",))


def _attribute_problem(element: str, name: str) -> Problem:
    needles = (f"{name}=", name)
    if name.lower().startswith("on"):
        what = f"an event handler `{name}` on <{element}>"
        reason, hint = (
            "would run code in readers' browsers",
            "remove the attribute; pages may not run code",
        )
    elif element in ("html", "body", "head"):
        what = f"the attribute `{name}` for the page's <{element}>"
        reason, hint = "would change the whole page", "remove it"
    elif name in ("action", "formaction", "method", "enctype", "target") and element == "form":
        what = f"the attribute `{name}` on <form>"
        reason, hint = _FORMS[0] + " and send it elsewhere", _FORMS[1]
    else:
        what = f"the attribute `{name}` on <{element}>"
        reason, hint = "is not among the attributes a page may use", "remove it"
    return Problem(what, f"{reason}; it is removed", hint, needles)


def _url_needles(value: str, scheme: str) -> tuple[str, ...]:
    squeezed = re.sub(r"\s+", "", value)
    head = re.split(r"\s", value.strip(), maxsplit=1)[0] if value.strip() else value
    return tuple(dict.fromkeys(n for n in (value, squeezed, head, f"{scheme}:", scheme) if n))


def _url_scheme(value: str) -> str | None:
    """The scheme a browser sees in a URL (after removing what browsers ignore), or None."""
    cleaned = re.sub(r"[\t\n\r]", "", value.strip(_C0_SPACE))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def _url_problem(element: str, attribute: str, value: str) -> Problem | None:
    for candidate in _urls(attribute, value):
        scheme = _url_scheme(candidate)
        if scheme is None or scheme in SCHEMES:
            continue
        if scheme == "data":
            stripped = re.sub(r"[\t\n\r]", "", candidate.strip(_C0_SPACE))
            if (element, attribute) in _DATA_IMAGE_PLACES and _DATA_IMAGE.match(stripped):
                continue
            reason = "is allowed only for images (PNG, JPEG, GIF, WebP)"
            hint = "put the file in docs/assets/ and link to it"
        elif scheme in ("javascript", "vbscript", "livescript"):
            reason, hint = "would run code when a reader opens it", _URL_HINT
        else:
            reason = "is not a web (http, https), e-mail (mailto) or phone (tel) address"
            hint = _URL_HINT
        return Problem(
            f"a `{scheme}:` address in `{attribute}` of <{element}>",
            f"{reason}; it is removed",
            hint,
            _url_needles(candidate, scheme),
        )
    return None


def _urls(attribute: str, value: str) -> list[str]:
    if attribute == "srcset":
        # "a.png 1x, b.png 2x": every URL; a data: URL's own comma splits it harmlessly.
        return [item.strip().split()[0] for item in value.split(",") if item.strip()]
    return [value]


def _style(value: str) -> tuple[str, list[str]]:
    """The declarations of a style attribute that may stay, and the ones that may not."""
    kept, refused = [], []
    for declaration in value.split(";"):
        if not declaration.strip():
            continue
        prop, colon, rest = declaration.partition(":")
        prop = prop.strip().lower()
        functions = {name.lower() for name in _FUNCTION.findall(rest)}
        if (
            colon
            and prop in STYLE_PROPERTIES
            and functions <= _STYLE_FUNCTIONS
            and not re.search(r"[\\<>@]|/\*|url|expression|javascript", rest, re.I)
            and not re.search(
                r"(?:^|[\s(,])-\s*[\d.]", rest
            )  # negative margins move it over the page
        ):
            kept.append(declaration)
        else:
            refused.append(declaration.strip())
    return ";".join(kept) + (";" if kept and value.rstrip().endswith(";") else ""), refused


def _style_problem(element: str, declaration: str) -> Problem:
    prop, _, value = declaration.partition(":")
    prop = prop.strip()
    if prop.lower() not in STYLE_PROPERTIES:
        reason = f"`{prop}` is not among the styles a page may use (it could cover the page)"
    elif re.search(r"(?:^|[\s(,])-\s*[\d.]", value):
        reason = "a negative value could move the text over the rest of the page"
    else:
        reason = "the value could load a file from elsewhere or hide code"
    return Problem(
        f"the style `{declaration}` on <{element}>",
        f"{reason}; it is removed",
        "use a class the theme defines, or ask for one",
        tuple(dict.fromkeys(n for n in (declaration, prop, "style=", "style") if n)),
    )


def _allowed_attribute(element: str, name: str) -> bool:
    return (
        name in GLOBAL_ATTRIBUTES
        or name in ATTRIBUTES.get(element, ())
        or name.startswith(GENERIC_PREFIXES)
    )


def _judge_attribute(element: str, name: str, value: str) -> tuple[str | None, list[Problem]]:
    """(the value to keep or None, the problems) of one allowed attribute."""
    if name == "style":
        kept, refused = _style(value)
        return (kept or None), [_style_problem(element, d) for d in refused]
    if name in URL_ATTRIBUTES or name == "srcset":
        problem = _url_problem(element, name, value)
        return (None, [problem]) if problem else (value, [])
    if element == "input" and name == "type" and value.strip().lower() != "checkbox":
        return "checkbox", [_input_problem(value)]
    if element == "button" and name == "type" and value.strip().lower() != "button":
        return "button", [_button_problem(value)]
    if element in SVG_ELEMENTS and "url(" in value.replace(" ", "").lower():
        if not re.fullmatch(r"\s*url\(\s*['\"]?#[^)]*\)\s*", value):
            return None, [_svg_reference_problem(element, name, value)]
    return value, []


def _input_problem(kind: str) -> Problem:
    return Problem(
        f'an <input type="{kind}">',
        "could collect readers' data; only checkboxes are allowed, so it becomes one",
        "link to the organisation's own form instead",
        (f'type="{kind}"', f"type={kind}", "<input"),
    )


def _button_problem(kind: str) -> Problem:
    return Problem(
        f'a <button type="{kind}">',
        "could send a form; only plain buttons are allowed, so it becomes one",
        "link to the organisation's own form instead",
        (f'type="{kind}"', f"type={kind}", "<button"),
    )


def _svg_reference_problem(element: str, name: str, value: str) -> Problem:
    return Problem(
        f"a reference `{value.strip()}` in `{name}` of <{element}>",
        "loads something from outside the image; it is removed",
        "refer only to parts of the same image: url(#id)",
        (value.strip(), name),
    )


# ---------------------------------------------------------------- judging a page


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1] if name.startswith("{") else name


def _walk(root, problems: list[Problem]) -> None:
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue  # a comment: kept, browsers show nothing of it
        name = _local(element.tag)
        if name in ("html", "head", "body"):
            # Only attributes the page's content smuggled onto the whole page.
            problems.extend(_attribute_problem(name, _local(a)) for a in element.attrib)
        elif name not in ELEMENTS:
            problems.append(_element_problem(name))
            if name in REMOVED_WITH_CONTENT:
                continue
        else:
            if name == "input" and "type" not in element.attrib:
                problems.append(_input_problem("text"))
            if name == "button" and "type" not in element.attrib:
                problems.append(_button_problem("submit"))  # a button's default type
            for attribute, value in element.attrib.items():
                local = _local(attribute)
                if attribute.startswith("{http://www.w3.org/2000/xmlns/}") and name == "svg":
                    continue  # xmlns:xlink on inline SVG
                if not _allowed_attribute(name, local):
                    problems.append(_attribute_problem(name, local))
                    continue
                problems.extend(_judge_attribute(name, local, value)[1])
        stack.extend(reversed(list(element)))


def problems(html: str) -> list[Problem]:
    """Everything in `html` (a page's content) that is outside the allow-list."""
    found = [_control_problem(char) for char in dict.fromkeys(_CONTROL.findall(html))]
    document = tinyhtml5.parse(
        "<!DOCTYPE html><html><head></head><body>" + _CONTROL.sub("", html),
        namespace_html_elements=False,
    )
    _walk(document, found)
    return found


def _control_problem(char: str) -> Problem:
    return Problem(
        f"an invisible control character U+{ord(char):04X}",
        "can break the page; it is removed",
        "delete it; it often comes with text copied from another program",
        (char,),
    )


def _nh3_filter(element: str, attribute: str, value: str) -> str | None:
    return _judge_attribute(element, attribute, value)[0]


@lru_cache(maxsize=1)
def _cleaner_options() -> dict:
    return {
        "tags": set(ELEMENTS),
        "clean_content_tags": set(REMOVED_WITH_CONTENT),
        "attributes": {"*": set(GLOBAL_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
        "generic_attribute_prefixes": set(GENERIC_PREFIXES),
        # nh3 keeps only these schemes; _judge_attribute narrows data: to images.
        "url_schemes": set(SCHEMES | {"data"}),
        "attribute_filter": _nh3_filter,
        "set_tag_attribute_values": {"input": {"type": "checkbox"}, "button": {"type": "button"}},
        "strip_comments": False,  # our plugins' markers are comments
        "link_rel": None,
    }


def strip(html: str) -> str:
    """`html` with everything outside the allow-list removed (nh3, the same allow-list)."""
    return nh3.clean(_CONTROL.sub("", html), **_cleaner_options())


# The shape Python-Markdown writes: every `<` opens or closes a tag whose
# attributes are double-quoted and hold no `<` or `>`.
_PLAIN_TAG = re.compile(
    r'<(/?)([a-z][a-z0-9]*)((?:[ \t\n]+[A-Za-z_][-A-Za-z0-9_.]*(?:="[^"<>]*")?)*)[ \t\n]*/?>'
)
_PLAIN_ATTRIBUTE = re.compile(r'([A-Za-z_][-A-Za-z0-9_.]*)(?:="([^"<>]*)")?')
_OTHER_REFERENCE = re.compile(r"&(?!(?:amp|quot|lt|gt|#39);)")


def plainly_allowed(html: str) -> bool:
    """True only if `html` holds nothing outside the allow-list, told without parsing it.

    A quick look that suits most pages: every `<` must open or close a plain
    tag of an allowed HTML element, with allowed attributes whose values are
    double-quoted, hold no `<`, `>` or character reference other than `&amp;`,
    `&quot;`, `&lt;`, `&gt;` and pass the same judgement as in `problems()`.
    A browser then reads exactly these tags (each ends in the data state), so
    `problems()` could find nothing. Anything else (comments, inline SVG,
    other quoting, a stray `<`) is left to the full parse: False.
    """
    if _CONTROL.search(html):
        return False
    position = html.find("<")
    while position >= 0:
        match = _PLAIN_TAG.match(html, position)
        if match is None:
            return False
        closing, name, attributes = match.groups()
        if name not in HTML_ELEMENTS or (closing and attributes.strip()):
            return False
        typed = False
        for attribute in _PLAIN_ATTRIBUTE.finditer(attributes):
            key, value = attribute.group(1).lower(), attribute.group(2) or ""
            if not _allowed_attribute(name, key) or _OTHER_REFERENCE.search(value):
                return False
            value = html_module.unescape(value)
            if _judge_attribute(name, key, value) != (value, []):
                return False
            typed = typed or key == "type"
        if name in ("input", "button") and not closing and not typed:
            return False
        position = html.find("<", match.end())
    return True


def clean(html: str) -> Cleaned:
    """The page's HTML cleaned, and what was wrong with it.

    Nothing wrong: the very same string comes back (no re-serialisation).
    """
    if plainly_allowed(html):
        return Cleaned(html, [])
    found = problems(html)
    if not found:
        return Cleaned(html, [])
    cleaned = strip(html)
    if problems(cleaned):  # never publish what the allow-list refuses, even if nh3 kept it
        cleaned = html_module.escape(_text_of(cleaned))
    return Cleaned(cleaned, found)


def _text_of(html: str) -> str:
    document = tinyhtml5.parse(html, namespace_html_elements=False)
    return "".join(document.itertext())


# ---------------------------------------------------------------- the source line


def findings(
    shown: str, found: Iterable[Problem], markdown: str, first_line: int = 1
) -> list[Finding]:
    """Problems as `html-unsafe` errors at the source line that holds each one.

    The line is the first one (after the previous problem with the same text)
    that contains the problem's text, looked for outside code first, then
    anywhere, then with entities decoded; else the page's first body line.
    """
    views = [code_masked(markdown).split("\n"), markdown.split("\n")]
    views.append([html_module.unescape(line) for line in views[1]])
    lowered = [[line.lower() for line in view] for view in views]
    cursors: dict[str, tuple[int, int]] = {}
    out = []
    for problem in found:
        line, col = _locate(problem.needles, lowered, cursors)
        out.append(
            Finding(
                shown,
                line + first_line - 1,
                col,
                "error",
                "html-unsafe",
                problem.message,
                problem.hint,
            )
        )
    return out


def _locate(
    needles: tuple[str, ...], views: list[list[str]], cursors: dict[str, tuple[int, int]]
) -> tuple[int, int]:
    for needle in needles:
        wanted = needle.lower()
        start = cursors.get(wanted, (0, 0))
        for view in views:
            place = _find(view, wanted, start) or _find(view, wanted, (0, 0))
            if place:
                cursors[wanted] = (place[0] - 1, place[1])
                return place
    return 1, 1


def _find(lines: list[str], needle: str, start: tuple[int, int]) -> tuple[int, int] | None:
    """1-based (line, column) of `needle` at or after `start` (0-based line, column)."""
    first, column = start
    for index in range(first, len(lines)):
        found = lines[index].find(needle, column if index == first else 0)
        if found >= 0:
            return index + 1, found + 1
    return None


# ---------------------------------------------------------------- pre-filter for check

# Raw HTML and comments start `<` + letter, `!`, `/` or `?`; character references
# `&#` or `&` + letter (they can spell a scheme: javascript&colon;). One scan
# for these characters and the control characters is what most pages cost.
_SUSPECT_CHAR = re.compile(r"[<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Attribute lists (attr_list, fenced code headers) run from `{` to the line's end.
_BRACES = re.compile(r"\{([^\n]*)")
# Only `#id` and `.class` words are harmless there; a bare word is an attribute too.
_SAFE_WORD = re.compile(r"[#.][^=\"'<>&`\s]*")
# A link target or reference definition that starts with a scheme: `](x:`, `]: x:`.
# Browsers drop tabs and line breaks inside URLs, Markdown drops backslashes
# before punctuation, so both may sit inside the scheme.
_TARGET_SCHEME = re.compile(r"\]\s*[(:][ \t\r\n]*([A-Za-z0-9+.\-\\\t\r\n]*):")


def may_be_unsafe(markdown: str) -> bool:
    """False when the page's Markdown cannot render to anything outside the allow-list.

    Markdown alone makes only allowed elements and attributes; what can go
    wrong comes from raw HTML (`<`), character references (`&`), attribute
    lists with anything but `#id` and `.class` (`{: onclick }` is an attribute
    too), block `attrs` (also spelled with YAML escapes, `"\\x61ttrs"`, hence
    any backslash on a page with blocks), control characters, and link
    targets with a scheme (`](x:…`, `[id]: x:…`). A page with none of these is
    not rendered by `prirucka check`.
    """
    for match in _SUSPECT_CHAR.finditer(markdown):
        char, after = match.group(), markdown[match.end() : match.end() + 1]
        if char not in "<&" or (after.isascii() and after.isalpha()):
            return True
        if after and after in ("!/?" if char == "<" else "#"):
            return True
    if "attrs" in markdown or ("///" in markdown and "\\" in markdown):
        return True
    for match in _BRACES.finditer(markdown):
        for word in re.split(r"[\s{}:]+", match.group(1)):
            if word and not _SAFE_WORD.fullmatch(word):
                return True
    for match in _TARGET_SCHEME.finditer(markdown):
        scheme = re.sub(r"[\\\t\r\n]", "", match.group(1)).lower()
        if scheme not in SCHEMES:
            return True
    return False


# ---------------------------------------------------------------- SVG files

_SVG = "http://www.w3.org/2000/svg"
_XHTML = "http://www.w3.org/1999/xhtml"
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.I)


# Logos are printed, not published: WeasyPrint runs no script and our URL fetcher
# refuses outside files, but a logo must still be a plain drawing.
LOGO_CONSEQUENCE = "a logo must be a plain drawing; replace the file"


@dataclass(frozen=True)
class SvgProblem:
    line: int
    col: int
    message: str
    hint: str


def _external(value: str) -> bool:
    """A reference that leaves the image's own folder: a scheme or `//host`."""
    stripped = re.sub(r"[\t\n\r]", "", value.strip(_C0_SPACE))
    if stripped.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    scheme = _url_scheme(stripped)
    return scheme is not None and not (scheme == "data" and _DATA_IMAGE.match(stripped) is not None)


def _css_problems(css: str) -> list[tuple[str, str]]:
    found = []
    if re.search(r"@import", css, re.I):
        found.append(("an @import", "loads a style sheet from elsewhere"))
    for match in _CSS_URL.finditer(css):
        target = match.group(2)
        if not target.strip().startswith("#") and _external(target):
            found.append((f"a CSS reference `url({target})`", "loads a file from elsewhere"))
    if re.search(r"expression\s*\(|javascript:|\\", css, re.I):
        found.append(("a CSS expression or escape", "can hide code or references"))
    return found


class _SvgJudge:
    """Called by the XML parser for each element; reads the line from it."""

    def __init__(self) -> None:
        self.parser = None
        self.problems: list[SvgProblem] = []
        self.depth_foreign = 0  # inside a <foreignObject>: its depth
        self.foreign_at = (1, 1)
        self.foreign_children = False
        self.in_style = 0
        self.style_line = (1, 1)
        self.style_text: list[str] = []
        self.root_seen = False

    def _where(self) -> tuple[int, int]:
        return self.parser.parser.CurrentLineNumber, self.parser.parser.CurrentColumnNumber + 1

    def add(self, message: str, hint: str, where: tuple[int, int] | None = None) -> None:
        line, col = where or self._where()
        self.problems.append(SvgProblem(line, col, message, hint))

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        if not self.root_seen:
            self.root_seen = True
            if namespace != _SVG or local != "svg":
                self.add(f"the file's root element is <{local}>, not <svg>", "save it as SVG")
        if self.depth_foreign:
            self.depth_foreign += 1
            self.foreign_children = True
            return
        if namespace == _XHTML:
            self.add(f"an HTML element <{local}> inside the image", "draw with SVG only")
        elif local == "script":
            self.add("a <script> element", "remove it; images may not run code")
        elif local == "foreignObject":
            self.depth_foreign = 1
            self.foreign_at = self._where()
            self.foreign_children = False
        elif local == "style":
            self.in_style += 1
            self.style_line = self._where()
        for name, value in attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                self.add(
                    f"an event handler `{attribute}` on <{local}>",
                    "remove the attribute; images may not run code",
                )
            elif re.search(r"(?:java|vb)script\s*:", re.sub(r"[\t\n\r]", "", value), re.I):
                self.add(
                    f"a script address in `{attribute}` of <{local}>",
                    "remove it; images may not run code",
                )
            elif attribute in ("href", "src") and _external(value):
                self.add(
                    f"an outside reference `{value.strip()}` in `{attribute}` of <{local}>",
                    "embed the picture in the file or refer to a part of it (#id)",
                )
            elif attribute == "style" or "url(" in value.replace(" ", "").lower():
                for what, why in _css_problems(value):
                    self.add(f"{what} in `{attribute}` of <{local}> {why}", "remove it")

    def end(self, tag: str) -> None:
        local = _local(tag)
        if self.depth_foreign:
            self.depth_foreign -= 1
            if self.depth_foreign == 0 and self.foreign_children:
                self.add(
                    "a <foreignObject> carrying HTML",
                    "draw with SVG shapes and text only",
                    self.foreign_at,
                )
            return
        if local == "style" and self.in_style:
            self.in_style -= 1
            for what, why in _css_problems("".join(self.style_text)):
                self.add(f"{what} in a <style> element {why}", "remove it", self.style_line)
            self.style_text = []

    def data(self, text: str) -> None:
        if self.in_style:
            self.style_text.append(text)
        if self.depth_foreign and text.strip():
            self.foreign_children = True

    def pi(self, target: str, text: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.add("an <?xml-stylesheet?> instruction", "remove it; it loads a style sheet")

    def close(self) -> None:
        return None


def svg_problems(data: bytes) -> list[SvgProblem]:
    """What in an SVG file could run code or load anything from outside it."""
    judge = _SvgJudge()
    parser = defused.DefusedXMLParser(
        target=judge, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    judge.parser = parser
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException as error:
        if isinstance(error, EntitiesForbidden):
            what = f"the file declares the entity `{error.name}` (<!ENTITY …>)"
        else:
            what = "the file's <!DOCTYPE> loads an outside file"
        judge.add(what, "remove the <!DOCTYPE …[…]> part; SVG images need no entities")
    except ParseError as error:
        line, col = error.position
        judge.add(
            f"the file is not well-formed XML ({str(error).split(':')[0]})",
            "open and save it again in a drawing program",
            (line, col + 1),
        )
    if not judge.root_seen and not judge.problems:
        judge.add("the file holds no SVG image", "save it as SVG", (1, 1))
    return judge.problems


def svg_findings(
    shown: str, data: bytes, consequence: str = "the image is not published"
) -> list[Finding]:
    """`svg-unsafe` errors for an SVG file (the site does not publish one that has any)."""
    return [
        Finding(
            shown,
            problem.line,
            problem.col,
            "error",
            "svg-unsafe",
            f"{problem.message}; {consequence}",
            problem.hint,
        )
        for problem in svg_problems(data)
    ]
