"""Hostile HTML: no script, no unsafe element, attribute or address reaches readers.

Every attack is a page of one tiny site, built with the real `prirucka build`
(strict fails, non-strict passes with the attack removed), checked with
`prirucka check --format json` (reported at its line) and printed with
`prirucka pdf` (no `javascript:` link in the PDF). The allow-list itself is
proven on the repository's own pages and the test fixtures: no problem, no
change. The pre-filter that spares `prirucka check` from rendering most pages
is proven by a Hypothesis property.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
import pypdf
import pytest
import tinyhtml5
from conftest import FIXTURES, REPO, parse, run_prirucka
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from prirucka.check_html import render
from prirucka.core import frontmatter, sanitize
from prirucka.core import project as project_module
from prirucka.core.chart import bar_chart
from prirucka.print.chapter import markdown_to_html

HEADER = "---\ntype: page\ntitle: {title}\n---\n\n# {title}\n\n"
FIRST = HEADER.count("\n") + 1  # the line the attack starts on


@dataclass(frozen=True)
class Attack:
    name: str
    source: str  # Markdown after the heading
    line: int  # line of `source` (1-based) that holds the attack
    token: str  # must not appear anywhere in the built page


ATTACKS = [
    Attack("attr-list", "Odstavec\n{: onclick=\"alert('pwned01')\" }\n", 2, "pwned01"),
    Attack(
        "link-attr", "[x](https://e.example/){ onmouseover=\"alert('pwned02')\" }\n", 1, "pwned02"
    ),
    Attack("entity-href", "<a href=\"jav&#x61;script:alert('pwned03')\">x</a>\n", 1, "pwned03"),
    Attack("colon-entity", "Text [x](javascript&colon;pwned04(1)).\n", 1, "pwned04"),
    Attack("base", 'Text.\n\n<base href="https://pwned05.example/">\n', 3, "pwned05"),
    Attack(
        "meta-refresh",
        '<meta http-equiv="refresh" content="0;url=https://pwned06.example/">\n',
        1,
        "pwned06",
    ),
    Attack(
        "form",
        'Text.\n\n<form action="https://pwned07.example/c" method="post">'
        '<input type="password" name="pin"></form>\n',
        3,
        "pwned07",
    ),
    Attack(
        "object-data",
        '<object data="data:text/html;base64,PHNjcmlwdD5wd25lZDA4PC9zY3JpcHQ+"></object>\n',
        1,
        "PHNjcmlwdD5wd25lZDA4",
    ),
    Attack(
        "escaped-backticks",
        "Kód \\`\\`<script>alert('pwned09')</script>\\`\\` konec.\n",
        1,
        "pwned09",
    ),
    Attack("nul-byte", "První řádek.\n\nText\x00a dál.\n", 3, "\x00"),
    Attack("iframe", '<iframe src="https://pwned11.example/"></iframe>\n', 1, "pwned11"),
    Attack("img-onerror", '<img src="x.png" onerror="alert(\'pwned12\')" alt="x">\n', 1, "pwned12"),
    Attack("body-onload", "Text.\n\n<body onload=\"alert('pwned13')\">\n", 3, "pwned13"),
    Attack("svg-script", "<svg><script>alert('pwned14')</script></svg>\n", 1, "pwned14"),
    Attack("data-link", "[x](data:text/html;base64,cHduZWQxNQ==)\n", 1, "cHduZWQxNQ"),
    Attack("reference", "Viz [x][r].\n\n[r]: javascript:pwned16(1)\n", 3, "pwned16"),
    Attack(
        "block-attrs",
        "/// say\n    attrs:\n      onclick: alert('pwned17')\n\nŘekněte to.\n///\n",
        3,
        "pwned17",
    ),
    Attack("newline-scheme", "[x](java\nscript:pwned18(1))\n", 1, "pwned18"),
    Attack(
        "style-url",
        '<span style="background-image:url(https://pwned19.example/t.png)">x</span>\n',
        1,
        "pwned19",
    ),
]
EN_ATTACK = Attack("en-attr", "Paragraph\n{: onmouseover=\"alert('pwned20')\" }\n", 2, "pwned20")

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
  - prirucka-blocks
  - prirucka-theme:
      cache_dir: !ENV [PRIRUCKA_TEST_CACHE, .cache/prirucka]
markdown_extensions:
  - prirucka_blocks
  - attr_list
  - md_in_html
  - footnotes
  - tables
"""

