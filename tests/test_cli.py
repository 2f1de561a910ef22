"""`prirucka build`: exit codes and messages an editor can act on."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_prirucka


def test_help_lists_commands(tmp_path: Path):
    result = run_prirucka("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "build" in result.stdout and "serve" in result.stdout


def test_build_succeeds_with_zero(mini_project: Path):
    # The shared fixture asserted exit 0; the site is there.
    assert (mini_project / "site" / "index.html").is_file()
    assert (mini_project / "site" / "en" / "index.html").is_file()


def _broken_copy(tmp_path: Path, font_cache: Path, edit) -> tuple[Path, object]:
    project = make_project(tmp_path / "project")
    edit(project)
    return project, run_prirucka("build", cwd=project, cache=font_cache)


def _assert_author_error(result, expected: str) -> None:
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_broken_yaml_names_the_line(tmp_path: Path, font_cache: Path):
    def edit(project: Path) -> None:
        config = project / "mkdocs.yml"
        lines = config.read_text().splitlines()
        lines.insert(2, "strict: [true")  # line 3: an unclosed list
        config.write_text("\n".join(lines) + "\n")

    _, result = _broken_copy(tmp_path, font_cache, edit)
    _assert_author_error(result, "mkdocs.yml:")
    assert "not valid YAML" in result.stderr


def test_invalid_setting_names_the_key_and_line(tmp_path: Path, font_cache: Path):
    def edit(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text() + "use_directory_urls: maybe\n")

    project, result = _broken_copy(tmp_path, font_cache, edit)
    line = len((project / "mkdocs.yml").read_text().splitlines())
    _assert_author_error(result, f"mkdocs.yml:{line}: `use_directory_urls`")


def test_missing_config_file(tmp_path: Path):
    result = run_prirucka("build", "-f", "nowhere.yml", cwd=tmp_path)
    _assert_author_error(result, "nowhere.yml: no such file")


def test_bad_front_matter_names_file_and_line(tmp_path: Path, font_cache: Path):
    def edit(project: Path) -> None:
        page = project / "docs" / "cs" / "sekce" / "alfa.md"
        page.write_text("---\ntitle: Alfa\norder: [2\n---\n\n# Alfa\n")

    _, result = _broken_copy(tmp_path, font_cache, edit)
    _assert_author_error(result, "docs/cs/sekce/alfa.md:")
    assert "front matter is not valid YAML" in result.stderr


def test_wrong_order_value_names_the_line(tmp_path: Path, font_cache: Path):
    def edit(project: Path) -> None:
        page = project / "docs" / "en" / "sekce" / "zeta.md"
        page.write_text("---\ntitle: Zeta\norder: first\n---\n\n# Zeta\n")

    _, result = _broken_copy(tmp_path, font_cache, edit)
    _assert_author_error(result, "docs/en/sekce/zeta.md:3: `order` must be a whole number")


def test_strict_warning_fails_the_build(tmp_path: Path, font_cache: Path):
    def edit(project: Path) -> None:
        page = project / "docs" / "cs" / "index.md"
        page.write_text(page.read_text() + "\n[Odkaz nikam](neexistuje.md)\n")

    _, result = _broken_copy(tmp_path, font_cache, edit)
    _assert_author_error(result, "neexistuje.md")
    assert "build failed" in result.stderr
