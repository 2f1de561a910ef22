"""The web subsets the package ships, and what a build needs to serve them."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from prirucka.core import webfonts
from prirucka.core.theme import PACKAGE_THEME, Theme


def test_the_shipped_font_list_describes_every_package_font_and_its_subset():
    listed = json.loads(webfonts.SHIPPED_FONTS.read_text(encoding="utf-8"))
    fonts = Theme((PACKAGE_THEME,)).fonts()
    assert len(listed) == len(fonts) >= 4
    for path in fonts:
        data = path.read_bytes()
        entry = listed[hashlib.sha256(data).hexdigest()]
        family, weight, style = webfonts._describe_data(data)  # from the font's own tables
        assert (entry["family"], entry["weight"], entry["style"]) == (family, weight, style)
        family = webfonts.DEFAULT_RENAMES.get(family, family)
        assert (webfonts.SHIPPED / f"{webfonts.subset_key(data, family)}.woff2").is_file()


def test_serving_the_shipped_subsets_parses_no_font(tmp_path):
    script = (
        "import sys\n"
        "from prirucka.core import webfonts\n"
        "from prirucka.core.theme import PACKAGE_THEME, Theme\n"
        f"fonts = webfonts.web_fonts(Theme((PACKAGE_THEME,)).fonts(), __import__('pathlib').Path({str(tmp_path)!r}), webfonts.DEFAULT_RENAMES)\n"
        "print(len(fonts), sorted({f.family for f in fonts}), 'fontTools' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0].endswith("['Prirucka Sans', 'Prirucka Text'] False")
    assert not list(tmp_path.iterdir())  # nothing subset, nothing cached