MANIFEST = """title: {cs: Útoky, en: Attacks}
kind: leaflet
format: A5
languages: [cs]
pages: [%s]
publisher: "Organizace Příklad, z. s."
license: CC0-1.0
toc: false
"""


def _page(attack: Attack) -> str:
    return HEADER.format(title=attack.name) + attack.source


def _where(lang: str, attack: Attack) -> str:
    return f"docs/{lang}/{attack.name}.md:{FIRST + attack.line - 1}:"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, font_cache) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    (project / "docs" / "cs").mkdir(parents=True)
    (project / "docs" / "en").mkdir()
    (project / "handbook").mkdir()
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for lang, title in (("cs", "Úvod"), ("en", "Home")):
        (project / "docs" / lang / "index.md").write_text(
            HEADER.format(title=title) + "Text.\n", encoding="utf-8"
        )
    for attack in ATTACKS:
        (project / "docs" / "cs" / f"{attack.name}.md").write_text(_page(attack), encoding="utf-8")
    (project / "docs" / "en" / f"{EN_ATTACK.name}.md").write_text(
        _page(EN_ATTACK), encoding="utf-8"
    )
    pages = ", ".join(f"{a.name}.md" for a in ATTACKS)
    (project / "handbook" / "utoky.yml").write_text(MANIFEST % pages, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def strict_build(hostile, font_cache):
    return run_prirucka(
        "build", "--strict", "--no-pdf", "-d", "site-strict", cwd=hostile, cache=font_cache
    )


@pytest.fixture(scope="module")
def lenient_build(hostile, font_cache):
    return run_prirucka("build", "--no-strict", "--no-pdf", cwd=hostile, cache=font_cache)


def _every() -> list[tuple[str, Attack]]:
    return [("cs", a) for a in ATTACKS] + [("en", EN_ATTACK)]


def test_strict_build_fails_and_names_every_attack(strict_build):
    assert strict_build.returncode == 1
    assert "Traceback" not in strict_build.stderr
    for lang, attack in _every():
        assert f"{_where(lang, attack)}" in strict_build.stderr, attack.name
    assert "error: html-unsafe" in strict_build.stderr


def test_lenient_build_passes_without_the_attacks(hostile, lenient_build):
    assert lenient_build.returncode == 0, lenient_build.stderr
    assert "Traceback" not in lenient_build.stderr
    site = hostile / "site"
    for lang, attack in _every():
        assert _where(lang, attack) in lenient_build.stderr, attack.name
        pages = [site / attack.name / "index.html"]
        if lang == "cs":
            pages.append(site / "en" / attack.name / "index.html")  # the fallback copy
        else:
            pages = [site / "en" / attack.name / "index.html", site / attack.name / "index.html"]
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert attack.token not in text, (attack.name, page)
            _assert_harmless(parse(page), attack.name)


def _assert_harmless(tree, name: str) -> None:
    """Our own reading of a built page: no handler, no script address, no unsafe element."""
    article = tree.find(".//article")
    assert article is not None, name
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), (name, element.tag, attribute)
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            assert not squeezed.startswith(("javascript:", "data:text")), (name, value)
    for element in article.iter():
        if isinstance(element.tag, str):
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in {"script", "iframe", "object", "embed", "base", "meta"}, (name, tag)
            assert not (tag == "form" and element.get("action")), name
            assert not (tag == "input" and element.get("type") != "checkbox"), name
            assert "url(" not in (element.get("style") or ""), name


def test_check_reports_every_attack_at_its_line(hostile):
    result = run_prirucka("check", "--format", "json", cwd=hostile)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = {
        (f["path"], f["line"])
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "html-unsafe" and f["level"] == "error"
    }
    for lang, attack in _every():
        assert (f"docs/{lang}/{attack.name}.md", FIRST + attack.line - 1) in found, attack.name


def test_pdf_has_no_script_links(hostile, font_cache, lenient_build):
    result = run_prirucka("pdf", "utoky", "-o", "pdf-out", cwd=hostile, cache=font_cache)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # the unsafe parts are errors of the PDF
    for attack in ATTACKS:
        assert _where("cs", attack) in result.stderr, attack.name
    pdf = pypdf.PdfReader(hostile / "pdf-out" / "utoky.cs.pdf")
    uris = []
    for page in pdf.pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                action = action.get_object()
                assert action.get("/S") != "/JavaScript"
                if "/URI" in action:
                    uris.append(str(action["/URI"]))
    assert uris  # the safe link https://e.example/ is still a link
    for uri in uris:
        assert not re.sub(r"\s", "", uri).lower().startswith(("javascript:", "data:")), uri
    text = "".join(page.extract_text() for page in pdf.pages)
    for attack in ATTACKS:
        assert attack.token not in text, attack.name


