"""The translation workflow: records, states, commands, and what readers see."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import make_project, parse, run_prirucka
from prirucka.core import translation
from prirucka.core.errors import AuthorError
from prirucka.core.frontmatter import split

# --- normalisation and records (pure) ---------------------------------------------------


def test_hash_ignores_what_readers_do_not_see():
    body = "# Nadpis\n\nPrvní odstavec.\n\nDruhý odstavec.\n"
    same = "# Nadpis  \r\n\r\n\r\n\r\nPrvní odstavec.\t\r\n\r\nDruhý odstavec.\r\n\r\n"
    assert translation.text_hash(body) == translation.text_hash(same)
    assert translation.text_hash(body).startswith("n1:")
    assert translation.text_hash(body) != translation.text_hash(body.replace("První", "Prvý"))


def test_front_matter_does_not_count():
    one = split("---\ntitle: A\n---\n\n# A\n\nText.\n")
    two = split("---\ntitle: B\ntranslation: {from: cs, source_hash: n1:x}\n---\n# A\n\nText.\n")
    assert translation.text_hash(one.body) == translation.text_hash(two.body)


def test_sections_by_heading():
    body = (
        "Úvod.\n\n## Účel\n\nText.\n\n```\n## v kódu\n```\n\n## Právní rámec { #ramec }\n\nZákon.\n"
    )
    names = list(translation.sections(body))
    assert names == [translation.INTRO, "Účel", "Právní rámec"]


def test_with_record_keeps_everything_the_editor_wrote():
    text = "---\n# komentář redaktora\ntitle: Zásady\ntranslation:\n  from: cs\n  source_hash: n1:old\norder: 2\n---\n\n# Zásady\n\nText.\n"
    record = translation.Record("cs", "n1:new", "n1:mine", {"Zásady": "abc"})
    updated = translation.with_record(text, record)
    assert "# komentář redaktora\ntitle: Zásady\norder: 2\n" in updated
    assert "n1:old" not in updated and "source_hash: n1:new" in updated
    assert updated.endswith("---\n\n# Zásady\n\nText.\n")
    assert translation.with_record(updated, record) == updated  # idempotent
    bare = translation.with_record("# Bez hlavičky\n", record)
    assert bare.startswith("---\ntranslation:\n") and bare.endswith("---\n\n# Bez hlavičky\n")


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("translation: cs\n", "3: `translation`: must be a block"),
        (
            "translation:\n  from: de\n  source_hash: n1:x\n",
            "3: `translation`: `from: de` is not a language of this site",
        ),
        (
            "translation:\n  from: en\n  source_hash: n1:x\n",
            "`from: en` names the page's own language",
        ),
        ("translation:\n  from: cs\n", "`source_hash` is missing"),
        ("translation:\n  from: cs\n  source_hash: n1:x\n  souce: y\n", "unknown key `souce`"),
    ],
)
def test_bad_records_name_file_and_line(tmp_path, block, message):
    page = tmp_path / "x.md"
    page.write_text(f"---\ntitle: X\n{block}---\n\n# X\n")
    from prirucka.core.frontmatter import read

    with pytest.raises(AuthorError) as raised:
        translation.read_record(read(page), "en", ["cs", "en"])
    assert f"x.md:{message}" in str(raised.value) or message in str(raised.value)
    assert str(raised.value).split(":")[1] == "3"


# --- states, reached with the commands an editor uses -----------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "project")
    # Start from a clean slate: no English pages except the home page.
    for page in (project / "docs" / "en").rglob("*.md"):
        if page.name != "index.md" or page.parent.name != "en":
            page.unlink()
    return project


def states(project: Path, *args: str) -> dict[tuple[str, str], str]:
    result = run_prirucka("status", "--json", *args, cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return {(p["lang"], p["path"]): p["state"] for p in data["pages"]}


def translate_text(path: Path) -> None:
    """What a translator does: replace the Czech body with English."""
    doc = split(path.read_text())
    head = path.read_text()[: len(path.read_text()) - len(doc.body)]
    path.write_text(head + "\n# Alpha\n\nSecond in order although first alphabetically.\n")


def test_every_state_by_editing_files(project: Path):
    en = project / "docs" / "en"
    cs = project / "docs" / "cs"
    assert states(project)[("en", "sekce/alfa.md")] == "missing"

    created = run_prirucka("translate", "docs/cs/sekce/alfa.md", "--to", "en", cwd=project)
    assert created.returncode == 0, created.stderr
    copy = (en / "sekce" / "alfa.md").read_text()
    assert "translation:\n  from: cs\n  source_hash: n1:" in copy
    assert states(project)[("en", "sekce/alfa.md")] == "missing"  # still a copy: not translated

    again = run_prirucka("translate", "docs/cs/sekce/alfa.md", "--to", "en", cwd=project)
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert (en / "sekce" / "alfa.md").read_text() == copy

    refused = run_prirucka("sync", "docs/en/sekce/alfa.md", cwd=project)
    assert refused.returncode == 1 and "still a copy" in refused.stderr
    assert (en / "sekce" / "alfa.md").read_text() == copy

    translate_text(en / "sekce" / "alfa.md")
    assert states(project)[("en", "sekce/alfa.md")] == "current"

    source = cs / "sekce" / "alfa.md"
    source.write_text(source.read_text() + "\n## Nový oddíl\n\nDoplněný text.\n")
    result = json.loads(run_prirucka("status", "--json", cwd=project).stdout)
    entry = next(p for p in result["pages"] if p["path"] == "sekce/alfa.md")
    assert entry["state"] == "outdated"
    assert entry["changed_sections"] == ["Nový oddíl"]
    assert entry["source_updated"]  # a date, from the file when there is no git

    synced = run_prirucka("sync", "docs/en/sekce/alfa.md", cwd=project)
    assert synced.returncode == 0, synced.stderr
    assert states(project)[("en", "sekce/alfa.md")] == "current"

    page = en / "sekce" / "alfa.md"
    page.write_text(page.read_text().replace("Second in order", "Second in the order"))
    assert states(project)[("en", "sekce/alfa.md")] == "edited"

    # A hand-edited hash that matches nothing is outdated, never current.
    text = page.read_text()
    start = text.index("source_hash: ") + len("source_hash: ")
    page.write_text(text[:start] + "n1:ffffffffffffffff" + text[start + 19 :])
    assert states(project)[("en", "sekce/alfa.md")] == "outdated"

    (en / "sekce" / "zeta.md").write_text("---\ntitle: Zeta\n---\n\n# Zeta\n\nFirst in order.\n")
    assert states(project)[("en", "sekce/zeta.md")] == "untracked"

    source.unlink()
    assert states(project)[("en", "sekce/alfa.md")] == "orphaned"


def test_status_json_is_stable_and_documented(project: Path):
    first = run_prirucka("status", "--json", cwd=project).stdout
    assert first == run_prirucka("status", "--json", cwd=project).stdout
    data = json.loads(first)
    assert data["version"] == 1 and data["languages"] == ["cs", "en"]
    assert set(data["counts"]["en"]) == set(translation.STATES)
    assert set(data["pages"][0]) == {
        "path",
        "lang",
        "source_lang",
        "state",
        "changed_sections",
        "note",
        "source_updated",
        "matched_commit",
    }
    paths = [(p["path"], p["lang"]) for p in data["pages"]]
    assert paths == sorted(paths)
    only_cs = json.loads(run_prirucka("status", "--json", "--lang", "cs", cwd=project).stdout)
    assert {p["lang"] for p in only_cs["pages"]} <= {
        "cs"
    }  # the English-only page is missing in Czech


def test_strict_fails_on_missing_or_outdated(project: Path):
    assert run_prirucka("status", "--strict", cwd=project).returncode == 1
    table = run_prirucka("status", cwd=project).stdout
    assert "missing    en   sekce/alfa.md" in table
    assert "en: " in table and "missing" in table.splitlines()[-1]


def test_sync_all_current_and_force(project: Path):
    run_prirucka("translate", "sekce/zeta.md", "--to", "en", cwd=project)
    forced = run_prirucka("sync", "--all-current", "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert states(project)[("en", "sekce/zeta.md")] == "missing"  # forced, yet still a copy


def test_diff_without_git_names_the_changed_sections(project: Path):
    run_prirucka("translate", "docs/cs/sekce/alfa.md", "--to", "en", cwd=project)
    translate_text(project / "docs" / "en" / "sekce" / "alfa.md")
    source = project / "docs" / "cs" / "sekce" / "alfa.md"
    source.write_text(source.read_text().replace("Druhá v pořadí", "Druhá v celém pořadí"))
    result = run_prirucka("diff", "docs/en/sekce/alfa.md", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Changed sections of docs/cs/sekce/alfa.md" in result.stdout
    assert "Alfa (cs)" in result.stdout


def git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Redakce", "-c", "user.email=redakce@example.org", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_git_finds_the_commit_where_the_source_last_matched(project: Path):
    git(project, "init", "-q")
    run_prirucka("translate", "docs/cs/sekce/alfa.md", "--to", "en", cwd=project)
    translate_text(project / "docs" / "en" / "sekce" / "alfa.md")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Translate Alfa")
    matched = git(project, "rev-parse", "HEAD")
    source = project / "docs" / "cs" / "sekce" / "alfa.md"
    source.write_text(source.read_text() + "\nDoplněná věta pro čtenáře.\n")
    git(project, "commit", "-qam", "Extend Alfa")

    data = json.loads(run_prirucka("status", "--json", cwd=project).stdout)
    entry = next(p for p in data["pages"] if p["path"] == "sekce/alfa.md")
    assert entry["state"] == "outdated"
    assert entry["matched_commit"] == matched
    assert entry["source_updated"] == git(project, "log", "-1", "--format=%cs")

    diff = run_prirucka("diff", "docs/en/sekce/alfa.md", cwd=project)
    assert diff.returncode == 0, diff.stderr
    assert f"docs/cs/sekce/alfa.md @ {matched[:10]}" in diff.stdout
    assert "+Doplněná věta pro čtenáře." in diff.stdout
    assert "table" not in diff.stdout


# --- what readers and editors see in the built site -------------------------------------


def test_outdated_translation_notice_in_the_readers_language(mini_site: Path):
    page = parse(mini_site / "en" / "sekce" / "alfa" / "index.html")
    notice = next(
        a
        for a in page.find(".//article").iter("aside")
        if "prirucka-notice--outdated" in a.get("class")
    )
    text = " ".join("".join(notice.itertext()).split())
    assert notice.get("lang") == "en"
    assert text.startswith("The original of this page (Czech) was updated on ")
    assert "this translation may be out of date. Read the original." in text
    assert notice.find(".//a").get("href") == "../../../sekce/alfa/"
    # The Czech original carries no such notice.
    assert (
        "prirucka-notice--outdated" not in (mini_site / "sekce" / "alfa" / "index.html").read_text()
    )


def test_translation_status_page_for_editors(mini_site: Path):
    czech = parse(mini_site / "pro-editory" / "stav-prekladu" / "index.html")
    rows = {
        tuple("".join(cell.itertext()) for cell in row.findall("td"))[:3]
        for row in czech.find(".//article").iter("tr")
        if row.findall("td")
    }
    assert ("sekce/alfa.md", "en", "zastaralý") in rows
    assert ("jen-cesky.md", "en", "chybí") in rows
    assert ("only-in-english.md", "cs", "chybí") in rows
    assert ("sekce/zeta.md", "en", "nesledovaný") in rows
    english = (mini_site / "en" / "pro-editory" / "stav-prekladu" / "index.html").read_text()
    assert "Translation status" in english and ">outdated<" in english
    # Not in the main navigation.
    assert "stav-prekladu" not in (mini_site / "index.html").read_text()
