"""The `prirucka_blocks` extension on a bare markdown.Markdown(): golden files, errors, helpers.

Golden pairs live in tests/golden/blocks/<name>.<lang>.md and .html; run with
PRIRUCKA_UPDATE_GOLDEN=1 to rewrite the .html files after a deliberate change
(and read the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from prirucka.core.errors import AuthorError
from prirucka.markdown.blocks import NAMES, contact_numbers, recommendation_anchors

GOLDEN = Path(__file__).parent / "golden" / "blocks"
EXTENSIONS = [
    "attr_list",
    "admonition",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "prirucka_blocks",
]


def render(text: str, lang: str = "cs", **options) -> str:
    md = markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"prirucka_blocks": {"lang": lang, **options}},
    )
    return md.convert(text)


def error(text: str, **options) -> str:
    options.setdefault("path", "docs/cs/x.md")
    with pytest.raises(AuthorError) as caught:
        render(text, **options)
    return str(caught.value)


# --- golden files ---------------------------------------------------------------

CASES = sorted(GOLDEN.glob("*.md"))


def test_every_block_has_golden_files_in_both_languages():
    covered = {path.name.split(".")[0] for path in CASES}
    assert {"say-avoid"} | set(NAMES) - {"say", "avoid"} <= covered
    for name in covered:
        assert {p.name for p in CASES if p.name.startswith(name + ".")} == {
            f"{name}.cs.md",
            f"{name}.en.md",
        }


@pytest.mark.parametrize("source", CASES, ids=lambda path: path.stem)
def test_golden(source: Path):
    lang = source.stem.rsplit(".", 1)[1]
    html = render(source.read_text(encoding="utf-8"), lang) + "\n"
    expected = source.with_suffix(".html")
    if os.environ.get("PRIRUCKA_UPDATE_GOLDEN"):
        expected.write_text(html, encoding="utf-8")
    assert html == expected.read_text(encoding="utf-8")


# --- titles, numbering, layout ----------------------------------------------------


@pytest.mark.parametrize(
    ("block", "czech", "english"),
    [
        ("say", "Co říct", "What to say"),
        ("avoid", "Co neříkat", "What not to say"),
        ("steps", "Postup", "Steps"),
        ("checklist", "Kontrolní seznam", "Checklist"),
        ("recommendation", "Doporučení", "Recommendation"),
        ("record", "Záznamový arch", "Record sheet"),
        ("contact", "Kontakt", "Contact"),
        ("case", "Kazuistika", "Case study"),
    ],
)
def test_titles_in_the_page_language(block, czech, english):
    source = (GOLDEN / ("say-avoid" if block in ("say", "avoid") else block)).with_suffix(".cs.md")
    text = source.read_text(encoding="utf-8")
    assert f'<span class="prirucka-block__kind">{czech}' in render(text, "cs")
    assert f'<span class="prirucka-block__kind">{english}' in render(text, "en")


def test_case_note_in_the_page_language():
    text = "/// case\n    consent: true\n    anonymised: true\nText.\n///\n"
    assert "Jména a některé okolnosti byly změněny." in render(text, "cs")
    assert "Names and some details have been changed." in render(text, "en")


def test_recommendations_are_numbered_per_page_with_anchors():
    text = "\n\n".join(
        [
            "/// recommendation | A\nx\n///",
            "/// recommendation | B\n    id: R7\nx\n///",
            "/// recommendation | C\nx\n///",
        ]
    )
    html = render(text)
    assert [f'id="r{n}"' in html for n in (1, 7, 8)] == [True, True, True]
    assert '<a class="prirucka-recommendation__id" href="#r7">R7</a>' in html
    # A new document starts again at R1.
    assert 'id="r1"' in render("/// recommendation | A\nx\n///\n")


def test_say_and_avoid_side_by_side_only_when_adjacent():
    pair = render("/// say\nA\n///\n\n/// avoid\nB\n///\n")
    assert pair.startswith('<div class="prirucka-say-avoid">')
    apart = render("/// say\nA\n///\n\nText between.\n\n/// avoid\nB\n///\n")
    assert "prirucka-say-avoid" not in apart


def test_checklist_has_real_checkboxes_in_a_form():
    html = render("/// checklist\n- [ ] A\n- [x] B\n///\n")
    assert html.count('<input type="checkbox" />') == 1
    assert html.count('<input checked="checked" type="checkbox" />') == 1
    assert '<form class="prirucka-checklist__form">' in html
    assert "task-list" not in html  # pymdownx.tasklist does not touch our items
    assert "<button" not in html and "submit" not in html


def test_blocks_in_code_are_shown_not_rendered():
    html = render("```markdown\n/// say\nA\n///\n```\n")
    assert "prirucka-block" not in html
    assert "/// say" in html


def test_blocks_nested_in_lists_and_admonitions():
    html = render(
        "!!! note\n    /// say\n    A\n    ///\n\n- item\n\n    /// avoid\n    B\n    ///\n"
    )
    assert html.count("prirucka-block ") == 2


def test_contact_numbers():
    text = (
        "/// contact | A\n    phone: [+420 475 511 811, 116 006]\n///\n\n"
        "```\n/// contact | In code\n    phone: 999 999 999\n///\n```\n\n"
        "/// contact | B\n    phone: 116111\n    email: b@example.org\n///\n\n"
        "Call 777 123 456.\n\n"
        "/// contact | C\n    email: c@example.org\n///\n"
    )
    assert contact_numbers(text) == ["+420 475 511 811", "116 006", "116111"]


def test_contact_numbers_skip_broken_options():
    assert contact_numbers("/// contact | A\n    phone: [1\n///\n") == []


def test_recommendation_anchors_without_rendering():
    text = (
        "/// recommendation | A\nx\n///\n\n"
        "```\n/// recommendation | In code\n///\n```\n\n"
        "/// recommendation | B\n    id: R7\nx\n///\n\n"
        "/// recommendation | C\nx\n///\n"
    )
    assert recommendation_anchors(text) == ["r1", "r7", "r8"]
    html = render(text)
    assert [f'id="{anchor}"' in html for anchor in recommendation_anchors(text)] == [True] * 3


def test_contact_links():
    html = render("/// contact | A\n    phone: +420 475 511 811\n    email: a@example.org\n///\n")
    assert '<a href="tel:+420475511811">+420 475 511 811</a>' in html
    assert '<a href="mailto:a@example.org">a@example.org</a>' in html


# --- author errors ------------------------------------------------------------------

ERRORS = [
    # (Markdown, line of the error, part of the message)
    ("Text.\n\n/// say\n    color: red\nA\n///\n", 3, "has no option `color`; it takes none"),
    ("/// say\n///\n", 1, "is empty"),
    ("/// avoid\n\n///\n", 1, "is empty"),
    ("/// steps\nNo list here.\n///\n", 1, "holds a numbered list"),
    ("/// steps\n    start: 2\n1. A\n///\n", 1, "has no option `start`"),
    ("# T\n\n/// checklist\nNo list.\n///\n", 3, "holds a list"),
    ("/// recommendation | A\n    id: X1\nx\n///\n", 1, "option `id` must be R and a number"),
    (
        "/// recommendation | A\nx\n///\n\n/// recommendation | B\n    id: R1\nx\n///\n",
        5,
        "R1 is already the ID of a recommendation on line 1",
    ),
    ("/// recommendation | A\n    ID: R1\nx\n///\n", 1, "did you mean `id`?"),
    ("/// record\n    lines: 3\n///\n", 1, "needs `fields`"),
    ("/// record\n    fields: Datum\n///\n", 1, "option `fields` must be a list of labels"),
    (
        "/// record\n    fields: [A]\n    lines: four\n///\n",
        1,
        "option `lines` must be a whole number",
    ),
    ("/// record\n    fields: [A]\n    lines: 500\n///\n", 1, "must be from 0 to 40"),
    ("/// record\n    fields: [A: many]\n///\n", 1, "entry `A`: the number of lines"),
    ("/// contact\n    phone: 112\n///\n", 1, "needs a title after `|`"),
    ("/// contact | X\n    phone: call us\n///\n", 1, "option `phone` must be phone numbers"),
    ("/// contact | X\n    email: nobody\n///\n", 1, "option `email` must be e-mail addresses"),
    (
        "/// contact | X\n    web: example.org\n///\n",
        1,
        "must be web addresses starting with https://",
    ),
    (
        "/// contact | X\n    hours: 8–16\n///\n",
        1,
        "needs at least a `phone`, an `email` or a `web`",
    ),
    ("/// case\nText.\n///\n", 1, "a case study needs the family's consent and anonymisation"),
    (
        "/// case | A\n    consent: true\n    anonymised: false\nText.\n///\n",
        1,
        "add `consent: true` and `anonymised: true` once both are true",
    ),
    (
        "/// case\n    consent: yes please\n    anonymised: true\nT\n///\n",
        1,
        "option `consent` must be `true` or `false`",
    ),
    (
        "/// case\n    consent: true\n    anonymized: true\nT\n///\n",
        1,
        "did you mean `anonymised`?",
    ),
    ("/// case\n    consent: true\n    anonymised: true\n///\n", 1, "is empty"),
    # Found before the blocks run: YAML, unclosed blocks, unknown names.
    ("/// record\n    fields: [a, b\n    lines: 2\n///\n", 3, "are not valid YAML"),
    ("/// record\n    - fields\n///\n", 2, "must be `key: value` lines"),
    ("Text.\n\n/// say\nA\n", 3, "`/// say` is never closed"),
    ("Text.\n\n/// sya\nA\n///\n", 3, "there is no block `/// sya`; did you mean `/// say`?"),
]


@pytest.mark.parametrize(("text", "line", "message"), ERRORS, ids=[e[2][:40] for e in ERRORS])
def test_author_errors(text, line, message):
    shown = error(text)
    assert shown.startswith(f"docs/cs/x.md:{line}: ")
    assert message in shown
    assert "\n" not in shown


def test_error_lines_count_from_the_line_option():
    # The site and print pass the line where the text starts after the front matter.
    assert error("/// case\nT\n///\n", line=6).startswith("docs/cs/x.md:6: ")


def test_error_lines_ignore_examples_in_code_blocks():
    text = "```\n/// say\n    color: red\n///\n```\n\n~~~~\n/// sya\n~~~~\n\n<!--\n/// sya\n-->\n\n/// say\n    color: red\nA\n///\n"
    assert error(text).startswith("docs/cs/x.md:15: ")


def test_error_lines_of_blocks_with_the_same_opener():
    text = "/// say\nA\n///\n\n/// say\nB\n///\n\n/// say\n///\n"
    assert error(text).startswith("docs/cs/x.md:9: ")


def test_error_lines_of_nested_blocks():
    text = "- item\n\n    /// case\n        consent: true\n    T\n    ///\n"
    assert error(text).startswith("docs/cs/x.md:3: ")
    text = "//// case | Outer\n    consent: true\n    anonymised: true\nT\n\n/// checklist\nno list\n///\n////\n"
    assert error(text).startswith("docs/cs/x.md:6: ")


def test_error_without_path_names_the_page():
    with pytest.raises(AuthorError) as caught:
        render("/// case\nT\n///\n")
    assert str(caught.value).startswith("<page>:1: ")