# ---------------------------------------------------------------- the allow-list


def _projects() -> list[Path]:
    return [REPO, *sorted(p for p in FIXTURES.iterdir() if (p / "mkdocs.yml").is_file())]


def _canonical(html: str) -> list:
    """The DOM of a fragment: what a browser builds, whatever the serialisation."""
    document = tinyhtml5.parse(
        "<!DOCTYPE html><html><head></head><body>" + html, namespace_html_elements=False
    )
    return [
        (
            element.tag if isinstance(element.tag, str) else "#comment",
            sorted(element.attrib.items()),
            element.text or "",
            element.tail or "",
        )
        for element in document.iter()
    ]


def test_own_pages_and_fixtures_pass_unchanged():
    """Everything our Markdown, extensions and editors' HTML produce is in the allow-list."""
    rendered = 0
    for root in _projects():
        project = project_module.load(root / "mkdocs.yml")
        for lang in project.languages:
            for file in sorted(project.language_dir(lang).rglob("*.md")):
                doc = frontmatter.read(file)
                html = markdown_to_html(doc.body, lang, project, str(file), doc.body_line)
                cleaned = sanitize.clean(html)
                assert cleaned.problems == [], (file, cleaned.problems)
                assert cleaned.html == html
                # What the cleaner would make of it: the same DOM, nothing lost.
                assert _canonical(sanitize.strip(html)) == _canonical(html), file
                rendered += 1
    assert rendered > 90


def test_generated_html_passes_unchanged():
    """The catalogue's SVG chart, blocks with every feature, footnotes, tables, details."""
    chart = bar_chart("Výsledky", [("Rodiny", 120), ("Děti <3 roky", 45.5)], "cs")
    assert sanitize.problems(chart) == []
    assert _canonical(sanitize.strip(chart)) == _canonical(chart)
    project = project_module.load(REPO / "mkdocs.yml")
    text = (
        "# Nadpis {#vlastni .trida data-x=1 aria-label=Popis lang=en}\n\n"
        "Text[^1] s *HTML*.\n\n[^1]: Poznámka.\n\n*[HTML]: HyperText\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        '??? note "Detail"\n    Skryté.\n\n- [x] hotovo\n- [ ] zbývá\n\n'
        "/// checklist | Před odchodem\n- [ ] Dítě je v bezpečí\n- [x] Kontakt předán\n///\n\n"
        "/// contact | Linka\n    phone: [116 111]\n    email: ic@example.org\n"
        "    web: https://example.org/\n///\n\n"
        '<details open><summary>Víc</summary><p>Text <kbd>Ctrl</kbd> <abbr title="x">y</abbr>'
        '</p></details>\n\n<figure><img src="../assets/x.png" alt="x" width="100">'
        "<figcaption>Popis</figcaption></figure>\n\n"
        '<a href="mailto:ic@example.org">e-mail</a> <a href="tel:+420000000000">tel.</a> '
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="tečka">\n'
    )
    html = markdown_to_html(text, "cs", project, "x.md", 1)
    # The site's headings carry permalinks (print leaves them out).
    html += markdown.Markdown(
        extensions=["toc"], extension_configs={"toc": {"permalink": True}}
    ).convert("## Sekce")
    assert "headerlink" in html
    assert sanitize.problems(html) == [], sanitize.problems(html)
    assert _canonical(sanitize.strip(html)) == _canonical(html)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="javascript&colon;alert(1)">x</a>', "`javascript:` address in `href` of <a>"),
        ('<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', "`javascript:` address"),
        ('<a href="&#1;javascript:alert(1)">x</a>', "`javascript:` address"),
        ('<img src="data:image/svg+xml,&lt;svg/&gt;" alt="">', "`data:` address in `src`"),
        ('<a href="data:image/png;base64,AAAA">x</a>', "`data:` address in `href` of <a>"),
        ('<a href="file:///etc/passwd">x</a>', "`file:` address"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "`javascript:`"),
        ('<svg><rect fill="url(https://t.example/#a)"/></svg>', "reference"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "<noscript>"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math>"),
        ("<template><script>alert(1)</script></template>", "<template>"),
        ('<p style="behavior:url(x.htc)">x</p>', "the style"),
        ('<p style="color:re\\64">x</p>', "the style"),
        ('<p style="margin-top: -40em">x</p>', "negative value"),
        ('<input type="text" name="pin">', '<input type="text">'),
        ("<input>", '<input type="text">'),
        ('<a href="x" ping="https://t.example/">x</a>', "`ping`"),
        ('<html manifest="x"><p>x</p>', "`manifest` for the page's <html>"),
    ],
)
def test_each_unsafe_construct_is_named_and_removed(html, expected):
    cleaned = sanitize.clean(html)
    assert any(expected in p.message for p in cleaned.problems), cleaned.problems
    assert sanitize.problems(cleaned.html) == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' &#;:abcjsxlinkvrptohef{}()\x00\n\t-")), max_size=80
    )
)
def test_cleaned_html_is_always_within_the_allow_list(fragment):
    cleaned = sanitize.clean(fragment)
    assert sanitize.problems(cleaned.html) == []
    if not cleaned.problems:  # nothing lost from what the allow-list accepts
        assert _canonical(sanitize.strip(fragment)) == _canonical(fragment)


