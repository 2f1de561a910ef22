"""Plain-language checks on constructed examples in Czech and English."""

from __future__ import annotations

import json

import pytest
from conftest import make_project, run_prirucka
from prirucka.core import plainlanguage as pl


def codes(findings, level=None):
    return [(f.code, f.line, f.col) for f in findings if level is None or f.level == level]


def test_only_pages_for_parents_and_children_are_checked():
    long = " ".join(["slovo"] * 40) + "."
    assert pl.check("x.md", long, "cs", 1, ["professionals"]) == []
    assert pl.check("x.md", long, "cs", 1, []) == []
    assert codes(pl.check("x.md", long, "cs", 1, ["parents"]), "warning") == [
        ("plain-sentence", 1, 1)
    ]


@pytest.mark.parametrize(
    ("lang", "words_parents_ok", "words_children_ok"),
    [("cs", 20, 12), ("en", 25, 15)],
)
def test_sentence_limits_per_language_and_audience(lang, words_parents_ok, words_children_ok):
    word = "dům" if lang == "cs" else "home"

    def sentence(n: int) -> str:
        return (" ".join([word] * n)).capitalize() + "."

    assert pl.check("x.md", sentence(words_parents_ok), lang, 1, ["parents"]) == []
    over = pl.check("x.md", sentence(words_parents_ok + 1), lang, 1, ["parents"])
    assert [f.code for f in over if f.level == "warning"] == ["plain-sentence"]
    # The same sentence is fine for parents but too long for children.
    middle = sentence(words_children_ok + 1)
    assert pl.check("x.md", middle, lang, 1, ["parents"]) == []
    assert [f.code for f in pl.check("x.md", middle, lang, 1, ["children"])] == ["plain-sentence"]
    # Both audiences: the stricter limits apply.
    assert pl.limits_for(["parents", "children"], lang) == pl.LIMITS[("children", lang)]


def test_positions_are_line_and_column_in_the_file():
    body = "# Nadpis se nepočítá\n\nPrvní věta je krátká. Dlouhá " + " ".join(["věta"] * 13) + ".\n"
    # The body starts on line 5 of the file (after the front matter).
    found = pl.check("docs/cs/deti.md", body, "cs", 5, ["children"])
    sentence = [f for f in found if f.code == "plain-sentence"]
    assert len(sentence) == 1
    assert (sentence[0].path, sentence[0].line, sentence[0].col) == ("docs/cs/deti.md", 7, 23)
    assert str(sentence[0]).startswith("docs/cs/deti.md:7:23: warning: plain-sentence: ")


def test_long_words_are_notes():
    czech = pl.check("x.md", "Nejnepravděpodobnější věc se stala.", "cs", 1, ["parents"])
    assert [(f.code, f.level) for f in czech] == [("plain-long-word", "info")]
    assert "21 letters" in czech[0].message
    # Each part of a hyphenated compound counts alone; abbreviations do not count.
    assert pl.check("x.md", "Sociálně-právní ochrana a OSPOD.", "cs", 1, ["parents"]) == []
    english = pl.check("x.md", "It is incomprehensible.", "en", 1, ["children"])
    assert [f.code for f in english] == ["plain-long-word"]


@pytest.mark.parametrize(
    ("lang", "text", "passive"),
    [
        ("cs", "Dítě bylo odebráno z rodiny.", "bylo odebráno"),
        ("cs", "Rozhodnutí je vydáno soudem.", "je vydáno"),
        ("cs", "Smlouvy byly podepsány včas.", "byly podepsány"),
        ("en", "The child was removed from the family.", "was removed"),
        ("en", "The decision is made by the court.", "is made"),
    ],
)
def test_passive_voice_is_a_note_for_parents_and_a_warning_for_children(lang, text, passive):
    parents = pl.check("x.md", text, lang, 1, ["parents"])
    assert [(f.code, f.level) for f in parents] == [("plain-passive", "info")]
    assert passive in parents[0].message
    children = pl.check("x.md", text, lang, 1, ["children"])
    assert [(f.code, f.level) for f in children if f.code == "plain-passive"] == [
        ("plain-passive", "warning")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("cs", "Bude mluvit s vámi."),  # future tense with an infinitive
        ("cs", "OSPOD je orgán, který chrání děti."),
        ("en", "Your child is worried."),
        ("en", "The court decides."),
    ],
)
def test_active_sentences_are_not_passive(lang, text):
    assert pl.check("x.md", text, lang, 1, ["children"]) == []


def test_abbreviations_and_numbers_do_not_end_a_sentence():
    items = pl.sentences(
        "Podle zákona č. 359/1999 Sb. to platí. Spolek Příklad, z. s. pomáhá.", "cs"
    )
    assert [s.text for s in items] == [
        "Podle zákona č. 359/1999 Sb. to platí.",
        "Spolek Příklad, z. s. pomáhá.",
    ]
    items = pl.sentences("See Act No. 359/1999 Coll. for details. It is short.", "en")
    assert len(items) == 2


def test_markup_is_not_prose():
    body = """# Heading that is long enough to count as a very long sentence if it were counted

```text
code code code code code code code code code code code code code code code code code
```

/// contact | Linka
    phone: 116 111
    hours: nonstop
Short text.
///

!!! warning "A title"
    Call now.

| Age | What |
| --- | --- |
| Toddlers | They cry. |

- An item. Another one.

[^1]: A footnote with a very long text that would be far too long for a child to read at all, really.
"""
    items = [s.text for s in pl.sentences(body, "en")]
    assert items == [
        "Short text.",
        "Call now.",
        "Age",
        "What",
        "Toddlers",
        "They cry.",
        "An item.",
        "Another one.",
    ]
    assert pl.check("x.md", body, "en", 1, ["children"]) == []


def test_lix_readability():
    easy = pl.sentences("Máma je doma. Táta vaří. Pes spí.", "cs")
    assert pl.lix(easy) == pytest.approx(7 / 3)  # seven short words in three sentences
    hard_text = " ".join(
        ["Nejkomplikovanější administrativní záležitosti vyžadují mimořádnou koordinaci."] * 5
    )
    found = pl.check("x.md", hard_text, "cs", 3, ["parents"])
    readability = [f for f in found if f.code == "plain-readability"]
    assert len(readability) == 1 and readability[0].level == "warning" and readability[0].line == 3
    assert "LIX" in readability[0].message


def test_prirucka_check_reports_plain_language_findings(tmp_path):
    project = make_project(tmp_path / "project", "kb")
    long_cs = " ".join(["slovo"] * 13)
    (project / "docs" / "cs" / "deti.md").write_text(
        f"---\ntype: leaflet\ntitle: Pro děti\naudience: [children]\n---\n\n# Pro děti\n\n{long_cs.capitalize()}.\n"
    )
    (project / "docs" / "en" / "deti.md").write_text(
        "---\ntype: leaflet\ntitle: For children\naudience: [parents]\n---\n\n# For children\n\nThe child was taken away.\n"
    )
    result = run_prirucka("check", "--format", "json", "docs", cwd=project)
    data = json.loads(result.stdout)
    found = {
        (f["path"], f["line"], f["col"], f["level"], f["code"])
        for f in data["findings"]
        if f["code"].startswith("plain-")
    }
    assert found == {
        ("docs/cs/deti.md", 9, 1, "warning", "plain-sentence"),
        ("docs/en/deti.md", 9, 11, "info", "plain-passive"),
    }
