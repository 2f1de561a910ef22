"""Nothing outside the project is read, written or published; no command destroys
sources; a failed or killed build leaves the previous site; a damaged cache is made
again (issue 11)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from conftest import PRIRUCKA, make_project, run_prirucka


def _sources(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes()
        for folder in ("docs", "handbook")
        for p in sorted((project / folder).rglob("*"))
        if p.is_file() and not p.is_symlink()
    } | {"mkdocs.yml": (project / "mkdocs.yml").read_bytes()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project", "tiny")
    (root / "docs" / "assets").mkdir(exist_ok=True)  # (git keeps no empty folder)
    return root


# --- links out of the project ----------------------------------------------------------------


def test_links_out_of_the_project_are_neither_read_nor_published(project, tmp_path, font_cache):
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntype: page\ntitle: Venku\n---\n\n# Venku\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-publish", encoding="utf-8")
    (project / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (project / "docs" / "assets" / "secret.txt").symlink_to(secret)
    (project / "docs" / "cs" / "venku.md").symlink_to(outside)
    build = run_prirucka("build", cwd=project, cache=font_cache)
    assert build.returncode == 1 and "Traceback" not in build.stderr
    for name in ("docs/assets/env.txt", "docs/assets/secret.txt", "docs/cs/venku.md"):
        assert f"{name}:1: is a link to" in build.stderr, name
    assert not (project / "site").exists()
    check = run_prirucka("check", "--format", "json", cwd=project)
    codes = {(f["path"], f["code"]) for f in json.loads(check.stdout)["findings"]}
    assert ("docs/assets/secret.txt", "file-outside") in codes
    assert ("docs/cs/venku.md", "file-outside") in codes
    assert "do-not-publish" not in check.stdout


def test_an_image_linked_out_of_the_project_is_not_printed(project, tmp_path):
    (tmp_path / "obrazek.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    (project / "docs" / "assets" / "obrazek.png").symlink_to(tmp_path / "obrazek.png")
    page = project / "docs" / "cs" / "sekce" / "stranka.md"
    page.write_text(page.read_text() + "\n![Obrázek](../../assets/obrazek.png)\n")
    result = run_prirucka("pdf", "--lang", "cs", cwd=project)
    assert "Traceback" not in result.stderr
    assert "docs/assets/obrazek.png:1: is a link to" in result.stderr or "refused" in result.stderr


# --- paths given to commands -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["sync", "--force", "../elsewhere/file.conf"],
        ["sync", "--force", "{elsewhere}/file.conf"],
        ["translate", "/etc/passwd", "--to", "en"],
        ["diff", "../../etc/passwd"],
        ["terms", "/etc/passwd"],
        ["sync", "docs/cs/../../mkdocs.yml"],
    ],
)
def test_commands_accept_only_pages_of_the_language_folders(project, tmp_path, args):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "file.conf").write_text("a: 1\n")
    before = _sources(project)
    args = [a.replace("{elsewhere}", str(elsewhere)) for a in args]
    result = run_prirucka(*args, cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a page of docs/cs/ or docs/en/" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one clear line
    assert (elsewhere / "file.conf").read_text() == "a: 1\n"
    assert _sources(project) == before


def test_check_refuses_a_path_outside_the_project(project):
    result = run_prirucka("check", "/etc/passwd", cwd=project)
    assert result.returncode == 2 and "outside the project" in result.stderr


def test_sync_never_reverses_a_record(project):
    before = _sources(project)
    result = run_prirucka("sync", "docs/cs/sekce/stranka.md", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "prirucka sync docs/en/sekce/stranka.md" in result.stderr
    assert _sources(project) == before


def test_sync_of_a_translation_whose_source_is_gone(project):
    (project / "docs" / "en" / "sekce" / "sirotek.md").write_text(
        "---\ntype: page\ntitle: O\ntranslation: {from: cs, source_hash: 'n1:0'}\n---\n\n# O\n"
    )
    result = run_prirucka("sync", "docs/en/sekce/sirotek.md", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/en/sekce/sirotek.md:4: its source docs/cs/sekce/sirotek.md no longer exists" in (
        result.stderr
    )


def test_new_refuses_a_file_as_section_and_a_flow_style_nav(project):
    before = _sources(project)
    result = run_prirucka("new", "page", "abc", "--section", "sekce/stranka", cwd=project)
    assert "Traceback" not in result.stderr
    (project / "docs" / "cs" / "soubor").write_text("x")
    result = run_prirucka("new", "page", "abc", "--section", "soubor", cwd=project)
    assert result.returncode == 1 and "is a file, not a folder" in result.stderr
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "nav: [index.md, sekce/index.md]\n")
    written = config.read_text()
    result = run_prirucka("new", "page", "nova", cwd=project)
    assert "Traceback" not in result.stderr
    assert "is not a plain list of `- page` lines" in result.stderr
    assert config.read_text() == written  # never corrupted
    assert set(before) <= set(_sources(project))


# --- the site folder -------------------------------------------------------------------------


@pytest.mark.parametrize("site_dir", ["handbook", "docs", "docs/cs", ".", ".."])
def test_a_site_folder_over_sources_is_refused(project, font_cache, site_dir):
    before = _sources(project)
    result = run_prirucka("build", "--no-pdf", "-d", site_dir, cwd=project, cache=font_cache)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "refusing to build the site into" in result.stderr
    assert _sources(project) == before


def test_a_folder_no_build_wrote_is_not_emptied(project, font_cache):
    (project / "vystup").mkdir()
    (project / "vystup" / "moje.txt").write_text("moje")
    result = run_prirucka("build", "--no-pdf", "-d", "vystup", cwd=project, cache=font_cache)
    assert result.returncode == 1 and "no Příručka build wrote it" in result.stderr
    assert (project / "vystup" / "moje.txt").read_text() == "moje"
    # A folder our build wrote (its marker) is rebuilt.
    result = run_prirucka("build", "--no-pdf", "-d", "web", cwd=project, cache=font_cache)
    assert result.returncode == 0 and (project / "web" / ".prirucka-site").is_file()
    result = run_prirucka("build", "--no-pdf", "-d", "web", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr


def test_a_failed_or_killed_build_leaves_the_previous_site(project, font_cache):
    assert run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache).returncode == 0
    site = project / "site"
    previous = (site / "index.html").read_text()
    # A strict build that fails publishes nothing of itself.
    page = project / "docs" / "cs" / "index.md"
    page.write_text(page.read_text() + "\n[Nikam](neexistuje.md)\n<script>alert(1)</script>\n")
    failed = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
    assert failed.returncode == 1
    assert (site / "index.html").read_text() == previous
    assert "alert(1)" not in (site / "index.html").read_text()
    # Killed halfway: the previous site stays; the next build cleans up after it, and
    # no process the build started (PDF workers, their forkserver) outlives it.
    marker = str(uuid.uuid4())
    tag = f"PRIRUCKA_TEST_TAG={marker}"
    env = dict(os.environ, PRIRUCKA_TEST_CACHE=str(font_cache), PRIRUCKA_TEST_TAG=marker)
    process = subprocess.Popen(
        [PRIRUCKA, "build", "--no-strict"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(project.glob(".site.building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    while not set(_tagged(tag)) - {process.pid} and time.monotonic() < deadline:
        time.sleep(0.05)  # until its PDF workers run
    assert set(_tagged(tag)) - {process.pid}, "the build started no other process"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (site / "index.html").read_text() == previous
    deadline = time.monotonic() + 20
    while _tagged(tag) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _tagged(tag), "processes outlived the killed build"
    page.write_text(page.read_text().replace("<script>alert(1)</script>", ""))
    page.write_text(page.read_text().replace("[Nikam](neexistuje.md)", ""))
    assert run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache).returncode == 0
    assert not list(project.glob(".site.*"))


def _tagged(tag: str) -> list[int]:
    """Processes whose environment carries `tag` (what a build started inherits it)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and tag.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue  # gone, or not ours to read
    return found