# ---------------------------------------------------------------- the quick look

_HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "text ",
        " ",
        "\n",
        "\t",
        '<a href="https://example.org/?a=1&amp;b=2">',
        '<a href="javascript:x">',
        '<a href="jav&#x61;script:x">',
        '<a href="&#106;avascript:x">',
        '<a href="java&Tab;script:x">',
        '<a href="java\nscript:x">',
        "<a href=javascript:x>",
        "<a href='javascript:x'>",
        '<a title="x" onclick="y">',
        "<a onclick>",
        '<p ONCLICK="x">',
        "<P>",
        "<title>",
        "</title>",
        "<textarea>",
        "<svg>",
        '<input type="checkbox">',
        '<input type="text">',
        "<input>",
        '<input type="checkbox" disabled/>',
        '<img src="data:image/png;base64,AA" alt="">',
        '<img src="data:text/html,x">',
        '<span style="color: red">',
        '<span style="position: fixed">',
        '<span style="color: re&#100;">',
        '<body onload="x">',
        '<html lang="cs">',
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<script>",
        "</script>",
        '"',
        "'",
        "<",
        ">",
        "=",
        "&",
        "&amp;",
        "&lt;",
        "&quot;",
        "/",
        "\x00",
        '<a href="x"/>',
        "</a>",
        '<div class="x" data-y="1" aria-label="z">',
        "</div >",
        '</div class="x">',
        '<td align="left">',
        '<a\nhref="javascript:x">',
        '<a href="x"\nonclick="y">',
        '<a href="x"onclick="y">',
        "<a/onclick=x>",
        '<form action="https://e.example/">',
    ]
)

_RENDERED = [
    markdown_to_html(body, "cs", project_module.load(REPO / "mkdocs.yml"), "x.md", 1)
    for body in [
        frontmatter.read(path).body for path in sorted((REPO / "docs" / "cs").rglob("*.md"))[:6]
    ]
]


@settings(max_examples=int(os.environ.get("PRIRUCKA_QUICK_LOOK_EXAMPLES", "300")), deadline=None)
@given(
    st.one_of(
        st.lists(_HTML_PIECES, max_size=15).map("".join),
        st.sampled_from(_RENDERED).flatmap(
            lambda html: st.lists(
                st.tuples(st.integers(0, len(html)), _HTML_PIECES), max_size=3
            ).map(lambda inserts: _apply(html, inserts))
        ),
    )
)
def test_quick_look_never_passes_what_the_parser_refuses(html):
    """`clean()` skips the parse when `plainly_allowed()` says so: it must never be wrong."""
    if sanitize.plainly_allowed(html):
        assert sanitize.problems(html) == [], html


def test_quick_look_suits_ordinary_pages():
    assert all(sanitize.plainly_allowed(html) for html in _RENDERED)


# ---------------------------------------------------------------- the pre-filter of check


