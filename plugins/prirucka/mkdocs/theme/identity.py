"""Site identity from mkdocs.yml: names per language and the site's colours as CSS."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.exceptions import PluginError

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def localised(value: Any, lang: str, option: str, languages: list[str]) -> str:
    """A setting given once (`organisation: Spirála, z. s.`) or per language
    (`{cs: …, en: …}`), in `lang`."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        unknown = [key for key in value if key not in languages]
        if unknown:
            raise PluginError(
                f"prirucka-theme: `{option}` has texts for {', '.join(languages)}, "
                f"not for `{unknown[0]}`"
            )
        text = value.get(lang) or next((value[k] for k in languages if value.get(k)), "")
        return str(text)
    raise PluginError(
        f"prirucka-theme: `{option}` is a text, or a text per language: "
        f"`{option}: {{{', '.join(f'{lang}: …' for lang in languages)}}}`"
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _mix(colour: str, other: tuple[int, int, int], share: float) -> str:
    own = _rgb(colour)
    return _hex(tuple(a + (b - a) * share for a, b in zip(own, other, strict=True)))


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _readable_on_white(colour: str) -> str:
    """`colour`, darkened until text in it reads on white (4.5:1)."""
    shade = colour
    for step in range(1, 11):
        if contrast(shade, "#ffffff") >= 4.5:
            return shade
        shade = _mix(colour, (0, 0, 0), step * 0.08)
    return shade


def colours_css(colours: dict[str, Any]) -> str:
    """CSS custom properties for `colors: {primary: "#1f5f8b", accent: "#b3261e"}`.

    Text colours are derived so that they keep WCAG AA contrast: the header's
    text is white or black, whichever reads on the primary colour, and links
    are the primary colour darkened where it is too light on white.
    """
    unknown = set(colours) - {"primary", "accent"}
    if unknown:
        raise PluginError(
            f"prirucka-theme: `colors` has `primary` and `accent`, not `{sorted(unknown)[0]}`"
        )
    for name, value in colours.items():
        if not isinstance(value, str) or not _HEX.match(value):
            raise PluginError(
                f'prirucka-theme: `colors.{name}` is a colour like "#1f5f8b", not {value!r}'
            )
    lines = []
    primary = colours.get("primary")
    if primary:
        on_primary = (
            "#ffffff" if contrast(primary, "#ffffff") >= contrast(primary, "#000000") else "#000000"
        )
        lines += [
            f"  --md-primary-fg-color: {primary};",
            f"  --md-primary-fg-color--light: {_mix(primary, (255, 255, 255), 0.2)};",
            f"  --md-primary-fg-color--dark: {_mix(primary, (0, 0, 0), 0.2)};",
            f"  --md-primary-bg-color: {on_primary};",
            f"  --md-primary-bg-color--light: {on_primary}b3;",
            f"  --md-typeset-a-color: {_readable_on_white(primary)};",
        ]
    accent = colours.get("accent")
    if accent:
        lines += [
            f"  --md-accent-fg-color: {accent};",
            f"  --md-accent-fg-color--transparent: {accent}1a;",
        ]
    if not lines:
        return ""
    # The attribute selector outranks Material's palettes ([data-md-color-primary=indigo]).
    return (
        "/* prirucka-theme: colors from mkdocs.yml */\n"
        ":root,\n[data-md-color-primary][data-md-color-primary],\n"
        "[data-md-color-scheme][data-md-color-primary] {\n" + "\n".join(lines) + "\n}\n"
    )