def test_read_only_site_and_cache(project, font_cache):
    assert run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache).returncode == 0
    os.chmod(project / "site", 0o555)
    cache = project / ".cache"
    cache.mkdir(exist_ok=True)
    os.chmod(cache, 0o555)
    try:
        result = run_prirucka("build", cwd=project)
        assert "Traceback" not in result.stderr
        assert result.returncode == 0, result.stderr
    finally:
        os.chmod(project / "site", 0o755)
        os.chmod(cache, 0o755)


# --- the cache -------------------------------------------------------------------------------


def test_a_damaged_cache_is_made_again(project, tmp_path):
    assert run_prirucka("build", cwd=project).returncode == 0
    cache = project / ".cache" / "prirucka"
    for pdf in (cache / "pdf").glob("*.pdf"):
        pdf.write_bytes(b"garbage garbage!!")
    for record in (cache / "pdf").glob("input-*.json"):
        record.write_text(record.read_text(errors="replace")[:30])
    for entry in list((cache / "pages").rglob("*.json"))[:3]:
        entry.write_bytes(b"{}")
    result = run_prirucka("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "is damaged; discarded and made again" in result.stderr
    for pdf in (project / "site" / "pdf").glob("*.pdf"):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and len(data) > 10_000, pdf.name
    # A project's own font, damaged in the web-font cache, is subset again.
    fonts = project / "handbook" / "theme" / "fonts"
    fonts.mkdir(parents=True)
    source = Path(__file__).parents[1] / "plugins" / "prirucka" / "theme" / "fonts"
    (fonts / "Vlastni-Regular.ttf").write_bytes((source / "NotoSans-Regular.ttf").read_bytes())
    assert run_prirucka("build", "--no-pdf", cwd=project).returncode == 0
    for woff2 in (cache / "webfonts").glob("*.woff2"):
        woff2.write_bytes(woff2.read_bytes()[:100])
    result = run_prirucka("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    served = project / "site" / "assets" / "prirucka" / "fonts" / "Vlastni-Regular.woff2"
    assert served.read_bytes().startswith(b"wOF2") and served.stat().st_size > 10_000


def test_a_file_name_written_decomposed_is_found(project, font_cache):
    """macOS writes `á` as `a` + a combining accent (NFD); links are typed composed (NFC)."""
    import unicodedata

    name = unicodedata.normalize("NFD", "kam-se-obrátit.md")
    (project / "docs" / "cs" / name).write_text(
        "---\ntype: page\ntitle: Kam\n---\n\n# Kam se obrátit\n", encoding="utf-8"
    )
    index = project / "docs" / "cs" / "index.md"
    index.write_text(index.read_text() + "\n[Kam se obrátit](kam-se-obrátit.md)\n")
    check = run_prirucka("check", "--format", "json", cwd=project)
    codes = {f["code"] for f in json.loads(check.stdout)["findings"]}
    assert "link-missing" not in codes and "file-name" in codes  # a slug is suggested
    build = run_prirucka("build", "--no-pdf", "--no-strict", cwd=project, cache=font_cache)
    assert build.returncode == 0, build.stderr
    assert "not found" not in build.stderr
    assert (project / "site" / "kam-se-obrátit" / "index.html").is_file()
