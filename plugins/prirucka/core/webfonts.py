"""Web versions of the bundled fonts: WOFF2 subsets for Czech and English text.

The theme's TTFs serve print in full; readers' browsers get a subset (Latin
with Czech letters, punctuation, currency) about a tenth the size. Subsetting
is slow and its result depends only on the font and this recipe, so the
package ships the subsets of its own fonts ready (`theme/webfonts/`, made by
`python -m prirucka.core.webfonts`); only a project's own fonts are subset at
build time, once, into the verified cache.

A subset is a Modified Version under the SIL Open Font License, which may not
carry the font's Reserved Font Names ("Charis", "SIL"); so each subset is
renamed (e.g. to "Prirucka Text") and the CSS uses that name.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .theme import PACKAGE_THEME

# Latin, Latin-1, Latin Extended-A/B (all Czech letters), spacing modifiers
# (ˇ ˘), general punctuation („“ – … nbsp variants), superscripts, currency,
# letterlike symbols (№ ™), arrows, math minus, replacement character.
UNICODE_RANGES = (
    (0x0000, 0x024F),
    (0x02B0, 0x02FF),
    (0x0300, 0x036F),
    (0x2000, 0x206F),
    (0x2070, 0x209F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2212, 0x2215),
    (0xFEFF, 0xFEFF),
    (0xFFFD, 0xFFFD),
)
SHIPPED = PACKAGE_THEME / "webfonts"
# What the shipped subsets are made from: each source font's SHA-256 with its family,
# weight and style, so a build that serves them never parses a font (nor loads fontTools).
SHIPPED_FONTS = SHIPPED / "fonts.json"

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont
# A subset made by any fontTools version serves: the recipe names what is kept, not the tool.
_RECIPE = f"prirucka-webfont-2 {UNICODE_RANGES}"


@dataclass(frozen=True)
class WebFont:
    family: str
    weight: int
    style: str  # "normal" | "italic"
    filename: str  # WOFF2 file name
    data: bytes


def describe(font: TTFont) -> tuple[str, int, str]:
    """Family, weight and style as CSS wants them, from the font's own tables."""
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or "Unnamed"
    weight = int(font["OS/2"].usWeightClass)
    italic = bool(font["OS/2"].fsSelection & 1) or bool(font["head"].macStyle & 2)
    return family, weight, "italic" if italic else "normal"


def _rename(font: TTFont, family: str) -> None:
    names = font["name"]
    style = names.getDebugName(17) or names.getDebugName(2) or "Regular"
    full = family if style == "Regular" else f"{family} {style}"
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(family, 1, 3, 1, 0x409)
    names.setName(
        style if style in ("Regular", "Italic", "Bold", "Bold Italic") else "Regular",
        2,
        3,
        1,
        0x409,
    )
    names.setName(full, 3, 3, 1, 0x409)
    names.setName(full, 4, 3, 1, 0x409)
    names.setName(full.replace(" ", ""), 6, 3, 1, 0x409)


def _subset_woff2(data: bytes, family: str) -> bytes:
    from fontTools import subset  # only when a subset is made: shipped ones are ready
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    # Graphite tables (SIL fonts) cannot be subset; browsers use OpenType layout.
    options.drop_tables += ["Silf", "Silt", "Sill", "Glat", "Gloc", "Feat"]
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep kerning, ligatures, small caps
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    codepoints = [c for start, end in UNICODE_RANGES for c in range(start, end + 1)]
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    _rename(font, family)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def _describe_data(data: bytes) -> tuple[str, int, str]:
    from fontTools.ttLib import TTFont  # only for fonts the package does not ship

    return describe(TTFont(io.BytesIO(data), lazy=True))


@once
def _shipped_fonts() -> dict[str, tuple[str, int, str]]:
    try:
        entries = json.loads(SHIPPED_FONTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {digest: (e["family"], e["weight"], e["style"]) for digest, e in entries.items()}


def subset_key(data: bytes, family: str) -> str:
    """Names a subset by what it is made from: the font's bytes, its web name and the recipe."""
    return hashlib.sha256(f"{_RECIPE} {family}".encode() + data).hexdigest()[:24]


def web_fonts(fonts: list[Path], cache_dir: Path, renames: dict[str, str]) -> list[WebFont]:
    """WOFF2 subsets of the font files `fonts`, in that order: shipped ready with the
    package, else from the cache, else made now (and cached).

    `renames` maps a font's family to the name its web subset is served under.
    """
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    result = []
    for path in fonts:
        data = path.read_bytes()
        known = _shipped_fonts().get(hashlib.sha256(data).hexdigest())
        family, weight, style = known or _describe_data(data)
        family = renames.get(family, family)
        key = subset_key(data, family)
        shipped = SHIPPED / f"{key}.woff2"
        if shipped.is_file():
            woff2 = shipped.read_bytes()
        else:
            cached = cache_dir / f"{key}.woff2"
            woff2 = cache.load(cached)
            if woff2 is None:
                woff2 = _subset_woff2(data, family)
                cache.store(cached, woff2)
        result.append(WebFont(family, weight, style, path.stem + ".woff2", woff2))
    return result


DEFAULT_RENAMES = {"Charis SIL": "Prirucka Text", "Noto Sans": "Prirucka Sans"}


def ship(renames: dict[str, str] = DEFAULT_RENAMES) -> list[Path]:
    """Make the package's ready subsets of its own fonts (run after changing them)."""
    from .theme import Theme

    SHIPPED.mkdir(exist_ok=True)
    wanted = set()
    sources = {}
    for path in Theme((PACKAGE_THEME,)).fonts():
        data = path.read_bytes()
        family, weight, style = _describe_data(data)
        sources[hashlib.sha256(data).hexdigest()] = {
            "family": family,
            "weight": weight,
            "style": style,
        }
        family = renames.get(family, family)
        target = SHIPPED / f"{subset_key(data, family)}.woff2"
        wanted.add(target)
        if not target.exists():
            target.write_bytes(_subset_woff2(data, family))
    for stale in set(SHIPPED.glob("*.woff2")) - wanted:
        stale.unlink()
    SHIPPED_FONTS.write_text(json.dumps(sources, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return sorted(wanted)


def font_face_css(fonts: list[WebFont], url_prefix: str) -> str:
    """@font-face rules for `fonts`, served from `url_prefix` (relative to the CSS)."""
    rules = []
    for font in fonts:
        rules.append(
            "@font-face {\n"
            f'  font-family: "{font.family}";\n'
            f"  font-style: {font.style};\n"
            f"  font-weight: {font.weight};\n"
            "  font-display: swap;\n"
            f'  src: url("{url_prefix}{font.filename}") format("woff2");\n'
            "}\n"
        )
    return "".join(rules)


if __name__ == "__main__":
    for made in ship():
        print(made.relative_to(PACKAGE_THEME))