_PIECES = st.sampled_from(
    [
        "Text ",
        "slovo ",
        "\n\n",
        "\n",
        "# Nadpis\n\n",
        "- položka\n",
        "`kód` ",
        "```\nkód <script>\n```\n",
        "\\`",
        "[odkaz](stranka.md) ",
        "[web](https://example.org/) ",
        "[mail](mailto:a@example.org) ",
        "[tel](tel:+420000000000) ",
        "[js](javascript:alert(1)) ",
        "[js](JAVASCRIPT:alert(1)) ",
        "[js]( java\tscript:x) ",
        "[js](java\nscript:x) ",
        "[d](data:text/html,x) ",
        "![i](data:image/png;base64,AA) ",
        "[f](file:///etc/passwd) ",
        "[x](a\\.b:c) ",
        "[x][r]\n\n[r]: javascript:x\n\n",
        "[x][r]\n\n[r]:\n    vbscript:x\n\n",
        "[^1]\n\n[^1]: Poznámka: text.\n\n",
        "{: onclick=x }\n",
        "{ .trida }\n",
        "{ onclick #kotva }\n",
        "{: hidden .x }\n",
        "## Nadpis {#kotva .trida}\n\n",
        "```{.python onclick}\nx\n```\n\n",
        "{#kotva}\n",
        '{: style="position:fixed" }\n',
        "&colon; ",
        "&amp; ",
        "A & B ",
        "<https://example.org/> ",
        "<a@example.org> ",
        "<b>tučně</b> ",
        "<script>x</script> ",
        "<img src=x onerror=y> ",
        "x < y ",
        "\x00",
        "\x0b",
        "/// say\n    attrs:\n      onclick: x\n\nText\n///\n\n",
        "/// say\nText\n///\n\n",
        '/// say\n    "\\x61ttrs":\n      onclick: x\n\nText\n///\n\n',
        '/// say\n    "att\\\n      rs": {class: x}\n\nText\n///\n\n',
        '!!! note "Titulek"\n    Text\n\n',
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
        "*[HTML]: HyperText\n\n",
        ":",
        "](",
        "]:",
        "(",
        ")",
        "{",
        "=",
        "\\",
    ]
)


def _mutations(base: str):
    return st.lists(st.tuples(st.integers(0, len(base)), _PIECES), max_size=4).map(
        lambda inserts: _apply(base, inserts)
    )


def _apply(base: str, inserts) -> str:
    text = base
    for position, piece in sorted(inserts, reverse=True):
        position = min(position, len(text))
        text = text[:position] + piece + text[position:]
    return text


_SAMPLES = [
    frontmatter.read(path).body
    for path in sorted((REPO / "docs" / "cs").rglob("*.md"))[:12]
    if path.stat().st_size < 6000
]


@pytest.fixture(scope="module")
def repo_project():
    return project_module.load(REPO / "mkdocs.yml")


def _full_check(project, markdown: str) -> list:
    doc = frontmatter.Document(Path("x.md"), {}, markdown, 1)
    html = render(project, "cs", "x.md", doc)
    return [] if html is None else sanitize.problems(html)


@settings(
    max_examples=int(os.environ.get("PRIRUCKA_PREFILTER_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.lists(_PIECES, max_size=12).map("".join),
        st.sampled_from(_SAMPLES).flatmap(_mutations),
    )
)
@example("[x](java\nscript:alert(1))")
@example("/// say\n    attrs:\n      onclick: x\n\nText\n///\n")
@example("Kód \\`\\`<script>x</script>\\`\\`")
@example("## Volné vyprávění {Text  #vypraveni }")  # a bare word is an attribute too
@example('/// say\n    "\\x61ttrs":\n      onclick: x\n\nText\n///\n')  # YAML escapes
def test_prefilter_lets_every_unsafe_page_through(repo_project, markdown):
    """Whenever the full check finds a problem, the pre-filter had sent the page to it."""
    if _full_check(repo_project, markdown):
        assert sanitize.may_be_unsafe(markdown), markdown


def test_prefilter_spares_ordinary_pages():
    """Content pages need no rendering (the pre-filter keeps check fast); only the
    editor guide, which shows HTML and attribute lists in code, is rendered."""
    pages = [
        frontmatter.read(p).body
        for p in (REPO / "docs").rglob("*.md")
        if "pro-editory" not in p.parts
    ]
    spared = sum(not sanitize.may_be_unsafe(body) for body in pages)
    assert len(pages) > 20
    assert spared >= 0.9 * len(pages)
