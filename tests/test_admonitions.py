"""Default admonition titles in the page's language, on a bare markdown.Markdown()."""

import markdown
import pytest

EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "prirucka_admonitions"]


def render(text: str, lang: str) -> str:
    md = markdown.Markdown(
        extensions=EXTENSIONS, extension_configs={"prirucka_admonitions": {"lang": lang}}
    )
    return md.convert(text)


@pytest.mark.parametrize(
    ("kind", "czech"),
    [
        ("note", "Poznámka"),
        ("warning", "Upozornění"),
        ("tip", "Tip"),
        ("danger", "Nebezpečí"),
        ("example", "Příklad"),
        ("info", "Informace"),
        ("abstract", "Shrnutí"),
        ("question", "Otázka"),
        ("quote", "Citace"),
    ],
)
def test_czech_default_titles(kind, czech):
    html = render(f"!!! {kind}\n    Text.\n", "cs")
    assert f'<p class="admonition-title">{czech}</p>' in html


def test_english_default_title_unchanged():
    assert '<p class="admonition-title">Note</p>' in render("!!! note\n    Text.\n", "en")


def test_author_title_is_kept():
    html = render('!!! note "Důležité upozornění"\n    Text.\n', "cs")
    assert '<p class="admonition-title">Důležité upozornění</p>' in html
    assert "Poznámka" not in html


def test_empty_title_stays_empty():
    html = render('!!! note ""\n    Text.\n', "cs")
    assert "admonition-title" not in html


def test_details_summary_translated():
    html = render("??? warning\n    Skryté.\n", "cs")
    assert "<summary>Upozornění</summary>" in html


def test_code_block_is_not_touched():
    html = render("```\n!!! note\n    v kódu\n```\n", "cs")
    assert "!!! note" in html
    assert "Poznámka" not in html


def test_title_with_markup_is_the_authors():
    html = render('!!! note "*Note*"\n    Text.\n', "cs")
    assert "<em>Note</em>" in html
