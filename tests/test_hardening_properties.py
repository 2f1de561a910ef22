"""Property tests (Hypothesis): random and mutated front matter, manifests, data files
and Markdown never make the loaders, `check` or the build raise anything but an
author's error (issue 11)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, run_prirucka
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prirucka.cli import main
from prirucka.core import frontmatter, glossary, helplines, manifest, tags, yamlfile
from prirucka.core.errors import AuthorError

# YAML's and Markdown's meaningful characters, letters with Czech diacritics, control
# characters and whitespace of every kind.
ALPHABET = st.sampled_from(
    list("-:#&*!|>'\"%@`{}[],?\t\n \\/.=<") + list("aěščřžýáíé1290_xyAZ") + ["\x00", "\r", "\u00a0"]
)
TEXT = st.text(ALPHABET, max_size=300)
VALID_PAGE = (FIXTURES / "tiny" / "docs" / "cs" / "sekce" / "stranka.md").read_text("utf-8")
VALID_MANIFEST = (FIXTURES / "tiny" / "handbook" / "mala.yml").read_text("utf-8")


@st.composite
def mutated(draw, text: str):
    """`text` with a few characters inserted, deleted or replaced."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert" or not chars:
            chars[at:at] = draw(st.text(ALPHABET, min_size=1, max_size=8))
        elif action == "delete":
            del chars[min(at, len(chars) - 1)]
        else:
            chars[min(at, len(chars) - 1)] = draw(ALPHABET)
    return "".join(chars)


# More examples for a longer hunt: PRIRUCKA_EXAMPLES=5000 python -m pytest tests/test_hardening_properties.py
EXAMPLES = int(os.environ.get("PRIRUCKA_EXAMPLES", "150"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FAST
@given(st.one_of(TEXT, mutated(VALID_MANIFEST)))
def test_yaml_loader_raises_only_author_errors(text):
    try:
        yamlfile.parse(text, "handbook/x.yml")
    except AuthorError as error:
        assert error.line is None or error.line >= 1


@FAST
@given(st.one_of(TEXT.map(lambda t: "---\n" + t), mutated(VALID_PAGE)))
def test_front_matter_raises_only_author_errors(text):
    try:
        frontmatter.split(text, "docs/cs/x.md")
    except AuthorError as error:
        assert str(error).startswith("docs/cs/x.md")


@FAST
@given(
    st.one_of(TEXT, mutated(VALID_MANIFEST)),
    st.sampled_from(["manifest", "tags", "glossary", "helplines", "funders"]),
)
def test_data_file_loaders_raise_only_author_errors(text, kind):
    with tempfile.TemporaryDirectory() as folder:
        handbook = Path(folder) / "handbook"
        handbook.mkdir()
        name = {"manifest": "x.yml", "funders": "funders.yml"}.get(kind, f"{kind}.yml")
        path = handbook / name
        path.write_text(text, encoding="utf-8")
        try:
            if kind == "manifest":
                manifest.load_publication(path, {}, ["cs", "en"])
            elif kind == "funders":
                manifest.load_funders(handbook)
            elif kind == "tags":
                tags.load(path, ["cs", "en"])
            elif kind == "glossary":
                glossary.load(path)
            else:
                helplines.load(path)
        except AuthorError as error:
            assert Path(error.path).name == name or error.path.endswith(name)


@pytest.fixture(scope="module")
def checked_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("props") / "project"
    shutil.copytree(FIXTURES / "tiny", project)
    return project


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.one_of(mutated(VALID_PAGE), TEXT.map(lambda t: "---\n" + t)),
    manifest_text=st.one_of(st.just(VALID_MANIFEST), mutated(VALID_MANIFEST)),
)
def test_check_never_crashes_and_always_speaks_json(checked_project, page, manifest_text):
    (checked_project / "docs" / "cs" / "sekce" / "stranka.md").write_text(page, encoding="utf-8")
    (checked_project / "handbook" / "mala.yml").write_text(manifest_text, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(checked_project)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=True)
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1)
    json.loads(result.stdout)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(page=mutated(VALID_PAGE))
def test_build_never_crashes(tmp_path_factory, font_cache, page):
    project = tmp_path_factory.mktemp("build") / "project"
    shutil.copytree(FIXTURES / "tiny", project)
    (project / "docs" / "cs" / "sekce" / "stranka.md").write_text(page, encoding="utf-8")
    result = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr, result.stderr
