"""Hostile SVG files: reported at their line, and never published.

Each attack is an SVG file in docs/assets/ of one tiny site built with the
real `prirucka build` (strict fails, non-strict passes without the file in
site/) and checked with `prirucka check --format json`. SVG is parsed as XML
by defusedxml: entity bombs and external entities are refused, not expanded.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_prirucka
from prirucka.core import sanitize

OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10">\n'
    '<rect width="10" height="10" fill="#3949ab"/>\n'
)
CLOSE = "</svg>\n"


@dataclass(frozen=True)
class Attack:
    name: str
    text: str  # the whole file
    line: int  # the line reported
    says: str  # part of the message


def _body(line: str) -> str:
    return OPEN + line + "\n" + CLOSE  # the attack on line 4


ATTACKS = [
    Attack("script", _body("<script>alert(1)</script>"), 4, "<script>"),
    Attack("handler", _body('<g onload="alert(1)"><circle r="2"/></g>'), 4, "`onload`"),
    Attack(
        "javascript-href",
        _body('<a xlink:href="javascript:alert(1)"><text>x</text></a>'),
        4,
        "script address",
    ),
    Attack(
        "remote-image",
        _body('<image href="https://evil.example/t.png" width="1" height="1"/>'),
        4,
        "https://evil.example/t.png",
    ),
    Attack("file-image", _body('<image xlink:href="file:///etc/passwd"/>'), 4, "file:///"),
    Attack("host-relative", _body('<use href="//evil.example/x.svg#a"/>'), 4, "//evil.example"),
    Attack(
        "css-url",
        _body('<rect style="fill: url(https://evil.example/p.svg#g)" width="1" height="1"/>'),
        4,
        "url(https://evil.example/p.svg#g)",
    ),
    Attack(
        "css-import",
        _body("<style>\n@import url(https://evil.example/x.css);\n</style>"),
        4,
        "@import",
    ),
    Attack(
        "foreign-html",
        _body(
            '<foreignObject width="10" height="10">'
            '<div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        ),
        4,
        "<foreignObject>",
    ),
    Attack(
        "animate-href",
        _body('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
        4,
        "script address",
    ),
    Attack(
        "stylesheet-pi",
        '<?xml version="1.0"?>\n<?xml-stylesheet href="https://evil.example/x.css"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        2,
        "xml-stylesheet",
    ),
    Attack(
        "entity-bomb",
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "aaaaaaaaaaaaaaaa">\n'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 16}">\n' for i in range(8))
        + ']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>\n',
        3,
        "declares the entity",
    ),
    Attack(
        "external-entity",
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY x SYSTEM "file:///etc/hostname">\n]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>\n',
        3,
        "declares the entity",
    ),
    Attack("broken", OPEN + "<g>\n" + CLOSE, 5, "not well-formed"),
]

GOOD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">\n'
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
    "<style>.a { fill: url(#g); }</style></defs>\n"
    '<a href="../index.html"><rect class="a" width="10" height="10" inkscape:label="pozadí"/></a>\n'
    '<use xlink:href="#g"/><image href="obrazek.png" width="1" height="1"/>\n'
    '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>\n'
    "</svg>\n"
)

CONFIG = """site_name: Zkouška
site_url: https://zkouska.example.org/
strict: true
theme:
  name: material
  language: cs
  font: false
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
        - locale: cs
          name: Čeština
          default: true
        - locale: en
          name: English
  - prirucka-languages
  - prirucka-checks
  - prirucka-theme:
      cache_dir: !ENV [PRIRUCKA_TEST_CACHE, .cache/prirucka]
"""
PAGE = "---\ntype: page\ntitle: {title}\n---\n\n# {title}\n\nText.\n"


@pytest.fixture(scope="module")
def svg_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile-svg") / "project"
    assets = project / "docs" / "assets"
    assets.mkdir(parents=True)
    (project / "handbook" / "logos").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for lang, title in (("cs", "Úvod"), ("en", "Home")):
        (project / "docs" / lang).mkdir()
        (project / "docs" / lang / "index.md").write_text(PAGE.format(title=title))
    for attack in ATTACKS:
        (assets / f"{attack.name}.svg").write_text(attack.text, encoding="utf-8")
    (assets / "dobry.svg").write_text(GOOD, encoding="utf-8")
    (project / "handbook" / "logos" / "zly.svg").write_text(ATTACKS[0].text, encoding="utf-8")
    return project


def _where(attack: Attack) -> str:
    return f"docs/assets/{attack.name}.svg:{attack.line}:"


def test_strict_build_fails_and_names_every_file(svg_project, font_cache):
    result = run_prirucka(
        "build", "--strict", "--no-pdf", "-d", "site-strict", cwd=svg_project, cache=font_cache
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for attack in ATTACKS:
        assert _where(attack) in result.stderr, attack.name
    assert "handbook/logos/zly.svg:4:1: error: svg-unsafe: a <script> element; a logo" in (
        result.stderr
    )
    assert "dobry.svg" not in result.stderr


def test_lenient_build_leaves_bad_files_out(svg_project, font_cache):
    result = run_prirucka("build", "--no-strict", "--no-pdf", cwd=svg_project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    site = svg_project / "site"
    assert (site / "assets" / "dobry.svg").read_text(encoding="utf-8") == GOOD
    for attack in ATTACKS:
        lines = [line for line in result.stderr.splitlines() if _where(attack) in line]
        assert lines, attack.name
        assert all("not published" in line for line in lines), lines
        assert attack.says in lines[0], (attack.name, lines[0])
        assert len(lines) == len({line for line in lines})  # once, not once per language
        published = [p for p in site.rglob(f"{attack.name}.svg")]
        assert published == [], attack.name


def test_check_reports_every_file_at_its_line(svg_project):
    result = run_prirucka("check", "--format", "json", cwd=svg_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = {
        (f["path"], f["line"])
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "svg-unsafe" and f["level"] == "error"
    }
    for attack in ATTACKS:
        assert (f"docs/assets/{attack.name}.svg", attack.line) in found, attack.name
    assert ("handbook/logos/zly.svg", 4) in found
    assert not any(path.endswith("dobry.svg") for path, _ in found)
    # Only the files asked about.
    one = run_prirucka("check", "--format", "json", "docs/assets/script.svg", cwd=svg_project)
    paths = {f["path"] for f in json.loads(one.stdout)["findings"]}
    assert paths == {"docs/assets/script.svg"}


def test_entity_bomb_is_refused_at_once():
    bomb = next(a for a in ATTACKS if a.name == "entity-bomb").text.encode()
    started = time.perf_counter()
    problems = sanitize.svg_problems(bomb)
    assert time.perf_counter() - started < 0.5
    assert [p.line for p in problems] == [3]


def test_own_svg_files_are_clean():
    files = [
        *REPO.glob("docs/**/*.svg"),
        *REPO.glob("handbook/logos/*.svg"),
        *FIXTURES.glob("*/docs/**/*.svg"),
        *FIXTURES.glob("*/handbook/logos/*.svg"),
    ]
    assert len(files) >= 5
    for file in files:
        assert sanitize.svg_problems(file.read_bytes()) == [], file
    assert sanitize.svg_problems(GOOD.encode()) == []
