"""Web versions of the bundled fonts: WOFF2 subsets for Czech and English text.

The TTFs in handbook/theme/fonts serve print in full; readers' browsers get a
subset (Latin with Czech letters, punctuation, currency) about a tenth the size.
Results are cached by a hash of the font and this recipe.

A subset is a Modified Version under the SIL Open Font License, which may not
carry the font's Reserved Font Names ("Charis", "SIL"); so each subset is
renamed (e.g. to "Prirucka Text") and the CSS uses that name.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

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
FONT_SUFFIXES = (".ttf", ".otf")
_RECIPE = f"prirucka-webfont-1 fonttools-{fontTools.version} {UNICODE_RANGES}"


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


def web_fonts(fonts_dir: Path, cache_dir: Path, renames: dict[str, str]) -> list[WebFont]:
    """WOFF2 subsets of every TTF/OTF in `fonts_dir`, sorted by file name.

    `renames` maps a font's family to the name its web subset is served under.
    """
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    result = []
    for path in sorted(p for p in fonts_dir.iterdir() if p.suffix.lower() in FONT_SUFFIXES):
        data = path.read_bytes()
        family, weight, style = describe(TTFont(io.BytesIO(data), lazy=True))
        family = renames.get(family, family)
        key = hashlib.sha256(f"{_RECIPE} {family}".encode() + data).hexdigest()[:24]
        cached = cache_dir / f"{key}.woff2"
        if cached.exists():
            woff2 = cached.read_bytes()
        else:
            woff2 = _subset_woff2(data, family)
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(woff2)
            tmp.replace(cached)
        result.append(WebFont(family, weight, style, path.stem + ".woff2", woff2))
    return result


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
